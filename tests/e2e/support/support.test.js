// Checks the e2e helpers without a server: `node --test tests/e2e/support/support.test.js`.
// TOTP against the RFC 6238 vectors; readMail against the real SMTP sink (scripts/start-smtp)
// fed by Debian's python3 smtplib.
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { after, before, describe, test } = require('node:test');

const { totp, hotp, base32Decode } = require('./totp.js');
const { readMail } = require('./mail.js');

const kRoot = path.resolve(__dirname, '..', '..', '..');

describe('totp', () => {
  // RFC 6238 appendix B, SHA-1: the key is the ASCII string "12345678901234567890".
  const kSecretBase32 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
  const kVectors = [
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ];

  test('base32 decodes to the RFC key', () => {
    assert.equal(base32Decode(kSecretBase32).toString('ascii'), '12345678901234567890');
    const spaced = base32Decode('gezd gnbv gy3t qojq gezd gnbv gy3t qojq');
    assert.equal(spaced.toString('ascii'), '12345678901234567890');
  });

  test('8-digit codes match RFC 6238 appendix B', () => {
    for (const [t, code] of kVectors) {
      assert.equal(totp(kSecretBase32, t, { digits: 8 }), code, `T=${t}`);
    }
  });

  test('6-digit codes are the last six digits', () => {
    for (const [t, code] of kVectors) assert.equal(totp(kSecretBase32, t), code.slice(2), `T=${t}`);
  });

  test('RFC 4226 appendix D HOTP values', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314'];
    expected.forEach((code, i) => assert.equal(hotp(Buffer.from('12345678901234567890'), i), code));
  });
});

describe('readMail with the SMTP sink', () => {
  let dir;
  let port;

  const send = (script) =>
    execFileSync('/usr/bin/python3', ['-c', script, String(port)], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagu-mailtest-'));
    const startSmtp = path.join(kRoot, 'scripts', 'start-smtp');
    port = execFileSync(startSmtp, [dir, '0'], { encoding: 'utf8' }).trim();
  });

  after(() => {
    execFileSync(path.join(kRoot, 'scripts', 'stop-smtp'), [dir]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('decodes a Japanese multipart mail with quoted-printable and base64 parts', async () => {
    send(`
import smtplib, sys
from email.message import EmailMessage
from email import charset
m = EmailMessage()
m["From"] = "tsunagu@example.jp"
m["To"] = "山田 <staff@example.jp>"
m["Subject"] = "【つなぐ】相談日のお知らせ（明日）"
text = "明日は相談日です。\\nhttps://tsunagu.example.jp/consultations/1\\n" + "長い行" * 40 + "\\n"
m.set_content(text, charset="utf-8", cte="quoted-printable")
m.add_alternative("<p>明日は相談日です。</p>", subtype="html", charset="utf-8",
                  cte="base64")
with smtplib.SMTP("127.0.0.1", int(sys.argv[1])) as s:
    s.send_message(m, to_addrs=["staff@example.jp", "hidden@example.jp"])
`);
    const mail = await readMail(dir, { to: 'hidden@example.jp', timeoutMs: 5000 });
    assert.equal(mail.subject, '【つなぐ】相談日のお知らせ（明日）');
    assert.match(mail.to, /staff@example\.jp/);
    assert.equal(
      mail.text,
      '明日は相談日です。\nhttps://tsunagu.example.jp/consultations/1\n' +
        `${'長い行'.repeat(40)}\n`
    );
    assert.equal(mail.html.trim(), '<p>明日は相談日です。</p>');
    assert.deepEqual(mail.envelope.rcpt_tos, ['staff@example.jp', 'hidden@example.jp']);
  });

  test('decodes ISO-2022-JP and skips mails already returned', async () => {
    send(`
import smtplib, sys
from email.mime.text import MIMEText
from email.header import Header
m = MIMEText("本文です。\\n", "plain", "iso-2022-jp")
m["Subject"] = Header("旧式の件名", "iso-2022-jp")
m["From"] = "tsunagu@example.jp"
m["To"] = "old@example.jp"
with smtplib.SMTP("127.0.0.1", int(sys.argv[1])) as s:
    s.send_message(m)
    s.sendmail("tsunagu@example.jp", ["old@example.jp"],
               b"Subject: second\\r\\nTo: old@example.jp\\r\\n\\r\\nplain body\\r\\n")
`);
    const first = await readMail(dir, { to: 'old@example.jp', timeoutMs: 5000 });
    assert.equal(first.subject, '旧式の件名');
    assert.equal(first.text, '本文です。\n');
    const second = await readMail(dir, { to: 'OLD@example.jp', timeoutMs: 5000 });
    assert.equal(second.subject, 'second');
    assert.equal(second.text, 'plain body\n');
  });

  test('filters by subject and times out with a list of what is there', async () => {
    await assert.rejects(readMail(dir, { subjectIncludes: 'なし', timeoutMs: 300 }), (err) => {
      assert.match(err.message, /no new mail/);
      assert.match(err.message, /旧式の件名/);
      return true;
    });
  });
});
