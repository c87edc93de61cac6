import { TestErrorCode } from '../../src/connector-kit';
import { testError } from '../../src/connector-kit/connection-test.failure';
import { afterCheck, EMPTY_HEALTH, withExpiry } from '../../src/health/health-record';

const at = (day: number) => new Date(Date.UTC(2026, 11, day)).toISOString();
const refused = testError(TestErrorCode.INVALID_CREDENTIALS, { field: 'password' });
const throttled = testError(TestErrorCode.THROTTLED, { field: 'username' });
const THRESHOLDS = [60, 30, 7];

describe('a config health over checks', () => {
  it('opens one issue per problem, keeps it while it persists, resolves it on success, and tells each transition once', () => {
    const first = afterCheck(null, null, at(1));
    expect(first).toMatchObject({ health: { status: 'HEALTHY', issues: [] }, events: [] });
    const failing = afterCheck(first.health, refused, at(2));
    expect(failing.health.status).toBe('FAILING');
    expect(failing.events).toEqual([{ type: 'config.health.failing', field: 'password', code: 'INVALID_CREDENTIALS' }]);
    const still = afterCheck(failing.health, refused, at(3));
    expect(still.events).toEqual([]);
    expect(still.health.issues).toEqual([
      expect.objectContaining({ code: 'INVALID_CREDENTIALS', openedAt: at(2), resolvedAt: null }),
    ]);
    const other = afterCheck(still.health, throttled, at(4));
    expect(other.health.status).toBe('DEGRADED');
    expect(other.events).toEqual([{ type: 'config.health.degraded', field: 'username', code: 'THROTTLED' }]);
    expect(other.health.issues.map((issue) => [issue.code, issue.resolvedAt])).toEqual([
      ['THROTTLED', null],
      ['INVALID_CREDENTIALS', at(4)],
    ]);
    const recovered = afterCheck(other.health, null, at(5));
    expect(recovered.events).toEqual([{ type: 'config.health.recovered', field: null, code: null }]);
    expect(recovered.health.issues.every((issue) => issue.resolvedAt)).toBe(true);
  });

  it('keeps ten resolved issues after the open ones', () => {
    let health = EMPTY_HEALTH;
    for (let day = 1; day <= 30; day += 1) {
      health = afterCheck(
        health,
        day % 2 ? testError(TestErrorCode.TIMEOUT, { field: `f${day}` }) : null,
        at(day),
      ).health;
    }
    expect(health.issues.length).toBeLessThanOrEqual(11);
  });

  it('warns once per threshold as an expiry nears, then says expired, and resolves on renewal', () => {
    const base = afterCheck(null, null, at(1));
    const days = (left: number) => ({ expiresAt: at(1 + left), daysLeft: left });
    const sixty = withExpiry(base, 'clientSecret', days(55), THRESHOLDS, at(1));
    expect(sixty.events).toEqual([
      { type: 'credential.expiring', field: 'clientSecret', code: 'CREDENTIAL_EXPIRING', expiresAt: at(56) },
    ]);
    expect(sixty.health.status).toBe('HEALTHY');
    const again = withExpiry({ health: sixty.health, events: [] }, 'clientSecret', days(50), THRESHOLDS, at(6));
    expect(again.events).toEqual([]);
    const thirty = withExpiry({ health: again.health, events: [] }, 'clientSecret', days(29), THRESHOLDS, at(27));
    expect(thirty.events).toHaveLength(1);
    const seven = withExpiry({ health: thirty.health, events: [] }, 'clientSecret', days(6), THRESHOLDS, at(50));
    expect(seven.events).toHaveLength(1);
    expect(seven.health.issues.filter((issue) => !issue.resolvedAt)).toHaveLength(1);
    const expired = withExpiry({ health: seven.health, events: [] }, 'clientSecret', days(-1), THRESHOLDS, at(58));
    expect(expired.events).toEqual([
      { type: 'credential.expired', field: 'clientSecret', code: 'CREDENTIAL_EXPIRED', expiresAt: at(0) },
    ]);
    expect(expired.health.issues.find((issue) => !issue.resolvedAt)?.code).toBe('CREDENTIAL_EXPIRED');
    const renewed = withExpiry({ health: expired.health, events: [] }, 'clientSecret', days(700), THRESHOLDS, at(59));
    expect(renewed.events).toEqual([]);
    expect(renewed.health.issues.every((issue) => issue.resolvedAt)).toBe(true);
    expect(renewed.health.warnedExpiries).toEqual({});
  });

  it('leaves expiry issues alone when a test passes or fails', () => {
    const warned = withExpiry(
      afterCheck(null, null, at(1)),
      'certificate',
      { expiresAt: at(10), daysLeft: 9 },
      THRESHOLDS,
      at(1),
    );
    const passed = afterCheck(warned.health, null, at(2));
    expect(passed.health.issues.find((issue) => issue.code === 'CREDENTIAL_EXPIRING')?.resolvedAt).toBeNull();
  });
});

describe('credential expiries', () => {
  it('come from certificates, the grant, the provider and people, soonest first', async () => {
    const { credentialExpiries } = await import('../../src/health/credential-expiry');
    const { defaultCatalogue } = await import('../../src/catalogue/default-catalogue');
    const { makeCertificateExpiringIn } = await import('../peers/certificates');
    const { aConfig, aGrant } = await import('../support/store-fixtures');
    const certificate = await makeCertificateExpiringIn(40);
    const config = aConfig('t1', {
      connectorKey: 'microsoft-graph',
      values: { certificate: certificate.cert, authMethod: 'AUTHORIZATION_CODE' },
      secrets: {
        clientSecret: { value: { alg: 'A256GCM', iv: '', ciphertext: '', tag: '' }, updatedAt: at(1), updatedBy: 'x' },
      },
      secretExpiries: { clientSecret: at(20), privateKey: at(3) },
      health: { ...EMPTY_HEALTH, reportedExpiries: [{ field: 'clientSecret', expiresAt: at(25) }] },
    });
    const grant = aGrant('t1', config.id, { refreshTokenExpiresAt: at(9) });
    const found = credentialExpiries(config, defaultCatalogue(), grant);
    expect(found.map((expiry) => [expiry.field, expiry.source])).toEqual([
      ['authMethod', 'OAUTH_GRANT'],
      ['clientSecret', 'USER'],
      ['clientSecret', 'PROVIDER'],
      ['certificate', 'CERTIFICATE'],
    ]);
  });
});
