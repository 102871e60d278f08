#include "notify/mail.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <boost/json.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "crypto/init.hpp"
#include "crypto/random.hpp"

namespace tsunagu::notify {
namespace {

namespace fs = std::filesystem;

// Python's email package (policy.default) is an independent, standards-following reader: the
// message must parse without defects and give back exactly what went in.
constexpr const char* kParseScript = R"PY(
import base64, email, json, sys
from email import policy
m = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=policy.default)
defects = []
for part in m.walk():
    defects += [type(d).__name__ for d in part.defects]
    for _, v in part.items():
        defects += [type(d).__name__ for d in getattr(v, 'defects', ())]
body = m.get_body(preferencelist=('plain',))
attachments = [{'filename': a.get_filename(), 'content_type': a.get_content_type(),
                'data_b64': base64.b64encode(a.get_payload(decode=True)).decode()}
               for a in m.iter_attachments()]
print(json.dumps({
    'subject': str(m['subject']), 'from': str(m['from']), 'to': str(m['to']),
    'date_ts': int(m['date'].datetime.timestamp()), 'message_id': str(m['message-id']),
    'mime_version': str(m['mime-version']), 'content_type': m.get_content_type(),
    'body': body.get_content().replace('\r\n', '\n') if body is not None else None,
    'attachments': attachments, 'defects': defects}, ensure_ascii=False))
)PY";

class MailTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_TRUE(crypto::Initialize()); }

  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "tsunagu-mime-test-XXXXXX").string();
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    std::ofstream(dir_ / "parse.py") << kParseScript;
  }
  void TearDown() override { fs::remove_all(dir_); }

  boost::json::object Parse(const std::string& mime) {
    const fs::path file = dir_ / "message.eml";
    std::ofstream(file, std::ios::binary | std::ios::trunc) << mime;
    const std::string command =
        "/usr/bin/python3 '" + (dir_ / "parse.py").string() + "' '" + file.string() + "'";
    FILE* pipe = ::popen(command.c_str(), "r");
    EXPECT_NE(pipe, nullptr);
    std::string output;
    char buf[4096];
    while (pipe != nullptr) {
      const std::size_t n = std::fread(buf, 1, sizeof buf, pipe);
      if (n == 0) break;
      output.append(buf, n);
    }
    EXPECT_EQ(pipe == nullptr ? -1 : ::pclose(pipe), 0) << output;
    return boost::json::parse(output).as_object();
  }

  static std::string Str(const boost::json::object& o, const char* key) {
    return std::string(o.at(key).as_string());
  }

  fs::path dir_;
};

std::vector<std::string> Lines(const std::string& mime) {
  std::vector<std::string> lines;
  std::size_t pos = 0;
  while (pos < mime.size()) {
    const std::size_t end = mime.find("\r\n", pos);
    if (end == std::string::npos) {
      lines.push_back(mime.substr(pos));
      break;
    }
    lines.push_back(mime.substr(pos, end - pos));
    pos = end + 2;
  }
  return lines;
}

// The header lines, each with its CRLF.
std::string HeaderBlock(const std::string& mime) {
  return mime.substr(0, mime.find("\r\n\r\n") + 2);
}

TEST_F(MailTest, FormatsRfc5322Dates) {
  EXPECT_EQ(FormatRfc5322Date(0), "Thu, 01 Jan 1970 00:00:00 +0000");
  EXPECT_EQ(FormatRfc5322Date(1700000000), "Tue, 14 Nov 2023 22:13:20 +0000");
  EXPECT_EQ(FormatRfc5322Date(1735689599), "Tue, 31 Dec 2024 23:59:59 +0000");
}

TEST_F(MailTest, EncodedWordsStayShortAndSplitOnCharacterBoundaries) {
  // Mixed 1-, 3- and 4-byte characters, long enough for several words.
  const std::string subject =
      "【つなぐ】次回の両立支援相談日（令和7年4月1日）のお知らせ ABC 😀😀 "
      "産業医・主治医との連携についてご確認ください";
  const std::string encoded = EncodeHeaderWords(subject);
  std::string decoded;
  int words = 0;
  std::size_t pos = 0;
  while ((pos = encoded.find("=?UTF-8?B?", pos)) != std::string::npos) {
    const std::size_t end = encoded.find("?=", pos + 10);
    ASSERT_NE(end, std::string::npos);
    EXPECT_LE(end + 2 - pos, 75u);
    const auto bytes = crypto::Base64Decode(encoded.substr(pos + 10, end - pos - 10));
    ASSERT_TRUE(bytes.has_value());
    // Each word on its own is valid UTF-8: no character was cut in two.
    const auto lead = static_cast<unsigned char>(bytes->front());
    EXPECT_TRUE(lead < 0x80 || lead >= 0xC0);
    const auto last = static_cast<unsigned char>(bytes->back());
    EXPECT_LT(last, 0xC0);
    decoded += *bytes;
    ++words;
    pos = end + 2;
  }
  EXPECT_GT(words, 3);
  EXPECT_EQ(decoded, subject);
  for (const std::string& line : Lines("Subject: " + encoded)) EXPECT_LE(line.size(), 76u);
}

