// Check-in on a phone and the training report (issue 15), on the demo data, with axe: the
// office opens today's peer café, finds a person by name, checks them in and sees the count
// go up; the training report prints seed 004's tables 6 and 7.
const { test, expect } = require('./support/fixtures.js');
const { checkA11y } = require('./support/a11y.js');
const { kDemo, logIn, contextOptions, expectNoHorizontalOverflow } = require('./support/accounts.js');

test('check-in on a phone, then the training report, with axe', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const staff = await browser.newContext(
    contextOptions(baseURL, { viewport: { width: 375, height: 667 }, isMobile: true })
  );
  const page = await staff.newPage();
  await logIn(page, kDemo.jimu);
  await page.goto('/events/manage');
  await page.getByRole('link', { name: /申込者一覧.*受付の練習/ }).click();
  await page.getByRole('link', { name: '当日受付' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('当日受付');
  await expect(page.locator('#attended-total')).toHaveText('3');
  await expectNoHorizontalOverflow(page);
  await checkA11y(page);

  await page.getByLabel('受付番号または氏名・ふりがな').fill('ピア');
  await page.getByRole('button', { name: '探す' }).click();
  await expect(page.getByText('ピア 次郎', { exact: true })).toBeVisible();
  await expect(page.getByText('受付 花子', { exact: true })).toHaveCount(0);
  await checkA11y(page);
  await page.getByRole('button', { name: /受付する.*ピア 次郎/ }).click();
  await expect(page.getByRole('status').filter({ hasText: '受付しました。' })).toBeVisible();
  await expect(page.locator('#attended-total')).toHaveText('4');
  await checkA11y(page);

  await page.getByRole('link', { name: '受付名簿（印刷用）' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('受付名簿');
  await checkA11y(page);
  await page.getByRole('link', { name: '受付へ戻る' }).click();
  await page.getByRole('link', { name: '出欠の記録' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('出欠の記録');
  await checkA11y(page);

  await page.goto('/org/events/trainings?from=2020-04-01&to=2024-03-31');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('研修会の実績');
  const rows = page.locator('#table6 tbody tr');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(0).locator('td')).toHaveText(['養成研修会', '15', '18', '4']);
  await expect(rows.nth(1).locator('th')).toContainText('2022年1月29日＊');
  await expect(page.locator('#table7 tbody tr td')).toHaveText(['3', '3', '2', '5', '1']);
  await expectNoHorizontalOverflow(page);
  await checkA11y(page);
  await page.getByRole('link', { name: '参加者区分の管理' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('参加者区分');
  await checkA11y(page);

  // The year's figures from the staff menu, on the phone: every table, no overflow, axe.
  await page.goto('/');
  await page.getByRole('link', { name: '年間実績' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('地域活動の年間実績');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText([
    '催し・研修会の開催',
    '催し・研修会の参加者',
    '研修会の参加者（ピア・サポート養成研修会など）',
    'がんサロン',
    'ピア・サポーター',
    '個別の相談依頼',
    '相談記録で紹介した地域資源',
  ]);
  await expectNoHorizontalOverflow(page);
  await checkA11y(page);
  await staff.close();
});
