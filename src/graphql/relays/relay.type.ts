import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { StoredRelay } from '../../store/store.types';
import { FieldError } from '../common/field-error.type';
import { Node } from '../common/node.interface';

export enum RelayStatusName {
  ONLINE = 'ONLINE',
  OFFLINE = 'OFFLINE',
  DEGRADED = 'DEGRADED',
}

registerEnumType(RelayStatusName, {
  name: 'RelayStatus',
  description: "Whether a relay's agent can take tests now.",
  valuesConfig: {
    ONLINE: { description: 'An agent is connected and answering heartbeats.' },
    OFFLINE: { description: 'No agent is connected.' },
    DEGRADED: { description: 'An agent is connected but has missed heartbeats.' },
  },
});

@ObjectType({
  implements: Node,
  description: "A relay agent that reaches programs inside one of the tenant's networks.",
})
export class Relay extends Node {
  @Field(() => ID, { description: 'The global id.' })
  declare id: string;

  @Field({ description: 'The name the tenant gave it.' })
  name!: string;

  @Field(() => RelayStatusName, { description: 'Whether its agent can take tests now (as this server sees it).' })
  status!: RelayStatusName;

  @Field(() => Date, { nullable: true, description: 'When its agent last said anything.' })
  lastSeenAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Since when its agent has been connected.' })
  connectedSince!: Date | null;

  @Field(() => String, { nullable: true, description: 'The Plugboard version the agent runs.' })
  agentVersion!: string | null;

  @Field(() => String, { nullable: true, description: 'The host name the agent reports.' })
  hostname!: string | null;

  @Field(() => Int, { description: 'Connection tests run through it.' })
  testsRun!: number;

  @Field(() => Int, { description: 'Of those, the ones that failed.' })
  testsFailed!: number;

  @Field(() => Date, { description: 'When it was registered.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was revoked; its agent can no longer connect.' })
  revokedAt!: Date | null;

  /** The stored relay it shows, for the live fields; not part of the schema. */
  record!: StoredRelay;
}

@InputType({ description: 'A new relay.' })
export class RegisterRelayInput {
  @Field({ description: 'A name for it, such as the site or network it serves.' })
  name!: string;
}

@ObjectType({ description: 'A relay and its agent token.' })
export class RelayTokenPayload {
  @Field(() => Relay, { nullable: true, description: 'The relay.' })
  relay!: Relay | null;

  @Field(() => String, {
    nullable: true,
    description: 'The agent token. Shown this once: give it to `plugboard relay` (PLUGBOARD_RELAY_TOKEN).',
  })
  token!: string | null;

  @Field(() => [FieldError], { description: 'Why nothing was done. Empty on success.' })
  errors!: FieldError[];
}

@ObjectType({ description: 'The outcome of revokeRelay.' })
export class RevokeRelayPayload {
  @Field(() => Relay, { nullable: true, description: 'The revoked relay.' })
  relay!: Relay | null;

  @Field(() => [FieldError], { description: 'Why nothing was done. Empty on success.' })
  errors!: FieldError[];
}
