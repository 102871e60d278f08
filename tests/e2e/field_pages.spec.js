// Pages of issue 14 that the other flows pass by, each checked with axe on the demo data: the
// call list of a cancelled day, a walk-in guided to another window on today's phone day, a
// consultation entered after the day on a past day, and a counselor's list of the past days
// they were rostered on.
const { test, expect } = require('./support/fixtures.js');
const { checkA11y } = require('./support/a11y.js');
const { kDemo, logIn, contextOptions } = require('./support/accounts.js');

test('call list, guided walk-ins, late entry and past days, with axe', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const office = await browser.newContext(contextOptions(baseURL));
  const page = await office.newPage();
  await logIn(page, kDemo.jimu);

  // The demo's cancelled day: the person who left only a phone number is on the home page's
  // work list and on the day's call list until someone marks her called.
  await page.getByRole('link', { name: /の開催日（残り1人）$/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('電話連絡の一覧');
  await expect(page.locator('main')).toContainText('デモ 中止連絡者G');
  await checkA11y(page);
  await page.getByRole('button', { name: /の方に連絡した$/ }).click();
  await expect(page.getByRole('status')).toContainText('「連絡済み」にしました');
  await expect(page.locator('main')).toContainText('全員に連絡しました。');
  await checkA11y(page);
  await page.goto('/');
  await expect(page.locator('main')).not.toContainText('電話で伝える方');

  // Today's phone day of the demo's phone programme: a walk-in sent to another window.
  await page.goto('/programs');
  await page.getByRole('link', { name: '働くがん患者のための電話・オンライン相談' }).click();
  await page.locator('table tbody tr').first().getByRole('link').first().click();
  await checkA11y(page);
  await page.getByRole('link', { name: '他の窓口へ案内した方を記録する' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('他の窓口へ案内した方の記録');
  await checkA11y(page);
  await page.getByRole('button', { name: '記録する' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await checkA11y(page);
  await page.getByLabel('案内した窓口').fill('ハローワークみどり 専門援助部門');
  await page.getByRole('button', { name: '記録する' }).click();
  await expect(page.locator('main')).toContainText('ハローワークみどり 専門援助部門');

  // A past day of the one-stop programme takes a consultation entered afterwards.
  await page.goto('/programs');
  await page.getByRole('link', { name: '働くがん患者のためのワンストップ相談' }).click();
  await page
    .locator('table tbody tr')
    .filter({ hasText: '開催済み' })
    .last()
    .getByRole('link')
    .first()
    .click();
  await page.getByRole('link', { name: 'この日の相談を事後入力する' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('相談の事後入力');
  await checkA11y(page);
  await office.close();

  // A counselor reaches the past days they were rostered on.
  const counselor = await browser.newContext(contextOptions(baseURL));
  const nurse = await counselor.newPage();
  await logIn(nurse, kDemo.soudanKango);
  await nurse.getByRole('link', { name: '担当した過去の相談日' }).click();
  await expect(nurse.getByRole('heading', { level: 1 })).toHaveText('担当した過去の相談日');
  await checkA11y(nurse);
  await counselor.close();
});
