import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { OAuthGrantStatus } from '../../oauth/grant-status';
import { FieldError } from '../common/field-error.type';

registerEnumType(OAuthGrantStatus, {
  name: 'OAuthGrantStatus',
  description: "Where a config stands with delegated access granted through the provider's consent screen.",
  valuesConfig: {
    NOT_CONNECTED: { description: 'No consent has completed yet (or the last attempt failed before any did).' },
    CONNECTED: { description: 'Granted: the runtime gets a valid access token, refreshed ahead of expiry.' },
    REFRESH_FAILED: { description: 'The provider stopped honouring the grant. Reconnect.' },
    REVOKED: { description: 'Disconnected in Plugboard: the tokens are gone. Reconnect to use it again.' },
  },
});

@ObjectType({ simpleResolvers: true, description: 'What went wrong with a grant last. Never a token.' })
export class OAuthGrantProblem {
  @Field({ description: 'A connection-test error code, such as OAUTH_REFRESH_FAILED or OAUTH_ACCESS_DENIED.' })
  code!: string;

  @Field({ description: 'What happened, in words a person can act on.' })
  message!: string;

  @Field({ description: 'What to do about it.' })
  hint!: string;

  @Field(() => String, {
    nullable: true,
    description: "The provider's own code, such as AADSTS70008 or invalid_grant, for its documentation.",
  })
  providerCode!: string | null;

  @Field(() => Date, { description: 'When it happened.' })
  at!: Date;
}

@ObjectType({
  simpleResolvers: true,
  description: "A config's delegated access, as far as anyone but the runtime may see it: never a token.",
})
export class OAuthGrant {
  @Field(() => OAuthGrantStatus, { description: 'Whether the grant works.' })
  status!: OAuthGrantStatus;

  @Field(() => [String], { description: 'The scopes the provider granted.' })
  grantedScopes!: string[];

  @Field(() => Date, {
    nullable: true,
    description: 'When the current access token expires; it is renewed ahead of it.',
  })
  accessTokenExpiresAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the access was last renewed.' })
  lastRefreshedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When a consent last completed; null when none has.' })
  connectedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Who connected it.' })
  connectedBy!: string | null;

  @Field(() => OAuthGrantProblem, { nullable: true, description: 'The last problem, until a success clears it.' })
  lastError!: OAuthGrantProblem | null;
}

@InputType({ description: 'Starts a consent at the provider for a saved config.' })
export class StartOAuthAuthorizationInput {
  @Field(() => ID, { description: 'The saved config to connect.' })
  configId!: string;

  @Field(() => String, {
    nullable: true,
    description: "The field that chose the flow (`ConnectorType.oauth.field`); the connector's when omitted.",
  })
  field?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Where to send the browser when the provider is done, with `oauth=connected|failed` and `config` added to its query. Must be on Plugboard's origin or one of PLUGBOARD_CORS_ORIGINS. Without it, the callback shows a page.",
  })
  returnUrl?: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'Where to send the browser to consent, or why not.' })
export class OAuthAuthorizationPayload {
  @Field(() => String, {
    nullable: true,
    description:
      "The provider's authorization URL (with state and the PKCE challenge). A browser may open it directly, unless the server requires the start URL (PLUGBOARD_OAUTH_BROWSER_BINDING=required).",
  })
  authorizationUrl!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Plugboard's URL to open in the browser instead: it binds the flow to that browser with a cookie and goes on to `authorizationUrl`. Only that browser can then finish, so a leaked consent URL cannot connect someone else's account. Opens once.",
  })
  startUrl!: string | null;

  @Field(() => String, { nullable: true, description: 'The state it carries, for a client that tracks its flows.' })
  state!: string | null;

  @Field(() => [FieldError], { description: 'Why the flow cannot start; empty when it can.' })
  errors!: FieldError[];
}

@InputType({ description: "Forgets a config's grant." })
export class DisconnectOAuthGrantInput {
  @Field(() => ID, { description: 'The config.' })
  configId!: string;
}

@ObjectType({ simpleResolvers: true, description: 'The grant after a disconnect, or why not.' })
export class OAuthGrantPayload {
  @Field(() => OAuthGrant, { nullable: true, description: 'The grant, now REVOKED.' })
  grant!: OAuthGrant | null;

  @Field(() => [FieldError], { description: 'Why not; empty on success.' })
  errors!: FieldError[];
}

@ObjectType({
  simpleResolvers: true,
  description:
    'Delegated access as the runtime gets it: a valid access token, renewed first when it was about to expire, or why there is none.',
})
export class RuntimeOAuthAccess {
  @Field(() => OAuthGrantStatus, { description: 'Whether the grant works.' })
  status!: OAuthGrantStatus;

  @Field(() => String, { nullable: true, description: 'A valid access token; null when there is none.' })
  accessToken!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the token expires.' })
  accessTokenExpiresAt!: Date | null;

  @Field(() => [String], { description: 'The scopes granted.' })
  grantedScopes!: string[];

  @Field(() => GraphQLJSONObject, {
    description: "Non-secret values of the provider's token answer, such as Salesforce's `instance_url`.",
  })
  providerValues!: Record<string, string>;

  @Field(() => OAuthGrantProblem, { nullable: true, description: 'Why there is no token, or the last problem.' })
  problem!: OAuthGrantProblem | null;
}
