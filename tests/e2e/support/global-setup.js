// Starts what the browser tests talk to: an SMTP sink and a `tsunagu serve` loaded with the demo
// data, both on free loopback ports, all files in one temporary folder. Tests find them through
//   TSUNAGU_BASE_URL  http://127.0.0.1:PORT
//   TSUNAGU_MAIL_DIR  folder where every sent mail appears as .eml (+ .json envelope)
//   TSUNAGU_TMP       the temporary folder (database, config, keys, server.log)
// global-teardown.js stops both. Set TSUNAGU_BIN to test another binary than build/tsunagu.
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const kRoot = path.resolve(__dirname, '..', '..', '..');
const kHealthTimeoutMs = 30_000;
const kStateFile = 'e2e-state.json';

function freeLoopbackPort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function run(file, args, what) {
  try {
    return execFileSync(file, args, {
      cwd: kRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 120_000,
    });
  } catch (err) {
    throw new Error(
      `${what} failed: ${file} ${args.join(' ')}\n${err.stdout || ''}${err.stderr || err.message}`
    );
  }
}

function configToml({ serverPort, smtpPort, tmp }) {
  // TOML basic strings: escape backslashes and quotes in the one free-form value (a path).
  const keyFile = path.join(tmp, 'keys.toml').replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  return `[server]
public_url = "http://127.0.0.1:${serverPort}"
cookie_secure = false      # plain http on loopback in tests

[mail]
smtp_url = "smtp://127.0.0.1:${smtpPort}"
from = "tsunagu@example.jp"

[security]
key_file = "${keyFile}"
`;
}

function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

async function waitForHealth(baseURL, child, logFile) {
  const deadline = Date.now() + kHealthTimeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `tsunagu serve exited (${child.exitCode ?? child.signalCode}) before /healthz answered.\n` +
          `Last lines of ${logFile}:\n${tail(logFile)}`
      );
    }
    try {
      const res = await fetch(`${baseURL}/healthz`, { signal: AbortSignal.timeout(2_000) });
      const body = (await res.text()).trim();
      if (res.ok && body === 'ok') return;
      lastError = `HTTP ${res.status}: ${body.slice(0, 200)}`;
    } catch (err) {
      lastError = String(err.cause?.code || err.message);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `${baseURL}/healthz did not answer "ok" within ${kHealthTimeoutMs / 1000}s ` +
      `(last: ${lastError}).\n` +
      `Last lines of ${logFile}:\n${tail(logFile)}`
  );
}

function stopAll(state) {
  if (state.serverPid) {
    try {
      process.kill(state.serverPid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  if (state.mailDir) {
    try {
      execFileSync(path.join(kRoot, 'scripts', 'stop-smtp'), [state.mailDir], { stdio: 'ignore' });
    } catch {
      // Best effort while already failing.
    }
  }
}

module.exports = async function globalSetup() {
  const bin = process.env.TSUNAGU_BIN || path.join(kRoot, 'build', 'tsunagu');
  if (!fs.existsSync(bin)) {
    throw new Error(`${bin} does not exist: build the server first (or set TSUNAGU_BIN).`);
  }

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagu-e2e-'));
  const mailDir = path.join(tmp, 'mail');
  const state = { tmp, mailDir: null, serverPid: null };
  try {
    const smtpPort = Number(
      run(path.join(kRoot, 'scripts', 'start-smtp'), [mailDir, '0'], 'start-smtp').trim()
    );
    state.mailDir = mailDir;

    const serverPort = await freeLoopbackPort();
    const baseURL = `http://127.0.0.1:${serverPort}`;
    const configFile = path.join(tmp, 'tsunagu.toml');
    const db = `sqlite:${path.join(tmp, 'e2e.db')}`;
    fs.writeFileSync(configFile, configToml({ serverPort, smtpPort, tmp }));

    run(bin, ['keys', 'generate', '--out', path.join(tmp, 'keys.toml')], 'key generation');
    run(bin, ['demo', '--db', db, '--config', configFile], 'loading demo data');

    const logFile = path.join(tmp, 'server.log');
    const logFd = fs.openSync(logFile, 'a');
    const child = spawn(
      bin,
      ['serve', '--db', db, '--listen', `127.0.0.1:${serverPort}`, '--config', configFile],
      { cwd: kRoot, stdio: ['ignore', logFd, logFd] }
    );
    fs.closeSync(logFd);
    state.serverPid = child.pid;
    // If the runner dies without reaching global teardown, the server must not outlive it.
    process.on('exit', () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });

    await waitForHealth(baseURL, child, logFile);
    child.unref();

    fs.writeFileSync(path.join(tmp, kStateFile), JSON.stringify({ ...state, baseURL, smtpPort }));
    process.env.TSUNAGU_BASE_URL = baseURL;
    process.env.TSUNAGU_MAIL_DIR = mailDir;
    process.env.TSUNAGU_TMP = tmp;
  } catch (err) {
    stopAll(state);
    throw new Error(`e2e global setup failed (files kept in ${tmp}):\n${err.message}`);
  }
};

module.exports.kStateFile = kStateFile;
