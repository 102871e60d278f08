// Secure case sharing from end to end (issue 4), on PostgreSQL with TWO `tsunagu serve`
// processes sharing the database: the hospital's MSW (process A) registers a person, records
// her written consent and refers her to the employment-support NPO; the NPO's consultant
// (process B) accepts and writes on the case; the hospital's open case page shows the entry
// without a reload (the event crosses processes through PostgreSQL LISTEN/NOTIFY); the NPO
// shares a document with the employer contact, who opens it through the e-mailed link without
// an account; the consent is withdrawn and the hospital's next request is refused, and the
// employer's link ends. Axe runs on the pages on the way; no canary reaches any e-mail.
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { test, expect } = require('./support/fixtures.js');
const { readMail, parseMail } = require('./support/mail.js');
const { checkA11y } = require('./support/a11y.js');
const { kDemo, logIn, contextOptions } = require('./support/accounts.js');

const kRoot = path.resolve(__dirname, '..', '..');
const kCanary = {
  name: '共有カナリア 花子E2E',
  kana: 'きょうゆうかなりあ はなこ',
  diagnosis: '共有カナリア肉腫E2E',
  note: '共有カナリア紹介メモE2E',
  entry: '共有カナリア面談記録E2E',
  pdf: 'CANARY-PDF-E2E',
};

// The port a server started with `--listen 127.0.0.1:0` says it got, from its log.
async function portFromLog(file, child) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(fs.readFileSync(file, 'utf8'));
    if (m) return Number(m[1]);
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the server did not start:\n${fs.readFileSync(file, 'utf8')}`);
}

async function waitForHealth(url) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok && (await res.text()).trim() === 'ok') return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not start`);
}

// A PostgreSQL cluster and two server processes on it, with the demo data; mail goes to the
// SMTP sink the global setup started.
const cluster = { dir: null, servers: [], urls: [] };

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const bin = process.env.TSUNAGU_BIN || path.join(kRoot, 'build', 'tsunagu');
  const shared = JSON.parse(
    fs.readFileSync(path.join(process.env.TSUNAGU_TMP, 'e2e-state.json'), 'utf8')
  );
  cluster.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagu-e2e-pg-'));
  fs.chmodSync(cluster.dir, 0o755); // the postgres user must reach its data folder
  const db = execFileSync(path.join(kRoot, 'scripts', 'start-postgres'), [
    path.join(cluster.dir, 'pg'),
  ])
    .toString()
    .trim();
  const keyFile = path.join(cluster.dir, 'keys.toml');
  execFileSync(bin, ['keys', 'generate', '--out', keyFile]);
  // Both servers run on the tests' clock (support/clock.js) and listen on port 0. The second
  // starts first: its public_url ends in ":0", so it takes its own port; the first server's
  // links then name the second's address, as one public_url in front of two servers would.
  const offset = process.env.TSUNAGU_CLOCK_OFFSET || '0';
  const configFor = (publicUrl) =>
    `[server]\npublic_url = "${publicUrl}"\ncookie_secure = false\n` +
    `[mail]\nsmtp_url = "smtp://127.0.0.1:${shared.smtpPort}"\nfrom = "tsunagu@example.jp"\n` +
    `[security]\nkey_file = "${keyFile}"\n`;
  const config = path.join(cluster.dir, 'tsunagu.toml');
  fs.writeFileSync(config, configFor('http://127.0.0.1:0'));
  execFileSync(bin, ['demo', '--db', db, '--config', config, '--clock-offset', offset], {
    stdio: 'ignore',
  });
  const start = async (name, configFile) => {
    const file = path.join(cluster.dir, `server-${name}.log`);
    const log = fs.openSync(file, 'a');
    const child = spawn(
      bin,
      ['serve', '--db', db, '--listen', '127.0.0.1:0', '--config', configFile, '--clock-offset', offset],
      { cwd: kRoot, stdio: ['ignore', log, log] }
    );
    fs.closeSync(log);
    cluster.servers.push(child);
    const url = `http://127.0.0.1:${await portFromLog(file, child)}`;
    await waitForHealth(url);
    return url;
  };
  const second = await start('b', config);
  const firstConfig = path.join(cluster.dir, 'tsunagu-a.toml');
  fs.writeFileSync(firstConfig, configFor(second));
  const first = await start('a', firstConfig);
  cluster.urls.push(first, second);
});

