#include "notify/mail.hpp"

#include <curl/curl.h>
#include <fcntl.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <memory>
#include <string_view>

#include "crypto/random.hpp"
#include "http/message.hpp"

namespace tsunagu::notify {
namespace {

// RFC 2047: an encoded-word is at most 75 characters and a header line holding one at most 76.
// "=?UTF-8?B?" + base64 + "?=" with 39 bytes (52 base64 characters) gives 64-character words, so
// even the first line, "Subject: " + word, stays at 73.
constexpr std::size_t kBytesPerEncodedWord = 39;
constexpr std::size_t kBase64LineLength = 76;  // RFC 2045 section 6.8
constexpr std::size_t kMaxAddressLength = 254;
constexpr std::size_t kMaxFilenameBytes = 200;
constexpr std::size_t kMaxContentTypeLength = 200;
// A stalled relay must not hold the outbox worker: connect and whole transaction, each.
constexpr long kSmtpTimeoutMs = 20000;

core::Error Invalid() {
  return core::Error::Invalid("error.mail_invalid");
}

// Strict UTF-8: no overlong forms, surrogates or code points above U+10FFFF.
bool ValidUtf8(std::string_view s) {
  return http::IsValidUtf8(s);
}

// Bytes of the UTF-8 sequence that starts with lead byte c (input already validated).
std::size_t Utf8Length(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c & 0xE0) == 0xC0) return 2;
  if ((c & 0xF0) == 0xE0) return 3;
  return 4;
}

// C0 controls and DEL: CR and LF are header injection, the others have no place in a header.
bool HasControl(std::string_view s) {
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c == 0x7F) return true;
  }
  return false;
}

bool IsAsciiPrintable(std::string_view s) {
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c > 0x7E) return false;
  }
  return true;
}

// One addr-spec of printable ASCII without the characters that would start a second address,
// a comment, a display name or a source route. Stricter than RFC 5322 on purpose.
bool ValidAddress(std::string_view a) {
  if (a.empty() || a.size() > kMaxAddressLength) return false;
  const std::size_t at = a.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == a.size()) return false;
  if (a.find('@', at + 1) != std::string_view::npos) return false;
  for (char ch : a) {
    const auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c >= 0x7F) return false;
    if (std::strchr("()<>,;:\\\"[]", ch) != nullptr) return false;
  }
  const std::string_view domain = a.substr(at + 1);
  return domain.front() != '.' && domain.back() != '.' &&
         domain.find("..") == std::string_view::npos;
}

// "a.b-c": what a Message-ID right-hand side may safely be.
bool ValidDomain(std::string_view d) {
  if (d.empty() || d.size() > 253 || d.front() == '.' || d.back() == '.') return false;
  for (char c : d) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '.';
    if (!ok) return false;
  }
  return true;
}

struct Mailbox {
  std::string display_name;
  std::string address;
};

// "addr" or "Display Name <addr>".
bool ParseMailbox(std::string_view text, Mailbox& out) {
  if (HasControl(text) || !ValidUtf8(text)) return false;
  const std::size_t open = text.rfind('<');
  if (open == std::string_view::npos) {
    out.address = std::string(text);
    return ValidAddress(out.address);
  }
  if (text.back() != '>') return false;
  out.address = std::string(text.substr(open + 1, text.size() - open - 2));
  std::string_view name = text.substr(0, open);
  while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
  while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
  if (name.size() >= 2 && name.front() == '"' && name.back() == '"') {
    name = name.substr(1, name.size() - 2);
  }
  out.display_name = std::string(name);
  return ValidAddress(out.address);
}

bool ValidContentType(std::string_view ct) {
  if (ct.empty() || ct.size() > kMaxContentTypeLength || !IsAsciiPrintable(ct)) return false;
  const std::size_t slash = ct.find('/');
  if (slash == std::string_view::npos || slash == 0) return false;
  const std::size_t end = ct.find(';');
  const std::string_view type = ct.substr(0, end);
  if (slash + 1 >= type.size()) return false;
  for (char c : type) {
    const bool token = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       std::strchr("/!#$&^_.+-", c) != nullptr;
    if (!token) return false;
  }
  return true;
}

bool ValidFilename(std::string_view name) {
  return !name.empty() && name.size() <= kMaxFilenameBytes && ValidUtf8(name) &&
         !HasControl(name) && name.find('/') == std::string_view::npos &&
         name.find('\\') == std::string_view::npos;
}

std::string Base64Lines(std::string_view data) {
  const std::string encoded = crypto::Base64Encode(data);
  std::string out;
  out.reserve(encoded.size() + encoded.size() / kBase64LineLength * 2 + 2);
  for (std::size_t pos = 0; pos < encoded.size(); pos += kBase64LineLength) {
    out.append(encoded, pos, kBase64LineLength);
    out += "\r\n";
  }
  return out;
}

