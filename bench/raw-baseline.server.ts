/**
 * The physical limit for the bench: a bare node:http server that answers every request with
 * the same bytes Plugboard would send, without parsing, validating or executing anything; or,
 * with BENCH_STATUS=304, a bare 304 with the same ETag.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const body = Buffer.from(process.env.BENCH_BODY ?? '{}');
const notModified = process.env.BENCH_STATUS === '304';
const etag = process.env.BENCH_ETAG ?? '"bench"';
const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    if (notModified) {
      response.writeHead(304, { etag });
      response.end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
    response.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}` })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
