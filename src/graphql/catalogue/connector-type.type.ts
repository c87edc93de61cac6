import { Field, ID, Int, ObjectType } from 'type-graphql';
import { TestStepKind } from '../../connector-kit/test-step';
import { FormSectionKind } from '../../forms/form.enums';
import { InheritsCacheHint } from '../cache-control';
import { FormField } from './form-field.type';
import { OAuthFlowInfo } from './oauth-flow.type';

@InheritsCacheHint()
@ObjectType({ simpleResolvers: true, description: 'A section of a connector form, with its fields in display order.' })
export class FormSection {
  @Field(() => FormSectionKind, { description: 'Which section this is.' })
  kind!: FormSectionKind;

  @Field({ description: 'The section heading.' })
  title!: string;

  @Field({ description: 'What the section is for.' })
  description!: string;

  @Field(() => [FormField], { description: 'The fields, in display order.' })
  fields!: FormField[];
}

@InheritsCacheHint()
@ObjectType({ simpleResolvers: true, description: 'How a connection test of this connector proceeds.' })
export class ConnectionTestInfo {
  @Field(() => [TestStepKind], { description: 'The stages the test runs, in order.' })
  steps!: TestStepKind[];

  @Field(() => Int, { description: 'The most the whole test may take, in milliseconds.' })
  timeoutMs!: number;

  @Field(() => [String], {
    description:
      'Required fields a test may leave empty: it then fails reporting the value the server presented (an SSH host key to pin), which a UI offers to fill in. Saving still requires them.',
  })
  discoveredFields!: string[];
}

@InheritsCacheHint()
@ObjectType({
  simpleResolvers: true,
  description:
    'A kind of connector: a program an integration reaches, with the form that configures it. Metadata only; never tenant data.',
})
export class ConnectorType {
  @Field(() => ID, { description: 'Stable key, such as `postgresql`. Part of the public contract.' })
  key!: string;

  @Field({ description: 'The display name.' })
  name!: string;

  @Field({ description: 'What the connector reaches and how.' })
  description!: string;

  @Field({ description: 'The catalogue group, such as `database` or `identity`.' })
  category!: string;

  @Field(() => Int, { description: 'The version of the settings shape; saved configs record it.' })
  version!: number;

  @Field(() => String, { nullable: true, description: "The vendor's documentation for what the fields mean." })
  documentationUrl?: string;

  @Field(() => ID, {
    nullable: true,
    description: "The integration whose view of the form this is; null for the connector's own form.",
  })
  integration?: string;

  @Field({ description: 'The GraphQL object type that holds saved settings of this connector.' })
  settingsTypeName!: string;

  @Field({ description: 'The GraphQL input type that writes settings of this connector.' })
  settingsInputTypeName!: string;

  @Field({ description: 'Whether the form has Relay Options, so tests can run through a relay agent.' })
  relayCapable!: boolean;

  @Field(() => ConnectionTestInfo, { description: 'How its connection test proceeds.' })
  connectionTest!: ConnectionTestInfo;

  @Field(() => OAuthFlowInfo, {
    nullable: true,
    description:
      'Its consent flow (OAuth 2.0 authorization code), when it offers one: show a Connect button when the form chooses it. Null otherwise.',
  })
  oauth!: OAuthFlowInfo | null;

  @Field(() => [FormSection], {
    description: 'The form, section by section, in display order. Sections without visible fields are left out.',
  })
  sections!: FormSection[];
}
