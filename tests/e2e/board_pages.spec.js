// The 事務局's other pages of a consultation day, each checked with axe: a booking taken by
// phone (with its errors first), the waiting list, the offer of a freed place and its public
// pages, the day's records and notes, paper questionnaires, and moving or cancelling the day.
const { test, expect } = require('./support/fixtures.js');
const { isoDateInJapan } = require('./support/clock.js');
const { readMail } = require('./support/mail.js');
const { checkA11y } = require('./support/a11y.js');
const { kDemo, logIn, contextOptions } = require('./support/accounts.js');

async function fillIntake(page, { name, furigana, phone, email }) {
  await page.getByLabel('女性').check();
  await page.getByLabel('50代').check();
  await page.getByLabel('住所地（市区町村まで）').fill('みどり市');
  await page.getByLabel('病院（がん相談支援センターなど）').check();
  await page.getByLabel('経過観察中').check();
  await page.getByLabel('就労中').check();
  await page.getByLabel('仕事に関すること').check();
  await page.getByLabel('氏名').fill(name);
  await page.getByLabel('ふりがな').fill(furigana);
  await page.getByLabel('電話番号').fill(phone);
  if (email) await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('個人情報の取扱いについて説明し、同意を得た').check();
}

test('the day: staff booking, waiting list, offer, records, notes, move and cancel', async ({
  browser,
  baseURL,
  mailDir,
}) => {
  test.setTimeout(180_000);
  const office = await browser.newContext(contextOptions(baseURL));
  const page = await office.newPage();
  await logIn(page, kDemo.jimu);
  await page.goto('/programs');
  await page.getByLabel('事業名').fill(`運営画面 ${Date.now()}`);
  await page.getByRole('button', { name: '作成する' }).click();
  const programPath = new URL(page.url()).pathname;

  // A day a week ahead with one booth: one booking fills a slot.
  await page.getByRole('link', { name: '開催日を追加' }).click();
  await page.getByLabel('開催日', { exact: true }).fill(isoDateInJapan(7));
  await page.getByLabel('開始時刻').fill('18:00');
  await page.getByLabel('終了時刻').fill('21:00');
  await page.getByRole('radio', { name: '対面' }).check();
  await page.getByLabel(/^ブース数/).fill('1');
  await page.getByRole('button', { name: '開催日を追加する' }).click();
  await expect(page.getByRole('status')).toContainText('開催日を追加しました');
  const dayPath = new URL(page.url()).pathname;

  // A booking by phone: sent empty first, the problems explained, then complete.
  await page.getByRole('link', { name: '予約を登録する（電話・メール・当日）' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('予約の登録（電話・メール・当日）');
  await checkA11y(page);
  await page.getByRole('button', { name: '予約を登録する' }).click();
  await expect(page.locator('.error-summary')).toBeVisible();
  await checkA11y(page);
  await page.getByRole('radio', { name: '電話', exact: true }).check();
  await page.getByLabel('相談枠').selectOption({ index: 1 });
  await fillIntake(page, { name: '電話 予約者', furigana: 'でんわ よやくしゃ', phone: '090-2222-3333' });
  await page.getByRole('button', { name: '予約を登録する' }).click();
  await expect(page.getByRole('status')).toContainText('予約を登録しました');

  // The waiting list, with an e-mail address for the offer.
  const waitingEmail = `machi-${Date.now()}@example.jp`;
  await page.goto(dayPath);
  await page.getByRole('link', { name: 'キャンセル待ちに登録する' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('キャンセル待ちの登録');
  await checkA11y(page);
  await fillIntake(page, {
    name: '待機 花子',
    furigana: 'たいき はなこ',
    phone: '090-4444-5555',
    email: waitingEmail,
  });
  await page.getByRole('button', { name: 'キャンセル待ちに登録する' }).click();
  await expect(page.getByRole('status')).toContainText('キャンセル待ちに登録しました');
  await checkA11y(page);

  // Cancelling the phone booking offers its place to the person waiting.
  await page.getByRole('link', { name: /^取り消す/ }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('予約の取消し');
  await checkA11y(page);
  await page.getByRole('button', { name: '予約を取り消す' }).click();
  await expect(page.getByRole('status')).toContainText('予約を取り消しました');

  const offerMail = await readMail(mailDir, { to: waitingEmail, subjectIncludes: '空きました' });
  const link = offerMail.text.match(/https?:\/\/\S+(\/book\/offer\/[A-Za-z0-9_-]+)/);
  expect(link).not.toBeNull();
  const phoneContext = await browser.newContext(
    contextOptions(baseURL, { viewport: { width: 375, height: 667 }, isMobile: true })
  );
  const phone = await phoneContext.newPage();
  await phone.goto(link[1]);
  await expect(phone.getByRole('heading', { level: 1 })).toHaveText('空きが出た相談枠のご案内');
  await checkA11y(phone);
  await phone.getByRole('button', { name: '予約を確定する' }).click();
  await expect(phone.getByRole('heading', { level: 1 })).toHaveText('ご予約が確定しました');
  await checkA11y(phone);
  await phone.goto(link[1]);
  await expect(phone.getByRole('heading', { level: 1 })).toHaveText('このご案内は終了しました');
  await checkA11y(phone);
  await phoneContext.close();

  // The day's records, notes and the paper questionnaires.
  await page.goto(`${dayPath}/records`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('相談記録の回収状況');
  await checkA11y(page);
  await page.goto(`${dayPath}/notes`);
  await checkA11y(page);
  await page.goto(`${programPath}/surveys/paper`);
  await checkA11y(page);

  // Moving the day: the form and the confirmation (not sent).
  await page.goto(`${dayPath}/move`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('開催日の変更');
  await checkA11y(page);
  await page.getByLabel('新しい開催日').fill(isoDateInJapan(8));
  await page.getByRole('button', { name: '内容を確認する' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('変更内容の確認');
  await checkA11y(page);

  // Cancelling it: the reason is asked for, then confirmed and sent.
  await page.goto(`${dayPath}/cancel`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('開催日の中止');
  await checkA11y(page);
  await page.getByRole('button', { name: '内容を確認する' }).click();
  await expect(page.locator('.error-summary')).toBeVisible();
  await checkA11y(page);
  await page.getByLabel('中止の理由').fill('講師の都合のため');
  await page.getByRole('button', { name: '内容を確認する' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('中止内容の確認');
  await checkA11y(page);
  await page.getByRole('button', { name: '中止してお知らせを送る' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('開催日を中止しました');
  await checkA11y(page);
  const cancelled = await readMail(mailDir, { to: waitingEmail, subjectIncludes: '中止' });
  expect(cancelled.text).toContain('講師の都合のため');

  await office.close();
});
