// Entering consultations after the day (issue 14): the 事務局 imports seed 000's paper 受付表
// (preview, then confirm), the past days read 開催済み without a 中止 link, and the report
// prints the seed's figures. axe on every page.
const path = require('path');
const { test, expect } = require('./support/fixtures.js');
const { checkA11y } = require('./support/a11y.js');
const { kDemo, logIn, mainNav } = require('./support/accounts.js');

const kFixture = path.join(__dirname, '..', 'fixtures', 'seed000_uketsukehyo.csv');

test('coordinator: import a past year from CSV, preview then confirm', async ({ page }) => {
  await logIn(page, kDemo.jimu);
  await mainNav(page).getByRole('link', { name: '相談会' }).click();
  const name = `受付表の取り込み ${Date.now()}`;
  await page.getByLabel('事業名').fill(name);
  await page.getByRole('button', { name: '作成する' }).click();
  await expect(page).toHaveURL(/\/programs\/\d+$/);
  const programUrl = new URL(page.url()).pathname;

  await page.getByRole('link', { name: '過去の受付表を取り込む（CSV・Excel）' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('過去の受付表の取り込み');
  await checkA11y(page);

  // Nothing chosen: said next to the field.
  await page.getByRole('button', { name: '内容を確認する' }).click();
  await expect(page.locator('#file-error')).toHaveText('取り込むファイルを選んでください');
  await checkA11y(page);

  await page.getByLabel('受付表のファイル（CSV または .xlsx、512KB まで）').setInputFiles(kFixture);
  await page.getByRole('button', { name: '内容を確認する' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('取り込む内容の確認');
  await expect(page.locator('main')).toContainText(
    '相談 25 件、開催日 24 日（うち新しく作る日 24 日）'
  );
  await expect(page.locator('#import-days tbody tr')).toHaveCount(24);
  await checkA11y(page);

  await page.getByRole('button', { name: '取り込む', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('受付表を取り込みました');
  await expect(page.getByRole('status')).toContainText('相談 25 件を登録し、開催日を 24 日作成しました。');
  await checkA11y(page);

  // The past year's days were held: 開催済み, no 中止 link.
  // Seed 000's targets: 300 consultations, 25 placements, 24 days.
  await page.goto(`${programUrl}?fy=2017`);
  await page.getByLabel('相談件数の目標').fill('300');
  await page.getByLabel('就労・復職につながった件数の目標').fill('25');
  await page.getByLabel('開催日数の目標').fill('24');
  await page.getByRole('button', { name: '目標を保存' }).click();
  await expect(page.getByRole('status')).toContainText('年度目標を保存しました');
  const days = page.locator('table').filter({ hasText: '平成29年4月13日' });
  await expect(days.locator('tbody tr')).toHaveCount(24);
  await expect(days).toContainText('開催済み');
  await expect(days).not.toContainText('開催予定');
  await expect(days.getByRole('link', { name: /中止/ })).toHaveCount(0);
  await checkA11y(page);

  await page.goto(`${programUrl}/report?fy=2017`);
  await expect(page.locator('main')).toContainText('平成29年度は相談会を24回開催し、25件の相談を受け付けました。');
  await expect(page.locator('#report-totals-table')).toContainText('8.3%');
  await expect(page.locator('#report-rates-table')).toContainText('12%');
  await checkA11y(page);
});
