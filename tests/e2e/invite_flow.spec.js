// The first day of a new colleague, as the two people involved live it: the organisation's
// admin invites them, they open the link from the e-mail on their own computer, set a password,
// enrol an authenticator app, keep their recovery codes, sign out and sign in again.
const { test, expect } = require('./support/fixtures.js');
const { checkA11y } = require('./support/a11y.js');
const { readMail } = require('./support/mail.js');
const {
  kDemo,
  freshTotpCode,
  wrongTotpCode,
  submitPassword,
  submitCode,
  logIn,
  mainNav,
  contextOptions,
} = require('./support/accounts.js');

const kJapanese = /[\u3040-\u30ff\u4e00-\u9fff]/;

test('an admin invites a colleague who sets a password, enrols TOTP and signs in again', async ({
  page,
  browser,
  baseURL,
  mailDir,
}) => {
  const stamp = `${Date.now()}`;
  const email = `new-${stamp}@example.jp`;
  const displayName = `新人 花子${stamp.slice(-4)}`;
  const password = 'Sora-no-Iro-wa-Aoi-Natsu-2026';

  // --- The admin signs in and opens the invite form from the navigation. ---
  await logIn(page, kDemo.kango, { onPage: async () => checkA11y(page) });
  await expect(page).toHaveURL(/\/$/);
  await mainNav(page).getByRole('link', { name: 'メンバー管理' }).click();
  await expect(page).toHaveURL(/\/org\/members$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('メンバー管理');
  await checkA11y(page);

  await page.getByRole('link', { name: 'メンバーを招待する' }).click();
  await expect(page).toHaveURL(/\/org\/members\/invite$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('メンバーの招待');
  await checkA11y(page);

  // --- Sent empty: a summary at the top links to every field, each field says what is wrong. ---
  await page.getByRole('button', { name: '招待メールを送る' }).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toBeVisible();
  await expect(summary.getByRole('heading')).toHaveText('入力内容を確認してください');
  const expected = {
    email: 'メールアドレスを入力してください',
    display_name: '氏名を入力してください',
    role: '権限を選んでください',
    profession: '職種を選んでください',
  };
  for (const [field, message] of Object.entries(expected)) {
    const link = summary.getByRole('link', { name: message });
    await expect(link).toHaveAttribute('href', `#${field}`);
    const control = page.locator(`#${field}`);
    await expect(control).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator(`#${field}-error`)).toHaveText(message);
    const describedBy = (await control.getAttribute('aria-describedby')) || '';
    expect(describedBy.split(/\s+/)).toContain(`${field}-error`);
  }
  // The links are how a keyboard or screen-reader user gets to the field: following one
  // must put the focus in that field.
  await summary.getByRole('link', { name: expected.profession }).click();
  await expect(page.locator('#profession')).toBeFocused();
  await summary.getByRole('link', { name: expected.email }).click();
  await expect(page.locator('#email')).toBeFocused();
  await checkA11y(page);

  // --- The real invitation. ---
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('氏名').fill(displayName);
  await page.getByLabel('権限').selectOption('counselor');
  await page.getByLabel('職種').selectOption('msw');
  await page.getByRole('button', { name: '招待メールを送る' }).click();
  await expect(page).toHaveURL(/\/org\/members\?invited=1$/);
  await expect(page.getByRole('status')).toContainText('招待しました');
  const invitedRow = page.getByRole('row').filter({ hasText: email });
  await expect(invitedRow).toContainText(displayName);
  await expect(invitedRow).toContainText('相談員');
  await expect(invitedRow).toContainText('医療ソーシャルワーカー（MSW）');
  await expect(invitedRow).toContainText('招待中');

  // --- The e-mail: Japanese, carries the link, and nothing that would let a reader sign in. ---
  const mail = await readMail(mailDir, { to: email });
  expect(mail.subject).toMatch(kJapanese);
  expect(mail.subject).toContain('アカウント作成');
  expect(mail.text).toMatch(kJapanese);
  const links = mail.text.match(/https?:\/\/\S+/g) || [];
  const invitationLinks = links.filter((l) => l.startsWith(`${baseURL}/invitation/`));
  expect(invitationLinks, `links in the mail: ${links.join(' ')}`).toHaveLength(1);
  const link = invitationLinks[0];
  expect(link).toMatch(/\/invitation\/[A-Za-z0-9_-]{20,}$/);
  // The link's token is random text: look for secrets in the rest of the body.
  const rest = mail.text.replace(link, '');
  expect(rest).not.toMatch(/otpauth:/i);
  expect(rest).not.toMatch(/\b[A-Z2-7]{16,}\b/); // no base32 secret
  expect(rest).not.toMatch(/(?<!\d)\d{6}(?!\d)/); // no six-digit code
  expect(rest).not.toMatch(/パスワード\s*[:：]/); // no "password: …" line
  expect(rest).not.toContain(kDemo.kango.password);

  // --- The colleague opens the link on their own computer (no cookies of the admin). ---
  const colleagueContext = await browser.newContext(contextOptions(baseURL));
  try {
    const p = await colleagueContext.newPage();
    const res = await p.goto(link);
    expect(res.status()).toBe(200);
    await expect(p.getByRole('heading', { level: 1 })).toHaveText('アカウントの設定');
    await expect(p.locator('.summary-list')).toContainText(displayName);
    await expect(p.locator('.summary-list')).toContainText(email);
    await expect(p.locator('.summary-list')).toContainText('みどり市立病院');
    await checkA11y(p);

    // A weak password: refused with a reason next to the field; the context stays on screen.
    await p.getByLabel('パスワード', { exact: true }).fill('sakura2026');
    await p.getByLabel('パスワード（確認）').fill('sakura2026');
    await p.getByRole('button', { name: 'パスワードを設定する' }).click();
    await expect(p.locator('.error-summary')).toBeVisible();
    const passwordError = p.locator('#password-error');
    await expect(passwordError).toHaveText('パスワードは13文字以上にしてください');
    await expect(p.getByLabel('パスワード', { exact: true })).toHaveAttribute(
      'aria-invalid',
      'true'
    );
    await expect(p.locator('.error-summary').getByRole('link')).toHaveAttribute(
      'href',
      '#password'
    );
    await expect(p.locator('.summary-list')).toContainText(displayName);
    await expect(p.locator('.summary-list')).toContainText(email);
    await checkA11y(p);

    // A good long password.
    await p.getByLabel('パスワード', { exact: true }).fill(password);
    await p.getByLabel('パスワード（確認）').fill(password);
    await p.getByRole('button', { name: 'パスワードを設定する' }).click();

    // --- Enrolment: the secret is on the page for typing by hand; a wrong code is refused. ---
    await expect(p).toHaveURL(/\/enroll$/);
    await expect(p.getByRole('heading', { level: 1 })).toHaveText('2段階認証の設定');
    await expect(p.locator('.qr svg')).toBeVisible();
    const shown = (await p.locator('#totp-secret').textContent()).trim();
    expect(shown).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
    const secret = shown.replace(/\s+/g, '');
    expect(secret.length).toBeGreaterThanOrEqual(32); // 160-bit key
    expect(mail.text).not.toContain(secret);
    await checkA11y(p);

    await p.getByLabel('確認コード').fill(wrongTotpCode(secret));
    await p.getByRole('button', { name: '設定を完了する' }).click();
    await expect(p.locator('#code-error')).toContainText('確認コードが正しくありません');
    await expect(p.getByLabel('確認コード')).toHaveAttribute('aria-invalid', 'true');
    // The same key is offered again: the app the person already set up stays valid.
    await expect(p.locator('#totp-secret')).toHaveText(shown);
    await checkA11y(p);

    const { code } = await freshTotpCode(email, secret);
    await p.getByLabel('確認コード').fill(code);
    await p.getByRole('button', { name: '設定を完了する' }).click();

    // --- Recovery codes, shown once. ---
    await expect(p.getByRole('heading', { level: 1 })).toHaveText('リカバリーコード');
    const codes = p.locator('.recovery-codes li');
    await expect(codes).toHaveCount(10);
    const values = (await codes.allTextContents()).map((t) => t.trim());
    expect(new Set(values).size).toBe(10);
    for (const v of values) expect(v).not.toBe('');
    await checkA11y(p);

    await p.getByRole('link', { name: 'つなぐを使い始める' }).click();
    await expect(p).toHaveURL(/\/$/);
    await expect(p.getByRole('heading', { level: 1 })).toHaveText('ホーム');
    await expect(p.locator('.site-header__user')).toHaveText(displayName);
    await checkA11y(p);

    await mainNav(p).getByRole('link', { name: 'アカウント設定' }).click();
    await expect(p).toHaveURL(/\/account$/);
    await expect(p.locator('main')).toContainText(email);
    await expect(p.locator('main')).toContainText('未使用のリカバリーコード：10個');
    await checkA11y(p);

    // --- Sign out from the header, then sign in with password and a new TOTP step. ---
    await p.getByRole('button', { name: 'ログアウト' }).click();
    await expect(p).toHaveURL(/\/login\?logged_out=1$/);
    await expect(p.getByRole('status')).toHaveText('ログアウトしました');
    await expect(p.getByRole('button', { name: 'ログアウト' })).toHaveCount(0);
    const home = await p.goto('/account');
    expect(home.url()).toMatch(/\/login\?next=/);

    await p.goto('/login');
    await submitPassword(p, { email, password });
    await expect(p).toHaveURL(/\/login\/code/);
    await submitCode(p, { email, secret });
    await expect(p).toHaveURL(/\/$/);
    await expect(p.getByRole('heading', { level: 1 })).toHaveText('ホーム');
    await expect(p.locator('.site-header__user')).toHaveText(displayName);
    await expect(p.locator('main')).toContainText('みどり市立病院');
    // A counselor: no member administration in the menu.
    await expect(mainNav(p).getByRole('link', { name: 'メンバー管理' })).toHaveCount(0);

    // The link is spent: opening it again gives the Japanese "invalid link" page.
    const again = await p.goto(link);
    expect(again.status()).toBe(404);
    await expect(p.getByRole('heading', { level: 1 })).toContainText('招待リンクは無効');
  } finally {
    await colleagueContext.close();
  }

  // --- Back on the admin's screen, the colleague is now an active member. ---
  await page.goto('/org/members');
  const row = page.getByRole('row').filter({ hasText: email });
  await expect(row).toContainText(displayName);
  await expect(row).toContainText('利用中');
  await expect(row).toContainText('相談員');
});
