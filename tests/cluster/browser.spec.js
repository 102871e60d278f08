// Main browser flows through nginx in front of three servers (tests/cluster/browser.sh):
// the public portal to a finished booking, staff sign-in and a case page; then a case page
// kept open while the server holding its live stream is killed with kill -9: the stream
// reconnects through nginx to another server and the page shows a comment made meanwhile.
// TSUNAGU_CLUSTER_SERVERS: [{pid, log}] of the three servers (the one killed is restarted by
// browser.sh afterwards).
const fs = require('node:fs');
const { test, expect } = require('@playwright/test');
const { kDemo, logIn } = require('../e2e/support/accounts.js');

const servers = JSON.parse(process.env.TSUNAGU_CLUSTER_SERVERS || '[]');

// The server's complete log lines: what follows the last newline (nothing, or a line still
// being written) is left out, so a count taken now indexes the next line written.
function logLines(server) {
  try {
    const lines = fs.readFileSync(server.log, 'utf8').split('\n');
    lines.pop();
    return lines;
  } catch {
    return [];
  }
}

async function streamOpen(page) {
  await page.waitForFunction(
    () => {
      const el = document.querySelector('[sse-connect]');
      const data = el && el['htmx-internal-data'];
      return !!(data && data.sseEventSource && data.sseEventSource.readyState === 1);
    },
    null,
    { timeout: 15_000 }
  );
}

test('a person books through nginx, from the portal to the 予約完了 page', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('治療と仕事の両立支援の相談窓口');
  await page
    .getByRole('link', { name: /^日時を選んで予約する\s*（働くがん患者のためのワンストップ相談）$/ })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('相談会の予約');
  await page.locator('input[name="slot"]').first().check();
  await page.getByRole('button', { name: 'この時間で次へ進む' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('相談の申込み');
  await page.getByLabel('氏名').fill('試験 花子');
  await page.getByLabel('女性').check();
  await page.getByLabel('40代').check();
  await page.getByLabel('住所地（市区町村まで）').fill('みどり市');
  await page.getByLabel('病院（がん相談支援センターなど）').check();
  await page.getByLabel('診断名').fill('大腸がん');
  await page.getByLabel('治療中').check();
  await page.getByLabel('休職中').check();
  await page.getByLabel('仕事に関すること').check();
  await page.getByLabel('ふりがな').fill('しけん はなこ');
  await page.getByLabel('電話番号').fill('090-0000-0000');
  await page.getByLabel('個人情報の取扱いに同意します').check();
  await page.getByRole('button', { name: '入力内容を確認する' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('入力内容の確認');
  await page.getByRole('button', { name: '送信する' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ご予約を受け付けました');
  expect((await page.locator('main strong').first().textContent()).trim()).toMatch(/^TS-/);
});

test('a case page open while its server is killed catches up through another', async ({
  browser,
}) => {
  test.skip(servers.length < 2, 'needs the cluster (TSUNAGU_CLUSTER_SERVERS)');
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, kDemo.msw);
  await page.goto('/cases');
  await page.locator('a[href^="/cases/"]').filter({ hasText: /\S/ }).first().click();
  await expect(page).toHaveURL(/\/cases\/\d+$/);
  const casePath = new URL(page.url()).pathname;

  // Which server holds this page's stream: the one whose log gained the stream's GET.
  const before = servers.map((s) => logLines(s).length);
  await page.reload();
  await expect(page.locator('#timeline')).toBeVisible();
  await streamOpen(page);
  const findHolder = () =>
    servers.findIndex((s, i) =>
      logLines(s)
        .slice(before[i])
        .some((l) => / GET \/cases\/\{[a-z_]+\}\/events status=200/.test(l))
    );
  // The log reaches its file a moment later than the stream opens.
  await expect.poll(findHolder, { message: 'a server logged the stream' }).toBeGreaterThanOrEqual(0);
  const holder = findHolder();
  process.kill(servers[holder].pid, 'SIGKILL');
  console.log(`   the stream was on server ${holder}: killed with kill -9`);

  // A comment made meanwhile, from a second page of the same person (another server answers).
  const other = await context.newPage();
  await other.goto(casePath);
  const text = `クラスタ試験のコメント ${Date.now()}`;
  const kind = other.locator('#kind');
  if (await kind.count()) await kind.selectOption('comment');
  await other.locator('#body').fill(text);
  await other.getByRole('button', { name: '記録する' }).click();
  await expect(other.locator('#timeline')).toContainText(text);

  // The first page, never reloaded, shows it once its stream is back through nginx.
  await expect(page.locator('#timeline')).toContainText(text, { timeout: 45_000 });
  await streamOpen(page);
  await context.close();
});

test('staff sign in through nginx and open a case page', async ({ page }) => {
  await logIn(page, kDemo.kango);
  await page.goto('/cases');
  await page.locator('a[href^="/cases/"]').filter({ hasText: /\S/ }).first().click();
  await expect(page).toHaveURL(/\/cases\/\d+$/);
  await expect(page.locator('#timeline')).toBeVisible();
});
