// One consultation day from end to end (issue 3): a person books on a phone, the 事務局 sees the
// booking on the day's board, the staff notice read back from the SMTP server carries no
// personal data, the person is checked in, the nurse on the roster finds the day on her home
// page and writes the 相談記録, the person answers the questionnaire from its e-mail, and the
// yearly report counts it all.
// Axe runs on every page on the way; at the end the server's log is searched for the canaries.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { test, expect } = require('./support/fixtures.js');
const { isoDateInJapan } = require('./support/clock.js');
const { readMail } = require('./support/mail.js');
const { checkA11y } = require('./support/a11y.js');
const {
  kDemo,
  logIn,
  contextOptions,
  expectNoHorizontalOverflow,
} = require('./support/accounts.js');

const kRoot = path.resolve(__dirname, '..', '..');

// Written into every personal field; none may reach a staff notice, the report or the log.
const kCanary = {
  name: 'カナリア 花子E2E',
  furigana: 'かなりあ はなこいーつー',
  phone: '090-5555-0199',
  diagnosis: 'カナリア肉腫E2E',
  notes: 'カナリア相談メモE2E',
  summary: 'カナリア記録要約E2E',
};

// `tsunagu jobs run --date D` on the e2e server's database: the clock-driven round (notices,
// questionnaire invitations) as if today were D; the command delivers the mail it queued.
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

// A board action's accessible name: its label, then the booking's reference (read out only).
function forBooking(label, reference) {
  return new RegExp(`^${label}\\s*（受付番号 ${reference}）$`);
}

function expectNoCanary(text, where) {
  for (const canary of Object.values(kCanary)) {
    expect(text, `${canary} in ${where}`).not.toContain(canary);
  }
}

