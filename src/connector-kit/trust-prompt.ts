import { createHash, X509Certificate } from 'node:crypto';
import type { DetailedPeerCertificate } from 'node:tls';

/**
 * The certificate a server presented when Plugboard did not trust it, so a UI can show what it
 * is and offer "trust this CA" (filling the CA certificate field with `caCertificatePem`).
 * Nothing in a certificate is secret; it still goes through the scrubber with the rest.
 */
export interface PresentedCertificate {
  subject: string;
  issuer: string;
  /** ISO 8601. */
  validFrom: string;
  validTo: string;
  /** Colon-separated hex, as browsers and openssl show it. */
  fingerprintSha256: string;
  /** The DNS names and addresses the certificate covers. */
  subjectAltNames?: string;
  /**
   * The authority to trust, in PEM, when the server sent it: the top of the chain it presented
   * (for a self-signed certificate, the certificate itself). Absent when the server sent only
   * its own certificate, signed by a CA it did not include.
   */
  caCertificatePem?: string;
}

/** The SSH host key a server presented, so a UI can offer "pin this key". */
export interface PresentedHostKey {
  /** The key's algorithm, such as ssh-ed25519 or ecdsa-sha2-nistp256. */
  type: string;
  /** OpenSSH's form: SHA256: and unpadded base64. */
  fingerprintSha256: string;
}

const oneLine = (name: string) => name.split('\n').filter(Boolean).join(', ');

/** The chain as the server sent it, leaf first (Node links it through issuerCertificate). */
function chainOf(leaf: DetailedPeerCertificate): DetailedPeerCertificate[] {
  const chain: DetailedPeerCertificate[] = [leaf];
  for (let current = leaf; current.issuerCertificate && current.issuerCertificate !== current; ) {
    current = current.issuerCertificate;
    if (chain.some((seen) => seen.raw.equals(current.raw))) break;
    chain.push(current);
  }
  return chain;
}

export function describePresentedCertificate(leaf: DetailedPeerCertificate): PresentedCertificate | undefined {
  if (!leaf?.raw?.length) return undefined;
  const certificate = new X509Certificate(leaf.raw);
  const chain = chainOf(leaf).map((entry) => new X509Certificate(entry.raw));
  const top = chain.at(-1) as X509Certificate;
  // The top of what was sent is an authority worth offering when it signed itself or is a CA;
  // a lone leaf signed by someone else is not the CA to trust.
  const offerable = top.ca || top.checkIssued(top);
  return {
    subject: oneLine(certificate.subject),
    issuer: oneLine(certificate.issuer),
    validFrom: new Date(certificate.validFrom).toISOString(),
    validTo: new Date(certificate.validTo).toISOString(),
    fingerprintSha256: certificate.fingerprint256,
    subjectAltNames: certificate.subjectAltName,
    caCertificatePem: offerable ? top.toString() : undefined,
  };
}

/** OpenSSH's display form of a host key: SHA256: and unpadded base64 of the raw key blob. */
export function sshFingerprint(publicKeyBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(publicKeyBlob).digest('base64').replace(/=+$/, '')}`;
}

/** The algorithm name at the start of an SSH public-key blob (a length-prefixed string). */
export function sshKeyType(publicKeyBlob: Buffer): string {
  if (publicKeyBlob.length < 4) return 'unknown';
  const length = publicKeyBlob.readUInt32BE(0);
  return publicKeyBlob.subarray(4, 4 + length).toString('latin1') || 'unknown';
}
