import type { AddressInfo } from 'node:net';
import { createServer, type Socket } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { defaultCatalogue } from '../src/catalogue/default-catalogue';
import { TestLimiter } from '../src/connection-test/connection-test.limiter';
import { ConnectionTestRunner } from '../src/connection-test/connection-test.runner';
import { OutboundGuard } from '../src/connection-test/outbound-guard';

const TESTS = Number(process.env.BENCH_FAN_OUT ?? 500);
const STEP_TIMEOUT_MS = 2_000;

/**
 * 500 connection tests at once against a black hole: a loopback listener that accepts and never
 * answers, so every test waits in its TLS step until its timeout. Reports the wall time as a
 * multiple of that timeout (1.0 is ideal: all end at their timeout, none waits for another)
 * and the event loop's delay while they run (the server stays responsive).
 */
export async function fanOutScenario(): Promise<void> {
  const sockets = new Set<Socket>();
  const blackHole = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
  });
  blackHole.maxConnections = TESTS * 2;
  await new Promise<void>((resolve) => blackHole.listen({ port: 0, host: '127.0.0.1', backlog: TESTS * 2 }, resolve));
  const { port } = blackHole.address() as AddressInfo;
  const runner = new ConnectionTestRunner(
    defaultCatalogue(),
    new OutboundGuard(['127.0.0.1/32']),
    new TestLimiter({ perTenant: TESTS, perCredential: TESTS }),
    { stepTimeoutMs: STEP_TIMEOUT_MS },
  );
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const started = performance.now();
  const outcomes = await Promise.all(
    Array.from({ length: TESTS }, () =>
      runner.run({ tenantId: 'bench', connectorKey: 'rest-api', values: { baseUrl: `https://127.0.0.1:${port}` } }),
    ),
  );
  const wallMs = performance.now() - started;
  delay.disable();
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => blackHole.close(() => resolve()));

  const timedOut = outcomes.filter((outcome) => outcome.errors[0]?.code === 'TIMEOUT').length;
  console.log(`\nScenario: ${TESTS} concurrent connection tests to a black hole (step timeout ${STEP_TIMEOUT_MS} ms)`);
  console.table({
    result: {
      'timed out at their step': `${timedOut}/${TESTS}`,
      'wall time ms': Math.round(wallMs),
      'wall / timeout': (wallMs / STEP_TIMEOUT_MS).toFixed(2),
      'event-loop delay p99 ms': (delay.percentile(99) / 1e6).toFixed(1),
      'event-loop delay max ms': (delay.max / 1e6).toFixed(1),
    },
  });
}
