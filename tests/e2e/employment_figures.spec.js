// Contacts outside consultation days and the employment figures (issue 16): the NPO's staff log
// a phone consultation and an employer consultation (desktop), and the figures page counts both
// (by channel, and employer consultations apart); the form, the list and the figures pass axe on
// a desktop and on a phone, and fit the phone's width.
const { test, expect } = require('./support/fixtures.js');
const { checkA11y } = require('./support/a11y.js');
const {
  kDemo,
  logIn,
  mainNav,
  contextOptions,
  expectNoHorizontalOverflow,
} = require('./support/accounts.js');

// The first number in the row labelled `label` of the figures table `id`.
async function figure(page, id, label) {
  const row = page
    .locator(`section:has(h2#${id}) tbody tr`)
    .filter({ has: page.locator('th', { hasText: new RegExp(`^${label}$`) }) });
  return Number((await row.locator('td').first().textContent()).trim());
}

test('staff log a phone contact and an employer consultation; the figures count them', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const desk = await browser.newContext(contextOptions(baseURL));
  const page = await desk.newPage();
  await logIn(page, kDemo.career);

  await mainNav(page).getByRole('link', { name: '就労の実績' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('就労の実績');
  const phoneBefore = await figure(page, 'channels', '電話');
  const employersBefore = await figure(page, 'employers', '事業主（企業）からの相談');

  await mainNav(page).getByRole('link', { name: '相談日以外の相談' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('相談日以外の相談');
  await checkA11y(page);
  await page.getByRole('link', { name: '相談を記録する', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('相談を記録する');
  await checkA11y(page);
  const channel = page.getByRole('group', { name: '相談方法', exact: true });
  const topics = page.getByRole('group', { name: '相談内容', exact: true });
  await page.getByRole('group', { name: '相談者', exact: true }).getByLabel('本人', { exact: true }).check();
  await channel.getByLabel('電話', { exact: true }).check();
  await topics.getByLabel('休職・復職の不安').check();
  // No topic first: the message, and what was typed is kept.
  await topics.getByLabel('休職・復職の不安').uncheck();
  await page.getByLabel('相談内容の要約').fill('復職の時期について電話で相談（E2E）');
  await page.getByRole('button', { name: '記録する' }).click();
  await expect(page.locator('.error-summary')).toContainText('相談内容を一つ以上選んでください');
  await expect(page.getByLabel('相談内容の要約')).toHaveValue('復職の時期について電話で相談（E2E）');
  await checkA11y(page);
  await page
    .getByRole('group', { name: '相談内容', exact: true })
    .getByLabel('休職・復職の不安')
    .check();
  await page.getByRole('button', { name: '記録する' }).click();
  await expect(page.getByRole('status')).toContainText('相談を記録しました');

  await page.getByRole('link', { name: '事業主からの相談を記録する' }).click();
  await expect(
    page.getByRole('group', { name: '相談者', exact: true }).getByLabel('事業主（企業）')
  ).toBeChecked();
  await page.getByRole('group', { name: '相談方法', exact: true }).getByLabel('オンライン').check();
  await page
    .getByRole('group', { name: '相談内容', exact: true })
    .getByLabel('就労継続・働き方')
    .check();
  await page.getByLabel('事業所名（一覧にないとき）').fill('E2E 運輸株式会社');
  await page.getByLabel('相談内容の要約').fill('治療中の従業員の短時間勤務（E2E）');
  await page.getByRole('button', { name: '記録する' }).click();
  await expect(page.getByRole('status')).toContainText('相談を記録しました');
  await expect(page.locator('main')).toContainText('E2E 運輸株式会社');
  await checkA11y(page);

  await mainNav(page).getByRole('link', { name: '就労の実績' }).click();
  expect(await figure(page, 'channels', '電話')).toBe(phoneBefore + 1);
  expect(await figure(page, 'employers', '事業主（企業）からの相談')).toBe(employersBefore + 1);
  await expect(page.locator('main svg').first()).toBeVisible();
  await checkA11y(page);
  await desk.close();

  // The same pages on a phone.
  const phone = await browser.newContext(
    contextOptions(baseURL, { viewport: { width: 375, height: 667 }, isMobile: true })
  );
  const small = await phone.newPage();
  await logIn(small, kDemo.career);
  for (const path of ['/reports/employment', '/org/contacts', '/org/contacts/new']) {
    await small.goto(path);
    await expect(small.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoHorizontalOverflow(small);
    await checkA11y(small);
  }
  await phone.close();
});
