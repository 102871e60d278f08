// The browser tests' clock. global-setup.js starts the server (and loads the demo data) with
// `--clock-offset`, so that the run starts at TSUNAGU_E2E_NOW whatever the machine's date and
// hour; TSUNAGU_CLOCK_OFFSET tells the tests the same whole number of seconds. Dates typed
// into forms and TOTP codes come from here, never from the machine's clock alone.

/** Milliseconds since the epoch on the server's clock. */
function serverNowMs() {
  return Date.now() + Number(process.env.TSUNAGU_CLOCK_OFFSET || 0) * 1000;
}

/** YYYY-MM-DD in Japan on the server's clock, `offsetDays` days from today. */
function isoDateInJapan(offsetDays = 0) {
  return new Date(serverNowMs() + 9 * 3600_000 + offsetDays * 86400_000)
    .toISOString()
    .slice(0, 10);
}

/** The same YYYY-MM-DD a month earlier, clamped to the month's end (3/31 → 2/28), as the
 * server counts months for follow-ups. */
function aMonthBefore(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  const year = m === 1 ? y - 1 : y;
  const month = m === 1 ? 12 : m - 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(d, last);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

module.exports = { serverNowMs, isoDateInJapan, aMonthBefore };
