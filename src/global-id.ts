/**
 * Global object ids, as the Relay server specification asks: opaque strings that name a type
 * and a local id, so `node(id:)` can find any object.
 */
export type NodeTypeName = 'ConnectorConfig' | 'Relay' | 'ApiKey';

export function toGlobalId(type: NodeTypeName, localId: string): string {
  return Buffer.from(`${type}:${localId}`, 'utf8').toString('base64url');
}

export function fromGlobalId(globalId: string): { type: string; localId: string } | undefined {
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const separator = decoded.indexOf(':');
  if (separator <= 0) return undefined;
  return { type: decoded.slice(0, separator), localId: decoded.slice(separator + 1) };
}

/** The local id of a global id of the given type; undefined when it names something else. */
export function localIdOf(type: NodeTypeName, globalId: string): string | undefined {
  const parsed = fromGlobalId(globalId);
  return parsed?.type === type ? parsed.localId : undefined;
}
