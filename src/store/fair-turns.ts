/**
 * Picks up to `limit` of `candidates` in turns by tenant: each tenant's first, then each
 * tenant's second, and so on. Within a tenant the candidates keep their order (most overdue
 * first), and within a turn tenants come in the order of their first candidate. So one tenant's
 * backlog of thousands is worked off beside the others' few, instead of before them.
 */
export function fairTurns<T extends { tenantId: string }>(candidates: readonly T[], limit: number): T[] {
  const queues = new Map<string, T[]>();
  for (const candidate of candidates) {
    const queue = queues.get(candidate.tenantId);
    if (queue) queue.push(candidate);
    else queues.set(candidate.tenantId, [candidate]);
  }
  const chosen: T[] = [];
  for (let turn = 0; chosen.length < limit; turn += 1) {
    let found = false;
    for (const queue of queues.values()) {
      if (turn >= queue.length) continue;
      found = true;
      chosen.push(queue[turn]);
      if (chosen.length === limit) break;
    }
    if (!found) break;
  }
  return chosen;
}
