import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { TypedSettings } from '../../configs/settings-submission';
import { TestErrorCategory, TestErrorCode } from '../../connector-kit/connection-test.codes';
import { TestStepKind } from '../../connector-kit/test-step';
import { FormSectionKind } from '../../forms/form.enums';
import { ConnectorSettingsInput } from '../configs/connector-settings.type';

export enum ConnectionTestStatus {
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
  REFUSED = 'REFUSED',
}

export enum TestStepStatus {
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
  SKIPPED = 'SKIPPED',
}

export enum TestedVia {
  DIRECT = 'DIRECT',
  RELAY = 'RELAY',
}

registerEnumType(ConnectionTestStatus, {
  name: 'ConnectionTestStatus',
  description: 'How a connection test ended.',
  valuesConfig: {
    SUCCEEDED: { description: 'Every step passed.' },
    FAILED: { description: 'A step failed; `errors` says which field, why, and the fix.' },
    REFUSED: { description: 'Nothing was attempted: invalid input, a locked field not re-entered, or a limit.' },
  },
});
registerEnumType(TestStepStatus, { name: 'ConnectionTestStepStatus', description: 'How one step of a test ended.' });
registerEnumType(TestedVia, {
  name: 'ConnectionTestedVia',
  description: 'Where the test ran from.',
  valuesConfig: {
    DIRECT: { description: 'From Plugboard itself.' },
    RELAY: { description: "From a relay agent inside the client's network." },
  },
});

@ObjectType({ simpleResolvers: true, description: 'One stage of a connection test.' })
export class ConnectionTestStep {
  @Field(() => TestStepKind, { description: 'Which stage.' })
  kind!: TestStepKind;

  @Field(() => TestStepStatus, { description: 'How it ended.' })
  status!: TestStepStatus;

  @Field(() => Int, { description: 'How long it took, in milliseconds.' })
  durationMs!: number;
}

@ObjectType({
  simpleResolvers: true,
  description:
    'The TLS certificate a server presented when it was not trusted (untrusted, self-signed, expired or for another name), so a UI can show it and offer to trust its CA.',
})
export class PresentedCertificate {
  @Field({ description: 'The subject, such as "CN=db.example.com, O=Example".' })
  subject!: string;

  @Field({ description: 'Who issued it.' })
  issuer!: string;

  @Field(() => Date, { description: 'Valid from.' })
  validFrom!: Date;

  @Field(() => Date, { description: 'Valid until.' })
  validTo!: Date;

  @Field({ description: 'The SHA-256 fingerprint, colon-separated hex: compare it with what the administrator sees.' })
  fingerprintSha256!: string;

  @Field(() => String, { nullable: true, description: 'The DNS names and addresses it covers.' })
  subjectAltNames?: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The authority to trust, in PEM, when the server sent it (for a self-signed certificate, the certificate itself): what a "trust this CA" action pastes into the form\'s CA certificate field.',
  })
  caCertificatePem?: string;
}

@ObjectType({
  simpleResolvers: true,
  description: 'The SSH host key a server presented when none was pinned or it did not match.',
})
export class PresentedHostKey {
  @Field({ description: 'The key algorithm, such as ssh-ed25519.' })
  type!: string;

  @Field({ description: 'OpenSSH\'s SHA256: fingerprint: what a "pin this key" action puts in the fingerprint field.' })
  fingerprintSha256!: string;
}

@ObjectType({ simpleResolvers: true, description: 'What is wrong, where, and how to fix it.' })
export class ConnectionTestError {
  @Field(() => TestErrorCode, {
    description: 'What failed; docs/connection-test-errors.md lists every code with its fix.',
  })
  code!: TestErrorCode;

  @Field(() => TestErrorCategory, { description: 'What kind of problem it is.' })
  category!: TestErrorCategory;

  @Field(() => String, { nullable: true, description: 'The form field at fault, when one is.' })
  field?: string;

  @Field(() => FormSectionKind, { nullable: true, description: 'The section of that field.' })
  section?: FormSectionKind;

  @Field({ description: 'What is wrong, in words a person can act on.' })
  message!: string;

  @Field({ description: 'How to fix it.' })
  hint!: string;

  @Field({ description: 'Whether trying again unchanged may succeed.' })
  retryable!: boolean;

  @Field(() => Int, {
    nullable: true,
    description: 'How long to wait before retrying, in seconds, when the provider said.',
  })
  retryAfterSeconds?: number;

  @Field(() => String, { nullable: true, description: "The provider's own code, such as AADSTS50076, 28P01 or 535." })
  providerCode?: string;

  @Field(() => String, {
    nullable: true,
    description: "The provider's message, with every value entered in a locked field removed.",
  })
  providerMessage?: string;

  @Field(() => String, {
    nullable: true,
    description: 'With INTERNAL: the request id to give support; the server logged the cause under it.',
  })
  requestId?: string;

  @Field(() => TestStepKind, {
    nullable: true,
    description: 'The step the error belongs to: the one `steps` shows FAILED. Null when the test was refused.',
  })
  step?: TestStepKind;

  @Field(() => PresentedCertificate, {
    nullable: true,
    description: 'With a TLS certificate problem: the certificate the server presented.',
  })
  presentedCertificate?: PresentedCertificate;

  @Field(() => PresentedHostKey, {
    nullable: true,
    description: 'With HOST_KEY_UNKNOWN or HOST_KEY_MISMATCH: the SSH host key the server presented.',
  })
  presentedHostKey?: PresentedHostKey;
}

@ObjectType({
  simpleResolvers: true,
  description: 'The outcome of a connection test: always data, never a GraphQL error.',
})
export class ConnectionTestResult {
  @Field({ description: 'Whether the connection works.' })
  ok!: boolean;

  @Field(() => ConnectionTestStatus, { description: 'How the test ended.' })
  status!: ConnectionTestStatus;

  @Field(() => Int, { description: 'How long the whole test took, in milliseconds.' })
  durationMs!: number;

  @Field(() => TestedVia, { description: 'Where it ran from.' })
  testedVia!: TestedVia;

  @Field(() => [ConnectionTestStep], { description: 'The stages that ran, in order.' })
  steps!: ConnectionTestStep[];

  @Field(() => [ConnectionTestError], { description: 'What is wrong; empty when ok.' })
  errors!: ConnectionTestError[];
}

@InputType({
  description:
    'A connection test of the form as filled in. Locked fields must be entered: saved values are never used for a test.',
})
export class TestConnectionInput {
  @Field(() => ID, { description: 'The connector key.' })
  connectorType!: string;

  @Field(() => ID, { nullable: true, description: 'The integration whose form this is; its overlay applies.' })
  integration?: string | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Field name → value, locked fields in plain text.' })
  values?: Record<string, unknown> | null;

  @Field(() => ConnectorSettingsInput, { nullable: true, description: 'The same values, typed.' })
  settings?: TypedSettings | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The saved config being tested: the outcome is recorded on it as lastTest.',
  })
  configId?: string | null;

  @Field(() => ID, { nullable: true, description: "A relay to test through, instead of the form's relay field." })
  relay?: string | null;
}
