// Tests that spawn the real CLI (shutdown, and later the relay agent) run the compiled
// build, as `npm start` does; compile it once per test run so it is never stale.
const { execFileSync } = require('node:child_process');

module.exports = async () => {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: `${__dirname}/../..`,
    stdio: 'inherit',
  });
};
