import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer, type Socket } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { defaultCatalogue } from '../src/catalogue/default-catalogue';
import { TestLimiter, type TestLimits } from '../src/connection-test/connection-test.limiter';
import { ConnectionTestRunner } from '../src/connection-test/connection-test.runner';
import { OutboundGuard } from '../src/connection-test/outbound-guard';

const SUBMITTED = Number(process.env.BENCH_BURST ?? 2000);
const TENANTS = 200;
const STEP_TIMEOUT_MS = 2_000;

interface BurstFigures {
  maxInFlight: number;
  refused: number;
  loopDelayP99Ms: number;
  healthzP99Ms: number;
  heapPeakMiB: number;
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
}

/** 2,000 tests from 200 tenants at once, each to its own address on a black hole, with the given limits. */
async function burst(limits: TestLimits, port: number): Promise<BurstFigures> {
  const limiter = new TestLimiter(limits);
  const runner = new ConnectionTestRunner(defaultCatalogue(), new OutboundGuard(['127.0.0.1/32']), limiter, {
    stepTimeoutMs: STEP_TIMEOUT_MS,
  });
  const health = createHttpServer((_request, response) => response.end('{"status":"ok"}'));
  await new Promise<void>((resolve) => health.listen(0, '127.0.0.1', resolve));
  const healthUrl = `http://127.0.0.1:${(health.address() as AddressInfo).port}/healthz`;
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let maxInFlight = 0;
  let heapPeak = 0;
  const sampler = setInterval(() => {
    maxInFlight = Math.max(maxInFlight, limiter.inFlight);
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  }, 10);
  const healthLatencies: number[] = [];
  let probing = true;
  const prober = (async () => {
    while (probing) {
      const started = performance.now();
      await (await fetch(healthUrl)).text();
      healthLatencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const outcomes = await Promise.all(
    Array.from({ length: SUBMITTED }, (_, index) =>
      runner.run({
        tenantId: `tenant-${index % TENANTS}`,
        connectorKey: 'rest-api',
        values: { baseUrl: `https://127.0.0.1:${port}/t${index}`, authMethod: 'NONE' },
      }),
    ),
  );
  probing = false;
  await prober;
  clearInterval(sampler);
  delay.disable();
  health.close();
  return {
    maxInFlight,
    refused: outcomes.filter((outcome) => outcome.status === 'REFUSED').length,
    loopDelayP99Ms: Math.round(delay.percentile(99) / 1e6),
    healthzP99Ms: Math.round(percentile(healthLatencies, 0.99)),
    heapPeakMiB: Math.round(heapPeak / 2 ** 20),
  };
}

/**
 * The burst figure: 2,000 connection tests submitted at once by 200 tenants (10 each, the
 * tenant limit) against a black hole that accepts and never answers, with and without the
 * per-replica cap: tests in flight, refusals, event-loop delay p99, /healthz p99 and the heap.
 */
export async function burstScenario(): Promise<void> {
  const sockets = new Set<Socket>();
  const blackHole = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
  });
  blackHole.maxConnections = SUBMITTED * 2;
  await new Promise<void>((resolve) => blackHole.listen({ port: 0, host: '127.0.0.1', backlog: SUBMITTED }, resolve));
  const { port } = blackHole.address() as AddressInfo;
  try {
    const uncapped = await burst({ perTenant: 10, perCredential: 2 }, port);
    const capped = await burst({ perTenant: 10, perCredential: 2, perReplica: 100 }, port);
    console.log(`\nScenario: burst, ${SUBMITTED} tests from ${TENANTS} tenants at once against a black hole`);
    console.table({ 'no per-replica cap': uncapped, 'cap of 100 (the default)': capped });
    console.log(
      `ratio: with the cap, event-loop delay p99 is ${(capped.loopDelayP99Ms / Math.max(uncapped.loopDelayP99Ms, 1)).toFixed(2)}× and /healthz p99 ${(capped.healthzP99Ms / Math.max(uncapped.healthzP99Ms, 1)).toFixed(2)}× the uncapped run`,
    );
  } finally {
    for (const socket of sockets) socket.destroy();
    blackHole.close();
  }
}
