import { evaluateRule, type FormRule, fieldsReadBy, isValueSet, ruleProblems } from '../../src/forms/form-rule';

describe('evaluateRule', () => {
  const values = { authMethod: 'CLIENT_SECRET', port: 5432, enabled: false, empty: '  ', list: [] as string[] };

  it.each<[string, FormRule, boolean]>([
    ['equals on a match', { field: 'authMethod', equals: 'CLIENT_SECRET' }, true],
    ['equals on another value', { field: 'authMethod', equals: 'CERTIFICATE' }, false],
    ['equals is strict about types', { field: 'port', equals: '5432' }, false],
    ['equals false on a false boolean', { field: 'enabled', equals: false }, true],
    ['notEquals', { field: 'authMethod', notEquals: 'CERTIFICATE' }, true],
    ['notEquals on a missing field', { field: 'missing', notEquals: 'X' }, true],
    ['in on a member', { field: 'authMethod', in: ['BASIC', 'CLIENT_SECRET'] }, true],
    ['in on a non-member', { field: 'authMethod', in: ['BASIC'] }, false],
    ['isSet on a value', { field: 'port', isSet: true }, true],
    ['isSet counts false as a value', { field: 'enabled', isSet: true }, true],
    ['isSet counts blank text as unset', { field: 'empty', isSet: false }, true],
    ['isSet counts an empty list as unset', { field: 'list', isSet: true }, false],
    ['isSet on a missing field', { field: 'missing', isSet: false }, true],
    [
      'all, every member true',
      {
        all: [
          { field: 'port', isSet: true },
          { field: 'enabled', equals: false },
        ],
      },
      true,
    ],
    [
      'all, one member false',
      {
        all: [
          { field: 'port', isSet: true },
          { field: 'enabled', equals: true },
        ],
      },
      false,
    ],
    [
      'any, one member true',
      {
        any: [
          { field: 'port', equals: 1 },
          { field: 'enabled', equals: false },
        ],
      },
      true,
    ],
    [
      'any, no member true',
      {
        any: [
          { field: 'port', equals: 1 },
          { field: 'enabled', equals: true },
        ],
      },
      false,
    ],
    ['not', { not: { field: 'authMethod', equals: 'CERTIFICATE' } }, true],
    ['nested', { not: { any: [{ all: [{ field: 'port', isSet: true }] }] } }, false],
  ])('%s', (_name, rule, expected) => {
    expect(evaluateRule(rule, values)).toBe(expected);
  });
});

describe('isValueSet', () => {
  it.each([
    [undefined, false],
    [null, false],
    ['', false],
    [' ', false],
    [[], false],
    ['x', true],
    [0, true],
    [false, true],
    [['a'], true],
    [{}, true],
  ])('%p → %p', (value, expected) => {
    expect(isValueSet(value)).toBe(expected);
  });
});

describe('fieldsReadBy', () => {
  it('lists every field a nested rule reads', () => {
    const rule: FormRule = {
      all: [{ field: 'a', equals: 1 }, { not: { field: 'b', isSet: true } }, { any: [{ field: 'c', in: ['x'] }] }],
    };
    expect(fieldsReadBy(rule)).toEqual(['a', 'b', 'c']);
  });
});

describe('ruleProblems', () => {
  it('accepts well-formed rules', () => {
    expect(
      ruleProblems({ all: [{ field: 'a', in: ['x', 1, true, null] }, { not: { field: 'b', isSet: false } }] }),
    ).toEqual([]);
  });

  it.each([
    ['a non-object', 'authMethod == X', 'must be an object'],
    ['an array', [], 'must be an object'],
    ['a leaf without operator', { field: 'a' }, 'exactly one of'],
    ['two operators', { field: 'a', equals: 1, in: [1] }, 'exactly one of'],
    ['an unknown operator', { field: 'a', startsWith: 'x' }, 'unknown operator'],
    ['an object as value', { field: 'a', equals: { x: 1 } }, 'must be a string, number, boolean or null'],
    ['an empty in list', { field: 'a', in: [] }, 'non-empty list of values'],
    ['a non-boolean isSet', { field: 'a', isSet: 'yes' }, 'true or false'],
    ['an empty all', { all: [] }, 'non-empty list of rules'],
    [
      'a malformed member',
      {
        any: [
          { field: 'a', equals: 1 },
          { field: 3, equals: 1 },
        ],
      },
      'rule.any[1]',
    ],
  ])('refuses %s', (_name, rule, problem) => {
    expect(ruleProblems(rule).join('; ')).toContain(problem);
  });
});