TEST_F(MailTest, PlainMessageParsesBackExactly) {
  MailMessage m;
  m.to = "yamada.taro@example.jp";
  m.subject = "【つなぐ】新しいお知らせがあります";
  m.text_body =
      "つなぐに新しいお知らせがあります。\n以下のリンクからログインしてご確認ください。\n"
      "https://tsunagu.example.jp/notices\n" +
      std::string(300, 'x') + "\n.\n..先頭のドット\n";
  auto mime =
      BuildMime(m, "つなぐ事務局 <noreply@tsunagu.example.jp>", 1700000000, "tsunagu.example.jp");
  ASSERT_TRUE(mime.ok());

  EXPECT_EQ(mime->find('\n'), mime->find("\r\n") + 1) << "CRLF line ends";
  for (std::size_t i = 0; i < mime->size(); ++i) {
    if ((*mime)[i] == '\n') {
      ASSERT_EQ((*mime)[i - 1], '\r') << "bare LF at " << i;
    }
  }
  for (const std::string& line : Lines(*mime)) EXPECT_LE(line.size(), 76u) << line;
  const std::string headers = HeaderBlock(*mime);
  EXPECT_NE(headers.find("Date: Tue, 14 Nov 2023 22:13:20 +0000\r\n"), std::string::npos);
  EXPECT_NE(headers.find("MIME-Version: 1.0\r\n"), std::string::npos);
  EXPECT_NE(headers.find("Content-Type: text/plain; charset=UTF-8\r\n"), std::string::npos);
  EXPECT_NE(headers.find("Content-Transfer-Encoding: base64\r\n"), std::string::npos);
  EXPECT_NE(headers.find("Subject: =?UTF-8?B?"), std::string::npos);

  const boost::json::object parsed = Parse(*mime);
  EXPECT_TRUE(parsed.at("defects").as_array().empty()) << boost::json::serialize(parsed);
  EXPECT_EQ(Str(parsed, "subject"), m.subject);
  EXPECT_EQ(Str(parsed, "to"), m.to);
  EXPECT_EQ(Str(parsed, "from"), "つなぐ事務局 <noreply@tsunagu.example.jp>");
  EXPECT_EQ(Str(parsed, "body"), m.text_body);
  EXPECT_EQ(parsed.at("date_ts").as_int64(), 1700000000);
  EXPECT_EQ(Str(parsed, "mime_version"), "1.0");
  EXPECT_EQ(Str(parsed, "content_type"), "text/plain");
  const std::string id = Str(parsed, "message_id");
  EXPECT_EQ(id.front(), '<');
  EXPECT_NE(id.find("@tsunagu.example.jp>"), std::string::npos);
}

TEST_F(MailTest, MessageIdsAreUnique) {
  MailMessage m{"a@example.jp", "件名", "本文", {}};
  std::set<std::string> ids;
  for (int i = 0; i < 20; ++i) {
    auto mime = BuildMime(m, "noreply@example.jp", 1700000000, "example.jp");
    ASSERT_TRUE(mime.ok());
    const std::size_t start = mime->find("Message-ID: ");
    ids.insert(mime->substr(start, mime->find("\r\n", start) - start));
  }
  EXPECT_EQ(ids.size(), 20u);
}

