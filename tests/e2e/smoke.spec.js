// First checks that the server, the browser and the tools around them work together.
const { test, expect } = require('./support/fixtures.js');
const { checkA11y } = require('./support/a11y.js');

test('GET /healthz answers ok', async ({ request }) => {
  const res = await request.get('/healthz');
  expect(res.status()).toBe(200);
  expect((await res.text()).trim()).toBe('ok');
});

test('the login page is Japanese and has no axe violations', async ({ page }) => {
  const res = await page.goto('/login');
  expect(res.status()).toBe(200);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.locator('input[type="password"]')).toBeVisible();
  await checkA11y(page);
});

test('the login page works without JavaScript', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  try {
    const page = await context.newPage();
    const res = await page.goto('/login');
    expect(res.status()).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    // Without JavaScript the login must be a plain POST form with its own submit button.
    const form = page.locator('form[method="post" i]:has(input[type="password"])');
    await expect(form).toBeVisible();
    await expect(form.locator('[type="submit"]')).toBeVisible();
  } finally {
    await context.close();
  }
});
