import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import { TestErrorCode as Code } from '../connector-kit/connection-test.codes';
import { type TestError, testError } from '../connector-kit/connection-test.failure';
import type { ConnectionTestOutcome } from '../connector-kit/connection-test.result';
import type { Logger } from '../logger';
import {
  type AgentMessage,
  CLOSE_REPLACED,
  CLOSE_REVOKED,
  CLOSE_SHUTDOWN,
  type HubMessage,
  parseMessage,
  RELAY_PATH,
  type RelayedTestRequest,
} from './relay.protocol';
import type { RelayService } from './relay.service';
import type { RelayBroker, RelayLiveState } from './relay-broker.port';

interface Pending {
  resolve: (outcome: ConnectionTestOutcome) => void;
  timer: NodeJS.Timeout;
}

interface AgentConnection {
  socket: WebSocket;
  connectedSince: Date;
  lastSeenAt: Date;
  agentVersion: string | null;
  hostname: string | null;
  pending: Map<string, Pending>;
}

const relayFailure = (error: TestError): ConnectionTestOutcome => ({
  ok: false,
  status: 'FAILED',
  durationMs: 0,
  steps: [],
  errors: [error],
});

/**
 * The server side of relays: agents connect here over WebSocket, authenticated by their token;
 * tests for a relay are sent to its agent and answered by it. One agent per relay: a new
 * connection replaces the old one. State is per replica; across replicas see docs/relays.md.
 */
export class RelayHub implements RelayBroker {
  private readonly sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  private readonly agents = new Map<string, AgentConnection>();

  constructor(
    private readonly relays: RelayService,
    private readonly logger: Logger,
    private readonly options: { heartbeatMs: number; jobTimeoutMs: number } = {
      heartbeatMs: 10_000,
      jobTimeoutMs: 30_000,
    },
  ) {}

  /** Takes over WebSocket upgrades on /relay; every other upgrade is refused. */
  attach(server: Server): void {
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      socket.on('error', () => {});
      if (new URL(request.url ?? '/', 'http://relay').pathname !== RELAY_PATH) return refuse(socket, 404);
      const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
      if (!token) return refuse(socket, 401);
      this.relays.verifyToken(token).then(
        (relay) => {
          if (!relay) return refuse(socket, 401);
          this.sockets.handleUpgrade(request, socket, head, (ws) => this.accept(ws, relay.tenantId, relay.id));
        },
        () => refuse(socket, 503),
      );
    });
  }

  private accept(socket: WebSocket, tenantId: string, relayId: string): void {
    const key = `${tenantId}/${relayId}`;
    const previous = this.agents.get(key);
    if (previous) previous.socket.close(CLOSE_REPLACED, 'replaced by a new connection');
    const connection: AgentConnection = {
      socket,
      connectedSince: new Date(),
      lastSeenAt: new Date(),
      agentVersion: null,
      hostname: null,
      pending: new Map(),
    };
    this.agents.set(key, connection);
    this.send(socket, { type: 'welcome', heartbeatMs: this.options.heartbeatMs });
    this.logger.info({ tenantId, relayId }, 'relay agent connected');

    socket.on('message', (data) => {
      connection.lastSeenAt = new Date();
      const message = parseMessage<AgentMessage>(data);
      if (message?.type === 'hello') {
        connection.agentVersion = String(message.agentVersion).slice(0, 64);
        connection.hostname = String(message.hostname).slice(0, 255);
      } else if (message?.type === 'ping') {
        this.send(socket, { type: 'pong' });
      } else if (message?.type === 'result') {
        // A late answer to a job that timed out, or one this hub never sent, is dropped.
        const pending = connection.pending.get(message.id);
        if (!pending) return;
        connection.pending.delete(message.id);
        clearTimeout(pending.timer);
        pending.resolve(message.outcome);
      }
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      if (this.agents.get(key) === connection) this.agents.delete(key);
      for (const [id, pending] of connection.pending) {
        clearTimeout(pending.timer);
        pending.resolve(relayFailure(testError(Code.RELAY_DISCONNECTED)));
        connection.pending.delete(id);
      }
      this.logger.info({ tenantId, relayId }, 'relay agent disconnected');
    });
  }

  private send(socket: WebSocket, message: HubMessage): void {
    socket.send(JSON.stringify(message));
  }

  state(tenantId: string, relayId: string): RelayLiveState {
    const connection = this.agents.get(`${tenantId}/${relayId}`);
    if (!connection)
      return { status: 'OFFLINE', connectedSince: null, lastSeenAt: null, agentVersion: null, hostname: null };
    const silentFor = Date.now() - connection.lastSeenAt.getTime();
    return {
      status: silentFor > 3 * this.options.heartbeatMs ? 'DEGRADED' : 'ONLINE',
      connectedSince: connection.connectedSince,
      lastSeenAt: connection.lastSeenAt,
      agentVersion: connection.agentVersion,
      hostname: connection.hostname,
    };
  }

  /** Runs a test on a relay's agent: its outcome, or a RELAY_* failure. */
  dispatch(tenantId: string, relayId: string, request: RelayedTestRequest): Promise<ConnectionTestOutcome> {
    const connection = this.agents.get(`${tenantId}/${relayId}`);
    if (!connection) return Promise.resolve(relayFailure(testError(Code.RELAY_OFFLINE)));
    const id = randomUUID();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        connection.pending.delete(id);
        resolve(relayFailure(testError(Code.RELAY_TIMEOUT)));
      }, this.options.jobTimeoutMs);
      connection.pending.set(id, { resolve, timer });
      this.send(connection.socket, { type: 'test', id, request });
    });
  }

  /** Drops a relay's agent at once (token revoked or rotated). */
  disconnect(tenantId: string, relayId: string): void {
    this.agents.get(`${tenantId}/${relayId}`)?.socket.close(CLOSE_REVOKED, 'token revoked');
  }

  connectedAgents(): number {
    return this.agents.size;
  }

  async close(): Promise<void> {
    for (const connection of this.agents.values()) connection.socket.close(CLOSE_SHUTDOWN, 'server shutting down');
    await new Promise<void>((resolve) => this.sockets.close(() => resolve()));
  }
}

function refuse(socket: Duplex, status: number): void {
  const reason = { 401: 'Unauthorized', 404: 'Not Found', 503: 'Service Unavailable' }[status] ?? 'Error';
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
