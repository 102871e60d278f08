// Stops what global-setup.js started and removes its temporary folder (kept when
// TSUNAGU_KEEP_TMP=1, e.g. to read server.log or the mails after a failure).
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { kStateFile } = require('./global-setup.js');

const kRoot = path.resolve(__dirname, '..', '..', '..');
const kStopTimeoutMs = 10_000;

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stopServer(pid) {
  if (!pid || !isAlive(pid)) return;
  // SIGTERM first so the server can finish requests and close the database cleanly.
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + kStopTimeoutMs;
  while (isAlive(pid) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
  }
  if (isAlive(pid)) {
    const waited = kStopTimeoutMs / 1000;
    console.warn(`tsunagu serve (pid ${pid}) ignored SIGTERM for ${waited}s: killing it`);
    process.kill(pid, 'SIGKILL');
  }
}

module.exports = async function globalTeardown() {
  const tmp = process.env.TSUNAGU_TMP;
  if (!tmp || !fs.existsSync(path.join(tmp, kStateFile))) return;
  const state = JSON.parse(fs.readFileSync(path.join(tmp, kStateFile), 'utf8'));

  await stopServer(state.serverPid);
  if (state.mailDir) {
    execFileSync(path.join(kRoot, 'scripts', 'stop-smtp'), [state.mailDir], { stdio: 'inherit' });
  }

  if (process.env.TSUNAGU_KEEP_TMP === '1') {
    console.log(`e2e files kept in ${tmp}`);
  } else {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
};
