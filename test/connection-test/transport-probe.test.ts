import { getEventListeners } from 'node:events';
import { type AddressInfo, connect, createServer, type Server } from 'node:net';
import { TestContext } from '../../src/connector-kit/connection-test.context';
import { SecretScrubber } from '../../src/connector-kit/secret-scrubber';
import { TestStepKind } from '../../src/connector-kit/test-step';
import { whenReady } from '../../src/connector-kit/transport-probe';

/** What a connection test leaves behind when it is done: nothing that holds a socket. */
let server: Server;
let port: number;

beforeAll(async () => {
  server = createServer((socket) => socket.end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

it('whenReady removes its abort listener once the socket is ready, and on failure', async () => {
  const controller = new AbortController();
  const socket = await whenReady(connect({ host: '127.0.0.1', port }), 'connect', controller.signal);
  expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  expect(socket.listenerCount('error')).toBe(0);
  socket.destroy();
  await expect(whenReady(connect({ host: '127.0.0.1', port: 1 }), 'connect', controller.signal)).rejects.toThrow();
  expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
});

it("a step leaves no listener on the test's signal and no timer behind", async () => {
  const test = new AbortController();
  const context = new TestContext(
    {},
    { vet: async () => ({ hostname: 'x', address: '127.0.0.1', family: 4 }) },
    new SecretScrubber(),
    test.signal,
  );
  let stageSignal: AbortSignal | undefined;
  for (let index = 0; index < 50; index += 1) {
    await context.step(TestStepKind.CONNECT, async (signal) => {
      stageSignal = signal;
      signal.addEventListener('abort', () => {});
      return 1;
    });
  }
  expect(getEventListeners(test.signal, 'abort')).toHaveLength(0);
  // The stage's signal is unlinked: aborting the test no longer reaches it.
  test.abort();
  expect(stageSignal?.aborted).toBe(false);
});
