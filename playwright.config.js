// Browser tests for Tsunagu. They drive Debian's chromium package (never a downloaded browser:
// do not run `npx playwright install`) against a real `build/tsunagu serve` that
// tests/e2e/support/global-setup.js starts on a free loopback port, with a real SMTP sink.
//
//   PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci && scripts/vendor-static && npx playwright test
//
// Environment: TSUNAGU_BIN overrides the server binary (default build/tsunagu);
// TSUNAGU_KEEP_TMP=1 keeps the temporary folder (database, server log, mails) after the run.
const { defineConfig } = require('@playwright/test');

module.exports = defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.js',
  globalSetup: require.resolve('./tests/e2e/support/global-setup.js'),
  globalTeardown: require.resolve('./tests/e2e/support/global-teardown.js'),
  outputDir: 'test-results',
  // One server and one mailbox are shared by all tests: run them one after another.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  // A login may wait up to 30 s for a fresh TOTP step, and the machine is a busy 2-core one
  // (load 7–8 beside parallel builds): 60 s timed out tests that were only slow.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  use: {
    browserName: 'chromium',
    // Workers load this file after global setup has set the variable; tests also get it from
    // the baseURL fixture in tests/e2e/support/fixtures.js.
    baseURL: process.env.TSUNAGU_BASE_URL,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
