import { fairTurns } from '../../src/store/fair-turns';

const of = (tenantId: string, id: number) => ({ tenantId, id });

describe('fairTurns', () => {
  it("takes each tenant's first, then each one's second, keeping each tenant's order", () => {
    const candidates = [of('a', 1), of('a', 2), of('a', 3), of('b', 4), of('a', 5), of('c', 6), of('b', 7)];
    expect(fairTurns(candidates, 5).map((c) => c.id)).toEqual([1, 4, 6, 2, 7]);
    expect(fairTurns(candidates, 100).map((c) => c.id)).toEqual([1, 4, 6, 2, 7, 3, 5]);
  });

  it('stops at the limit, and answers nothing for nothing', () => {
    expect(fairTurns([of('a', 1), of('b', 2)], 1).map((c) => c.id)).toEqual([1]);
    expect(fairTurns([], 10)).toEqual([]);
    expect(fairTurns([of('a', 1)], 0)).toEqual([]);
  });
});
