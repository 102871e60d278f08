// The information directory (issue 15) on the demo data: a visitor without an account, on a
// phone (also with JavaScript off), reaches it from the login page, searches in katakana for an entry
// whose ふりがな is in hiragana, and opens it; the 事務局 maintains entries through forms that
// answer a blank submission with an error summary. axe on every page.
const { test, expect } = require('./support/fixtures.js');
const { checkA11y } = require('./support/a11y.js');
const { kDemo, logIn, contextOptions } = require('./support/accounts.js');

test('a visitor searches the directory in katakana and opens an entry, with axe', async ({
  browser,
  baseURL,
}) => {
  // Without JavaScript the search is a plain form: the results are there.
  const plain = await browser.newContext(
    contextOptions(baseURL, { javaScriptEnabled: false, viewport: { width: 390, height: 844 } })
  );
  const noScript = await plain.newPage();
  await noScript.goto('/directory');
  await noScript.getByLabel('キーワードで探す').fill('チョウキリョウヨウ');
  await noScript.getByRole('button', { name: '探す' }).click();
  await expect(noScript.getByRole('status')).toHaveText('「チョウキリョウヨウ」の検索結果：1件');
  await plain.close();

  // The same on a phone with axe (which needs JavaScript to run).
  const context = await browser.newContext(
    contextOptions(baseURL, { viewport: { width: 390, height: 844 } })
  );
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByRole('link', { name: '地域の相談窓口・情報' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('地域の相談窓口・情報');
  await expect(page.getByRole('heading', { level: 2, name: 'ハローワーク' })).toBeVisible();
  await checkA11y(page);

  // 「長期療養者の就職支援」 is stored with the reading ちょうきりょうようしゃの… in hiragana.
  await page.getByLabel('キーワードで探す').fill('チョウキリョウヨウ');
  await page.getByRole('button', { name: '探す' }).click();
  await expect(page.getByRole('status')).toHaveText('「チョウキリョウヨウ」の検索結果：1件');
  await checkA11y(page);
  await page.getByRole('link', { name: '長期療養者の就職支援（就職支援ナビゲーター）' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    '長期療養者の就職支援（就職支援ナビゲーター）'
  );
  await expect(page.locator('main')).toContainText('ハローワークみどり 専門援助部門');
  await checkA11y(page);
  await context.close();
});

test('the office adds a directory entry and is told what is missing, with axe', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext(contextOptions(baseURL));
  const page = await context.newPage();
  await logIn(page, kDemo.jimu);
  await page.getByRole('link', { name: '窓口・情報の管理' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('相談窓口・情報の管理');
  await checkA11y(page);
  await page.getByRole('link', { name: '相談窓口・情報を追加する' }).click();
  await checkA11y(page);
  await page.getByRole('button', { name: '保存する' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await checkA11y(page);
  await page.getByLabel('提供機関', { exact: true }).selectOption({
    label: 'つなぐ県がん連携サポートセンター',
  });
  await page.getByLabel('分野').selectOption({ label: '就労支援' });
  await page.getByLabel('名称').fill('両立支援の出張相談（みどり市役所）');
  await page.getByLabel('ふりがな').fill('りょうりつしえんのしゅっちょうそうだん');
  await page.getByRole('button', { name: '保存する' }).click();
  await expect(page.getByRole('status')).toContainText('相談窓口・情報を追加しました');
  await page.goto('/directory?q=' + encodeURIComponent('シュッチョウ'));
  await expect(page.locator('main')).toContainText('両立支援の出張相談（みどり市役所）');
  await context.close();
});
