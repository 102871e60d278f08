// Cancer salons and peer supporters (issue 15) on the demo data: on a phone with JavaScript off,
// a visitor goes from the portal to the salon directory, a salon and its next meeting on the
// calendar; then the same pages with axe, and the office's salon list, form and peer registry
// (a peer's page shows their name to the office only) with axe.
const { test, expect } = require('./support/fixtures.js');
const { checkA11y } = require('./support/a11y.js');
const { kDemo, logIn, contextOptions, expectNoHorizontalOverflow } = require('./support/accounts.js');

const kSalon = 'ひだまりサロン（デモ）';

async function walk(page, { axe }) {
  await page.goto('/');
  await page.getByRole('link', { name: 'お近くのがんサロンを探す' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('がんサロン一覧');
  await expectNoHorizontalOverflow(page);
  if (axe) await checkA11y(page);
  await page.getByLabel('サロン名・地域で探す').fill('ヒダマリ');
  await page.getByRole('button', { name: '探す' }).click();
  await expect(page.getByRole('status')).toContainText('検索結果');
  await page.getByRole('link', { name: kSalon }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(kSalon);
  await expect(page.getByText('ひまわりさん')).toBeVisible();
  await expectNoHorizontalOverflow(page);
  if (axe) await checkA11y(page);
  await page.locator('main a[href^="/events/"]').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(kSalon);
  if (axe) await checkA11y(page);
}

test('a visitor finds a salon and its next meeting on a phone, then the office, with axe', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const plain = await browser.newContext(
    contextOptions(baseURL, { javaScriptEnabled: false, viewport: { width: 375, height: 667 } })
  );
  await walk(await plain.newPage(), { axe: false });
  await plain.close();

  const phone = await browser.newContext(
    contextOptions(baseURL, { viewport: { width: 375, height: 667 }, isMobile: true })
  );
  await walk(await phone.newPage(), { axe: true });
  await phone.close();

  const staff = await browser.newContext(contextOptions(baseURL));
  const office = await staff.newPage();
  await logIn(office, kDemo.jimu);
  await office.goto('/salons/manage');
  await expect(office.getByRole('heading', { level: 1 })).toHaveText('がんサロンの管理');
  await checkA11y(office);
  await office.goto('/salons/new');
  await office.getByRole('button', { name: '保存する' }).click();
  await expect(office.locator('.error-summary')).toBeVisible();
  await checkA11y(office);
  await office.goto('/peers');
  await expect(office.getByRole('heading', { level: 1 })).toHaveText('ピア・サポーター名簿');
  await checkA11y(office);
  await office.getByRole('link', { name: 'ひまわりさん' }).first().click();
  await expect(office.getByText('デモ 花子')).toBeVisible();
  await checkA11y(office);
  await staff.close();
});
