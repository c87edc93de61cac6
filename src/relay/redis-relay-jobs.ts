import { randomUUID } from 'node:crypto';
import { TestErrorCode as Code } from '../connector-kit/connection-test.codes';
import { testError } from '../connector-kit/connection-test.failure';
import type { AgentDirectory } from '../fleet/agent-directory.port';
import type { AgentSnapshot } from '../fleet/agent-snapshot';
import type { RedisConnection } from '../fleet/redis-connection';
import type { Logger } from '../logger';
import type { SecretCipher } from '../secrets/secret-cipher';
import type { EncryptedValue } from '../store/store.types';
import type { RelayedTestRequest } from './relay.protocol';
import type { RemoteAgentJobs } from './relay-broker.port';
import { relayFailure } from './relay-failure';
import { type AgentAnswer, NOT_STARTED, type RelayHub } from './relay-hub';

const jobsChannel = (replicaId: string) => `plugboard:relay-jobs:${replicaId}`;
const repliesChannel = (replicaId: string) => `plugboard:relay-replies:${replicaId}`;

interface JobMessage {
  jobId: string;
  replyTo: string;
  tenantId: string;
  relayId: string;
  connectionId: string;
  /** The request, sealed under the tenant's data key: it carries re-entered secrets. */
  sealed: EncryptedValue;
}

interface ReplyMessage {
  jobId: string;
  /** The agent's outcome, already scrubbed of every submitted secret; or NOT_STARTED. */
  answer: AgentAnswer;
}

interface Waiting {
  resolve: (answer: AgentAnswer) => void;
}

/**
 * Tests for agents held by other replicas, over Redis pub/sub: the job goes to the owning
 * replica's channel, the answer comes back on the asking replica's. Nobody listening means the
 * owner is gone (the test never started); an owner that dies mid-test is noticed when the
 * agent's announcement expires (RELAY_DISCONNECTED), and silence past the job timeout is
 * RELAY_TIMEOUT.
 */
export class RedisRelayJobs implements RemoteAgentJobs {
  private readonly waiting = new Map<string, Waiting>();

  private constructor(
    private readonly redis: RedisConnection,
    private readonly hub: RelayHub,
    private readonly directory: AgentDirectory,
    private readonly cipher: SecretCipher,
    private readonly options: { replicaId: string; heartbeatMs: number; jobTimeoutMs: number },
    private readonly logger: Logger,
  ) {}

  static async open(
    redis: RedisConnection,
    hub: RelayHub,
    directory: AgentDirectory,
    cipher: SecretCipher,
    options: { replicaId: string; heartbeatMs: number; jobTimeoutMs: number },
    logger: Logger,
  ): Promise<RedisRelayJobs> {
    const jobs = new RedisRelayJobs(redis, hub, directory, cipher, options, logger);
    const mine = jobsChannel(options.replicaId);
    const replies = repliesChannel(options.replicaId);
    redis.subscriber.on('message', (channel: string, text: string) => {
      if (channel === mine) void jobs.runJob(text);
      else if (channel === replies) jobs.receiveReply(text);
    });
    // Not awaited: queued until Redis is reachable (see RedisFleetEvents.open).
    redis.subscriber.subscribe(mine, replies).catch(() => {});
    return jobs;
  }

  async send(agent: AgentSnapshot, request: RelayedTestRequest): Promise<AgentAnswer> {
    const jobId = randomUUID();
    let message: string;
    try {
      const sealed = await this.cipher.sealMessage(agent.tenantId, `relay-job:${jobId}`, JSON.stringify(request));
      message = JSON.stringify({
        jobId,
        replyTo: this.options.replicaId,
        tenantId: agent.tenantId,
        relayId: agent.relayId,
        connectionId: agent.connectionId,
        sealed,
      } satisfies JobMessage);
    } catch (error) {
      this.logger.error({ err: error }, 'could not seal a relayed test for another replica');
      return relayFailure(testError(Code.INTERNAL));
    }
    const answered = new Promise<AgentAnswer>((resolve) => this.waiting.set(jobId, { resolve }));
    let listeners: number;
    try {
      listeners = await this.redis.commands.publish(jobsChannel(agent.replicaId), message);
    } catch (error) {
      this.waiting.delete(jobId);
      this.logger.warn({ err: error }, 'could not send a relayed test to the replica holding the agent');
      return relayFailure(testError(Code.RELAY_SERVICE_UNAVAILABLE));
    }
    if (listeners === 0) {
      this.waiting.delete(jobId);
      return NOT_STARTED;
    }
    return this.awaitAnswer(jobId, agent, answered);
  }

  private async awaitAnswer(jobId: string, agent: AgentSnapshot, answered: Promise<AgentAnswer>): Promise<AgentAnswer> {
    const finish = (answer: AgentAnswer) => this.waiting.get(jobId)?.resolve(answer);
    // The owner times the agent out itself; this later deadline only covers an owner that went silent.
    const deadline = setTimeout(
      () => finish(relayFailure(testError(Code.RELAY_TIMEOUT))),
      this.options.jobTimeoutMs + this.options.heartbeatMs,
    );
    const watch = setInterval(() => {
      this.directory.isConnected(agent).then(
        (connected) => connected || finish(relayFailure(testError(Code.RELAY_DISCONNECTED))),
        () => {},
      );
    }, this.options.heartbeatMs);
    try {
      return await answered;
    } finally {
      clearTimeout(deadline);
      clearInterval(watch);
      this.waiting.delete(jobId);
    }
  }

  private receiveReply(text: string): void {
    const reply = parseJson<ReplyMessage>(text);
    if (reply && typeof reply.jobId === 'string') this.waiting.get(reply.jobId)?.resolve(reply.answer);
  }

  /** On the owning replica: open the job, run it on the agent held here, answer the asker. */
  private async runJob(text: string): Promise<void> {
    const job = parseJson<JobMessage>(text);
    if (!job || typeof job.jobId !== 'string' || typeof job.replyTo !== 'string') return;
    let answer: AgentAnswer = NOT_STARTED;
    const held = this.hub
      .localAgents(job.tenantId, job.relayId)
      .some((agent) => agent.connectionId === job.connectionId);
    if (held) {
      let request: RelayedTestRequest | undefined;
      try {
        request = JSON.parse(await this.cipher.openMessage(job.tenantId, `relay-job:${job.jobId}`, job.sealed));
      } catch {
        // Not sealed by a replica of this installation: refuse it without a word to the sender.
        this.logger.warn({ tenantId: job.tenantId, relayId: job.relayId }, 'dropped a relay job that did not open');
        return;
      }
      answer = await this.hub.run(job.connectionId, request as RelayedTestRequest);
    }
    const reply: ReplyMessage = { jobId: job.jobId, answer };
    await this.redis.commands.publish(repliesChannel(job.replyTo), JSON.stringify(reply)).catch((error) => {
      this.logger.warn({ err: error }, 'could not return a relayed test’s answer to the replica that asked');
    });
  }
}

function parseJson<T>(text: string): T | undefined {
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}
