// Consultation requests (issue 15, seed 002): a person finds the NPO's request form on the
// portal, writes (a phone-sized screen), gets a reference and the reply deadline; the NPO's
// counselor finds it in 相談依頼 with its deadline, reads it and replies by e-mail, which
// reaches the person. Axe runs on each page.
const { test, expect } = require('./support/fixtures.js');
const { readMail } = require('./support/mail.js');
const { checkA11y } = require('./support/a11y.js');
const { kDemo, logIn, contextOptions, expectNoHorizontalOverflow } = require('./support/accounts.js');

test('a request from the portal is answered by the NPO', async ({ browser, baseURL, mailDir }) => {
  test.setTimeout(120_000);
  const visitor = await browser.newContext(
    contextOptions(baseURL, { viewport: { width: 375, height: 667 }, isMobile: true })
  );
  const page = await visitor.newPage();
  await page.goto('/');
  await page.getByRole('link', { name: /^依頼フォームを開く\s*（NPO法人/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('個別相談のご依頼');
  await expectNoHorizontalOverflow(page);
  await checkA11y(page);

  await page.getByRole('button', { name: '依頼を送信する' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await checkA11y(page);

  await page.getByLabel('ご家族').check();
  await page.getByLabel('がん', { exact: true }).check();
  await page.getByLabel('オンラインでの個別相談（面談）').check();
  await page.getByLabel('ご相談・ご依頼の内容').fill('夫の復職について相談したい（E2E）');
  await page.getByLabel('お名前').fill('依頼 E2E');
  await page.getByLabel('メールアドレス').fill('e2e-request@example.jp');
  await page.getByLabel('個人情報の取扱いに同意します').check();
  await page.getByRole('button', { name: '依頼を送信する' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ご依頼を受け付けました');
  const reference = (await page.locator('[role="status"] strong').textContent()).trim();
  expect(reference).toMatch(/^RQ-/);
  await checkA11y(page);
  await visitor.close();

  const staff = await browser.newContext(contextOptions(baseURL));
  const npo = await staff.newPage();
  await logIn(npo, kDemo.career);
  await npo.getByRole('navigation').getByRole('link', { name: '相談依頼' }).click();
  await expect(npo.getByRole('heading', { level: 1 })).toHaveText('相談依頼');
  await checkA11y(npo);
  await npo.getByRole('link', { name: reference }).click();
  await expect(npo.locator('main')).toContainText('夫の復職について相談したい（E2E）');
  await checkA11y(npo);
  await npo.getByLabel('返信の内容').fill('来週火曜14時からオンラインでいかがでしょうか。');
  await npo.getByRole('button', { name: '返信を送る' }).click();
  await expect(npo.getByRole('status')).toContainText('返信を送りました。');
  const mail = await readMail(mailDir, { to: 'e2e-request@example.jp' });
  expect(mail.text).toContain('来週火曜14時からオンラインでいかがでしょうか。');
  expect(mail.text).toContain(reference);
  await staff.close();
});
