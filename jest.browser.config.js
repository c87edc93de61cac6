// The browser suite (npm run test:browser): the built web client in Debian's Chromium, driven by
// playwright-core, against the real server and real peers. One file at a time: two cores, and a
// browser per file.
const base = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ['<rootDir>/test/browser'],
  testMatch: ['**/*.browser.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  maxWorkers: 1,
  testTimeout: 60000,
};
