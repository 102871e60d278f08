// Phone days and the hand-off to the 両立支援促進員 (issue 14 points 2 and 3, seed 001 別紙):
// the counselor assigned to the demo's phone day today calls a person, marks つながらない, then
// 電話した（つながった）, and writes the record, which says the person wishes the hand-off; the
// 事務局 starts it from the record, and the 産業保健総合支援センター finds it in its 紹介 list.
// Axe runs on every page on the way.
const { test, expect } = require('./support/fixtures.js');
const { checkA11y } = require('./support/a11y.js');
const { kDemo, logIn, contextOptions } = require('./support/accounts.js');

const kProgram = '働くがん患者のための電話・オンライン相談';
const kPerson = 'デモ 電話相談者E';

test.describe.serial('a phone day', () => {
  test('the assigned counselor marks no answer, then gets through and writes the record', async ({
    browser,
    baseURL,
  }) => {
    const context = await browser.newContext(contextOptions(baseURL));
    const nurse = await context.newPage();
    await logIn(nurse, kDemo.soudanKango);
    await nurse.goto('/');
    await nurse.getByRole('row').filter({ hasText: kProgram }).getByRole('link').first().click();
    await expect(nurse).toHaveURL(/\/programs\/\d+\/days\/\d+$/);
    await expect(nurse.locator('main')).toContainText('電話する相手（本日のみ）');
    await expect(nurse.locator('main')).not.toContainText('来所を記録');
    await checkA11y(nurse);

    const row = () => nurse.getByRole('row').filter({ hasText: kPerson });
    await expect(row()).toContainText('つながらない 1回／3回');
    await row().getByRole('button', { name: /^つながらない/ }).click();
    await expect(nurse.getByRole('status')).toContainText('つながらなかったことを記録しました');
    await expect(row()).toContainText('つながらない 2回／3回');

    await row().getByRole('button', { name: /^電話した（つながった）/ }).click();
    await expect(nurse.getByRole('status')).toContainText('電話がつながったことを記録しました');
    await expect(row()).toContainText('電話でつながった');
    await checkA11y(nurse);

    await row().getByRole('link', { name: /^相談記録を書く/ }).click();
    await expect(nurse.getByRole('heading', { level: 1 })).toHaveText('相談記録を書く');
    await nurse.getByLabel('看護師').check();
    await nurse.getByLabel('職場への伝え方・配慮').check();
    await nurse.getByLabel('相談内容の要約').fill('職場への伝え方の相談（E2E）');
    await nurse.getByLabel('就労支援継続').check();
    await nurse.getByLabel('両立支援促進員へ引継ぎ').check();
    await nurse.getByLabel('相談時間（分）').fill('30');
    await nurse.getByLabel('はい、希望している').check();
    await checkA11y(nurse);
    await nurse.getByRole('button', { name: '記録を保存する' }).click();
    await expect(nurse.getByRole('status')).toContainText('相談記録を保存しました');
    await context.close();
  });

  test('the office hands the person over and the centre sees it in its referrals', async ({
    browser,
    baseURL,
  }) => {
    const context = await browser.newContext(contextOptions(baseURL));
    const office = await context.newPage();
    await logIn(office, kDemo.jimu);
    await office.goto('/');
    await office.getByRole('row').filter({ hasText: kProgram }).getByRole('link').first().click();
    const row = office.getByRole('row').filter({ hasText: kPerson });
    await row.getByRole('link', { name: /^相談記録を見る/ }).click();
    await expect(office.locator('main')).toContainText('相談者は両立支援促進員への引継ぎを希望しています');
    await checkA11y(office);
    await office.getByRole('link', { name: '引継ぎを開始する' }).click();
    await expect(office.getByRole('heading', { level: 1 })).toHaveText('両立支援促進員への引継ぎ');
    await expect(office.getByLabel('引継ぎ先（産業保健総合支援センター）')).toHaveValue(/\d+/);
    await office.getByLabel('口頭').check();
    await office.getByLabel('両立支援促進員への申し送り（任意）').fill('勤務先との調整を希望（E2E）');
    await checkA11y(office);
    await office.getByRole('button', { name: '同意を記録して引き継ぐ' }).click();
    await expect(office.getByRole('status')).toContainText('引継ぎを開始しました');
    await expect(office.locator('main')).toContainText('つなぐ産業保健総合支援センター');
    await checkA11y(office);
    await context.close();

    const centreContext = await browser.newContext(contextOptions(baseURL));
    const promoter = await centreContext.newPage();
    await logIn(promoter, kDemo.sokushin);
    await promoter.goto('/referrals');
    const referral = promoter.getByRole('row').filter({ hasText: kPerson });
    await expect(referral).toContainText('職場との調整（両立支援促進員）');
    await checkA11y(promoter);
    await centreContext.close();
  });
});
