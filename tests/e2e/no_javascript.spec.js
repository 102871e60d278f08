// Everything essential works as plain HTML forms: some hospital PCs run with JavaScript
// switched off by policy, and screen readers or old browsers must not depend on it.
const { test, expect } = require('./support/fixtures.js');
const { readMail } = require('./support/mail.js');
const {
  kDemo,
  submitPassword,
  submitCode,
  mainNav,
  contextOptions,
} = require('./support/accounts.js');

test.describe('with JavaScript disabled', () => {
  let context;
  let page;

  test.beforeEach(async ({ browser, baseURL }) => {
    context = await browser.newContext(contextOptions(baseURL, { javaScriptEnabled: false }));
    page = await context.newPage();
  });

  test.afterEach(async () => {
    await context.close();
  });

  test('a demo user signs in with password and TOTP, then signs out', async () => {
    const account = kDemo.sokushin;
    await page.goto('/login');

    // A wrong password first: the form answers with a message that does not say which part
    // was wrong, and keeps the e-mail typed.
    await submitPassword(page, { email: account.email, password: 'not-the-right-password' });
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.locator('.error-summary')).toContainText(
      'メールアドレスまたはパスワードが正しくありません'
    );
    await expect(page.getByLabel('メールアドレス')).toHaveValue(account.email);

    await submitPassword(page, account);
    await expect(page).toHaveURL(/\/login\/code/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('確認コードの入力');

    // An empty code is refused with a message next to the field.
    await page.getByRole('button', { name: 'ログイン' }).click();
    await expect(page.locator('#code-error')).toHaveText('確認コードを入力してください');

    await submitCode(page, account);
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('ホーム');
    await expect(page.locator('.site-header__org')).toHaveText('つなぐ産業保健総合支援センター');

    await page.getByRole('link', { name: 'アカウント設定' }).first().click();
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.locator('main')).toContainText(account.email);

    await page.getByRole('button', { name: 'ログアウト' }).click();
    await expect(page).toHaveURL(/\/login\?logged_out=1$/);
    await expect(page.getByRole('status')).toHaveText('ログアウトしました');

    // The session is gone on the server, not only in the page.
    await page.goto('/account');
    await expect(page).toHaveURL(/\/login\?next=%2Faccount$/);
  });

  test('an org admin invites a member; the server shows the errors', async ({ mailDir }) => {
    const account = kDemo.jimu;
    await page.goto('/login');
    await submitPassword(page, account);
    await expect(page).toHaveURL(/\/login\/code/);
    await submitCode(page, account);
    await expect(page).toHaveURL(/\/$/);

    await mainNav(page).getByRole('link', { name: 'メンバー管理' }).click();
    await expect(page).toHaveURL(/\/org\/members$/);
    await page.getByRole('link', { name: 'メンバーを招待する' }).click();
    await expect(page).toHaveURL(/\/org\/members\/invite$/);

    // Empty form.
    await page.getByRole('button', { name: '招待メールを送る' }).click();
    const summary = page.locator('.error-summary');
    await expect(summary).toBeVisible();
    await expect(summary.getByRole('link')).toHaveCount(4);
    await expect(page.locator('#email-error')).toHaveText('メールアドレスを入力してください');
    await expect(page.locator('#display_name-error')).toHaveText('氏名を入力してください');
    await expect(page.locator('#role-error')).toHaveText('権限を選んでください');
    await expect(page.locator('#profession-error')).toHaveText('職種を選んでください');

    // A malformed address: the other answers stay filled in.
    const name = '事務 次郎';
    await page.getByLabel('メールアドレス').fill('not-an-address');
    await page.getByLabel('氏名').fill(name);
    await page.getByLabel('権限').selectOption('viewer');
    await page.getByLabel('職種').selectOption('clerical');
    await page.getByRole('button', { name: '招待メールを送る' }).click();
    await expect(page.locator('#email-error')).toHaveText('メールアドレスの形式が正しくありません');
    await expect(summary.getByRole('link')).toHaveCount(1);
    await expect(page.getByLabel('氏名')).toHaveValue(name);
    await expect(page.getByLabel('権限')).toHaveValue('viewer');
    await expect(page.getByLabel('職種')).toHaveValue('clerical');
    await expect(page.getByLabel('メールアドレス')).toHaveValue('not-an-address');

    const email = `nojs-${Date.now()}@example.jp`;
    await page.getByLabel('メールアドレス').fill(email);
    await page.getByRole('button', { name: '招待メールを送る' }).click();
    await expect(page).toHaveURL(/\/org\/members\?invited=1$/);
    await expect(page.getByRole('status')).toContainText('招待しました');
    const row = page.getByRole('row').filter({ hasText: email });
    await expect(row).toContainText(name);
    await expect(row).toContainText('招待中');
    const mail = await readMail(mailDir, { to: email });
    expect(mail.text).toContain('/invitation/');

    // Inviting the same address again is refused next to the e-mail field.
    await page.getByRole('link', { name: 'メンバーを招待する' }).click();
    await page.getByLabel('メールアドレス').fill(email);
    await page.getByLabel('氏名').fill(name);
    await page.getByLabel('権限').selectOption('viewer');
    await page.getByLabel('職種').selectOption('clerical');
    await page.getByRole('button', { name: '招待メールを送る' }).click();
    await expect(page.locator('#email-error')).toHaveText('この方はすでにこの組織のメンバーです');

    await page.getByRole('button', { name: 'ログアウト' }).click();
    await expect(page).toHaveURL(/\/login\?logged_out=1$/);
  });
});
