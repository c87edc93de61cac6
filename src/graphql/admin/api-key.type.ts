import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { FieldError } from '../common/field-error.type';

export enum ApiKeyRoleName {
  ADMIN = 'ADMIN',
  EDITOR = 'EDITOR',
  VIEWER = 'VIEWER',
  RUNTIME = 'RUNTIME',
  PARTNER = 'PARTNER',
  INTERNAL = 'INTERNAL',
}

registerEnumType(ApiKeyRoleName, {
  name: 'ApiKeyRole',
  description: 'What a key may do in its tenant.',
  valuesConfig: {
    ADMIN: { description: 'Everything in the tenant, including keys and the audit log.' },
    EDITOR: { description: 'Read, save and test configs.' },
    VIEWER: { description: 'Read configs.' },
    RUNTIME: {
      description:
        'Only read configs with their secrets decrypted (connectorRuntimeConfig), for the integration runtime.',
    },
    PARTNER: {
      description: 'A platform key for partners: the catalogue, integrations and introspection; no tenant data.',
    },
    INTERNAL: {
      description: 'A platform key for internal tools: introspection, the SDL with directives and the catalogue.',
    },
  },
});

@ObjectType({
  simpleResolvers: true,
  description: 'An API key of your tenant. The key itself is shown once, at creation.',
})
export class ApiKey {
  @Field(() => ID, { description: 'The key id (also visible inside the key).' })
  id!: string;

  @Field({ description: 'What it is for.' })
  name!: string;

  @Field(() => ApiKeyRoleName, { description: 'What it may do.' })
  role!: ApiKeyRoleName;

  @Field({ description: 'The start of the key, which is not secret: pbk_<tenant>.<key id>.' })
  displayPrefix!: string;

  @Field(() => Date, { description: 'When it was created.' })
  createdAt!: Date;

  @Field({ description: 'Who created it.' })
  createdBy!: string;

  @Field(() => Date, { nullable: true, description: 'When it was revoked; null while it works.' })
  revokedAt!: Date | null;
}

@InputType({ description: 'A new API key for your tenant.' })
export class CreateApiKeyInput {
  @Field({ description: 'What it is for, such as "CI pipeline".' })
  name!: string;

  @Field(() => ApiKeyRoleName, { description: 'What it may do.' })
  role!: ApiKeyRoleName;
}

@ObjectType({ simpleResolvers: true, description: 'The outcome of createApiKey.' })
export class CreateApiKeyPayload {
  @Field(() => ApiKey, { nullable: true, description: "The new key's record." })
  apiKey!: ApiKey | null;

  @Field(() => String, {
    nullable: true,
    description: 'The key. Shown this once: store it now. Send it as `Authorization: Bearer <key>`.',
  })
  key!: string | null;

  @Field(() => [FieldError], { description: 'Why no key was made. Empty on success.' })
  errors!: FieldError[];
}

@ObjectType({ simpleResolvers: true, description: 'The outcome of revokeApiKey.' })
export class RevokeApiKeyPayload {
  @Field(() => ID, { nullable: true, description: 'The revoked key id.' })
  revokedId!: string | null;

  @Field(() => [FieldError], { description: 'Why nothing was revoked. Empty on success.' })
  errors!: FieldError[];
}
