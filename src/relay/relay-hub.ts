import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import { bearerTokenOf } from '../auth/bearer-token';
import { TestErrorCode as Code } from '../connector-kit/connection-test.codes';
import { testError } from '../connector-kit/connection-test.failure';
import type { ConnectionTestOutcome } from '../connector-kit/connection-test.result';
import type { AgentDirectory } from '../fleet/agent-directory.port';
import type { AgentSnapshot } from '../fleet/agent-snapshot';
import type { FleetEvent, FleetEvents } from '../fleet/fleet-events';
import type { Logger } from '../logger';
import {
  AGENT_NAME_HEADER,
  AGENT_NAME_PATTERN,
  type AgentMessage,
  CLOSE_DRAINED,
  CLOSE_REPLACED,
  CLOSE_REVOKED,
  CLOSE_SHUTDOWN,
  type HubMessage,
  parseMessage,
  RELAY_PATH,
  type RelayedTestRequest,
} from './relay.protocol';
import type { RelayService } from './relay.service';
import { relayFailure } from './relay-failure';

/** The agent was gone or draining before the test reached it: another agent may take it. */
export const NOT_STARTED = 'NOT_STARTED';
export type AgentAnswer = ConnectionTestOutcome | typeof NOT_STARTED;

interface Pending {
  resolve: (outcome: ConnectionTestOutcome) => void;
  timer: NodeJS.Timeout;
}

interface AgentConnection {
  socket: WebSocket;
  snapshot: AgentSnapshot;
  pending: Map<string, Pending>;
}

export interface RelayHubOptions {
  heartbeatMs: number;
  jobTimeoutMs: number;
  /** This process among the replicas. */
  replicaId: string;
}

/**
 * The agents connected to this process: they connect here over WebSocket, authenticated by
 * their relay's token and named within it; tests are sent to them and answered by them. Every
 * connection is announced in the agent directory so any replica can find it, and fleet events
 * (revocation, drain, a same-named agent connecting elsewhere) act on the sockets held here.
 */
export class RelayHub {
  private readonly sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  private readonly connections = new Map<string, AgentConnection>();
  private readonly sweep: NodeJS.Timeout;

  constructor(
    private readonly relays: RelayService,
    private readonly directory: AgentDirectory,
    private readonly events: FleetEvents,
    private readonly logger: Logger,
    private readonly options: RelayHubOptions,
  ) {
    events.subscribe((event) => this.onFleetEvent(event));
    // Re-announce every agent each heartbeat, silent or not: the announcement is what tells the
    // other replicas this one still holds the socket.
    this.sweep = setInterval(() => {
      for (const connection of this.connections.values()) this.announce(connection);
    }, options.heartbeatMs);
    this.sweep.unref();
  }

