// Demo accounts (README.md) and the steps a person takes to sign in, for the browser tests.
//
// The server refuses a TOTP code whose 30-second step is not newer than the last step that
// account used (src/auth/totp.cpp: VerifyTotp accepts now-1 … now+1 and only steps greater than
// the last one used). Tests that sign the same account in more than once within 30 s therefore
// need a code for a step nobody used yet: freshTotpCode() remembers, per account, the last
// step handed out, in a file shared by every worker of this run, and waits for the clock only
// when both the current and the next step are taken.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { expect } = require('@playwright/test');
const { totp } = require('./totp.js');
const { serverNowMs } = require('./clock.js');

const kDemoTotpSecret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const kStepSeconds = 30;

const kDemo = {
  sysadmin: { email: 'sysadmin@demo.tsunagu.jp', password: 'demo-Kanri-Hikari-2026' },
  kango: { email: 'kango@demo.tsunagu.jp', password: 'demo-Sakura-Nagare-2026' },
  msw: { email: 'msw@demo.tsunagu.jp', password: 'demo-Kawa-Kumo-Yama-2026' },
  jimu: { email: 'jimu@demo.tsunagu.jp', password: 'demo-Aozora-Tsuki-2026' },
  career: { email: 'career@demo.tsunagu.jp', password: 'demo-Hoshi-Umi-Kaze-2026' },
  sokushin: { email: 'sokushin@demo.tsunagu.jp', password: 'demo-Mori-Hana-Tori-2026' },
  // The prefecture office's counselors (one-stop consultation days).
  soudanKango: { email: 'soudan-kango@demo.tsunagu.jp', password: 'demo-Niji-Sora-Mizu-2026' },
  sharoushi: { email: 'sharoushi@demo.tsunagu.jp', password: 'demo-Yuki-Tsuki-Kaze-2026' },
};
for (const account of Object.values(kDemo)) account.secret = kDemoTotpSecret;

function stepsFile() {
  const dir = process.env.TSUNAGU_TMP || os.tmpdir();
  return path.join(dir, 'e2e-totp-steps.json');
}

function readSteps() {
  try {
    return JSON.parse(fs.readFileSync(stepsFile(), 'utf8'));
  } catch {
    return {};
  }
}

/** Records that `email` used `step` (e.g. at enrolment, where the test typed the code). */
function rememberTotpStep(email, step) {
  const steps = readSteps();
  const key = email.toLowerCase();
  steps[key] = Math.max(steps[key] ?? -1, step);
  fs.writeFileSync(stepsFile(), JSON.stringify(steps));
}

/**
 * A code the server will accept for `email` now: the current step if the account has not
 * used it, else the next one (inside the server's ±1 step window), else it waits for the clock.
 * Returns { code, step } and records the step as used.
 */
async function freshTotpCode(email, secret) {
  for (;;) {
    const now = serverNowMs() / 1000;  // the server's clock (support/clock.js)
    const current = Math.floor(now / kStepSeconds);
    const last = readSteps()[email.toLowerCase()] ?? -1;
    const step = Math.max(current, last + 1);
    // Leave a margin at the end of a step: the server reads its clock a moment later, and a
    // step more than one behind the server's is refused.
    const secondsLeft = (current + 1) * kStepSeconds - now;
    if (step === current || (step === current + 1 && secondsLeft > 1)) {
      rememberTotpStep(email, step);
      return { code: totp(secret, step * kStepSeconds), step };
    }
    await new Promise((r) => setTimeout(r, secondsLeft * 1000 + 200));
  }
}

/** A six-digit code that is none of the codes the server would accept around now. */
function wrongTotpCode(secret) {
  const now = serverNowMs() / 1000;
  const valid = new Set();
  for (let d = -2; d <= 2; ++d) valid.add(totp(secret, now + d * kStepSeconds));
  for (const candidate of ['000000', '123456', '999999', '314159']) {
    if (!valid.has(candidate)) return candidate;
  }
  throw new Error('unreachable: four fixed candidates all valid');
}

/** Types e-mail and password on /login and presses the submit button. */
async function submitPassword(page, { email, password }) {
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード', { exact: true }).fill(password);
  await page.getByRole('button', { name: '次へ' }).click();
}

/** Types a fresh TOTP code on /login/code and presses the submit button. */
async function submitCode(page, { email, secret }) {
  const { code } = await freshTotpCode(email, secret);
  await page.getByLabel('確認コード').fill(code);
  await page.getByRole('button', { name: 'ログイン' }).click();
}

/**
 * The whole sign-in from /login: password, then the TOTP code. Ends on the page the server
 * sends a signed-in person to (home unless `next` was given). `onPage(name)` is called on the
 * login and code pages, e.g. to run axe there.
 */
async function logIn(page, account, { onPage = async () => {} } = {}) {
  await page.goto('/login');
  await onPage('login');
  await submitPassword(page, account);
  await expect(page).toHaveURL(/\/login\/code/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('確認コードの入力');
  await onPage('code');
  await submitCode(page, account);
  await expect(page).not.toHaveURL(/\/login/);
  await expect(page.getByRole('button', { name: 'ログアウト' })).toBeVisible();
}

/** The main navigation in the header of a signed-in page. */
function mainNav(page) {
  return page.getByRole('navigation', { name: 'メインメニュー' });
}

/** Options for browser.newContext() that match the project's `use` settings. */
function contextOptions(baseURL, extra = {}) {
  return { baseURL, locale: 'ja-JP', timezoneId: 'Asia/Tokyo', ...extra };
}

/**
 * Fails when the page is wider than the viewport (content that needs sideways scrolling).
 * Compares with the viewport the test set, not only window.innerWidth: in a mobile context
 * (isMobile) Chromium zooms out to fit wide content, and innerWidth grows with it.
 */
async function expectNoHorizontalOverflow(page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  const viewport = page.viewportSize();
  const limit = viewport ? Math.min(innerWidth, viewport.width) : innerWidth;
  expect(scrollWidth, `${page.url()} is ${scrollWidth}px wide in a ${limit}px viewport`)
    .toBeLessThanOrEqual(limit);
}

module.exports = {
  kDemo,
  kDemoTotpSecret,
  freshTotpCode,
  rememberTotpStep,
  wrongTotpCode,
  submitPassword,
  submitCode,
  logIn,
  mainNav,
  contextOptions,
  expectNoHorizontalOverflow,
};
