// Public booking (issue 3) on a phone-sized screen with JavaScript switched off: a person finds
// the programme on the portal at /, picks a time, fills in the intake of 別表, confirms, gets
// the confirmation e-mail and can cancel.
// Axe runs on every page.
const { test, expect } = require('./support/fixtures.js');
const { readMail } = require('./support/mail.js');
const { checkA11yOfHtml } = require('./support/a11y.js');
const { contextOptions, expectNoHorizontalOverflow } = require('./support/accounts.js');

// The demo data creates one programme (the prefecture's ワンストップ相談) before anything else,
// so in the fresh e2e database it has the first id.
const kProgramPath = '/book/1';

test.describe('public booking without JavaScript', () => {
  let context;
  let page;
  // axe needs JavaScript: each page the JavaScript-less browser got is checked again as HTML in
  // a second page of the same size, loaded on the same origin so the style sheets apply.
  let axeContext;
  let axePage;

  async function checkPage() {
    await checkA11yOfHtml(axePage, await page.content());
  }

  test.beforeEach(async ({ browser, baseURL }) => {
    context = await browser.newContext(
      contextOptions(baseURL, {
        javaScriptEnabled: false,
        viewport: { width: 375, height: 667 },
        isMobile: true,
        hasTouch: true,
      })
    );
    page = await context.newPage();
    axeContext = await browser.newContext(
      contextOptions(baseURL, { viewport: { width: 375, height: 667 }, isMobile: true })
    );
    axePage = await axeContext.newPage();
  });

  test.afterEach(async () => {
    await context.close();
    await axeContext.close();
  });

  test('a person books a time, confirms and cancels from the e-mail', async ({ mailDir }) => {
    // The person starts at the site's address: the portal lists the published programmes.
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('治療と仕事の両立支援の相談窓口');
    await expectNoHorizontalOverflow(page);
    await checkPage();
    await page
      .getByRole('link', { name: /^日時を選んで予約する\s*（働くがん患者のためのワンストップ相談）$/ })
      .click();
    await expect(page).toHaveURL(new RegExp(`${kProgramPath}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('相談会の予約');
    await expect(page.locator('main')).toContainText('令和');
    await expect(page.locator('main')).toContainText('対面');
    await expectNoHorizontalOverflow(page);
    await checkPage();

    await page.locator('input[name="slot"]').first().check();
    await page.getByRole('button', { name: 'この時間で次へ進む' }).click();
    await expect(page).toHaveURL(/\/book\/1\/form\?slot=\d+$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('相談の申込み');
    await expectNoHorizontalOverflow(page);
    await checkPage();

    // Sent almost empty: errors at the top and next to the fields, the typing kept.
    await page.getByLabel('氏名').fill('予約 花子');
    await page.getByRole('button', { name: '入力内容を確認する' }).click();
    await expect(page.locator('.error-summary')).toContainText('性別を選んでください');
    await expect(page.locator('#consent-error')).toHaveText('個人情報の取扱いへの同意が必要です');
    await expect(page.getByLabel('氏名')).toHaveValue('予約 花子');
    await checkPage();

    const email = `yoyaku-${Date.now()}@example.jp`;
    await page.getByLabel('女性').check();
    await page.getByLabel('40代').check();
    await page.getByLabel('住所地（市区町村まで）').fill('みどり市');
    await page.getByLabel('病院（がん相談支援センターなど）').check();
    await page.getByLabel('診断名').fill('大腸がん');
    await page.getByLabel('治療中').check();
    await page.getByLabel('休職中').check();
    await page.getByLabel('仕事に関すること').check();
    await page.getByLabel('経済面に関すること').check();
    await page.getByLabel('ふりがな').fill('よやく はなこ');
    await page.getByLabel('電話番号').fill('090-1234-5678');
    await page.getByLabel('メールアドレス').fill(email);
    await page.getByLabel('個人情報の取扱いに同意します').check();
    await page.getByRole('button', { name: '入力内容を確認する' }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('入力内容の確認');
    await expect(page.locator('main')).toContainText('仕事に関すること');
    await expect(page.locator('main')).toContainText('予約 花子');
    await expectNoHorizontalOverflow(page);
    await checkPage();

    await page.getByRole('button', { name: '送信する' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('ご予約を受け付けました');
    const reference = (await page.locator('main strong').first().textContent()).trim();
    expect(reference).toMatch(/^TS-/);
    await checkPage();

    const mail = await readMail(mailDir, { to: email });
    expect(mail.subject).toContain('【つなぐ】ご予約を受け付けました');
    expect(mail.text).toContain(reference);
    expect(mail.text).not.toContain('大腸がん');
    const link = mail.text.match(/https?:\/\/\S+\/book\/cancel\/\S+/);
    expect(link).not.toBeNull();

    await page.goto(new URL(link[0]).pathname);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('予約の取消し');
    await checkPage();
    await page.getByRole('button', { name: '予約を取り消す' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('予約を取り消しました');
    await checkPage();
  });
});
