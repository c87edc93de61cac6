import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { print } from 'graphql';
import WebSocket from 'ws';
import {
  ConnectorConfigsDocument,
  ConnectorTypesDocument,
  CreateConnectorConfigDocument,
  RegisterRelayDocument,
} from '../codegen/generated/graphql';
import { generateApiKey } from '../src/auth/api-key.format';
import { startPlugboard } from './bench-process';
import { post, type Target } from './scenarios';

const MAIN = join(__dirname, '../src/main.js');
const CONFIGS = Number(process.env.BENCH_MEMORY_CONFIGS ?? 10_000);
const AGENTS = 100;
const settle = () => new Promise((resolve) => setTimeout(resolve, 2_000));

/** An agent speaking the relay protocol, without running tests: what a connection costs the server. */
async function connectAgent(url: string, token: string, name: string): Promise<WebSocket> {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/relay`, {
    headers: { authorization: `Bearer ${token}`, 'x-plugboard-agent-name': name },
  });
  await new Promise((resolve, reject) => {
    socket.once('message', resolve);
    socket.once('error', reject);
  });
  socket.send(JSON.stringify({ type: 'hello', agentVersion: 'bench', hostname: name }));
  return socket;
}

/**
 * The server's resident memory: idle after startup and a catalogue answer, with CONFIGS saved
 * configs in one tenant (after listing them all), and per connected relay agent.
 */
export async function memoryScenario(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'plugboard-bench-memory-'));
  const adminKey = generateApiKey('default').key;
  const server = await startPlugboard(MAIN, dataDir, adminKey);
  const target: Target = { url: server.url, headers: { authorization: `Bearer ${adminKey}` } };
  const sockets: WebSocket[] = [];
  try {
    await post(target, JSON.stringify({ query: print(ConnectorTypesDocument) }));
    await settle();
    const idle = server.rssMiB();
    const create = (index: number) =>
      post(
        target,
        JSON.stringify({
          query: print(CreateConnectorConfigDocument),
          variables: {
            input: {
              name: `Warehouse ${index}`,
              connectorType: 'postgresql',
              values: { host: 'db.example.com', database: 'analytics', username: 'svc', password: 'bench-secret' },
            },
          },
        }),
      );
    for (let index = 0; index < CONFIGS; index += 20) {
      await Promise.all(Array.from({ length: Math.min(20, CONFIGS - index) }, (_, offset) => create(index + offset)));
    }
    let after: string | null = null;
    do {
      const page = (await post(
        target,
        JSON.stringify({ query: print(ConnectorConfigsDocument), variables: { first: 100, after } }),
      )) as { data: { connectorConfigs: { pageInfo: { hasNextPage: boolean; endCursor: string | null } } } };
      after = page.data.connectorConfigs.pageInfo.hasNextPage ? page.data.connectorConfigs.pageInfo.endCursor : null;
    } while (after);
    await settle();
    const withConfigs = server.rssMiB();
    const relay = (await post(
      target,
      JSON.stringify({ query: print(RegisterRelayDocument), variables: { input: { name: 'memory' } } }),
    )) as { data: { registerRelay: { token: string } } };
    for (let index = 0; index < AGENTS; index += 1) {
      sockets.push(await connectAgent(server.url, relay.data.registerRelay.token, `agent-${index}`));
    }
    await settle();
    const withAgents = server.rssMiB();
    console.log(`\nScenario: memory (resident set of the server process, MiB)`);
    console.table({
      idle: { 'RSS MiB': idle.toFixed(1) },
      [`${CONFIGS.toLocaleString('en')} configs saved and listed`]: { 'RSS MiB': withConfigs.toFixed(1) },
      [`and ${AGENTS} relay agents connected`]: { 'RSS MiB': withAgents.toFixed(1) },
    });
    console.log(`per relay agent: ${(((withAgents - withConfigs) * 1024) / AGENTS).toFixed(0)} KiB`);
  } finally {
    for (const socket of sockets) socket.terminate();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
