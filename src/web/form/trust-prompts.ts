import type { TestConnectionMutation } from '../../../codegen/generated-web/graphql';
import type { TrustPrompt } from '../components/notices';
import type { ConnectorForm } from './use-connector-form';

type TestError = TestConnectionMutation['testConnection']['errors'][number];

const day = (iso: string) => new Date(iso).toISOString().slice(0, 10);

/**
 * The "trust this" offer for a failed test, when the server can say what to trust and the
 * form has the field it goes into: an untrusted certificate whose authority the server sent
 * (reported on the form's CA certificate field), or an SSH host key that is not pinned or has
 * changed. Accepting fills the field; nothing is trusted until the person tests again and saves.
 */
export function trustPromptFor(
  error: TestError,
  form: ConnectorForm,
  feedback: { notify: (text: string) => void; report: (problem: null) => void },
): TrustPrompt | undefined {
  const target = form.fields.find((field) => field.name === error.field);
  if (!target) return undefined;
  const certificate = error.presentedCertificate;
  if (certificate?.caCertificatePem && target.type === 'CERTIFICATE') {
    const pem = certificate.caCertificatePem;
    return {
      title: 'The certificate the server presented',
      facts: [
        ['Subject', certificate.subject],
        ['Issued by', certificate.issuer],
        ['Valid', `${day(certificate.validFrom)} to ${day(certificate.validTo)}`],
        ['SHA-256 fingerprint', certificate.fingerprintSha256],
      ],
      action: `Trust this CA (fill in ${target.label})`,
      onAccept: () => {
        form.change(target.name, pem);
        feedback.report(null);
        feedback.notify(`${target.label} filled in. Test again to check the connection with it.`);
      },
    };
  }
  const hostKey = error.presentedHostKey;
  if (hostKey) {
    return {
      title: 'The host key the server presented',
      facts: [
        ['Key type', hostKey.type],
        ['SHA-256 fingerprint', hostKey.fingerprintSha256],
      ],
      action: `Pin this key (fill in ${target.label})`,
      onAccept: () => {
        form.change(target.name, hostKey.fingerprintSha256);
        feedback.report(null);
        feedback.notify(`${target.label} filled in. Test again to check the connection with it.`);
      },
    };
  }
  return undefined;
}
