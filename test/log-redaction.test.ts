import { Writable } from 'node:stream';
import { defaultCatalogue } from '../src/catalogue/default-catalogue';
import { REDACTED, redactSecrets } from '../src/log-redaction';
import { createLogger } from '../src/logger';

const CANARY = 'canary-log-Secret-8d2e';

describe('log redaction', () => {
  it('replaces values under locked and secret-looking names at any depth, and keeps the rest', () => {
    const redacted = redactSecrets(
      {
        connector: 'postgresql',
        values: { host: 'db', password: CANARY, nested: [{ clientSecret: CANARY, tokenUrl: 'https://idp' }] },
        privateKeyPem: CANARY,
        passwordSet: true,
        apiToken: null,
      },
      new Set(['privateKeyPem']),
    );
    expect(redacted).toEqual({
      connector: 'postgresql',
      values: { host: 'db', password: REDACTED, nested: [{ clientSecret: REDACTED, tokenUrl: 'https://idp' }] },
      privateKeyPem: REDACTED,
      passwordSet: true,
      apiToken: null,
    });
  });

  it('leaves errors to the serializer and stops at a depth limit', () => {
    const error = new Error('boom');
    expect((redactSecrets({ err: error }, new Set()) as { err: unknown }).err).toBe(error);
    let deep: Record<string, unknown> = { leaf: CANARY };
    for (let level = 0; level < 10; level += 1) deep = { next: deep };
    expect(JSON.stringify(redactSecrets(deep, new Set()))).not.toContain(CANARY);
  });

  it('keeps locked values of every connector off real log lines', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger('info', { destination: sink, lockedFieldNames: defaultCatalogue().lockedFieldNames() });
    logger.info({ input: { values: { password: CANARY, privateKey: CANARY, bindPassword: CANARY } } }, 'saved');
    logger.child({ requestId: 'r1' }).warn({ settings: { clientSecret: CANARY, host: 'example' } }, 'tested');
    const output = lines.join('');
    expect(output).not.toContain(CANARY);
    expect(output).toContain('"host":"example"');
    expect(output).toContain('"requestId":"r1"');
  });

  it('redacts the locked fields of the catalogue it is given, even under names that do not look secret', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    createLogger('info', { destination: sink, lockedFieldNames: ['sealingPhrase'] }).info(
      { values: { sealingPhrase: CANARY, url: 'https://example.com' } },
      'saved',
    );
    expect(lines.join('')).not.toContain(CANARY);
    expect(lines.join('')).toContain('https://example.com');
  });
});
