/**
 * The dependency rules of src/ (docs/architecture.md explains the layers). Checked by
 * `npm run lint` and by test/conformance/architecture.conformance.test.ts.
 *
 * Layers, outermost first: transport (graphql/, http/, cli/, app.ts, main.ts) → services
 * (configs/, connection-test/, health/, oauth/, webhooks/, relay/, relay-agent/, auth/, audit/, observability/) → domain
 * (catalogue/, connectors/, integrations/, connector-kit/, forms/) → ports and adapters
 * (store/, secrets/, fleet/). Each may use the ones after it, never one before it.
 */
const TRANSPORT = '^src/(graphql|http|cli)/|^src/(app|main)\\.ts$';
const SERVICES = '^src/(configs|connection-test|health|oauth|relay|relay-agent|webhooks|auth|audit|observability)/';
const DOMAIN = '^src/(catalogue|connectors|integrations|connector-kit|forms)/';
const PORTS = '^src/(store|secrets|fleet)/';

module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycle',
      comment: 'Folders depend one way: a cycle between folders (even through types) means a misplaced file.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-file-cycle',
      comment: 'Files depend one way, types included.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'services-not-transport',
      severity: 'error',
      from: { path: SERVICES },
      to: { path: TRANSPORT },
    },
    {
      name: 'domain-not-services-or-transport',
      severity: 'error',
      from: { path: DOMAIN },
      to: { path: [SERVICES, TRANSPORT] },
    },
    {
      name: 'ports-not-above',
      severity: 'error',
      from: { path: PORTS },
      to: { path: [SERVICES, TRANSPORT, DOMAIN] },
    },
    {
      name: 'forms-stand-alone',
      comment: 'The form machinery is shared with the browser client: it imports nothing else of src/.',
      severity: 'error',
      from: { path: '^src/forms/' },
      to: { path: '^src/', pathNot: '^src/forms/' },
    },
    {
      name: 'connector-kit-on-forms-only',
      severity: 'error',
      from: { path: '^src/connector-kit/' },
      to: { path: '^src/', pathNot: '^src/(connector-kit|forms)/' },
    },
    {
      name: 'connectors-through-the-kit',
      comment: 'A connector file imports the toolkit through its one entry point, and nothing else of src/.',
      severity: 'error',
      from: { path: '^src/connectors/[^/]+\\.connector\\.ts$' },
      to: { path: '^src/', pathNot: '^src/connector-kit/index\\.ts$' },
    },
    {
      name: 'environment-stands-alone',
      comment: 'Reading the environment depends on nothing of GraphQL, HTTP or the services.',
      severity: 'error',
      from: { path: '^src/environment\\.ts$' },
      to: { path: '^src/', pathNot: '^src/(errors|package-root)\\.ts$' },
    },
    {
      name: 'logger-stands-alone',
      comment: 'The logger is given the locked field names; it loads no connector.',
      severity: 'error',
      from: { path: '^src/(logger|log-redaction)\\.ts$' },
      to: { path: '^src/(catalogue|connectors|connector-kit)/' },
    },
    {
      name: 'no-web-from-server',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/web/' },
      to: { path: '^src/web/' },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/web/' },
  },
};
