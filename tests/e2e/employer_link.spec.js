// The employer's link (issue 16): the NPO's consultant creates a link on デモ 相談者D's case
// for her employer's personnel contact (under her consent for workplace coordination that
// names that address); the employer reads the mail from the SMTP sink and, on a phone with
// JavaScript off, fills the 勤務情報提供書 and submits it; the referring hospital's case page,
// open in another browser context, shows it without a reload. Axe runs on each page (the
// no-script pages are checked in a scripted copy).
const fs = require('node:fs');
const { test, expect } = require('./support/fixtures.js');
const { readMail } = require('./support/mail.js');
const { checkA11y, checkA11yOfHtml } = require('./support/a11y.js');
const { kDemo, logIn, contextOptions, expectNoHorizontalOverflow } = require('./support/accounts.js');

const kEmployer = 'jinji@midori-seisakusho.example.jp';
const kDuties = '経理伝票の入力（E2E リンク）';

test('the employer fills the 勤務情報提供書 through its link and the hospital sees it live', async ({
  browser,
  baseURL,
  mailDir,
}) => {
  test.setTimeout(120_000);
  // The NPO's consultant finds the case.
  const staffContext = await browser.newContext(contextOptions(baseURL));
  const npo = await staffContext.newPage();
  await logIn(npo, kDemo.career);
  await npo.goto('/cases');
  await npo.getByRole('link', { name: 'デモ 相談者D' }).first().click();
  await expect(npo).toHaveURL(/\/cases\/\d+$/);
  const casePath = new URL(npo.url()).pathname;

  // The hospital's MSW keeps the case page open.
  const hospitalContext = await browser.newContext(contextOptions(baseURL));
  const hospital = await hospitalContext.newPage();
  await logIn(hospital, kDemo.msw);
  await hospital.goto(casePath);
  await expect(hospital.locator('#timeline')).toBeVisible();
  await hospital.waitForFunction(
    () => {
      const el = document.querySelector('[sse-connect]');
      const data = el && el['htmx-internal-data'];
      return !!(data && data.sseEventSource && data.sseEventSource.readyState === 1);
    },
    null,
    { timeout: 10_000 }
  );

  // The link, under the consent naming the employer's address.
  await npo.getByRole('link', { name: '勤務先・主治医へのリンク' }).click();
  await expect(npo.getByRole('heading', { level: 1 })).toHaveText('勤務先・主治医へのリンク');
  await checkA11y(npo);
  await npo.locator('[name=consent_id]').first().check();
  await npo.check('[name=recipient_kind][value=employer]');
  await npo.check('[name=asks][value=work_info_form]');
  await npo.getByLabel('送り先の担当者名').fill('人事部 担当者（E2E）');
  await npo.check('[name=delivery][value=mail]');
  await npo.getByLabel('送り先のメールアドレス').fill(kEmployer);
  await npo.getByRole('button', { name: 'リンクを作る' }).click();
  await expect(npo.getByRole('status').first()).toContainText('リンクを作りました');
  await checkA11y(npo);

  const mail = await readMail(mailDir, { to: kEmployer, subjectIncludes: '書類のご記入' });
  expect(mail.text).not.toContain('デモ 相談者D');
  const link = mail.text.match(/https?:\/\/\S+\/l\/[A-Za-z0-9_-]{43}/)[0];
  const linkPath = new URL(link).pathname;
  // The sink is shared: a later test reading the next mail to this address must not get ours.
  for (const file of [mail.file, mail.file.replace(/\.eml$/, '.json')]) {
    fs.rmSync(file, { force: true });
  }

  // The employer, on a phone with JavaScript off.
  const phone = { javaScriptEnabled: false, viewport: { width: 375, height: 667 } };
  const employerContext = await browser.newContext(contextOptions(baseURL, phone));
  const employer = await employerContext.newPage();
  const axeContext = await browser.newContext(
    contextOptions(baseURL, { viewport: { width: 375, height: 667 } })
  );
  const axePage = await axeContext.newPage();
  const checkNoScriptPage = async () => checkA11yOfHtml(axePage, await employer.content());
  await employer.goto(linkPath);
  await expect(employer.getByRole('heading', { level: 1 })).toHaveText('書類のご記入のお願い');
  // Her consent for the workplace covers records and documents: no name, no diagnosis.
  await expect(employer.locator('main')).not.toContainText('乳がん');
  await expectNoHorizontalOverflow(employer);
  await checkNoScriptPage();
  await employer.getByRole('link', { name: '勤務情報提供書' }).click();
  await expect(employer.getByRole('heading', { level: 1 })).toHaveText('勤務情報提供書');
  await checkNoScriptPage();
  await employer.fill('[name=employee_name]', 'デモ 相談者D');
  await employer.fill('[name=occupation]', '事務');
  await employer.fill('[name=duties_text]', kDuties);
  await employer.fill('[name=company_name]', '株式会社みどり製作所');
  await employer.getByRole('button', { name: '提出する' }).click();
  await expect(employer.getByRole('status')).toContainText('ご提出ありがとうございました');
  await checkNoScriptPage();

  // The hospital's open page shows it without a reload.
  await expect(hospital.locator('#timeline')).toContainText(
    '勤務先がリンクから「勤務情報提供書」を提出しました',
    { timeout: 10_000 }
  );
  await checkA11y(hospital);

  await axeContext.close();
  await employerContext.close();
  await hospitalContext.close();
  await staffContext.close();
});
