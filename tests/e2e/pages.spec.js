// Every page each kind of user can reach, with axe on each, and the pages people see when they
// go somewhere they may not (403) or that does not exist (404).
const { test, expect } = require('./support/fixtures.js');
const { checkA11y } = require('./support/a11y.js');
const { kDemo, logIn, mainNav } = require('./support/accounts.js');

/** Opens `path`, checks the status, the Japanese page and its <h1>, and runs axe. */
async function visit(page, path, { status = 200, h1, lang = 'ja' } = {}) {
  const res = await page.goto(path);
  expect(res.status(), `GET ${path}`).toBe(status);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  if (h1 !== undefined) await expect(page.getByRole('heading', { level: 1 })).toHaveText(h1);
  await checkA11y(page);
  return res;
}

async function expectForbidden(page, path) {
  await visit(page, path, { status: 403, h1: 'このページを表示する権限がありません' });
  await expect(page.getByRole('link', { name: 'ホームへ戻る' })).toHaveAttribute('href', '/');
  await expect(page.locator('main')).toContainText('403');
}

function navLinks(page) {
  return mainNav(page).getByRole('link');
}

test('system admin: home, account, tokens and the organisation pages', async ({ page }) => {
  await logIn(page, kDemo.sysadmin);
  await expect(navLinks(page)).toHaveText(['ホーム', '組織の管理', 'アカウント設定']);

  await visit(page, '/', { h1: 'ホーム' });
  await expect(page.locator('main')).toContainText('システム管理者としてログインしています');
  await visit(page, '/account', { h1: 'アカウント設定' });
  await expect(page.locator('main')).toContainText(kDemo.sysadmin.email);
  await visit(page, '/account/password', { h1: 'パスワードの変更' });
  await visit(page, '/account/tokens', { h1: 'APIトークン' });
  await expect(page.locator('main')).toContainText('トークンを発行できません');

  await visit(page, '/admin/organizations', { h1: '組織の管理' });
  const orgs = page.getByRole('table').getByRole('row');
  await expect(orgs.filter({ hasText: 'みどり市立病院' })).toHaveCount(1);

  // The registration form sent empty: errors in the summary and next to each field.
  await page.getByRole('button', { name: '組織を登録する' }).click();
  await expect(page.locator('.error-summary')).toBeVisible();
  await expect(page.locator('#kind-error')).toHaveText('組織の種類を選んでください');
  await expect(page.locator('#name-error')).toBeVisible();
  await checkA11y(page);

  await page.goto('/admin/organizations');
  await page.getByRole('link', { name: 'みどり市立病院 がん相談支援センター' }).click();
  await expect(page).toHaveURL(/\/admin\/organizations\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'みどり市立病院 がん相談支援センター'
  );
  await expect(page.locator('main')).toContainText('kango@demo.tsunagu.jp');
  await checkA11y(page);

  // An organisation that does not exist.
  await visit(page, '/admin/organizations/999999', {
    status: 404,
    h1: 'お探しのページは見つかりませんでした',
  });
});