// RFC 2046 section 4.1.1: text travels with CRLF line breaks, whatever the input used.
std::string CanonicalLineBreaks(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 32);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out += "\r\n";
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else if (text[i] == '\n') {
      out += "\r\n";
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string QuotedString(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// RFC 2231 extended parameter value: UTF-8'' followed by percent-encoded bytes.
std::string Rfc2231Value(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out = "UTF-8''";
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    const bool attr_char = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                           (c >= '0' && c <= '9') || std::strchr("!#$&+-.^_`|~", ch) != nullptr;
    if (attr_char && c != 0) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0x0F];
    }
  }
  return out;
}

std::string FilenameParameter(const std::string& name) {
  if (IsAsciiPrintable(name) && name.find('"') == std::string::npos) {
    return "filename=" + QuotedString(name);
  }
  return "filename*=" + Rfc2231Value(name);
}

std::string FormatFrom(const Mailbox& from) {
  if (from.display_name.empty()) return from.address;
  if (IsAsciiPrintable(from.display_name)) {
    return QuotedString(from.display_name) + " <" + from.address + ">";
  }
  return EncodeHeaderWords(from.display_name) + " <" + from.address + ">";
}

std::string DomainOf(const std::string& address) {
  const std::size_t at = address.rfind('@');
  return at == std::string::npos ? std::string() : address.substr(at + 1);
}

bool IsLoopbackHost(const std::string& url) {
  std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> u(curl_url(), curl_url_cleanup);
  if (!u || curl_url_set(u.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) return false;
  char* host = nullptr;
  if (curl_url_get(u.get(), CURLUPART_HOST, &host, 0) != CURLUE_OK) return false;
  const std::string h = host;
  curl_free(host);
  return h == "localhost" || h == "[::1]" || h.rfind("127.", 0) == 0;
}

struct UploadCursor {
  std::string_view rest;
};

size_t ReadUpload(char* buffer, size_t size, size_t nitems, void* userdata) {
  auto* cursor = static_cast<UploadCursor*>(userdata);
  const std::size_t n = std::min(size * nitems, cursor->rest.size());
  std::memcpy(buffer, cursor->rest.data(), n);
  cursor->rest.remove_prefix(n);
  return n;
}

}  // namespace

core::Status ValidateMessage(const MailMessage& message) {
  if (!ValidAddress(message.to)) return Invalid();
  if (HasControl(message.subject) || !ValidUtf8(message.subject)) return Invalid();
  if (!ValidUtf8(message.text_body)) return Invalid();
  for (const Attachment& a : message.attachments) {
    if (!ValidFilename(a.filename) || !ValidContentType(a.content_type)) return Invalid();
  }
  return core::OkStatus();
}

std::string FormatRfc5322Date(std::int64_t now_unix) {
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::time_t t = static_cast<std::time_t>(now_unix);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d +0000", kDays[tm.tm_wday],
                tm.tm_mday, kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                tm.tm_sec);
  return buf;
}

std::string EncodeHeaderWords(const std::string& utf8) {
  std::string out;
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    std::size_t end = pos;
    while (end < utf8.size()) {
      const std::size_t next = end + Utf8Length(static_cast<unsigned char>(utf8[end]));
      if (next - pos > kBytesPerEncodedWord) break;
      end = next;
    }
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?";
    out += crypto::Base64Encode(std::string_view(utf8).substr(pos, end - pos));
    out += "?=";
    pos = end;
  }
  return out;
}

std::string AddressOf(const std::string& mailbox) {
  const std::size_t open = mailbox.rfind('<');
  const std::size_t close = mailbox.rfind('>');
  if (open == std::string::npos || close == std::string::npos || close < open) return mailbox;
  return mailbox.substr(open + 1, close - open - 1);
}

core::Result<std::string> BuildMime(const MailMessage& message, const std::string& from,
                                    std::int64_t now_unix, const std::string& message_id_domain) {
  if (core::Status valid = ValidateMessage(message); !valid) return valid.error();
  Mailbox sender;
  if (!ParseMailbox(from, sender)) return Invalid();
  const std::string id_domain =
      ValidDomain(message_id_domain) ? message_id_domain : std::string("localhost");

  std::string out;
  out += "Date: " + FormatRfc5322Date(now_unix) + "\r\n";
  out += "From: " + FormatFrom(sender) + "\r\n";
  out += "To: " + message.to + "\r\n";
  out += "Subject: " + EncodeHeaderWords(message.subject) + "\r\n";
  out += "Message-ID: <" + std::to_string(now_unix) + "." + crypto::RandomToken(18) + "@" +
         id_domain + ">\r\n";
  out += "MIME-Version: 1.0\r\n";

  const std::string text_part_headers =
      "Content-Type: text/plain; charset=UTF-8\r\n"
      "Content-Transfer-Encoding: base64\r\n";
  const std::string text_part_body = Base64Lines(CanonicalLineBreaks(message.text_body));
  if (message.attachments.empty()) {
    out += text_part_headers + "\r\n" + text_part_body;
    return out;
  }
  // "=_" cannot occur in base64 text, so the boundary never collides with a part's content.
  const std::string boundary = "=_tsunagu_" + crypto::RandomToken(18);
  out += "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n";
  out += "--" + boundary + "\r\n" + text_part_headers + "\r\n" + text_part_body;
  for (const Attachment& a : message.attachments) {
    out += "--" + boundary + "\r\n";
    out += "Content-Type: " + a.content_type + "\r\n";
    out += "Content-Transfer-Encoding: base64\r\n";
    out += "Content-Disposition: attachment; " + FilenameParameter(a.filename) + "\r\n\r\n";
    out += Base64Lines(a.data);
  }
  out += "--" + boundary + "--\r\n";
  return out;
}

