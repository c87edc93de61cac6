import { hostname } from 'node:os';
import WebSocket from 'ws';
import type { Catalogue } from '../catalogue/catalogue';
import { TestLimiter } from '../connection-test/connection-test.limiter';
import { ConnectionTestRunner } from '../connection-test/connection-test.runner';
import { TestErrorCode as Code } from '../connector-kit/connection-test.codes';
import { testError } from '../connector-kit/connection-test.failure';
import type { ConnectionTestOutcome } from '../connector-kit/connection-test.result';
import type { Logger } from '../logger';
import {
  AGENT_NAME_HEADER,
  type AgentMessage,
  CLOSE_DRAINED,
  CLOSE_REVOKED,
  type HubMessage,
  parseMessage,
  RELAY_PATH,
} from '../relay/relay.protocol';
import { AgentDestinations } from './agent-destinations';

export interface RelayAgentOptions {
  /** Plugboard's base URL, such as https://plugboard.example.com. */
  server: string;
  token: string;
  /** Host names and CIDRs the agent may reach; empty allows everything. */
  allow: string[];
  /** Tests run at once; more are refused with TEST_RATE_LIMITED. */
  concurrency: number;
  /** Its name within the relay: agents of one relay on different hosts each have their own. */
  name: string;
  /** Reconnection backoff: the first delay and the cap, in ms. */
  backoff: { initialMs: number; maxMs: number };
  agentVersion: string;
  logger: Logger;
  /** The connectors this agent can test: the same catalogue as the server's. */
  catalogue: Catalogue;
}

/**
 * The relay agent, run by the client inside their network (`plugboard relay`). It connects
 * outbound to Plugboard, runs connection tests with the same connector code, and reconnects
 * with jittered exponential backoff. It logs what it does by connector and code, never values.
 */
export class RelayAgent {
  private socket?: WebSocket;
  private attempts = 0;
  private heartbeat?: NodeJS.Timeout;
  private reconnect?: NodeJS.Timeout;
  private stopped = false;
  private draining = false;
  private running = 0;
  private readonly runner: ConnectionTestRunner;
  /** Resolves when the agent stops for good: 0 when asked to, 2 when its token is refused. */
  readonly finished: Promise<number>;
  private finish!: (code: number) => void;

  constructor(private readonly options: RelayAgentOptions) {
    this.runner = new ConnectionTestRunner(
      options.catalogue,
      new AgentDestinations(options.allow),
      new TestLimiter({
        perTenant: options.concurrency,
        perCredential: options.concurrency,
        perReplica: options.concurrency,
      }),
      {},
      options.logger,
    );
    this.finished = new Promise((resolve) => {
      this.finish = resolve;
    });
  }

  start(): void {
    const url = `${this.options.server.replace(/^http/, 'ws').replace(/\/+$/, '')}${RELAY_PATH}`;
    this.options.logger.info({ url }, 'connecting to Plugboard');
    const socket = new WebSocket(url, {
      headers: { authorization: `Bearer ${this.options.token}`, [AGENT_NAME_HEADER]: this.options.name },
    });
    this.socket = socket;
    socket.on('unexpected-response', (_request, response) => {
      if (response.statusCode === 401) {
        this.options.logger.error('Plugboard refused the relay token: it is unknown, rotated or revoked');
        this.stop(2);
      }
      socket.terminate();
    });
    socket.on('error', (error) =>
      this.options.logger.warn({ code: (error as { code?: string }).code }, 'relay connection failed'),
    );
    socket.on('message', (data) => this.receive(socket, parseMessage<HubMessage>(data)));
    socket.on('close', (code) => {
      clearInterval(this.heartbeat);
      if (this.stopped) return;
      if (code === CLOSE_REVOKED) {
        this.options.logger.error('Plugboard revoked this relay token');
        return this.stop(2);
      }
      if (code === CLOSE_DRAINED || this.draining) {
        this.options.logger.info('drained: every running test finished; stopping');
        return this.stop(0);
      }
      this.scheduleReconnect();
    });
  }

  private receive(socket: WebSocket, message: HubMessage | undefined): void {
    if (message?.type === 'welcome') {
      this.attempts = 0;
      this.send(socket, { type: 'hello', agentVersion: this.options.agentVersion, hostname: hostname() });
      clearInterval(this.heartbeat);
      this.heartbeat = setInterval(() => this.send(socket, { type: 'ping' }), message.heartbeatMs);
      this.options.logger.info('connected; waiting for tests');
    } else if (message?.type === 'drain') {
      this.options.logger.info('Plugboard asked this agent to drain');
      this.drain();
    } else if (message?.type === 'test') {
      const { id, request } = message;
      this.running += 1;
      this.run({ ...request, savedLockedFields: new Set(request.savedLockedFields) }).then((outcome) => {
        this.running -= 1;
        this.options.logger.info(
          {
            connector: request.connectorKey,
            status: outcome.status,
            errors: outcome.errors.map((error) => error.code),
          },
          'connection test',
        );
        if (socket.readyState === WebSocket.OPEN) this.send(socket, { type: 'result', id, outcome });
      });
    }
  }

  private async run(request: Parameters<ConnectionTestRunner['run']>[0]): Promise<ConnectionTestOutcome> {
    try {
      return await this.runner.run(request);
    } catch {
      return { ok: false, status: 'FAILED', durationMs: 0, steps: [], errors: [testError(Code.INTERNAL)] };
    }
  }

  private send(socket: WebSocket, message: AgentMessage): void {
    if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
  }

  /**
   * Stops taking tests and stops once the running ones have answered: Plugboard sends nothing
   * new, then closes with CLOSE_DRAINED. Not connected: stops at once.
   */
  drain(): void {
    if (this.draining || this.stopped) return;
    this.draining = true;
    const socket = this.socket;
    if (!socket || socket.readyState !== WebSocket.OPEN) {
      this.stop(0);
      return;
    }
    this.options.logger.info({ running: this.running }, 'draining: finishing running tests, taking no new ones');
    this.send(socket, { type: 'draining' });
  }

  /** Exponential backoff with jitter: between half and all of min(cap, initial × 2^attempts). */
  private scheduleReconnect(): void {
    const ceiling = Math.min(this.options.backoff.maxMs, this.options.backoff.initialMs * 2 ** this.attempts);
    const delay = Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
    this.attempts += 1;
    this.options.logger.info({ delayMs: delay }, 'disconnected; reconnecting');
    this.reconnect = setTimeout(() => this.start(), delay);
  }

  stop(code = 0): void {
    if (this.stopped) return;
    this.stopped = true;
    clearInterval(this.heartbeat);
    clearTimeout(this.reconnect);
    this.socket?.close(1000, 'agent stopping');
    this.finish(code);
  }
}
