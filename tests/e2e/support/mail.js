// Reads the mails that scripts/smtp_sink.py stored: DIR/<stamp>.eml (raw message) beside
// DIR/<stamp>.json ({"mail_from", "rcpt_tos"}). Enough MIME for what the server sends: headers
// with RFC 2047 encoded words, multipart, quoted-printable/base64, any charset TextDecoder knows.
const fs = require('node:fs');
const path = require('node:path');

// Mails already handed out by readMail in this process, so each call returns a new one.
const delivered = new Set();

function decodeCharset(bytes, charset) {
  const label = (charset || 'utf-8').trim().replace(/\*.*$/, '').toLowerCase();
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function decodeQuotedPrintable(binary, { underscoreIsSpace = false } = {}) {
  let s = binary.replace(/=\r?\n/g, '');
  if (underscoreIsSpace) s = s.replace(/_/g, ' ');
  const bytes = [];
  for (let i = 0; i < s.length; i++) {
    const hex = s.slice(i + 1, i + 3);
    if (s[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(s.charCodeAt(i) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

// RFC 2047: =?charset?B|Q?text?= ; whitespace between two encoded words is dropped.
function decodeEncodedWords(value) {
  const word = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;
  return value.replace(/(\?=)\s+(=\?)/g, '$1$2').replace(word, (_, charset, enc, text) => {
    const bytes =
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64')
        : decodeQuotedPrintable(text, { underscoreIsSpace: true });
    return decodeCharset(bytes, charset);
  });
}

// Splits a message or MIME part (as a latin1 "binary" string) into headers and body.
function splitPart(binary) {
  const match = /\r?\n\r?\n/.exec(binary);
  const head = match ? binary.slice(0, match.index) : binary;
  const body = match ? binary.slice(match.index + match[0].length) : '';
  const headers = {};
  // Header bytes may be raw UTF-8 (SMTPUTF8); decode them as such before unfolding.
  const unfolded = Buffer.from(head, 'latin1').toString('utf8').replace(/\r?\n[ \t]+/g, ' ');
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    (headers[name] ||= []).push(line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function parseContentType(value) {
  const [type, ...rest] = (value || 'text/plain').split(';');
  const params = {};
  for (const p of rest) {
    const eq = p.indexOf('=');
    if (eq < 0) continue;
    params[p.slice(0, eq).trim().toLowerCase()] = p
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
  }
  return { type: type.trim().toLowerCase(), params };
}

function decodeBody(part) {
  const cte = (part.headers['content-transfer-encoding']?.[0] || '7bit').toLowerCase();
  let bytes;
  if (cte === 'base64') bytes = Buffer.from(part.body.replace(/\s+/g, ''), 'base64');
  else if (cte === 'quoted-printable') bytes = decodeQuotedPrintable(part.body);
  else bytes = Buffer.from(part.body, 'latin1');
  const { params } = parseContentType(part.headers['content-type']?.[0]);
  return decodeCharset(bytes, params.charset).replace(/\r\n/g, '\n');
}

// Walks the MIME tree and returns the first text/plain and text/html bodies.
function findTexts(part, found = { text: null, html: null }) {
  const { type, params } = parseContentType(part.headers['content-type']?.[0]);
  if (type.startsWith('multipart/') && params.boundary) {
    const delimiter = `--${params.boundary}`;
    const pieces = part.body.split(delimiter).slice(1);
    for (const piece of pieces) {
      if (piece.startsWith('--')) break;
      findTexts(splitPart(piece.replace(/^[ \t]*\r?\n/, '').replace(/\r?\n$/, '')), found);
    }
  } else if (type === 'text/plain' && found.text === null) {
    found.text = decodeBody(part);
  } else if (type === 'text/html' && found.html === null) {
    found.html = decodeBody(part);
  }
  return found;
}

/** Parses one raw RFC 5322 message (Buffer) into decoded headers and text. */
function parseMail(raw) {
  const root = splitPart(Buffer.from(raw).toString('latin1'));
  const header = (name) => decodeEncodedWords((root.headers[name] || []).join(', '));
  const { text, html } = findTexts(root);
  return {
    subject: header('subject'),
    to: header('to'),
    cc: header('cc'),
    from: header('from'),
    headers: Object.fromEntries(
      Object.entries(root.headers).map(([k, v]) => [k, v.map(decodeEncodedWords)])
    ),
    text: text ?? '',
    html,
  };
}

function loadMail(dir, name) {
  const file = path.join(dir, name);
  const mail = parseMail(fs.readFileSync(file));
  let envelope = { mail_from: null, rcpt_tos: [] };
  try {
    envelope = JSON.parse(fs.readFileSync(file.replace(/\.eml$/, '.json'), 'utf8'));
  } catch {
    // The sink always writes the envelope first; a hand-placed .eml may have none.
  }
  return { ...mail, file, envelope };
}

function matches(mail, { to, subjectIncludes, textIncludes }) {
  if (to) {
    const want = to.toLowerCase();
    const inEnvelope = mail.envelope.rcpt_tos.some((r) => r.toLowerCase() === want);
    const inHeaders = `${mail.to},${mail.cc}`.toLowerCase().includes(want);
    if (!inEnvelope && !inHeaders) return false;
  }
  if (subjectIncludes && !mail.subject.includes(subjectIncludes)) return false;
  if (textIncludes && !mail.text.includes(textIncludes)) return false;
  return true;
}

/**
 * Waits for the oldest mail in `dir` that matches and was not returned before, and returns
 * { subject, to, text, from, cc, html, headers, envelope, file }.
 * `to` matches an envelope recipient or an address in To/Cc; `subjectIncludes` a substring of
 * the decoded subject; `textIncludes` a substring of the text body. Throws after `timeoutMs`,
 * listing the mails that were there.
 */
async function readMail(
  dir,
  { to, subjectIncludes, textIncludes, timeoutMs = 15_000, pollMs = 100 } = {}
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const names = fs.existsSync(dir)
      ? fs.readdirSync(dir).filter((n) => n.endsWith('.eml') && !n.startsWith('.')).sort()
      : [];
    for (const name of names) {
      const file = path.join(dir, name);
      if (delivered.has(file)) continue;
      const mail = loadMail(dir, name);
      if (matches(mail, { to, subjectIncludes, textIncludes })) {
        delivered.add(file);
        return mail;
      }
    }
    if (Date.now() >= deadline) {
      const seen = names
        .map((n) => loadMail(dir, n))
        .map((m) => {
          const rcpt = m.envelope.rcpt_tos.join(',');
          return `  ${path.basename(m.file)} to=${rcpt} subject=${m.subject}`;
        })
        .join('\n');
      throw new Error(
        `no new mail in ${dir} matching ${JSON.stringify({ to, subjectIncludes, textIncludes })} ` +
          `within ${timeoutMs} ms; mails there:\n${seen || '  (none)'}`
      );
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

module.exports = { readMail, parseMail, decodeEncodedWords, decodeQuotedPrintable };
