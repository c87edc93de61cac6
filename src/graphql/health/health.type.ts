import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { Timestamp } from '../../timestamp';
import { FieldError } from '../common/field-error.type';
import { ConnectorConfig } from '../configs/connector-config.type';

export enum HealthStatus {
  UNKNOWN = 'UNKNOWN',
  HEALTHY = 'HEALTHY',
  FAILING = 'FAILING',
  DEGRADED = 'DEGRADED',
}

export enum CredentialExpirySource {
  CERTIFICATE = 'CERTIFICATE',
  OAUTH_GRANT = 'OAUTH_GRANT',
  PROVIDER = 'PROVIDER',
  USER = 'USER',
}

registerEnumType(HealthStatus, {
  name: 'HealthStatus',
  description: "A saved config's health, as its last health check (with the saved values) found it.",
  valuesConfig: {
    UNKNOWN: { description: 'Never checked yet.' },
    HEALTHY: { description: 'The last check passed.' },
    FAILING: { description: 'The last check failed: see the open issue.' },
    DEGRADED: { description: 'Working, but reduced: throttled, or its relay service partly down.' },
  },
});

registerEnumType(CredentialExpirySource, {
  name: 'CredentialExpirySource',
  description: 'Where an expiry date comes from.',
  valuesConfig: {
    CERTIFICATE: { description: "A pasted certificate's notAfter (the earliest of a bundle)." },
    OAUTH_GRANT: { description: "The provider's word on when the grant's refresh token ends." },
    PROVIDER: { description: 'What the provider reports about the credential.' },
    USER: { description: 'A date a person entered, for a secret whose expiry cannot be read.' },
  },
});

@ObjectType({
  simpleResolvers: true,
  description: 'One problem a health check found: open while it persists, resolved by the next success.',
})
export class HealthIssue {
  @Field({ description: 'A connection-test error code, or CREDENTIAL_EXPIRING / CREDENTIAL_EXPIRED.' })
  code!: string;

  @Field(() => String, { nullable: true, description: 'The field at fault.' })
  field!: string | null;

  @Field({ description: 'What is wrong, in words a person can act on.' })
  message!: string;

  @Field({ description: 'What to do about it.' })
  hint!: string;

  @Field(() => Date, { description: 'When it was first found.' })
  openedAt!: Timestamp;

  @Field(() => Date, { nullable: true, description: 'When a check found it gone; null while open.' })
  resolvedAt!: Timestamp | null;
}

@ObjectType({ simpleResolvers: true, description: 'What the health checks know of a saved config.' })
export class ConfigHealth {
  @Field(() => HealthStatus, { description: 'Its status.' })
  status!: HealthStatus;

  @Field(() => Date, { nullable: true, description: 'When it was last checked.' })
  checkedAt!: Timestamp | null;

  @Field(() => [HealthIssue], { description: 'Open issues first, then the ten most recently resolved.' })
  issues!: HealthIssue[];
}

@ObjectType({ simpleResolvers: true, description: 'When one credential of a config expires.' })
export class CredentialExpiry {
  @Field({ description: 'The field that holds it.' })
  field!: string;

  @Field(() => Date, { description: 'When it expires.' })
  expiresAt!: Timestamp;

  @Field(() => CredentialExpirySource, { description: 'Where the date comes from.' })
  source!: CredentialExpirySource;
}

@InputType({ description: "A date for a locked field's expiry, when the credential itself cannot say." })
export class SetCredentialExpiryInput {
  @Field(() => ID, { description: 'The config.' })
  configId!: string;

  @Field({ description: 'A locked field holding a value.' })
  field!: string;

  @Field(() => Date, { nullable: true, description: 'When it expires; null forgets the date.' })
  expiresAt?: Date | null;

  @Field(() => Int, { description: 'The version the person saw: a change since is a VERSION_CONFLICT.' })
  expectedVersion!: number;
}

@ObjectType({ simpleResolvers: true, description: 'The config with its expiry date, or why not.' })
export class SetCredentialExpiryPayload {
  @Field(() => ConnectorConfig, { nullable: true, description: 'The config, one version on.' })
  config!: ConnectorConfig | null;

  @Field(() => [FieldError], { description: 'Why not; empty on success.' })
  errors!: FieldError[];
}