test('org admin: members, invite, edit, remove, audit log, account and tokens', async ({
  page,
}) => {
  await logIn(page, kDemo.career);
  await expect(navLinks(page)).toHaveText([
    'ホーム',
    '相談者',
    '紹介',
    '支援ケース',
    '定着支援の確認',
    '相談依頼',
    '相談日以外の相談',
    '相談窓口・情報',
    'イベント',
    '事業所・求人',
    '相談会',
    '窓口・情報の管理',
    'がんサロンの管理',
    'ピア・サポーター名簿',
    '年間実績',
    '就労の実績',
    '本人からの請求',
    'メンバー管理',
    '監査ログ',
    'アカウント設定',
  ]);

  await visit(page, '/', { h1: 'ホーム' });
  await expect(page.locator('main')).toContainText('NPO法人 はたらくサポートみどり');
  await visit(page, '/account', { h1: 'アカウント設定' });
  await visit(page, '/account/password', { h1: 'パスワードの変更' });
  await page.getByRole('button', { name: 'パスワードを変更する' }).click();
  await expect(page.locator('.error-summary')).toBeVisible();
  await expect(page.locator('#current_password-error')).toBeVisible();
  await checkA11y(page);

  // API tokens: the list, a form with errors, the one-time display, revocation.
  await visit(page, '/account/tokens', { h1: 'APIトークン' });
  await page.getByLabel('名前').fill('');
  await page.getByLabel('有効期間（日）').fill('9999');
  await page.getByRole('button', { name: 'トークンを発行する' }).click();
  await expect(page.locator('.error-summary')).toBeVisible();
  await expect(page.locator('#valid_days-error')).toBeVisible();
  await checkA11y(page);
  const tokenName = `e2e-${Date.now()}`;
  await page.getByLabel('名前').fill(tokenName);
  await page.getByLabel('有効期間（日）').fill('7');
  // What the token may do, chosen per domain: reading the organisation only.
  await page.getByRole('group', { name: '組織', exact: true }).getByLabel('読み取り').check();
  await page.getByRole('button', { name: 'トークンを発行する' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('APIトークンを発行しました');
  await expect(page.locator('.token-value')).not.toBeEmpty();
  await checkA11y(page);
  await page.getByRole('link', { name: '保管しました（一覧へ戻る）' }).click();
  const tokenRow = page.getByRole('row').filter({ hasText: tokenName });
  await expect(tokenRow).toContainText('有効');
  await tokenRow.getByRole('button', { name: `無効にする: ${tokenName}` }).click();
  await expect(page.getByRole('status')).toHaveText('トークンを無効にしました。');
  await expect(page.getByRole('row').filter({ hasText: tokenName })).toContainText('無効');
  await checkA11y(page);

  await visit(page, '/org/members', { h1: 'メンバー管理' });
  const self = page.getByRole('row').filter({ hasText: kDemo.career.email });
  await expect(self).toContainText('あなた');
  await visit(page, '/org/members/invite', { h1: 'メンバーの招待' });

  await page.goto('/org/members');
  await self.getByRole('link', { name: /^変更: / }).click();
  await expect(page).toHaveURL(/\/org\/members\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('メンバーの変更');
  await expect(page.getByRole('note')).toContainText('あなた自身の権限です');
  await checkA11y(page);
  const memberUrl = new URL(page.url()).pathname;

  // The remove page is only looked at, never confirmed.
  await page.goto('/org/members');
  await self.getByRole('link', { name: /^削除: / }).click();
  await expect(page).toHaveURL(/\/org\/members\/\d+\/remove$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('メンバーの削除');
  await checkA11y(page);

  await visit(page, '/org/audit', { h1: '監査ログ' });
  await expect(page.getByRole('table')).toContainText('ログイン');

  // A membership id that does not exist, and the pages of the system administrator.
  await visit(page, '/org/members/999999', {
    status: 404,
    h1: 'お探しのページは見つかりませんでした',
  });
  await expectForbidden(page, '/admin/organizations');
  await visit(page, memberUrl, { h1: 'メンバーの変更' });
});

test('counselor: own pages, 403 on admin pages, English, and the 404 page', async ({
  page,
}) => {
  await logIn(page, kDemo.msw);
  await expect(navLinks(page)).toHaveText([
    'ホーム',
    '相談者',
    '紹介',
    '支援ケース',
    '定着支援の確認',
    '相談依頼',
    '相談日以外の相談',
    '相談窓口・情報',
    'イベント',
    '事業所・求人',
    'アカウント設定',
  ]);

  await visit(page, '/', { h1: 'ホーム' });
  await expect(page.locator('main')).toContainText('相談員');
  await visit(page, '/account', { h1: 'アカウント設定' });
  await visit(page, '/account/password', { h1: 'パスワードの変更' });
  await visit(page, '/account/tokens', { h1: 'APIトークン' });

  const adminPages = ['/org/members', '/org/members/invite', '/org/audit', '/admin/organizations'];
  for (const path of adminPages) await expectForbidden(page, path);

  // 404: Japanese, with a way home.
  await visit(page, '/kore-wa-nai-peeji', {
    status: 404,
    h1: 'お探しのページは見つかりませんでした',
  });
  await expect(page).toHaveTitle(/つなぐ/);
  await page.getByRole('link', { name: 'ホームへ戻る' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ホーム');

  // English: the whole page switches, including the header, and stays switched.
  await visit(page, '/?lang=en', { h1: 'Home', lang: 'en' });
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
  const toJapanese = page.getByRole('link', { name: '日本語' });
  await expect(toJapanese).toHaveAttribute('lang', 'ja');
  await visit(page, '/account', { h1: 'Account settings', lang: 'en' });
  await visit(page, '/org/members', {
    status: 403,
    h1: 'You do not have permission to see this page',
    lang: 'en',
  });
  await visit(page, '/kore-wa-nai-peeji', {
    status: 404,
    h1: 'We could not find that page',
    lang: 'en',
  });

  // Back to Japanese through the header link.
  await page.goto('/');
  await page.getByRole('link', { name: '日本語' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ホーム');
});

test('signed out: the login page in English, and pages that need a session', async ({ page }) => {
  await visit(page, '/login?lang=en', { h1: 'Log in', lang: 'en' });
  const res = await page.goto('/org/members');
  expect(res.url()).toMatch(/\/login\?next=%2Forg%2Fmembers$/);
  await visit(page, '/login?lang=ja', { h1: 'ログイン' });
  await visit(page, '/invitation/this-link-does-not-exist', {
    status: 404,
    h1: 'この招待リンクは無効か、有効期限が切れています。組織の管理者に再送を依頼してください',
  });
});
