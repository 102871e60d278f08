// The community calendar (issue 15) on a phone, on the demo data, checked with axe (the pages
// have no script; the integration tests check that): from the portal to the month, the list filtered by kind, an event, and its poster.
const { test, expect } = require('./support/fixtures.js');
const { checkA11y } = require('./support/a11y.js');
const { contextOptions, expectNoHorizontalOverflow } = require('./support/accounts.js');

test('the calendar from the portal on a phone, with axe', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const visitor = await browser.newContext(
    contextOptions(baseURL, { viewport: { width: 375, height: 667 }, isMobile: true })
  );
  const page = await visitor.newPage();
  await page.goto('/');
  await page.getByRole('link', { name: '地域のカレンダー（月表示・一覧）' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('地域のカレンダー');
  await expect(page.locator('table.calendar-month caption')).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await checkA11y(page);
  await page.getByRole('link', { name: '一覧' }).click();
  await page.getByLabel('種類').selectOption('forum');
  await page.getByRole('button', { name: 'この条件で表示' }).click();
  await expect(page).toHaveURL(/kind=forum/);
  await expectNoHorizontalOverflow(page);
  await checkA11y(page);
  await page.getByRole('link', { name: '難病・慢性疾患 就労支援ネットワークフォーラム' }).click();
  await page.getByRole('link', { name: 'ポスターを印刷' }).click();
  await expect(page.locator('.poster svg title')).toHaveCount(1);
  await checkA11y(page);
  await visitor.close();
});