TEST_F(MailTest, AttachmentsMakeMultipartMixed) {
  MailMessage m;
  m.to = "sato@example.jp";
  m.subject = "相談日の予定";
  m.text_body = "予定表を添付します。";
  const std::string ics =
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//tsunagu//ja\r\nBEGIN:VEVENT\r\n"
      "SUMMARY:両立支援相談\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
  std::string binary;
  for (int i = 0; i < 1000; ++i) binary += static_cast<char>(i % 256);
  m.attachments.push_back(
      {"consultation.ics", "text/calendar; charset=UTF-8; method=PUBLISH", ics});
  m.attachments.push_back({"相談日程.bin", "application/octet-stream", binary});
  auto mime = BuildMime(m, "noreply@example.jp", 1700000000, "example.jp");
  ASSERT_TRUE(mime.ok());
  EXPECT_NE(HeaderBlock(*mime).find("Content-Type: multipart/mixed; boundary=\""),
            std::string::npos);
  for (const std::string& line : Lines(*mime)) EXPECT_LE(line.size(), 998u);

  const boost::json::object parsed = Parse(*mime);
  EXPECT_TRUE(parsed.at("defects").as_array().empty()) << boost::json::serialize(parsed);
  EXPECT_EQ(Str(parsed, "content_type"), "multipart/mixed");
  EXPECT_EQ(Str(parsed, "body"), m.text_body);
  const auto& attachments = parsed.at("attachments").as_array();
  ASSERT_EQ(attachments.size(), 2u);
  const auto& first = attachments[0].as_object();
  EXPECT_EQ(Str(first, "filename"), "consultation.ics");
  EXPECT_EQ(Str(first, "content_type"), "text/calendar");
  EXPECT_EQ(crypto::Base64Decode(Str(first, "data_b64")), ics);
  const auto& second = attachments[1].as_object();
  EXPECT_EQ(Str(second, "filename"), "相談日程.bin");
  EXPECT_EQ(crypto::Base64Decode(Str(second, "data_b64")), binary);
}

TEST_F(MailTest, RefusesHeaderInjectionAndMalformedInput) {
  const MailMessage good{"a@example.jp", "件名", "本文", {}};
  ASSERT_TRUE(BuildMime(good, "noreply@example.jp", 0, "example.jp").ok());

  auto refused = [](MailMessage m, const std::string& from = "noreply@example.jp") {
    auto mime = BuildMime(m, from, 0, "example.jp");
    if (mime.ok()) return false;
    EXPECT_EQ(mime.error().code, core::ErrorCode::kInvalidInput);
    EXPECT_EQ(mime.error().message_key, "error.mail_invalid");
    return true;
  };
  auto with = [&](auto change) {
    MailMessage m = good;
    change(m);
    return m;
  };
  EXPECT_TRUE(refused(with([](MailMessage& m) { m.to = "a@example.jp\r\nBcc: b@example.jp"; })));
  EXPECT_TRUE(refused(with([](MailMessage& m) { m.to = "a@example.jp\nBcc: b@example.jp"; })));
  EXPECT_TRUE(refused(with([](MailMessage& m) { m.to = "a@example.jp, b@example.jp"; })));
  EXPECT_TRUE(refused(with([](MailMessage& m) { m.to = "Name <a@example.jp>"; })));
  EXPECT_TRUE(refused(with([](MailMessage& m) { m.to = "no-at-sign"; })));
  EXPECT_TRUE(refused(with([](MailMessage& m) { m.to = ""; })));
  EXPECT_TRUE(refused(with([](MailMessage& m) { m.subject = "件名\r\nBcc: b@example.jp"; })));
  EXPECT_TRUE(refused(with([](MailMessage& m) { m.subject = "件名\nX: y"; })));
  EXPECT_TRUE(refused(with([](MailMessage& m) { m.subject = "件名\rX: y"; })));
  EXPECT_TRUE(refused(with([](MailMessage& m) { m.subject = std::string("\xE3\x81", 2); })));
  EXPECT_TRUE(refused(with([](MailMessage& m) { m.text_body = "\xFF\xFE"; })));
  EXPECT_TRUE(refused(with([](MailMessage& m) {
    m.attachments.push_back({"a.ics\r\nX: y", "text/calendar", "x"});
  })));
  EXPECT_TRUE(refused(with([](MailMessage& m) {
    m.attachments.push_back({"a.ics", "text/calendar\r\nX: y", "x"});
  })));
  EXPECT_TRUE(refused(with([](MailMessage& m) {
    m.attachments.push_back({"../a.ics", "text/calendar", "x"});
  })));
  EXPECT_TRUE(refused(good, "noreply@example.jp\r\nBcc: b@example.jp"));
  EXPECT_TRUE(refused(good, "not an address"));
}

TEST(MailAddressTest, AddressOfStripsDisplayName) {
  EXPECT_EQ(AddressOf("つなぐ <noreply@example.jp>"), "noreply@example.jp");
  EXPECT_EQ(AddressOf("noreply@example.jp"), "noreply@example.jp");
}

}  // namespace
}  // namespace tsunagu::notify