SmtpSender::SmtpSender(core::MailConfig config) : config_(std::move(config)) {
  // Reference-counted by libcurl; thread-safe in the libcurl this project builds against.
  curl_global_init(CURL_GLOBAL_DEFAULT);
}

SmtpSender::~SmtpSender() {
  curl_global_cleanup();
}

core::Status SmtpSender::Send(const MailMessage& message, std::int64_t now_unix) const {
  const core::Error failed{core::ErrorCode::kUnavailable, "error.mail_send_failed", {}};
  if (!configured()) return failed;
  const std::string from_address = AddressOf(config_.from);
  core::Result<std::string> mime =
      BuildMime(message, config_.from, now_unix, DomainOf(from_address));
  if (!mime) return mime.error();

  // "file:DIR" (local development): each message becomes DIR/<time>-<random>.eml, mode 0600,
  // so an invitation link can be opened without a mail server.
  if (config_.smtp_url.rfind("file:", 0) == 0) {
    const std::filesystem::path dir = config_.smtp_url.substr(5);
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    const auto path = dir / (std::to_string(now_unix) + "-" + crypto::RandomToken(6) + ".eml");
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0) {
      spdlog::error("mail: cannot write to the mail folder");
      return failed;
    }
    const bool written =
        ::write(fd, mime->data(), mime->size()) == static_cast<ssize_t>(mime->size());
    ::close(fd);
    return written ? core::OkStatus() : core::Status(failed);
  }

  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) {
    spdlog::error("mail: cannot create a curl handle");
    return failed;
  }
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> recipients(
      curl_slist_append(nullptr, ("<" + message.to + ">").c_str()), curl_slist_free_all);
  const std::string mail_from = "<" + from_address + ">";
  UploadCursor cursor{*mime};

  // TLS policy: smtps is TLS from the first byte; a password never crosses the network in clear
  // (STARTTLS required); a relay on this machine needs no TLS (and often has a self-signed
  // certificate); any other relay gets STARTTLS when it offers it.
  const bool implicit_tls = config_.smtp_url.rfind("smtps://", 0) == 0;
  long use_ssl = CURLUSESSL_TRY;
  if (!implicit_tls && IsLoopbackHost(config_.smtp_url)) {
    use_ssl = CURLUSESSL_NONE;
  } else if (implicit_tls || !config_.username.empty()) {
    use_ssl = CURLUSESSL_ALL;
  }

  CURL* h = curl.get();
  curl_easy_setopt(h, CURLOPT_URL, config_.smtp_url.c_str());
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(h, CURLOPT_MAIL_FROM, mail_from.c_str());
  curl_easy_setopt(h, CURLOPT_MAIL_RCPT, recipients.get());
  curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(h, CURLOPT_READFUNCTION, &ReadUpload);
  curl_easy_setopt(h, CURLOPT_READDATA, &cursor);
  curl_easy_setopt(h, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(mime->size()));
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, kSmtpTimeoutMs);
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, kSmtpTimeoutMs);
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);  // signals and worker threads do not mix
  curl_easy_setopt(h, CURLOPT_USE_SSL, use_ssl);
  if (!config_.username.empty()) {
    curl_easy_setopt(h, CURLOPT_USERNAME, config_.username.c_str());
    curl_easy_setopt(h, CURLOPT_PASSWORD, config_.password.c_str());
  }

  const CURLcode rc = curl_easy_perform(h);
  if (rc != CURLE_OK) {
    long reply = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &reply);
    // Only codes: the server's reply text and the URL may name the recipient or a password.
    spdlog::warn("mail: SMTP delivery failed: curl error {} ({}), SMTP reply code {}",
                 static_cast<int>(rc), curl_easy_strerror(rc), reply);
    return failed;
  }
  return core::OkStatus();
}

}  // namespace tsunagu::notify
