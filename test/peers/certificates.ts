import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as never);

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY = 24 * 60 * 60 * 1000;

export interface Pem {
  cert: string;
  key: string;
}

async function pemKey(key: webcrypto.CryptoKey): Promise<string> {
  const der = await webcrypto.subtle.exportKey('pkcs8', key);
  return x509.PemConverter.encode(der, 'PRIVATE KEY');
}

async function leaf(
  issuer: { cert: x509.X509Certificate; keys: webcrypto.CryptoKeyPair } | 'self',
  names: string[],
  validity: { from: Date; to: Date },
): Promise<Pem> {
  const keys = (await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const subject = `CN=${names[0]}`;
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: Date.now().toString(16),
    subject,
    issuer: issuer === 'self' ? subject : issuer.cert.subject,
    notBefore: validity.from,
    notAfter: validity.to,
    signingAlgorithm: ALGORITHM,
    publicKey: keys.publicKey,
    signingKey: issuer === 'self' ? keys.privateKey : issuer.keys.privateKey,
    extensions: [
      new x509.SubjectAlternativeNameExtension(
        names.map((name) =>
          /^[\d.]+$/.test(name) ? { type: 'ip' as const, value: name } : { type: 'dns' as const, value: name },
        ),
      ),
      new x509.BasicConstraintsExtension(false, undefined, true),
    ],
  });
  return { cert: cert.toString('pem'), key: await pemKey(keys.privateKey) };
}

export interface TestCertificates {
  /** The test CA's certificate, to paste into a CA certificate field. */
  ca: string;
  /** localhost (not 127.0.0.1), signed by the CA, valid now. */
  valid: Pem;
  /** Signed by the CA, expired yesterday. */
  expired: Pem;
  /** Signed by the CA, for another name. */
  wrongHost: Pem;
  /** Self-signed for localhost. */
  selfSigned: Pem;
}

/** A private CA and the leaf certificates the TLS failure tests need, made fresh per run. */
export async function makeTestCertificates(): Promise<TestCertificates> {
  const keys = (await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const now = Date.now();
  const caCert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: 'CN=Plugboard Test CA',
    notBefore: new Date(now - DAY),
    notAfter: new Date(now + 30 * DAY),
    signingAlgorithm: ALGORITHM,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign, true),
    ],
  });
  const ca = { cert: caCert, keys };
  const current = { from: new Date(now - DAY), to: new Date(now + 30 * DAY) };
  return {
    ca: caCert.toString('pem'),
    valid: await leaf(ca, ['localhost'], current),
    expired: await leaf(ca, ['localhost'], { from: new Date(now - 10 * DAY), to: new Date(now - DAY) }),
    wrongHost: await leaf(ca, ['other.example'], current),
    selfSigned: await leaf('self', ['localhost', '127.0.0.1'], current),
  };
}

/** A self-signed certificate for `names` (a server that puts whatever it likes in its certificate). */
export async function makeSelfSigned(names: string[]): Promise<Pem> {
  const now = Date.now();
  return leaf('self', names, { from: new Date(now - DAY), to: new Date(now + 30 * DAY) });
}

/** A self-signed certificate that expires `days` from now, for expiry warnings. */
export async function makeCertificateExpiringIn(days: number): Promise<Pem> {
  const now = Date.now();
  return leaf('self', ['expiring.example'], { from: new Date(now - DAY), to: new Date(now + days * DAY) });
}

/** An RSA key and a self-signed certificate for it, as uploaded to an app registration. */
export async function makeRsaAppCertificate(): Promise<Pem> {
  const algorithm = {
    name: 'RSASSA-PKCS1-v1_5',
    modulusLength: 2048,
    publicExponent: new Uint8Array([1, 0, 1]),
    hash: 'SHA-256',
  };
  const keys = (await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '02',
    name: 'CN=plugboard-app',
    notBefore: new Date(Date.now() - DAY),
    notAfter: new Date(Date.now() + 30 * DAY),
    signingAlgorithm: algorithm,
    keys: keys as never,
  });
  return { cert: cert.toString('pem'), key: await pemKey(keys.privateKey) };
}