test.afterAll(async () => {
  for (const child of cluster.servers) child.kill('SIGTERM');
  if (cluster.dir) {
    try {
      execFileSync(path.join(kRoot, 'scripts', 'stop-postgres'), [path.join(cluster.dir, 'pg')], {
        stdio: 'ignore',
      });
    } catch {
      // Best effort.
    }
  }
});

function minimalPdf(text) {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n` +
      `3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`
  );
}

test('a referral closes its loop across two processes, and a withdrawn consent ends sharing', async ({
  browser,
  mailDir,
}) => {
  test.setTimeout(180_000);
  const [urlA, urlB] = cluster.urls;
  const hospitalContext = await browser.newContext(contextOptions(urlA));
  const agencyContext = await browser.newContext(contextOptions(urlB));
  const hospital = await hospitalContext.newPage();
  const agency = await agencyContext.newPage();

  // The hospital registers the person (process A).
  await logIn(hospital, kDemo.msw);
  await hospital.goto('/clients/new');
  await checkA11y(hospital);
  await hospital.fill('[name=name]', kCanary.name);
  await hospital.fill('[name=kana]', kCanary.kana);
  await hospital.fill('[name=phone]', '090-7777-0123');
  await hospital.fill('[name=birth_year]', '1979');
  await hospital.fill('[name=diagnosis]', kCanary.diagnosis);
  await hospital.locator('form[method=post] button[type=submit]').last().click();
  await expect(hospital.getByRole('heading', { level: 1 })).toContainText(kCanary.name);
  const clientPath = new URL(hospital.url()).pathname;
  await checkA11y(hospital);

  // Found again through the search form, a POST: the typed name stays out of the URL.
  await hospital.goto('/clients');
  await hospital.getByLabel('氏名・ふりがな・電話番号で探す').fill(kCanary.name);
  await hospital.getByRole('button', { name: '検索', exact: true }).click();
  await expect(hospital.locator('#results')).toContainText('（1件）');
  expect(new URL(hospital.url()).pathname + new URL(hospital.url()).search).toBe('/clients');
  await expect(hospital.locator(`main a[href="${clientPath}"]`)).toBeVisible();
  await checkA11y(hospital);

  // Her written consent to share everything with the NPO, and documents with her employer.
  await hospital.goto(`${clientPath}/consents/new`);
  await checkA11y(hospital);
  await hospital
    .locator('[name=organizations]')
    .locator('xpath=..')
    .filter({ hasText: 'はたらくサポートみどり' })
    .locator('input')
    .check();
  for (const item of ['basic', 'medical', 'work', 'records', 'documents']) {
    await hospital.check(`[name=items][value=${item}]`);
  }
  // For coordination with her employer, whose personnel contact may receive documents.
  await hospital.check('[name=purpose][value=workplace_coordination]');
  await hospital.fill('[name=employer]', '株式会社みどり製作所');
  await hospital.fill('[name=employer_email]', 'jinji@midori-seisakusho.example.jp');
  await hospital.check('[name=method][value=written]');
  await hospital.locator('form[method=post] button[type=submit]').last().click();
  await expect(hospital).toHaveURL(/\/consents\/\d+/);
  const consentPath = new URL(hospital.url()).pathname;
  await checkA11y(hospital);

  // The referral.
  await hospital.goto(`${clientPath}/referrals/new`);
  await checkA11y(hospital);
  await hospital
    .locator('[name=to_org_id]')
    .locator('xpath=..')
    .filter({ hasText: 'はたらくサポートみどり' })
    .locator('input')
    .check();
  await hospital.check('[name=reason][value=employment_support]');
  await hospital.fill('[name=note]', kCanary.note);
  await hospital.locator('form[method=post] button[type=submit]').last().click();
  await expect(hospital).toHaveURL(/\/referrals\/\d+/);
  const referralPath = new URL(hospital.url()).pathname;
  await checkA11y(hospital);

  // The NPO (process B) is told without personal data, and accepts.
  // (The demo data's own referral told the same person earlier: look for this one's link.)
  const notice = await readMail(mailDir, {
    to: kDemo.career.email,
    subjectIncludes: '紹介',
    textIncludes: `${referralPath}\n`,
  });
  expect(notice.text).toContain(referralPath);
  await logIn(agency, kDemo.career);
  await agency.goto(referralPath);
  await expect(agency.locator('body')).toContainText(kCanary.name);
  await checkA11y(agency);
  await agency.locator('form#accept button[type=submit]').click();
  await expect(agency).toHaveURL(/\/cases\/\d+/);
  const casePath = new URL(agency.url()).pathname;
  await checkA11y(agency);

  // The hospital opens the case page (process A) and keeps it open.
  await hospital.goto(casePath);
  await expect(hospital.locator('#timeline')).toBeVisible();
  await checkA11y(hospital);
  // Wait until the page's event stream is open before the NPO writes.
  await hospital.waitForFunction(
    () => {
      const el = document.querySelector('[sse-connect]');
      const data = el && el['htmx-internal-data'];
      return !!(data && data.sseEventSource && data.sseEventSource.readyState === 1);
    },
    null,
    { timeout: 10_000 }
  );

  // The NPO writes an interview on process B ...
  await agency.fill('[name=body]', kCanary.entry);
  await agency.locator('form[action$="/entries"] button[type=submit]').click();
  await expect(agency.locator('#timeline')).toContainText(kCanary.entry);
  // ... and the hospital's page shows it without a reload.
  await expect(hospital.locator('#timeline')).toContainText(kCanary.entry, { timeout: 10_000 });
  // Screen readers are told through the page's polite live region.
  await expect(hospital.locator('#live-announcer')).toHaveText('経過の記録が更新されました。');

  // The NPO shares a document with the employer contact.
  await agency.goto(`${casePath}/documents`);
  await checkA11y(agency);
  await agency.fill('[name=title]', '就業上の配慮についての資料');
  await agency.setInputFiles('[name=file]', {
    name: 'plan.pdf',
    mimeType: 'application/pdf',
    buffer: minimalPdf(kCanary.pdf),
  });
  await agency.locator('form[enctype="multipart/form-data"] button[type=submit]').first().click();
  await expect(agency.locator('body')).toContainText('就業上の配慮についての資料');
  const share = agency.locator('form[id^=share]').first();
  await agency.locator('details:has(form[id^=share]) > summary').first().click();
  await share.locator('[name=recipient_name]').fill('人事部 担当者');
  await share.locator('[name=recipient_email]').fill('jinji@midori-seisakusho.example.jp');
  await share.locator('button[type=submit]').click();
  const linkMail = await readMail(mailDir, { to: 'jinji@midori-seisakusho.example.jp' });
  const link = linkMail.text.match(/https?:\/\/\S+\/shared\/\S+/)[0];
  const employerContext = await browser.newContext(contextOptions(urlB));
  const employer = await employerContext.newPage();
  await employer.goto(link);
  await expect(employer.getByRole('heading', { level: 1 })).toBeVisible();
  await checkA11y(employer);
  const file = await employer.request.get(`${link}/file`);
  expect(file.status()).toBe(200);
  expect((await file.body()).toString('latin1')).toContain(kCanary.pdf);

  // The person withdraws her consent (recorded by the hospital).
  await hospital.goto(`${consentPath}/withdraw`);
  await checkA11y(hospital);
  await hospital.locator('form[method=post] button[type=submit]').last().click();
  // The hospital's next request to the NPO's case is refused, like a page that does not exist.
  const refused = await hospital.goto(casePath);
  expect(refused.status()).toBe(404);
  await expect(hospital.locator('body')).not.toContainText(kCanary.entry);
  // The employer's link has ended.
  const ended = await employer.goto(link);
  expect(ended.status()).toBe(410);

  // No e-mail carried the person's data.
  for (const name of fs.readdirSync(mailDir).filter((n) => n.endsWith('.eml'))) {
    const mail = parseMail(fs.readFileSync(path.join(mailDir, name)));
    for (const canary of Object.values(kCanary)) {
      expect(mail.subject + mail.text).not.toContain(canary);
    }
  }
  await employerContext.close();
  await hospitalContext.close();
  await agencyContext.close();
});
