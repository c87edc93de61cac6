import { defaultCatalogue } from '../../src/catalogue/default-catalogue';
import { TestErrorCode } from '../../src/connector-kit/connection-test.codes';
import type { ConnectionTestOutcome } from '../../src/connector-kit/connection-test.result';
import { ERROR_CATALOGUE } from '../../src/connector-kit/error-catalogue';
import { brokenOutcomeRules } from '../support/outcome-rules';
import { foreignTerms, namesCaField, PRODUCT_VOCABULARY } from '../support/product-vocabulary';

/**
 * The truth rules of connection-test results. Every outcome a peer-backed test produces is
 * checked by test-runner.ts (steps, visible fields, hints); here, the hints each connector can
 * receive for every code, and the checker itself.
 */
const catalogue = defaultCatalogue();
const connectors = catalogue.connectors();

describe('connection-test hints', () => {
  it.each(Object.values(TestErrorCode))("the catalogue's hint for %s names no product", (code) => {
    const named = PRODUCT_VOCABULARY.filter(([pattern]) => pattern.test(ERROR_CATALOGUE[code].hint));
    expect(named.map(([pattern]) => String(pattern))).toEqual([]);
    expect(namesCaField(ERROR_CATALOGUE[code].hint)).toBe(false);
  });

  it.each(connectors.map((connector) => [connector.key, connector] as const))(
    '%s gets, for every code, a hint in its own terms that names only fields it has',
    (key, connector) => {
      const hasCaField = connector.fields.some((field) => field.label === 'CA certificate');
      for (const code of Object.values(TestErrorCode)) {
        const hint = connector.connectionTest.hints?.[code] ?? ERROR_CATALOGUE[code].hint;
        expect({ code, foreign: foreignTerms(key, hint) }).toEqual({ code, foreign: [] });
        if (namesCaField(hint)) expect({ code, hasCaField }).toEqual({ code, hasCaField: true });
      }
    },
  );
});

describe('the outcome rules', () => {
  const failedAfterAuthorize: ConnectionTestOutcome = {
    ok: false,
    status: 'FAILED',
    durationMs: 5,
    steps: [
      { kind: 'RESOLVE', status: 'SUCCEEDED', durationMs: 1 },
      { kind: 'CONNECT', status: 'SUCCEEDED', durationMs: 1 },
      { kind: 'TLS', status: 'SUCCEEDED', durationMs: 1 },
      { kind: 'AUTHENTICATE', status: 'SUCCEEDED', durationMs: 1 },
      { kind: 'AUTHORIZE', status: 'SUCCEEDED', durationMs: 1 },
    ] as ConnectionTestOutcome['steps'],
    errors: [
      {
        code: TestErrorCode.ACCESS_RULE_REJECTED,
        category: ERROR_CATALOGUE.ACCESS_RULE_REJECTED.category,
        field: 'clientSecret',
        message: 'Refused.',
        hint: 'An administrator edits pg_hba.conf.',
        retryable: false,
      },
    ],
  };

  it('catch a failure with no FAILED step, a hidden field and a foreign hint', () => {
    const broken = brokenOutcomeRules(
      catalogue,
      'rest-api',
      { baseUrl: 'https://api.example.com' },
      failedAfterAuthorize,
    );
    expect(broken).toEqual([
      'a failed test shows 0 FAILED steps',
      'a step after the failed one is not SKIPPED',
      'ACCESS_RULE_REJECTED names clientSecret, not shown on the form',
      'ACCESS_RULE_REJECTED\'s hint names pg_hba: "An administrator edits pg_hba.conf."',
    ]);
  });

  it('accept a truthful failure', () => {
    const truthful: ConnectionTestOutcome = {
      ...failedAfterAuthorize,
      steps: failedAfterAuthorize.steps.map((step) =>
        step.kind === 'AUTHENTICATE'
          ? { ...step, status: 'FAILED' }
          : step.kind === 'AUTHORIZE'
            ? { ...step, status: 'SKIPPED' }
            : step,
      ),
      errors: [
        {
          ...failedAfterAuthorize.errors[0],
          code: TestErrorCode.INVALID_CREDENTIALS,
          field: 'bearerToken',
          hint: ERROR_CATALOGUE.INVALID_CREDENTIALS.hint,
          step: 'AUTHENTICATE' as never,
        },
      ],
    };
    const values = { baseUrl: 'https://api.example.com', authMethod: 'BEARER', bearerToken: 'x' };
    expect(brokenOutcomeRules(catalogue, 'rest-api', values, truthful)).toEqual([]);
  });
});
