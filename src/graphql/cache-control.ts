import { DirectiveLocation, GraphQLBoolean, GraphQLDirective, GraphQLEnumType, GraphQLInt } from 'graphql';
import { Directive } from 'type-graphql';

/**
 * The catalogue only changes with a deployment, so its answers may be cached by anyone: by
 * Plugboard's own response cache (which skips execution entirely) and by HTTP caches and
 * clients. Five minutes bounds how stale a client can be after a deployment.
 */
export const CATALOGUE_MAX_AGE_SECONDS = 300;

/**
 * Marks a root field as public, cacheable catalogue data. Apollo reads the hint from the
 * schema; every field without one keeps Apollo's default of "not cacheable", so tenant data is
 * never cached by mistake.
 */
export const PublicCatalogue = () => Directive(`@cacheControl(maxAge: ${CATALOGUE_MAX_AGE_SECONDS}, scope: PUBLIC)`);

/** Marks a catalogue object type as cacheable for as long as the field that returned it. */
export const InheritsCacheHint = () => Directive('@cacheControl(inheritMaxAge: true)');

/** Apollo's @cacheControl directive, declared so the printed SDL is a valid document. */
export function cacheControlDirective(): GraphQLDirective {
  const scope = new GraphQLEnumType({
    name: 'CacheControlScope',
    description: 'Who may share a cached answer.',
    values: {
      PUBLIC: { description: 'Anyone: the answer holds no data of a caller.' },
      PRIVATE: { description: 'Only the caller who asked.' },
    },
  });
  return new GraphQLDirective({
    name: 'cacheControl',
    description: 'How long an answer may be cached, and by whom.',
    locations: [
      DirectiveLocation.FIELD_DEFINITION,
      DirectiveLocation.OBJECT,
      DirectiveLocation.INTERFACE,
      DirectiveLocation.UNION,
    ],
    args: {
      maxAge: { type: GraphQLInt, description: 'Seconds the answer may be reused.' },
      scope: { type: scope, description: 'Who may share it.' },
      inheritMaxAge: { type: GraphQLBoolean, description: 'Cacheable for as long as the parent field.' },
    },
  });
}
