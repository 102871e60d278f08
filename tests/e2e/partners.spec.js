// Staff from several organisations (issue 14): the 事務局 makes the 産業保健総合支援センター a
// partner of a programme and rosters its 両立支援促進員 on a day; the promoter signs in,
// acknowledges the confidentiality pledge, sees the day's board without names and writes the
// 相談記録. The name tags and the 受付表 print from the board. Axe runs on the new pages.
const { test, expect } = require('./support/fixtures.js');
const { isoDateInJapan } = require('./support/clock.js');
const { checkA11y } = require('./support/a11y.js');
const { kDemo, logIn, contextOptions } = require('./support/accounts.js');

const kName = 'カナリア 連携E2E';

function forBooking(label, reference) {
  return new RegExp(`^${label}\\s*（受付番号 ${reference}）$`);
}

test('a partner organisation\'s promoter acknowledges the pledge and writes the record', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const office = await browser.newContext(contextOptions(baseURL));
  const staff = await office.newPage();
  await logIn(staff, kDemo.jimu);
  await staff.goto('/programs');
  await staff.getByLabel('事業名').fill(`連携機関 ${Date.now()}`);
  await staff.getByRole('button', { name: '作成する' }).click();
  const programPath = new URL(staff.url()).pathname;

  // --- the partner organisation and the pledge's page
  await staff.getByRole('link', { name: '連携機関と守秘義務' }).click();
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText('連携機関と守秘義務');
  await checkA11y(staff);
  const sanpo = staff.locator('#organization option', { hasText: 'つなぐ産業保健総合支援センター' });
  await staff.getByLabel('連携機関に加える機関').selectOption(await sanpo.getAttribute('value'));
  await staff.getByRole('button', { name: '連携機関に加える' }).click();
  await expect(staff.getByRole('status')).toContainText('連携機関に加えました');

  // --- a day today, the promoter on its roster, a booking by phone, checked in
  await staff.goto(programPath);
  await staff.getByRole('link', { name: '開催日を追加' }).click();
  await staff.getByLabel('開催日', { exact: true }).fill(isoDateInJapan(0));
  await staff.getByLabel('開始時刻').fill('18:00');
  await staff.getByLabel('終了時刻').fill('21:00');
  await staff.getByRole('radio', { name: '対面' }).check();
  await staff.getByLabel(/^ブース数/).fill('1');
  await staff.getByRole('button', { name: '開催日を追加する' }).click();
  await expect(staff.getByRole('status')).toContainText('開催日を追加しました');
  const dayPath = new URL(staff.url()).pathname;
  await staff.getByRole('link', { name: '相談スタッフを選ぶ' }).click();
  await staff.getByLabel(/田中 健/).check();
  await staff.getByRole('button', { name: '相談スタッフを保存する' }).click();
  await expect(staff.getByRole('status')).toContainText('相談スタッフを保存しました');
  await staff.goto(`${dayPath}/roster`);
  await expect(staff.locator('main')).toContainText('守秘義務の確認がまだです');
  await checkA11y(staff);

  await staff.goto(dayPath);
  await staff.getByRole('link', { name: '予約を登録する（電話・メール・当日）' }).click();
  await staff.getByRole('radio', { name: '電話', exact: true }).check();
  await staff.getByLabel('相談枠').selectOption({ index: 1 });
  await staff.getByLabel('女性').check();
  await staff.getByLabel('50代').check();
  await staff.getByLabel('住所地（市区町村まで）').fill('みどり市');
  await staff.getByLabel('病院（がん相談支援センターなど）').check();
  await staff.getByLabel('経過観察中').check();
  await staff.getByLabel('就労中').check();
  await staff.getByLabel('仕事に関すること').check();
  await staff.getByLabel('氏名').fill(kName);
  await staff.getByLabel('ふりがな').fill('かなりあ れんけい');
  await staff.getByLabel('電話番号').fill('090-3333-4444');
  await staff.getByLabel('個人情報の取扱いについて説明し、同意を得た').check();
  await staff.getByRole('button', { name: '予約を登録する' }).click();
  await expect(staff.getByRole('status')).toContainText('予約を登録しました');
  const reference = (await staff.locator('[role="status"] strong').first().textContent()).trim();
  await staff.getByRole('button', { name: forBooking('来所を記録', reference) }).click();
  await expect(staff.getByRole('status')).toContainText('来所を記録しました');

  // --- the day's paper
  await staff.getByRole('link', { name: '名札を印刷する' }).click();
  await expect(staff.locator('.name-tag__profession')).toHaveText(['両立支援促進員']);
  await checkA11y(staff);
  await staff.goto(`${dayPath}/reception`);
  await expect(staff.locator('main')).toContainText(kName);
  await checkA11y(staff);

  // --- the promoter: the pledge first, then the board without names, then the record
  const promoterContext = await browser.newContext(contextOptions(baseURL));
  const promoter = await promoterContext.newPage();
  await logIn(promoter, kDemo.sokushin);
  await promoter.goto('/');
  await promoter.locator(`a[href="${dayPath}"]`).click();
  await expect(promoter).toHaveURL(new RegExp(`${dayPath}/pledge$`));
  await expect(promoter.getByRole('heading', { level: 1 })).toHaveText('守秘義務の確認');
  await checkA11y(promoter);
  await promoter.getByRole('button', { name: '内容を確認し、守ります' }).click();
  await expect(promoter).toHaveURL(new RegExp(`${dayPath}$`));
  await expect(promoter.locator('main')).toContainText(reference);
  await expect(promoter.locator('main')).not.toContainText(kName);
  await checkA11y(promoter);
  await promoter.getByRole('link', { name: forBooking('相談記録を書く', reference) }).click();
  await expect(promoter.getByRole('heading', { level: 1 })).toHaveText('相談記録を書く');
  await promoter.getByLabel('両立支援促進員', { exact: true }).check();
  // Topics are what was discussed: nothing is ticked for the person beforehand.
  await promoter.getByLabel('職場への伝え方・配慮').check();
  await promoter.getByLabel('相談内容の要約').fill('職場との調整について相談');
  await promoter.getByLabel('就労継続・復職が決まった').check();
  await promoter.getByLabel('継続', { exact: true }).check();
  await promoter.getByLabel('相談時間（分）').fill('40');
  await promoter.getByRole('button', { name: '記録を保存する' }).click();
  await expect(promoter.getByRole('status')).toContainText('相談記録を保存しました');
  // Nothing else of the prefecture's.
  const other = await promoter.goto(programPath);
  expect(other.status()).toBe(403);

  await promoterContext.close();
  await office.close();
});
