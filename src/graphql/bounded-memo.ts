/**
 * Remembers computed values by key, up to `capacity` of them, then starts over: what callers
 * send (documents, variables) must not grow server memory without bound. Used for per-document
 * work in the request pipeline that Apollo's own document cache does not cover.
 */
export function boundedMemo<V>(capacity: number): (key: string, compute: () => V) => V {
  const values = new Map<string, V>();
  return (key, compute) => {
    if (values.has(key)) return values.get(key) as V;
    const value = compute();
    if (values.size >= capacity) values.clear();
    values.set(key, value);
    return value;
  };
}
