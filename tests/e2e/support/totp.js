// RFC 6238 TOTP (RFC 4226 HOTP over a time counter), for logging in as a staff user whose
// secret the test read from the enrolment page or the demo data.
const crypto = require('node:crypto');

const kBase32Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 → Buffer; ignores case, spaces, dashes and '=' padding. */
function base32Decode(text) {
  const clean = text.toUpperCase().replace(/[\s=-]/g, '');
  let bits = 0;
  let value = 0;
  const out = [];
  for (const ch of clean) {
    const index = kBase32Alphabet.indexOf(ch);
    if (index < 0) throw new Error(`not a base32 character: ${JSON.stringify(ch)}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((value >>> bits) & 0xff);
    }
  }
  return Buffer.from(out);
}

/** RFC 4226 HOTP value of `counter` for a raw key. */
function hotp(key, counter, { digits = 6, algorithm = 'sha1' } = {}) {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = crypto.createHmac(algorithm, key).update(message).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/**
 * The TOTP code for a base32 secret at `timeSeconds` (default: now), 30 s steps, SHA-1,
 * 6 digits, as authenticator apps compute it.
 */
function totp(
  secretBase32,
  timeSeconds = Date.now() / 1000,
  { digits = 6, period = 30, algorithm = 'sha1' } = {}
) {
  const counter = Math.floor(timeSeconds / period);
  return hotp(base32Decode(secretBase32), counter, { digits, algorithm });
}

module.exports = { totp, hotp, base32Decode };
