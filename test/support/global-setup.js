// Tests that spawn the real CLI (shutdown, and later the relay agent) run the compiled
// build, as `npm start` does; compile it once per test run so it is never stale.
const { execFileSync } = require('node:child_process');

module.exports = async () => {
  // Health checks of saved configs would call the tests' peers on their own schedule, between a
  // test's requests and its assertions: servers started by tests (in process or as processes,
  // which inherit this) look for due checks hourly. The health tests set their own tick.
  process.env.PLUGBOARD_HEALTH_TICK_SECONDS ??= '3600';
  // Every document runs compiled (graphql-jit) from its first execution, so the whole suite
  // tests the executor production uses for every repeated document.
  process.env.PLUGBOARD_GRAPHQL_COMPILE_AFTER ??= '0';
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: `${__dirname}/../..`,
    stdio: 'inherit',
  });
};
