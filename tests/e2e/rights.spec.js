// The person's data rights (issue 17 point 5) on the demo data, with axe on each page: the NPO's
// admin opens the requests log (a correction waits for its answer), the disclosure of the person
// whose disclosure was made (also as printed: the actions disappear, the content stays), the
// JSON download, stops and lifts the use, answers the pending request, and sets the retention
// period after a refused value.
const { test, expect } = require('./support/fixtures.js');
const { checkA11y } = require('./support/a11y.js');
const { kDemo, logIn, contextOptions } = require('./support/accounts.js');

test('requests log, disclosure (screen, print, JSON), stop of use and retention, with axe', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const context = await browser.newContext(contextOptions(baseURL));
  const page = await context.newPage();
  await logIn(page, kDemo.career);

  await page.goto('/org/rights');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('本人からの請求');
  const pending = page.locator('tr', { hasText: '訂正' });
  await expect(pending).toContainText('受付');
  await expect(page.locator('tr', { hasText: '利用停止' })).toContainText('回答済み');
  await checkA11y(page);

  // A request with a date in the future comes back with the error and the input kept.
  await page.getByLabel('請求の受付日').fill('2099-01-01');
  await page.getByLabel('請求の種類').selectOption('disclosure');
  await page.getByRole('button', { name: '請求を記録する' }).click();
  await expect(page.locator('.error-summary')).toContainText('未来の日付は入力できません');
  await expect(page.getByLabel('請求の種類')).toHaveValue('disclosure');
  await checkA11y(page);

  // The disclosure of the person the pending correction is about.
  await page.goto('/org/rights');
  await page.locator('tr', { hasText: '訂正' }).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('保有個人データの開示');
  const main = page.locator('main');
  await expect(main).toContainText('開示 見本子');
  await expect(main).toContainText('第三者提供の記録');
  await expect(main).toContainText(/令和\d+年\d+月\d+日/);
  await checkA11y(page);

  // As printed on A4: the buttons and forms are gone, the person's data is there.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: '利用を停止する' })).toBeHidden();
  await expect(main).toContainText('開示 見本子');
  await checkA11y(page);
  await page.emulateMedia({ media: 'screen' });

  const href = await page.getByRole('link', { name: 'JSONでダウンロードする' }).getAttribute('href');
  const json = await page.request.get(href);
  expect(json.status()).toBe(200);
  expect(json.headers()['content-disposition']).toContain('attachment');
  const body = await json.json();
  expect(body.client.name).toBe('開示 見本子');
  expect(Array.isArray(body.provision_records)).toBe(true);

  await page.getByRole('button', { name: '利用を停止する' }).click();
  await expect(page.getByRole('status')).toContainText('利用を停止しました');
  await expect(main).toContainText('利用停止中');
  await checkA11y(page);
  await page.getByRole('button', { name: '利用停止を解除する' }).click();
  await expect(page.getByRole('status')).toContainText('利用停止を解除しました');

  // The pending request is answered today.
  await page.goto('/org/rights');
  const row = page.locator('tr', { hasText: '訂正' });
  await row.getByRole('button', { name: '回答を記録する' }).click();
  await expect(page.getByRole('status')).toContainText('回答を記録しました');
  await expect(page.locator('tr', { hasText: '訂正' })).toContainText('回答済み');

  // Retention: the dry-run count, a refused value, then a saved one.
  await page.getByRole('link', { name: '保存期間（予約の匿名化）' }).click();
  await expect(page.locator('#dry-run')).toContainText('いま処理すると匿名化される予約');
  await checkA11y(page);
  await page.getByLabel('予約を保存する年数').fill('0');
  await page.getByRole('button', { name: '保存する' }).click();
  await expect(page.locator('.error-summary')).toContainText('1から20までの年数');
  await checkA11y(page);
  await page.getByLabel('予約を保存する年数').fill('5');
  await page.getByRole('button', { name: '保存する' }).click();
  await expect(page.getByRole('status')).toContainText('保存期間を保存しました');
  await expect(page.getByLabel('予約を保存する年数')).toHaveValue('5');
  await context.close();
});

test('a person who is not a client, found by phone among the bookings, with axe', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const context = await browser.newContext(contextOptions(baseURL));
  const page = await context.newPage();
  await logIn(page, kDemo.jimu);
  await page.goto('/org/rights');
  await page.getByRole('link', { name: '相談者でない方の情報（予約・申込み）' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    '相談者でない方の情報（予約・申込み）',
  );
  await checkA11y(page);
  await page.getByRole('button', { name: '探す' }).click();
  await expect(page.locator('.error-summary')).toContainText('電話番号かメールアドレス');
  await checkA11y(page);
  // The phone as a person reads it out, in full-width digits: found all the same.
  await page.getByLabel('電話番号').fill('０９０－００００－０００３');
  await page.getByRole('button', { name: '探す' }).click();
  await expect(page.locator('main')).toContainText('デモ 家族C');
  await expect(page.getByRole('button', { name: '見つかった予約と申込みの個人情報を消去する' })).toBeVisible();
  // The address never appears in the page's URL (it would reach access logs).
  expect(page.url()).not.toContain('0000');
  await checkA11y(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: '探す' })).toBeHidden();
  await checkA11y(page);
  await context.close();
});
