/**
 * The soak figure: heap growth per 1,000 direct connection tests, after forced garbage
 * collection. Run in its own process with --expose-gc (run.ts does that). Flat is the goal: a
 * test must leave nothing behind (no socket held by a listener, no timer, no closure).
 */
import '../src/runtime-mode';
import 'reflect-metadata';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultCatalogue } from '../src/catalogue/default-catalogue';
import { TestLimiter } from '../src/connection-test/connection-test.limiter';
import { ConnectionTestRunner } from '../src/connection-test/connection-test.runner';
import { OutboundGuard } from '../src/connection-test/outbound-guard';

const BATCHES = Number(process.env.BENCH_SOAK_BATCHES ?? 5);
const PER_BATCH = 1000;
const CONCURRENCY = 20;

const gc = (globalThis as { gc?: () => void }).gc;

async function heapAfterGc(): Promise<number> {
  for (let pass = 0; pass < 3; pass += 1) {
    gc?.();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return process.memoryUsage().heapUsed;
}

async function main(): Promise<void> {
  if (!gc) throw new Error('run with --expose-gc');
  const target = createServer((_request, response) => response.writeHead(200).end('{}'));
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  const { port } = target.address() as AddressInfo;
  const runner = new ConnectionTestRunner(
    defaultCatalogue(),
    new OutboundGuard(['127.0.0.1/32']),
    new TestLimiter({ perTenant: CONCURRENCY, perCredential: CONCURRENCY }),
  );
  const values = { baseUrl: `http://127.0.0.1:${port}`, authMethod: 'NONE' };
  const batch = async () => {
    let failed = 0;
    for (let done = 0; done < PER_BATCH; done += CONCURRENCY) {
      const outcomes = await Promise.all(
        Array.from({ length: CONCURRENCY }, () => runner.run({ tenantId: 'soak', connectorKey: 'rest-api', values })),
      );
      failed += outcomes.filter((outcome) => !outcome.ok).length;
    }
    if (failed) throw new Error(`${failed} soak tests failed`);
  };
  await batch(); // warm-up: JIT, module caches, undici pools
  const heaps = [await heapAfterGc()];
  const started = performance.now();
  for (let index = 0; index < BATCHES; index += 1) {
    await batch();
    heaps.push(await heapAfterGc());
  }
  const seconds = (performance.now() - started) / 1000;
  const growthPerThousand = ((heaps.at(-1) ?? heaps[0]) - heaps[0]) / BATCHES;
  target.close();
  console.log(
    JSON.stringify({
      soak: {
        tests: BATCHES * PER_BATCH,
        testsPerSecond: Math.round((BATCHES * PER_BATCH) / seconds),
        heapAfterGcMiB: heaps.map((heap) => Number((heap / 2 ** 20).toFixed(2))),
        growthPerThousandTestsKiB: Math.round(growthPerThousand / 1024),
      },
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