test('a consultation day: booking, board, staff notice, check-in, record, survey, report', async ({
  browser,
  baseURL,
  mailDir,
}) => {
  test.setTimeout(180_000);
  // The server's today (support/clock.js): the run starts at 10:00 in Japan, so the day cannot
  // end while the test runs, whatever the machine's hour.
  const today = isoDateInJapan(0);

  // --- the 事務局 makes a programme with a day today and puts the nurse on its roster
  const office = await browser.newContext(contextOptions(baseURL));
  const staff = await office.newPage();
  await logIn(staff, kDemo.jimu);
  await staff.goto('/programs');
  const programName = `一日の流れ ${Date.now()}`;
  await staff.getByLabel('事業名').fill(programName);
  await staff.getByRole('button', { name: '作成する' }).click();
  await expect(staff).toHaveURL(/\/programs\/\d+$/);
  const programPath = new URL(staff.url()).pathname;
  const programId = programPath.split('/').pop();
  // Bookable on the public pages only once the 事務局 publishes it.
  await staff.getByRole('button', { name: '予約ページを公開する' }).click();
  await expect(staff.getByRole('status')).toContainText('予約ページを公開しました');

  await staff.getByRole('link', { name: '開催日を追加' }).click();
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText('開催日の追加');
  await checkA11y(staff);
  await staff.getByLabel('開催日', { exact: true }).fill(today);
  await staff.getByLabel('開始時刻').fill('09:00');
  await staff.getByLabel('終了時刻').fill('21:00');
  await staff.getByRole('radio', { name: '対面' }).check();
  await staff.getByLabel('会場（対面の場合）').fill('つなぐ県庁 本館2階 相談室');
  await staff.getByLabel(/^ブース数/).fill('2');
  await staff.getByRole('button', { name: '開催日を追加する' }).click();
  await expect(staff.getByRole('status')).toContainText('開催日を追加しました');
  const dayPath = new URL(staff.url()).pathname;
  expect(dayPath).toMatch(/\/programs\/\d+\/days\/\d+$/);

  await staff.getByRole('link', { name: '相談スタッフを選ぶ' }).click();
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText('相談スタッフの選択');
  await checkA11y(staff);
  await staff.getByLabel(/伊藤 さくら/).check();
  await staff.getByRole('button', { name: '相談スタッフを保存する' }).click();
  await expect(staff.getByRole('status')).toContainText('相談スタッフを保存しました');

  // --- a person books on a phone
  const phoneContext = await browser.newContext(
    contextOptions(baseURL, { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true })
  );
  const phone = await phoneContext.newPage();
  const email = `ichinichi-${Date.now()}@example.jp`;
  await phone.goto(`/book/${programId}`);
  await expect(phone.getByRole('heading', { level: 1 })).toHaveText('相談会の予約');
  await phone.locator('input[name="slot"]').first().check();
  await phone.getByRole('button', { name: 'この時間で次へ進む' }).click();
  await expect(phone.getByRole('heading', { level: 1 })).toHaveText('相談の申込み');
  await phone.getByLabel('女性').check();
  await phone.getByLabel('40代').check();
  await phone.getByLabel('住所地（市区町村まで）').fill('みどり市');
  await phone.getByLabel('病院（がん相談支援センターなど）').check();
  await phone.getByLabel('診断名').fill(kCanary.diagnosis);
  await phone.getByLabel('治療中').check();
  await phone.getByLabel('休職中').check();
  await phone.getByLabel('仕事に関すること').check();
  await phone.getByLabel('氏名').fill(kCanary.name);
  await phone.getByLabel('ふりがな').fill(kCanary.furigana);
  await phone.getByLabel('電話番号').fill(kCanary.phone);
  await phone.getByLabel('メールアドレス').fill(email);
  await phone.getByLabel('相談したいこと').fill(kCanary.notes);
  await phone.getByLabel('個人情報の取扱いに同意します').check();
  await phone.getByRole('button', { name: '入力内容を確認する' }).click();
  await expect(phone.getByRole('heading', { level: 1 })).toHaveText('入力内容の確認');
  await phone.getByRole('button', { name: '送信する' }).click();
  await expect(phone.getByRole('heading', { level: 1 })).toHaveText('ご予約を受け付けました');
  const reference = (await phone.locator('main strong').first().textContent()).trim();
  expect(reference).toMatch(/^TS-/);
  await expectNoHorizontalOverflow(phone);
  await checkA11y(phone);
  const confirmation = await readMail(mailDir, { to: email, subjectIncludes: 'ご予約を受け付けました' });
  expect(confirmation.text).toContain(reference);

  // --- the 事務局 sees the booking, with the name, on the day's board
  await staff.goto(dayPath);
  const board = staff.locator('main');
  await expect(board).toContainText(reference);
  await expect(board).toContainText(kCanary.name);
  await checkA11y(staff);

  // --- the staff notice (two days before; the round is run as of yesterday) and the reminder
  runJobs(isoDateInJapan(-1));
  const notice = await readMail(mailDir, {
    to: 'soudan-kango@demo.tsunagu.jp',
    subjectIncludes: '相談会の予約状況',
  });
  expect(notice.text).toContain('仕事に関すること');
  expectNoCanary(`${notice.subject}\n${notice.text}`, 'the staff notice');
  expect(notice.text).not.toContain(email);
  const reminder = await readMail(mailDir, { to: email, subjectIncludes: '明日の相談会のご案内' });
  expect(reminder.text).toContain(reference);

  // --- on the day: check-in, booth and counselor
  await staff.getByRole('button', { name: forBooking('来所を記録', reference) }).click();
  await expect(staff.getByRole('status')).toContainText('来所を記録しました');
  await staff.locator('summary', { hasText: forBooking('ブース・担当', reference) }).click();
  await staff.getByLabel('ブース', { exact: true }).selectOption('1');
  await staff.getByLabel(/伊藤 さくら/).check();
  await staff.getByRole('button', { name: forBooking('割り当てを保存する', reference) }).click();
  await expect(staff.getByRole('status')).toContainText('ブースと担当を保存しました');
  await expect(board).toContainText('ブース1');
  await checkA11y(staff);

  // --- the nurse sees the board without names and writes the record
  const nurseContext = await browser.newContext(contextOptions(baseURL));
  const nurse = await nurseContext.newPage();
  await logIn(nurse, kDemo.soudanKango);
  await nurse.goto('/');
  await expect(nurse.getByRole('heading', { name: 'これからの相談会' })).toBeVisible();
  await checkA11y(nurse);
  await nurse.locator(`a[href="${dayPath}"]`).click();
  // On the roster of this programme for the first time this fiscal year: the pledge first.
  await expect(nurse).toHaveURL(new RegExp(`${dayPath}/pledge$`));
  await nurse.getByRole('button', { name: '内容を確認し、守ります' }).click();
  await expect(nurse).toHaveURL(new RegExp(`${dayPath}$`));
  await expect(nurse.locator('main')).toContainText(reference);
  expectNoCanary(await nurse.locator('main').textContent(), "the counselor's board");
  await checkA11y(nurse);
  await nurse.getByRole('link', { name: forBooking('相談記録を書く', reference) }).click();
  await expect(nurse.getByRole('heading', { level: 1 })).toHaveText('相談記録を書く');
  await checkA11y(nurse);
  await nurse.getByLabel('看護師').check();
  // Topics are what was discussed: nothing is ticked for the person beforehand.
  await nurse.getByLabel('休職・復職の不安').check();
  await nurse.getByLabel('相談内容の要約').fill(kCanary.summary);
  await nurse.getByLabel('就労継続・復職が決まった').check();
  await nurse.getByLabel('継続', { exact: true }).check();
  await nurse.getByLabel('相談時間（分）').fill('40');
  await nurse.getByRole('button', { name: '記録を保存する' }).click();
  await expect(nurse.getByRole('status')).toContainText('相談記録を保存しました');
  await checkA11y(nurse);

  // --- the day after: the questionnaire, answered on the phone
  runJobs(isoDateInJapan(1));
  const invitation = await readMail(mailDir, { to: email, subjectIncludes: 'アンケート' });
  expectNoCanary(invitation.text, 'the questionnaire invitation');
  const link = invitation.text.match(/https?:\/\/\S+(\/survey\/[A-Za-z0-9_-]+)/);
  expect(link).not.toBeNull();
  await phone.goto(link[1]);
  await expect(phone.getByRole('heading', { level: 1 })).toHaveText('相談会についてのアンケート');
  await expectNoHorizontalOverflow(phone);
  await checkA11y(phone);
  await phone.getByLabel('とても満足').check();
  await phone.getByLabel('とても役に立った').check();
  await phone.getByRole('button', { name: '回答を送る' }).click();
  await expect(phone.getByRole('heading', { level: 1 })).toHaveText('ご回答ありがとうございました');
  await checkA11y(phone);

  // --- the yearly report counts the consultation and the answer, and names nobody
  await staff.goto(`${programPath}/report`);
  await expect(staff.getByRole('heading', { level: 1 })).toContainText('年間実績報告');
  const report = staff.locator('main');
  await expect(report.locator('table').first()).toContainText('1');
  await expect(report).toContainText('とても満足');
  expectNoCanary(await report.textContent(), 'the report page');
  await checkA11y(staff);
  const csv = await staff.request.get(`${programPath}/report.csv`);
  expect(csv.status()).toBe(200);
  expectNoCanary(await csv.text(), 'the report CSV');

  // --- and the server's log holds none of it
  const log = fs.readFileSync(path.join(process.env.TSUNAGU_TMP, 'server.log'), 'utf8');
  expectNoCanary(log, 'server.log');
  expect(log).not.toContain(email);

  await phoneContext.close();
  await nurseContext.close();
  await office.close();
});
