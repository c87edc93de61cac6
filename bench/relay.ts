import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { print } from 'graphql';
import { RegisterRelayDocument, RelayDocument, TestConnectionDocument } from '../codegen/generated/graphql';
import { startProcess } from './bench-process';
import { post, type Target } from './scenarios';

const SEQUENTIAL = Number(process.env.BENCH_RELAY_SEQUENTIAL ?? 100);
const CONCURRENT = 100;
const MAIN = join(__dirname, '../src/main.js');

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * The cost of a relay: the same connection test (a REST API on loopback) run directly and
 * through a real agent process, alternately, comparing median latency; then 100 tests at once
 * through the relay, for its throughput.
 */
export async function relayScenario(plugboard: Target): Promise<void> {
  const target = createServer((_request, response) => response.end('{}'));
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
  const registered = (await post(
    plugboard,
    JSON.stringify({ query: print(RegisterRelayDocument), variables: { input: { name: 'bench' } } }),
  )) as {
    data: { registerRelay: { relay: { id: string }; token: string } };
  };
  const { relay, token } = registered.data.registerRelay;
  // The agent's first log line ("connecting to Plugboard") carries a url: that is when it runs.
  const agent = await startProcess(MAIN, ['relay', '--server', plugboard.url, '--concurrency', String(CONCURRENT)], {
    PLUGBOARD_RELAY_TOKEN: token,
    LOG_LEVEL: 'info',
  });
  try {
    for (let tries = 0; ; tries += 1) {
      const state = (await post(
        plugboard,
        JSON.stringify({ query: print(RelayDocument), variables: { id: relay.id } }),
      )) as {
        data: { relay: { status: string } };
      };
      if (state.data.relay.status === 'ONLINE') break;
      if (tries > 200) throw new Error('the relay agent did not come online');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const test = (relayId?: string) =>
      JSON.stringify({
        query: print(TestConnectionDocument),
        variables: { input: { connectorType: 'rest-api', values: { baseUrl, relayId } } },
      });
    const timed = async (body: string) => {
      const started = performance.now();
      const answer = (await post(plugboard, body)) as { data: { testConnection: { ok: boolean } } };
      if (!answer.data.testConnection.ok) throw new Error(`bench test failed: ${JSON.stringify(answer)}`);
      return performance.now() - started;
    };
    const direct: number[] = [];
    const relayed: number[] = [];
    for (let index = 0; index < SEQUENTIAL; index += 1) {
      direct.push(await timed(test()));
      relayed.push(await timed(test(relay.id)));
    }
    const started = performance.now();
    await Promise.all(Array.from({ length: CONCURRENT }, () => timed(test(relay.id))));
    const burstMs = performance.now() - started;
    console.log(
      `\nScenario: a connection test through a relay agent, against the same test run directly (${SEQUENTIAL} each, alternating)`,
    );
    console.table({
      result: {
        'direct median ms': median(direct).toFixed(1),
        'relay median ms': median(relayed).toFixed(1),
        'added by the relay ms': (median(relayed) - median(direct)).toFixed(1),
        [`${CONCURRENT} at once through the relay, ms`]: Math.round(burstMs),
        'relay tests/s': Math.round((CONCURRENT / burstMs) * 1000),
      },
    });
  } finally {
    await agent.stop();
    target.close();
  }
}
