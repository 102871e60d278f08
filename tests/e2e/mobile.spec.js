// A small phone (375×667, the iPhone SE size): staff open invitation links and sign in from
// their phones, so nothing may need sideways scrolling (WCAG 1.4.10 Reflow).
const { test, expect } = require('./support/fixtures.js');
const { checkA11y } = require('./support/a11y.js');
const {
  kDemo,
  submitPassword,
  submitCode,
  expectNoHorizontalOverflow,
} = require('./support/accounts.js');

test.use({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });

test('login and the signed-in pages fit a 375 px wide screen', async ({ page }) => {
  const account = kDemo.kango;
  await page.goto('/login');
  await expectNoHorizontalOverflow(page);

  // With the error summary and field errors, which add long Japanese lines.
  await page.getByRole('button', { name: '次へ' }).click();
  await expect(page.locator('.error-summary')).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await checkA11y(page);

  await submitPassword(page, account);
  await expect(page).toHaveURL(/\/login\/code/);
  await expectNoHorizontalOverflow(page);
  await submitCode(page, account);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ホーム');
  await expectNoHorizontalOverflow(page);
  await checkA11y(page);

  // Wide tables scroll inside their own region, not the page.
  const paths = ['/org/members', '/org/members/invite', '/org/audit', '/account', '/account/tokens'];
  for (const path of paths) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoHorizontalOverflow(page);
  }

  await page.getByRole('button', { name: 'ログアウト' }).click();
  await expect(page).toHaveURL(/\/login\?logged_out=1$/);
  await expectNoHorizontalOverflow(page);
});
