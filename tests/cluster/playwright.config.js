// The browser part of the cluster test (tests/cluster/browser.sh starts it; the cluster itself
// is already running): Debian's chromium against nginx's https address, the site's name mapped
// to 127.0.0.1. The certificate is the test's throw-away one, so its errors are ignored here
// (TLS itself is checked by the curl and Python clients of the other parts).
const { defineConfig } = require('@playwright/test');

module.exports = defineConfig({
  testDir: __dirname,
  testMatch: '*.spec.js',
  outputDir: require('node:path').join(process.env.TSUNAGU_TMP || '/tmp', 'playwright'),
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: 'list',
  timeout: 120_000,
  expect: { timeout: 10_000 },
  use: {
    browserName: 'chromium',
    baseURL: process.env.TSUNAGU_BASE_URL,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    ignoreHTTPSErrors: true,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        `--host-resolver-rules=MAP ${process.env.TSUNAGU_SITE_HOST || 'tsunagu.example.jp'} 127.0.0.1`,
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
