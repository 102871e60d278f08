// Check-in through a network loss, on a phone (issue 15): the counts follow each check-in
// without a reload; with the network off, two check-ins are kept on the phone and the page says
// so; back online they are sent, and the page, a reload and the 受付名簿 show each person checked
// in once. axe on every state.
const { test, expect } = require('./support/fixtures.js');
const { checkA11y } = require('./support/a11y.js');
const { kDemo, logIn, contextOptions, expectNoHorizontalOverflow } = require('./support/accounts.js');

test('check-in on a phone while offline: queued, then sent once each, with axe', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const staff = await browser.newContext(
    contextOptions(baseURL, { viewport: { width: 375, height: 667 }, isMobile: true })
  );
  const page = await staff.newPage();
  await logIn(page, kDemo.jimu);
  await page.goto('/events/manage');
  await page.getByRole('link', { name: /申込者一覧.*通信切れの練習/ }).click();
  await page.getByRole('link', { name: '当日受付' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('当日受付');
  await expect(page.locator('#attended-total')).toHaveText('0');
  await expectNoHorizontalOverflow(page);
  await checkA11y(page);

  // Online: the count and the row follow the check-in, and the page is not reloaded.
  await page.evaluate(() => {
    window.stillTheSamePage = true;
  });
  await page.getByRole('button', { name: /受付する.*通信 三郎/ }).click();
  await expect(page.locator('#attended-total')).toHaveText('1');
  await expect(page.getByRole('status').filter({ hasText: '受付しました。' })).toBeVisible();
  await expect(page.locator('#checkin-' + (await rowId(page, '通信 三郎')))).toContainText('受付済み');
  expect(await page.evaluate(() => window.stillTheSamePage)).toBe(true);
  await checkA11y(page);

  // Offline: each check-in is kept on the phone and the page says how many wait.
  await staff.setOffline(true);
  await page.getByRole('button', { name: /受付する.*通信 一郎/ }).click();
  await expect(page.locator('#checkin-queue')).toContainText('（1件）');
  await page.getByRole('button', { name: /受付する.*通信 二郎/ }).click();
  await expect(page.locator('#checkin-queue')).toContainText('（2件）');
  await expect(page.locator('#attended-total')).toHaveText('1');
  await checkA11y(page);

  // Back online: the queue goes out and the page shows the server's figures.
  await staff.setOffline(false);
  await expect(page.locator('#checkin-queue')).toHaveText('保存していた受付を送信しました。', {
    timeout: 30_000,
  });
  await expect(page.locator('#attended-total')).toHaveText('3');
  await expect(page.locator('.checkin-list__done')).toHaveCount(3);
  expect(await page.evaluate(() => window.localStorage.getItem('tsunagu.checkin.queue'))).toBe('[]');
  expect(await page.evaluate(() => window.stillTheSamePage)).toBe(true);
  await checkA11y(page);

  // The server agrees: after a reload and on the 受付名簿, each of the three once.
  await page.reload();
  await expect(page.locator('#attended-total')).toHaveText('3');
  await expect(page.locator('.checkin-list__done')).toHaveCount(3);
  await expect(page.locator('#checkin-queue')).toBeHidden();
  await page.getByRole('link', { name: '受付名簿（印刷用）' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('受付名簿');
  for (const name of ['通信 一郎', '通信 二郎', '通信 三郎']) {
    const row = page.locator('tr', { has: page.getByRole('rowheader', { name: new RegExp(name) }) });
    await expect(row).toHaveCount(1);
    await expect(row.locator('.tick-box')).toHaveText('✓');
  }
  await checkA11y(page);
  await staff.close();
});

// The registration id of a person's row on the check-in page.
async function rowId(page, name) {
  const id = await page
    .locator('.checkin-list__item', { hasText: name })
    .first()
    .getAttribute('id');
  return id.replace('checkin-', '');
}
