// The `test` and `expect` every spec imports: baseURL and mailDir come from global-setup.js.
const base = require('@playwright/test');

const test = base.test.extend({
  baseURL: async ({}, use) => {
    await use(process.env.TSUNAGU_BASE_URL);
  },
  mailDir: async ({}, use) => {
    await use(process.env.TSUNAGU_MAIL_DIR);
  },
});

module.exports = { test, expect: base.expect };
