// A consultation request followed through (issue 15): a person sends it from `/` on a phone
// with JavaScript off; the NPO's counselor (desktop) answers it before its deadline, sets an
// in-person 面談 (the person gets a mail with a calendar file) and, with the person's consent,
// turns it into a client and a support case. Axe runs on each page.
const { test, expect } = require('./support/fixtures.js');
const { readMail } = require('./support/mail.js');
const { checkA11y, checkA11yOfHtml } = require('./support/a11y.js');
const { kDemo, logIn, contextOptions, expectNoHorizontalOverflow } = require('./support/accounts.js');

// Tomorrow in Japan, as the date input wants it.
function tomorrowJst() {
  const d = new Date(Date.now() + 9 * 3600 * 1000 + 24 * 3600 * 1000);
  return d.toISOString().slice(0, 10);
}

test('a request from the portal gets a meeting and becomes a case', async ({
  browser,
  baseURL,
  mailDir,
}) => {
  test.setTimeout(120_000);
  const visitor = await browser.newContext(
    contextOptions(baseURL, { javaScriptEnabled: false, viewport: { width: 375, height: 667 } })
  );
  const page = await visitor.newPage();
  // axe needs JavaScript: the no-script page's HTML is checked in a second, scripted page.
  const axeContext = await browser.newContext(
    contextOptions(baseURL, { viewport: { width: 375, height: 667 } })
  );
  const axePage = await axeContext.newPage();
  const checkNoScriptPage = async () => checkA11yOfHtml(axePage, await page.content());
  await page.goto('/');
  await page.getByRole('link', { name: /^依頼フォームを開く\s*（NPO法人/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('個別相談のご依頼');
  await expect(page.getByLabel('個別相談', { exact: true })).toBeChecked();
  await expectNoHorizontalOverflow(page);
  await checkNoScriptPage();
  await page.getByLabel('ご本人').check();
  await page.getByLabel('がん', { exact: true }).check();
  await page.getByLabel('対面での個別相談（面談）').check();
  await page.getByLabel('ご相談・ご依頼の内容').fill('治療しながら働き続けたい（E2E 伴走）');
  await page.getByLabel('お名前').fill('伴走 E2E');
  await page.getByLabel('ふりがな（任意）').fill('ばんそう いーつーいー');
  await page.getByLabel('メールアドレス').fill('e2e-case@example.jp');
  await page.getByLabel('個人情報の取扱いに同意します').check();
  await page.getByRole('button', { name: '依頼を送信する' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ご依頼を受け付けました');
  const reference = (await page.locator('[role="status"] strong').textContent()).trim();
  expect(reference).toMatch(/^RQ-/);
  await checkNoScriptPage();
  await visitor.close();
  await axeContext.close();

  const staff = await browser.newContext(contextOptions(baseURL));
  const npo = await staff.newPage();
  await logIn(npo, kDemo.career);
  await npo.getByRole('navigation').getByRole('link', { name: '相談依頼' }).click();
  await npo.getByRole('link', { name: reference }).click();
  await expect(npo.locator('main')).toContainText('治療しながら働き続けたい（E2E 伴走）');
  await checkA11y(npo);

  // Answered before its deadline.
  await npo.getByLabel('返信の内容').fill('対面での面談の日時をお送りします。');
  await npo.getByRole('button', { name: '返信を送る' }).click();
  await expect(npo.getByRole('status')).toContainText('返信を送りました。');
  await expect(npo.locator('main')).toContainText('期限内に返信');

  // The 面談: bad input first (kept, with a message), then set.
  await npo.getByLabel('対面', { exact: true }).check();
  await npo.getByLabel('日付', { exact: true }).fill(tomorrowJst());
  await npo.getByLabel('開始時刻').fill('10:00');
  await npo.getByLabel('終了時刻').fill('11:00');
  await npo.getByRole('button', { name: '面談を設定して知らせる' }).click();
  await expect(npo.locator('.error-summary')).toContainText('面談の場所を入力してください');
  await checkA11y(npo);
  await npo.getByLabel('場所（対面のとき）').fill('NPO事務所 相談室1');
  await npo.getByRole('button', { name: '面談を設定して知らせる' }).click();
  await expect(npo.getByRole('status')).toContainText('面談を設定し');
  await expect(npo.locator('main')).toContainText('NPO事務所 相談室1');
  const mail = await readMail(mailDir, { to: 'e2e-case@example.jp', subjectIncludes: '面談のご案内' });
  expect(mail.text).toContain(reference);
  expect(mail.text).toContain('NPO事務所 相談室1');
  await checkA11y(npo);

  // It becomes a client and a case with the person's consent.
  await npo.getByRole('button', { name: '相談者を登録して支援を始める' }).click();
  await expect(npo.locator('.error-summary')).toContainText('ご本人の同意がなければ');
  await npo.getByLabel('ご本人が、相談者としての登録と支援に同意した').check();
  await npo.getByLabel('口頭').check();
  await npo.getByRole('button', { name: '相談者を登録して支援を始める' }).click();
  await expect(npo.getByRole('status')).toContainText('相談者を登録し、支援を開始しました。');
  await checkA11y(npo);
  await npo.getByRole('link', { name: '支援（ケース）を開く' }).click();
  await expect(npo.locator('main')).toContainText('伴走 E2E');
  await checkA11y(npo);
  await staff.close();
});
