// Starts what the browser tests talk to: an SMTP sink and a `tsunagu serve` loaded with the demo
// data, both listening on port 0 (each says which port it got), all files in one temporary
// folder. The server, the demo data and the jobs run on the tests' clock: `--clock-offset`
// moves the system clock so that the run starts at TSUNAGU_E2E_NOW (default below), never at
// the machine's date or hour. Tests find all this through
//   TSUNAGU_BASE_URL      http://127.0.0.1:PORT
//   TSUNAGU_MAIL_DIR      folder where every sent mail appears as .eml (+ .json envelope)
//   TSUNAGU_TMP           the temporary folder (database, config, keys, server.log)
//   TSUNAGU_CLOCK_OFFSET  seconds between the machine's clock and the server's (support/clock.js)
// global-teardown.js stops both. Set TSUNAGU_BIN to test another binary than build/tsunagu.
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const kRoot = path.resolve(__dirname, '..', '..', '..');
const kHealthTimeoutMs = 30_000;
const kStateFile = 'e2e-state.json';
// An ordinary weekday morning in Japan, far from midnight and from the end of a fiscal year.
const kDefaultNow = '2026-06-10T10:00:00+09:00';

// Whole seconds from the machine's clock to the tests' clock.
function clockOffsetSeconds() {
  const wanted = process.env.TSUNAGU_E2E_NOW || kDefaultNow;
  const at = Date.parse(wanted);
  if (Number.isNaN(at)) throw new Error(`TSUNAGU_E2E_NOW=${wanted} is not a date-time`);
  return Math.round(at / 1000) - Math.floor(Date.now() / 1000);
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

function configToml({ smtpPort, tmp }) {
  // TOML basic strings: escape backslashes and quotes in the one free-form value (a path).
  const keyFile = path.join(tmp, 'keys.toml').replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  // Port 0: the server puts the port it was given in place of it.
  return `[server]
public_url = "http://127.0.0.1:0"
cookie_secure = false      # plain http on loopback in tests

[mail]
smtp_url = "smtp://127.0.0.1:${smtpPort}"
from = "tsunagu@example.jp"

[security]
key_file = "${keyFile}"
# Every browser of the suite comes from 127.0.0.1: the per-address limit of public forms (20 in
# 10 minutes) answered 429 to whichever test sent the 21st form of a window once the suite ran
# fast enough. The limit itself is tested in the integration suite.
public_form_limit = 1000
`;
}

function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

// The port the server says it listens on ("tsunagu listening on http://127.0.0.1:PORT").
async function waitForPort(child, logFile) {
  const deadline = Date.now() + kHealthTimeoutMs;
  while (Date.now() < deadline) {
    const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(tail(logFile, 200));
    if (m) return Number(m[1]);
    if (child.exitCode !== null || child.signalCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(
    `tsunagu serve did not say which port it listens on.\nLast lines of ${logFile}:\n${tail(logFile)}`
  );
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

    const configFile = path.join(tmp, 'tsunagu.toml');
    const db = `sqlite:${path.join(tmp, 'e2e.db')}`;
    fs.writeFileSync(configFile, configToml({ smtpPort, tmp }));
    const offset = String(clockOffsetSeconds());

    run(bin, ['keys', 'generate', '--out', path.join(tmp, 'keys.toml')], 'key generation');
    run(
      bin,
      ['demo', '--db', db, '--config', configFile, '--clock-offset', offset],
      'loading demo data'
    );

    const logFile = path.join(tmp, 'server.log');
    const logFd = fs.openSync(logFile, 'a');
    const child = spawn(
      bin,
      [
        'serve',
        '--db',
        db,
        '--listen',
        '127.0.0.1:0',
        '--config',
        configFile,
        '--clock-offset',
        offset,
      ],
      { cwd: kRoot, stdio: ['ignore', logFd, logFd] }
    );
    fs.closeSync(logFd);
    state.serverPid = child.pid;
    // If the runner dies without reaching global teardown, the server must not outlive it.
    process.on('exit', () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });

    const baseURL = `http://127.0.0.1:${await waitForPort(child, logFile)}`;
    await waitForHealth(baseURL, child, logFile);
    // One-shot commands the tests run on the same files (`jobs run`) link to the real port.
    fs.writeFileSync(
      configFile,
      fs.readFileSync(configFile, 'utf8').replace('"http://127.0.0.1:0"', `"${baseURL}"`)
    );
    child.unref();

    fs.writeFileSync(path.join(tmp, kStateFile), JSON.stringify({ ...state, baseURL, smtpPort }));
    process.env.TSUNAGU_BASE_URL = baseURL;
    process.env.TSUNAGU_CLOCK_OFFSET = offset;
    process.env.TSUNAGU_MAIL_DIR = mailDir;
    process.env.TSUNAGU_TMP = tmp;
  } catch (err) {
    stopAll(state);
    throw new Error(`e2e global setup failed (files kept in ${tmp}):\n${err.message}`);
  }
};

module.exports.kStateFile = kStateFile;