  /** Takes over WebSocket upgrades on /relay; every other upgrade is refused. */
  attach(server: Server): void {
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      socket.on('error', () => {});
      if (new URL(request.url ?? '/', 'http://relay').pathname !== RELAY_PATH) return refuse(socket, 404);
      const token = bearerTokenOf(request.headers.authorization);
      if (!token) return refuse(socket, 401);
      const name = String(request.headers[AGENT_NAME_HEADER] ?? 'default');
      if (!AGENT_NAME_PATTERN.test(name)) return refuse(socket, 400);
      this.relays.verifyToken(token).then(
        (relay) => {
          if (!relay) return refuse(socket, 401);
          this.sockets.handleUpgrade(request, socket, head, (ws) => this.accept(ws, relay.tenantId, relay.id, name));
        },
        () => refuse(socket, 503),
      );
    });
  }

  private accept(socket: WebSocket, tenantId: string, relayId: string, name: string): void {
    const now = new Date().toISOString();
    const connection: AgentConnection = {
      socket,
      pending: new Map(),
      snapshot: {
        tenantId,
        relayId,
        name,
        connectionId: randomUUID(),
        replicaId: this.options.replicaId,
        hostname: null,
        agentVersion: null,
        connectedSince: now,
        lastSeenAt: now,
        testsRunning: 0,
        testsRun: 0,
        testsFailed: 0,
        draining: false,
      },
    };
    const { connectionId } = connection.snapshot;
    this.connections.set(connectionId, connection);
    // Announced once it says hello: an agent takes tests only after introducing itself.
    // A restarted agent reconnects under its name: the old connection closes, on any replica.
    void this.events.publish({ type: 'relay-agent-replaced', tenantId, relayId, agent: name, connectionId });
    this.send(socket, { type: 'welcome', heartbeatMs: this.options.heartbeatMs });
    this.logger.info({ tenantId, relayId, agent: name }, 'relay agent connected');

    socket.on('message', (data) => this.receive(connection, parseMessage<AgentMessage>(data)));
    socket.on('error', () => {});
    socket.on('close', () => {
      this.connections.delete(connectionId);
      this.directory.withdraw(connection.snapshot).catch(() => {});
      for (const [id, pending] of connection.pending) {
        clearTimeout(pending.timer);
        pending.resolve(relayFailure(testError(Code.RELAY_DISCONNECTED)));
        connection.pending.delete(id);
      }
      this.logger.info({ tenantId, relayId, agent: name }, 'relay agent disconnected');
    });
  }

  private receive(connection: AgentConnection, message: AgentMessage | undefined): void {
    const { snapshot } = connection;
    snapshot.lastSeenAt = new Date().toISOString();
    if (message?.type === 'hello') {
      snapshot.agentVersion = String(message.agentVersion).slice(0, 64);
      snapshot.hostname = String(message.hostname).slice(0, 255);
      this.announce(connection);
    } else if (message?.type === 'ping') {
      this.send(connection.socket, { type: 'pong' });
    } else if (message?.type === 'draining') {
      this.startDraining(connection);
    } else if (message?.type === 'result') {
      // A late answer to a job that timed out, or one this hub never sent, is dropped.
      const pending = connection.pending.get(message.id);
      if (!pending) return;
      connection.pending.delete(message.id);
      clearTimeout(pending.timer);
      pending.resolve(message.outcome);
    }
  }

  /** Runs a test on one connection held here, or says it never started there. */
  run(connectionId: string, request: RelayedTestRequest): Promise<AgentAnswer> {
    const connection = this.connections.get(connectionId);
    if (!connection || connection.snapshot.draining || connection.socket.readyState !== connection.socket.OPEN) {
      return Promise.resolve(NOT_STARTED);
    }
    const { snapshot } = connection;
    const id = randomUUID();
    snapshot.testsRunning += 1;
    this.announce(connection);
    return new Promise<ConnectionTestOutcome>((resolve) => {
      const timer = setTimeout(() => {
        connection.pending.delete(id);
        resolve(relayFailure(testError(Code.RELAY_TIMEOUT)));
      }, this.options.jobTimeoutMs);
      connection.pending.set(id, { resolve, timer });
      this.send(connection.socket, { type: 'test', id, request });
    }).then((outcome) => {
      snapshot.testsRunning -= 1;
      snapshot.testsRun += 1;
      if (!outcome.ok) snapshot.testsFailed += 1;
      this.announce(connection);
      this.closeIfDrained(connection);
      return outcome;
    });
  }

  /** Agents of a relay connected to this process. */
  localAgents(tenantId: string, relayId: string): AgentSnapshot[] {
    return [...this.connections.values()]
      .map((connection) => connection.snapshot)
      .filter((agent) => agent.tenantId === tenantId && agent.relayId === relayId);
  }

  connectedAgents(): number {
    return this.connections.size;
  }

  private onFleetEvent(event: FleetEvent): void {
    if (event.type === 'events-missed' || event.type === 'api-key-revoked') return;
    for (const connection of [...this.connections.values()]) {
      const { snapshot } = connection;
      if (snapshot.tenantId !== event.tenantId || snapshot.relayId !== event.relayId) continue;
      if (event.type === 'relay-token-revoked') connection.socket.close(CLOSE_REVOKED, 'token revoked');
      else if (event.type === 'relay-agent-drain' && snapshot.name === event.agent) {
        this.send(connection.socket, { type: 'drain' });
        this.startDraining(connection);
      } else if (
        event.type === 'relay-agent-replaced' &&
        snapshot.name === event.agent &&
        snapshot.connectionId !== event.connectionId
      ) {
        connection.socket.close(CLOSE_REPLACED, 'replaced by a new connection');
      }
    }
  }

  private startDraining(connection: AgentConnection): void {
    if (connection.snapshot.draining) return;
    connection.snapshot.draining = true;
    this.logger.info(
      { tenantId: connection.snapshot.tenantId, relayId: connection.snapshot.relayId, agent: connection.snapshot.name },
      'relay agent draining',
    );
    this.announce(connection);
    this.closeIfDrained(connection);
  }

  private closeIfDrained(connection: AgentConnection): void {
    if (connection.snapshot.draining && connection.pending.size === 0) {
      connection.socket.close(CLOSE_DRAINED, 'drained');
    }
  }

  private announce(connection: AgentConnection): void {
    if (!this.connections.has(connection.snapshot.connectionId) || connection.snapshot.agentVersion === null) return;
    // Redis down: the next heartbeat's sweep announces again once it is back.
    this.directory.announce(connection.snapshot).catch(() => {});
  }

  private send(socket: WebSocket, message: HubMessage): void {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  }

  async close(): Promise<void> {
    clearInterval(this.sweep);
    for (const connection of this.connections.values()) {
      connection.socket.close(CLOSE_SHUTDOWN, 'server shutting down');
      await this.directory.withdraw(connection.snapshot).catch(() => {});
    }
    await new Promise<void>((resolve) => this.sockets.close(() => resolve()));
  }
}

function refuse(socket: Duplex, status: number): void {
  const reason =
    { 400: 'Bad Request', 401: 'Unauthorized', 404: 'Not Found', 503: 'Service Unavailable' }[status] ?? 'Error';
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
