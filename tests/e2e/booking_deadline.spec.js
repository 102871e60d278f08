// Booking deadlines (issue 14, point 6) in the browser: the 事務局 sets the programme's public
// information and a deadline; a day whose slots are all past it offers nothing on the public
// page, which still shows how to call or e-mail the 事務局; without a deadline, slots that have
// already begun are not offered while later ones are; the 事務局 can still book them.
// The server's run starts at 10:00 in Japan (support/clock.js), whatever the machine's hour.
const { test, expect } = require('./support/fixtures.js');
const { isoDateInJapan } = require('./support/clock.js');
const { checkA11y } = require('./support/a11y.js');
const { kDemo, logIn, contextOptions } = require('./support/accounts.js');

test('a booking deadline closes the web and sends people to the office', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const today = isoDateInJapan(0);
  const office = await browser.newContext(contextOptions(baseURL));
  const staff = await office.newPage();
  await logIn(staff, kDemo.jimu);
  await staff.goto('/programs');
  await staff.getByLabel('事業名').fill(`締切のある相談会 ${Date.now()}`);
  await staff.getByRole('button', { name: '作成する' }).click();
  await expect(staff).toHaveURL(/\/programs\/\d+$/);
  const programId = new URL(staff.url()).pathname.split('/').pop();
  await staff.getByRole('button', { name: '予約ページを公開する' }).click();

  // A day today, 09:00–21:00: its slots run from 09:15.
  await staff.getByRole('link', { name: '開催日を追加' }).click();
  await staff.getByLabel('開催日', { exact: true }).fill(today);
  await staff.getByLabel('開始時刻').fill('09:00');
  await staff.getByLabel('終了時刻').fill('21:00');
  await staff.getByRole('radio', { name: '対面' }).check();
  await staff.getByLabel('会場（対面の場合）').fill('つなぐ県庁 本館2階 相談室');
  await staff.getByLabel(/^ブース数/).fill('2');
  await staff.getByRole('button', { name: '開催日を追加する' }).click();
  await expect(staff.getByRole('status')).toContainText('開催日を追加しました');
  const dayPath = new URL(staff.url()).pathname;

  // The public information and a deadline of 12 hours before each slot.
  await staff.goto(`/programs/${programId}`);
  await staff.getByRole('link', { name: '公開情報と予約の締切を編集する' }).click();
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText('公開情報と予約の締切');
  await checkA11y(staff);
  await staff.getByLabel('事務局の電話番号').fill('000-0000-0099');
  await staff.getByLabel('事務局のメールアドレス').fill('shimekiri@demo.tsunagu.jp');
  await staff.getByLabel('ご利用いただける方').fill('県内に住所又は勤務地のある方');
  await staff.getByRole('radio', { name: '開始の何時間前まで' }).check();
  await staff.getByRole('textbox', { name: '時間前' }).fill('12');
  await staff.getByRole('button', { name: '保存する' }).click();
  await expect(staff.getByRole('status')).toContainText('保存しました');

  const visitor = await browser.newContext(contextOptions(baseURL));
  const page = await visitor.newPage();
  await page.goto(`/book/${programId}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('相談会の予約');
  await expect(page.locator('input[name="slot"]')).toHaveCount(0);
  await expect(page.locator('main')).toContainText('000-0000-0099');
  await expect(page.locator('main')).toContainText('shimekiri@demo.tsunagu.jp');
  await expect(page.locator('main')).toContainText('各相談時間の開始12時間前まで');
  await checkA11y(page);

  // Until each slot begins: the slot that began at 09:15 is gone, later ones are offered.
  await staff.goto(`/programs/${programId}/info`);
  await staff.getByRole('radio', { name: '各相談時間の開始まで' }).check();
  await staff.getByRole('button', { name: '保存する' }).click();
  await expect(staff.getByRole('status')).toContainText('保存しました');
  await page.goto(`/book/${programId}`);
  await expect(page.locator('input[name="slot"]').first()).toBeVisible();
  await expect(page.getByLabel(/^09:15/)).toHaveCount(0);

  // The 事務局 still books the 09:15 slot for a walk-in.
  await staff.goto(`${dayPath}/book`);
  await expect(staff.locator('select[name="slot"] option', { hasText: '09:15' })).toBeEnabled();

  await visitor.close();
  await office.close();
});
