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
  description: "Whether a relay's agents can take tests now.",
  valuesConfig: {
    ONLINE: { description: 'Agents are connected, and every one answers heartbeats and takes tests.' },
    OFFLINE: { description: 'No agent is connected.' },
    DEGRADED: {
      description:
        'Agents are connected, but some have missed heartbeats or are draining: see `agents`. Tests still run while one is online.',
    },
  },
});

export enum RelayAgentStatusName {
  ONLINE = 'ONLINE',
  DEGRADED = 'DEGRADED',
  DRAINING = 'DRAINING',
}

registerEnumType(RelayAgentStatusName, {
  name: 'RelayAgentStatus',
  description: 'Whether one agent of a relay takes tests now.',
  valuesConfig: {
    ONLINE: { description: 'Connected, answering heartbeats, taking tests.' },
    DEGRADED: { description: 'Connected, but silent for three heartbeats: no tests are sent to it.' },
    DRAINING: { description: 'Finishing its running tests, then stopping: no new tests are sent to it.' },
  },
});

@ObjectType({
  simpleResolvers: true,
  description: 'One agent of a relay: a process on a host in the network, connected now.',
})
export class RelayAgent {
  @Field({ description: 'Its name within the relay (`plugboard relay --name`; the host name by default).' })
  name!: string;

  @Field(() => RelayAgentStatusName, { description: 'Whether it takes tests now.' })
  status!: RelayAgentStatusName;

  @Field(() => String, { nullable: true, description: 'The host name it reports.' })
  hostname!: string | null;

  @Field(() => String, { nullable: true, description: 'The Plugboard version it runs.' })
  agentVersion!: string | null;

  @Field(() => Date, { description: 'Since when this connection has been open.' })
  connectedSince!: Date;

  @Field(() => Date, { description: 'When it last said anything.' })
  lastSeenAt!: Date;

  @Field(() => Int, { description: 'Tests running on it now.' })
  testsRunning!: number;

  @Field(() => Int, { description: 'Tests it ran on this connection.' })
  testsRun!: number;

  @Field(() => Int, { description: 'Of those, the ones that failed.' })
  testsFailed!: number;
}

@ObjectType({
  simpleResolvers: true,
  implements: Node,
  description: "A relay agent that reaches programs inside one of the tenant's networks.",
})
export class Relay extends Node {
  @Field(() => ID, { description: 'The global id.' })
  declare id: string;

  @Field({ description: 'The name the tenant gave it.' })
  name!: string;

  @Field(() => RelayStatusName, {
    description: 'Whether its agents can take tests now, on whichever replica they are connected.',
  })
  status!: RelayStatusName;

  @Field(() => Date, { nullable: true, description: 'When any of its agents last said anything.' })
  lastSeenAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Since when its longest-connected agent has been connected.' })
  connectedSince!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'The Plugboard version its longest-connected online agent runs; `agents` has each one.',
  })
  agentVersion!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The host name its longest-connected online agent reports; `agents` has each one.',
  })
  hostname!: string | null;

  @Field(() => [RelayAgent], {
    description: 'Its agents connected now, longest-connected first. Tests go to the least busy online one.',
  })
  agents!: RelayAgent[];

  @Field({ description: 'Whether its agents run different Plugboard versions (an upgrade under way, or forgotten).' })
  agentVersionsDiffer!: boolean;

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

@ObjectType({ simpleResolvers: true, description: 'A relay and its agent token.' })
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

@ObjectType({ simpleResolvers: true, description: 'The outcome of revokeRelay.' })
export class RevokeRelayPayload {
  @Field(() => Relay, { nullable: true, description: 'The revoked relay.' })
  relay!: Relay | null;

  @Field(() => [FieldError], { description: 'Why nothing was done. Empty on success.' })
  errors!: FieldError[];
}

@InputType({ description: 'Which agent of a relay to drain.' })
export class DrainRelayAgentInput {
  @Field(() => ID, { description: 'The relay.' })
  relayId!: string;

  @Field({ description: "The agent's name, as `agents { name }` shows it." })
  agent!: string;
}

@ObjectType({ simpleResolvers: true, description: 'The outcome of drainRelayAgent.' })
export class DrainRelayAgentPayload {
  @Field(() => Relay, { nullable: true, description: 'The relay, its agent now DRAINING.' })
  relay!: Relay | null;

  @Field(() => [FieldError], { description: 'Why nothing was done. Empty on success.' })
  errors!: FieldError[];
}
