import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestErrorCode } from '../../src/connector-kit/connection-test.codes';
import { ERROR_CATALOGUE } from '../../src/connector-kit/error-catalogue';

const doc = readFileSync(join(__dirname, '../../docs/connection-test-errors.md'), 'utf8');

describe('the documented connection-test failures', () => {
  it.each(Object.values(TestErrorCode))('%s is documented with its category, message and hint', (code) => {
    const { category, retryable, message, hint } = ERROR_CATALOGUE[code];
    expect(doc).toContain(`| \`${code}\` | ${category} | ${retryable ? 'yes' : 'no'} | ${message} | ${hint} |`);
  });
});
