// Taking part online (issue 15) on a phone without JavaScript: a visitor finds the demo's online
// salon from the portal, registers online, sees the confirmation; the clock round runs; the
// online link mail arrives and its personal page shows the meeting link. Axe (which needs
// JavaScript) then checks those pages in a phone context with it.
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { test, expect } = require('./support/fixtures.js');
const { checkA11y } = require('./support/a11y.js');
const { readMail } = require('./support/mail.js');
const { isoDateInJapan } = require('./support/clock.js');
const { contextOptions, expectNoHorizontalOverflow } = require('./support/accounts.js');

const kRoot = path.resolve(__dirname, '..', '..');

function runJobs(date) {
  const tmp = process.env.TSUNAGU_TMP;
  const bin = process.env.TSUNAGU_BIN || path.join(kRoot, 'build', 'tsunagu');
  const db = `sqlite:${path.join(tmp, 'e2e.db')}`;
  const config = path.join(tmp, 'tsunagu.toml');
  const offset = process.env.TSUNAGU_CLOCK_OFFSET || '0';
  const args = ['jobs', 'run', '--db', db, '--config', config, '--date', date];
  execFileSync(bin, [...args, '--clock-offset', offset], {
    cwd: kRoot,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

test('an online registrant gets a personal page with the meeting link', async ({
  browser,
  baseURL,
  mailDir,
}) => {
  test.setTimeout(120_000);
  const email = 'e2e-online@example.jp';
  const visitor = await browser.newContext(
    contextOptions(baseURL, {
      viewport: { width: 375, height: 667 },
      isMobile: true,
      javaScriptEnabled: false,
    })
  );
  const page = await visitor.newPage();
  await page.goto('/');
  await page.getByRole('link', { name: 'これからのイベントを見る' }).click();
  await page.getByRole('link', { name: 'オンライン交流会（参加用ページ案内済み）' }).click();
  await page.getByRole('link', { name: '申し込む' }).click();
  await page.locator('input[name="mode"][value="online"]').check();
  await page.locator('#name').fill('オンライン 試子');
  await page.locator('#furigana').fill('おんらいん ためこ');
  await page.locator('#phone').fill('048-000-1234');
  await page.locator('#email').fill(email);
  await page.locator('#municipality').fill('みどり市');
  await page.locator('input[name="affiliation"][value="patient"]').check();
  await page.locator('input[name="consent"]').check();
  await expectNoHorizontalOverflow(page);
  await page.getByRole('button', { name: '確認画面へ進む' }).click();
  await page.getByRole('button', { name: '送信する' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('お申込みを受け付けました');

  runJobs(isoDateInJapan(0));
  const mail = await readMail(mailDir, { to: email, subjectIncludes: 'オンライン参加のご案内' });
  expect(mail.text).not.toContain('meeting.example.jp');
  const link = mail.text.match(/\/events\/online\/[A-Za-z0-9_-]+/);
  expect(link).not.toBeNull();
  await page.goto(link[0]);
  await expect(page.getByRole('link', { name: 'オンラインで参加する' })).toHaveAttribute(
    'href',
    'https://meeting.example.jp/demo-lifecycle'
  );
  await expectNoHorizontalOverflow(page);
  const eventPage = page.url();
  await visitor.close();

  // Axe needs JavaScript: the same pages again in a phone context that has it.
  const checker = await browser.newContext(
    contextOptions(baseURL, { viewport: { width: 375, height: 667 }, isMobile: true })
  );
  const again = await checker.newPage();
  await again.goto(link[0]);
  await checkA11y(again);
  await again.goto('/events');
  await again.getByRole('link', { name: 'オンライン交流会（参加用ページ案内済み）' }).click();
  await checkA11y(again);
  await again.getByRole('link', { name: '申し込む' }).click();
  await checkA11y(again);
  expect(eventPage).toContain('/events/online/');
  await checker.close();
});
