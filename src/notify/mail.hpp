// Outgoing e-mail: an RFC 5322 / MIME writer and an SMTP sender on libcurl.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/config.hpp"
#include "core/result.hpp"

namespace tsunagu::notify {

struct Attachment {
  std::string filename;      // UTF-8; non-ASCII names are sent per RFC 2231
  std::string content_type;  // e.g. "text/calendar; charset=UTF-8; method=REQUEST"
  std::string data;          // raw bytes, sent base64-encoded
};

struct MailMessage {
  std::string to;  // one bare ASCII address ("name@example.jp"), no display name
  std::string subject;
  std::string text_body;  // UTF-8 plain text
  std::vector<Attachment> attachments;
};

// Checks what BuildMime would refuse: an address that is not one plain ASCII addr-spec, CR/LF
// or other control characters in a header value (header injection), invalid UTF-8, a malformed
// attachment name or type. ErrorCode::kInvalidInput, "error.mail_invalid".
core::Status ValidateMessage(const MailMessage& message);

// The whole message with CRLF line ends, ready for SMTP DATA. `from` is "addr" or
// "Display Name <addr>". Needs crypto::Initialize() (random Message-ID and boundary).
core::Result<std::string> BuildMime(const MailMessage& message, const std::string& from,
                                    std::int64_t now_unix, const std::string& message_id_domain);

// "Thu, 01 Jan 1970 00:00:00 +0000" (RFC 5322 section 3.3), always UTC and English names.
std::string FormatRfc5322Date(std::int64_t now_unix);

// The Subject value as RFC 2047 "=?UTF-8?B?...?=" words, each at most 75 characters and cut on
// UTF-8 character boundaries, folded with CRLF SP so that no header line passes 76 characters.
// Expects valid UTF-8 (ValidateMessage checks it).
std::string EncodeHeaderWords(const std::string& utf8);

// The address inside "Name <addr>", or the whole string when there are no angle brackets.
std::string AddressOf(const std::string& mailbox);

class SmtpSender {
 public:
  explicit SmtpSender(core::MailConfig config);
  ~SmtpSender();
  SmtpSender(const SmtpSender&) = delete;
  SmtpSender& operator=(const SmtpSender&) = delete;

  // One SMTP transaction (connect, optional STARTTLS and AUTH, MAIL FROM, RCPT TO, DATA).
  // kInvalidInput when the message is refused by ValidateMessage (retrying cannot help);
  // kUnavailable, "error.mail_send_failed" for anything the server or network did. Failures are
  // logged with the curl code only: never the address, subject or body.
  core::Status Send(const MailMessage& message, std::int64_t now_unix) const;

  bool configured() const { return !config_.smtp_url.empty(); }

 private:
  core::MailConfig config_;
};

}  // namespace tsunagu::notify
