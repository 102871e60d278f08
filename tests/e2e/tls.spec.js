// The production setting in a real browser: a second `tsunagu serve` on the same demo data with
// cookie_secure = true, behind a small TLS-terminating proxy (as nginx would be), reached over
// https. The browser must accept the __Host- cookies (or the login would not hold), every
// cookie must be Secure, and the answers must carry HSTS.
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const https = require('node:https');
const path = require('node:path');
const { test, expect } = require('./support/fixtures.js');
const { kDemo, logIn, contextOptions } = require('./support/accounts.js');

const kRoot = path.resolve(__dirname, '..', '..');
const kHsts = 'max-age=31536000; includeSubDomains';

let proxy;
let server;
let httpsURL;

function listen(srv) {
  return new Promise((resolve, reject) => {
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => resolve(srv.address().port));
  });
}

async function waitForLogPort(logFile, child) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const text = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
    const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(text);
    if (m) return Number(m[1]);
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the cookie_secure server did not start:\n${fs.readFileSync(logFile, 'utf8')}`);
}

test.beforeAll(async () => {
  const tmp = process.env.TSUNAGU_TMP;
  const dir = fs.mkdtempSync(path.join(tmp, 'tls-'));
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1',
  ], { stdio: 'ignore' });

  // The proxy takes its port first (port 0), so the server's public_url can name it.
  let upstreamPort = 0;
  proxy = https.createServer({ key: fs.readFileSync(key), cert: fs.readFileSync(cert) }, (req, res) => {
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: upstreamPort,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, 'x-forwarded-proto': 'https', 'x-forwarded-for': '127.0.0.1' },
      },
      (answer) => {
        res.writeHead(answer.statusCode, answer.headers);
        answer.pipe(res);
      }
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  const proxyPort = await listen(proxy);
  httpsURL = `https://127.0.0.1:${proxyPort}`;

  const config = path.join(dir, 'tsunagu.toml');
  fs.writeFileSync(
    config,
    fs
      .readFileSync(path.join(tmp, 'tsunagu.toml'), 'utf8')
      .replace(/^public_url = .*$/m, `public_url = "${httpsURL}"`)
      .replace(/^cookie_secure = .*$/m, 'cookie_secure = true')
  );
  const logFile = path.join(dir, 'server.log');
  const logFd = fs.openSync(logFile, 'a');
  const bin = process.env.TSUNAGU_BIN || path.join(kRoot, 'build', 'tsunagu');
  server = spawn(
    bin,
    [
      'serve',
      '--db',
      `sqlite:${path.join(tmp, 'e2e.db')}`,
      '--listen',
      '127.0.0.1:0',
      '--config',
      config,
      '--clock-offset',
      process.env.TSUNAGU_CLOCK_OFFSET || '0',
    ],
    { cwd: kRoot, stdio: ['ignore', logFd, logFd] }
  );
  fs.closeSync(logFd);
  upstreamPort = await waitForLogPort(logFile, server);
});

test.afterAll(async () => {
  if (server && server.exitCode === null) server.kill('SIGTERM');
  if (proxy) await new Promise((r) => proxy.close(r));
});

test('behind TLS: __Host- cookies, Secure, and HSTS', async ({ browser }) => {
  const context = await browser.newContext(
    contextOptions(httpsURL, { ignoreHTTPSErrors: true })
  );
  const page = await context.newPage();
  const first = await page.goto('/login');
  expect(first.status()).toBe(200);
  expect(first.headers()['strict-transport-security']).toBe(kHsts);

  await logIn(page, kDemo.jimu);
  const home = await page.goto('/?lang=ja');
  expect(home.status()).toBe(200);
  expect(home.headers()['strict-transport-security']).toBe(kHsts);
  await expect(page.getByRole('button', { name: 'ログアウト' })).toBeVisible();

  const cookies = await context.cookies();
  const names = cookies.map((c) => c.name).sort();
  expect(names).toEqual(
    expect.arrayContaining(['__Host-tsunagu_csrf', '__Host-tsunagu_session'])
  );
  expect(names).not.toContain('tsunagu_session');
  for (const c of cookies) {
    expect(c.secure, `${c.name} is Secure`).toBe(true);
    if (c.name.startsWith('__Host-')) {
      expect(c.path, c.name).toBe('/');
      expect(c.domain, c.name).toBe('127.0.0.1');
      expect(c.httpOnly, c.name).toBe(true);
    }
  }
  await context.close();
});
