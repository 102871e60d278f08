// Events (issue 15) as people and staff see them, on the demo data, each page checked with axe:
// a visitor finds the forum from the portal, opens its page and its registration form (sent
// empty: the errors); the office reads the event list, the registration list and the new-event
// form.
const { test, expect } = require('./support/fixtures.js');
const { checkA11y } = require('./support/a11y.js');
const { kDemo, logIn, contextOptions, expectNoHorizontalOverflow } = require('./support/accounts.js');

test('events from the portal and the office, with axe', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const visitor = await browser.newContext(
    contextOptions(baseURL, { viewport: { width: 375, height: 667 }, isMobile: true })
  );
  const page = await visitor.newPage();
  await page.goto('/');
  await page.getByRole('link', { name: 'これからのイベントを見る' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('イベント・講演会のご案内');
  await expectNoHorizontalOverflow(page);
  await checkA11y(page);
  await page.getByRole('link', { name: '難病・慢性疾患 就労支援ネットワークフォーラム' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    '難病・慢性疾患 就労支援ネットワークフォーラム'
  );
  await checkA11y(page);
  await page.getByRole('link', { name: '申し込む' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('イベントの申込み');
  await checkA11y(page);
  await page.getByRole('button', { name: '確認画面へ進む' }).click();
  await expect(page.locator('.error-summary')).toBeVisible();
  await checkA11y(page);
  await visitor.close();

  const staff = await browser.newContext(contextOptions(baseURL));
  const office = await staff.newPage();
  await logIn(office, kDemo.jimu);
  await office.getByRole('navigation').getByRole('link', { name: 'イベント' }).click();
  await checkA11y(office);
  await office
    .getByRole('link', { name: /^申込者一覧\s*（難病・慢性疾患 就労支援ネットワークフォーラム）$/ })
    .click();
  await checkA11y(office);
  await office.goto('/events/new');
  await checkA11y(office);
  await staff.close();
});
