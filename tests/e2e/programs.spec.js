// The 事務局 pages (issue 3): the demo coordinator creates a programme, sets its targets and
// generates the consultation days of 令和9年度 from the seed-001 rule, with axe on every page.
// The year lies wholly after the test clock, so every day can still be cancelled.
const { test, expect } = require('./support/fixtures.js');
const { checkA11y } = require('./support/a11y.js');
const { kDemo, logIn, mainNav } = require('./support/accounts.js');

test('coordinator: programme, targets, preview and generated days', async ({ page }) => {
  await logIn(page, kDemo.jimu);
  await mainNav(page).getByRole('link', { name: '相談会' }).click();
  await expect(page).toHaveURL(/\/programs$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('相談会の事業');
  await checkA11y(page);

  // Sent empty: explained next to the field.
  await page.getByRole('button', { name: '作成する' }).click();
  await expect(page.locator('.error-summary')).toBeVisible();
  await expect(page.locator('#name-error')).toHaveText('事業名を入力してください');
  await checkA11y(page);

  const name = `出張相談会 ${Date.now()}`;
  await page.getByLabel('事業名').fill(name);
  await page.getByLabel('説明（任意）').fill('毎月第2木曜と第4火曜の夜');
  await page.getByRole('button', { name: '作成する' }).click();
  await expect(page).toHaveURL(/\/programs\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  const programUrl = new URL(page.url()).pathname;
  await checkA11y(page);

  await page.goto(`${programUrl}?fy=2027`);
  await expect(page.locator('.fy-switcher')).toContainText('令和9年度');
  await page.getByLabel('相談件数の目標').fill('60');
  await page.getByLabel('就労・復職につながった件数の目標').fill('10');
  await page.getByLabel('開催日数の目標').fill('24');
  await page.getByRole('button', { name: '目標を保存' }).click();
  await expect(page.getByRole('status')).toContainText('年度目標を保存しました');
  await expect(page.getByLabel('相談件数の目標')).toHaveValue('60');
  await checkA11y(page);

  await page.getByRole('link', { name: 'ルールから開催日を作成' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('開催日の作成');
  await checkA11y(page);

  // No weekday chosen: the form says so and keeps what was typed.
  await page.getByLabel('会場（対面の場合）').fill('県庁本館 相談室');
  await page.getByRole('button', { name: '作成内容を確認' }).click();
  await expect(page.locator('#occurrences-error')).toHaveText(
    '開催する週と曜日を1つ以上選んでください'
  );
  await expect(page.getByLabel('会場（対面の場合）')).toHaveValue('県庁本館 相談室');
  await checkA11y(page);

  await page.getByLabel('第2木曜日', { exact: true }).check();
  await page.getByLabel('第4火曜日', { exact: true }).check();
  await page.getByLabel('翌平日に振り替える').check();
  await page.getByLabel('年末年始（12月29日〜1月3日）は開催しない').check();
  await page.getByRole('button', { name: '作成内容を確認' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('開催日の確認');
  await expect(page.locator('main')).toContainText('毎月第2木曜日と第4火曜日 18:00〜21:00');
  await expect(page.getByRole('table').locator('tbody tr')).toHaveCount(24);
  await checkA11y(page);

  await page.getByRole('button', { name: 'この内容で作成' }).click();
  await expect(page).toHaveURL(new RegExp(`${programUrl}\\?`));
  await expect(page.getByRole('status')).toContainText('開催日を24日作成しました');
  await expect(page.getByRole('table').locator('tbody tr')).toHaveCount(24);
  await expect(page.getByRole('table')).toContainText('県庁本館 相談室');
  await checkA11y(page);

  // Cancelling one day by hand, after a confirmation page.
  await page.getByRole('link', { name: /^中止/ }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('開催日の中止');
  await checkA11y(page);
  await page.getByRole('button', { name: 'この日を中止する' }).click();
  await expect(page.getByRole('status')).toContainText('開催日を中止しました');
  await expect(page.getByRole('link', { name: /^中止/ })).toHaveCount(23);
  await checkA11y(page);
});
