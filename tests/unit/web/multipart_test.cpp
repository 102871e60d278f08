#include "web/multipart.hpp"

#include <gtest/gtest.h>

#include <string>

namespace tsunagu::web {
namespace {

const std::string kBoundary = "----TsunaguBoundary7MA4YWxk";

std::string Part(const std::string& headers, const std::string& data) {
  return "--" + kBoundary + "\r\n" + headers + "\r\n\r\n" + data + "\r\n";
}

std::string Close() {
  return "--" + kBoundary + "--\r\n";
}

TEST(MultipartBoundary, ReadsPlainAndQuotedBoundaries) {
  EXPECT_EQ(MultipartBoundary("multipart/form-data; boundary=" + kBoundary), kBoundary);
  EXPECT_EQ(MultipartBoundary("Multipart/Form-Data; charset=utf-8; BOUNDARY=\"a b:c\""), "a b:c");
  EXPECT_TRUE(IsMultipartFormData("multipart/form-data"));
  EXPECT_FALSE(IsMultipartFormData("application/x-www-form-urlencoded"));
}

TEST(MultipartBoundary, MissingOrInvalidBoundaryIsRefused) {
  EXPECT_FALSE(MultipartBoundary("multipart/form-data"));
  EXPECT_FALSE(MultipartBoundary("multipart/form-data; boundary="));
  EXPECT_FALSE(MultipartBoundary("multipart/form-data; boundary=\"ends with space \""));
  EXPECT_FALSE(MultipartBoundary("multipart/form-data; boundary=" + std::string(71, 'a')));
  EXPECT_FALSE(MultipartBoundary("multipart/form-data; boundary=bad<char>"));
  EXPECT_FALSE(MultipartBoundary("multipart/form-data; boundary=\"unterminated"));
  EXPECT_FALSE(MultipartBoundary("multipart/mixed; boundary=abc"));
}

TEST(Multipart, ParsesAWellFormedBody) {
  const std::string body =
      Part("Content-Disposition: form-data; name=\"title\"", "主治医意見書") + Close();
  auto parts = ParseMultipart(body, kBoundary);
  ASSERT_TRUE(parts);
  ASSERT_EQ(parts->size(), 1u);
  EXPECT_EQ((*parts)[0].name, "title");
  EXPECT_FALSE((*parts)[0].has_filename);
  EXPECT_EQ((*parts)[0].data, "主治医意見書");
  EXPECT_EQ((*parts)[0].content_type, "");
}

TEST(Multipart, ParsesSeveralPartsWithAFile) {
  const std::string body =
      "preamble is ignored\r\n" +
      Part("Content-Disposition: form-data; name=\"csrf_token\"", "tok123") +
      Part(
          "content-disposition: form-data; name=\"file\"; filename=\"意見書 \\\"2\\\".pdf\"\r\n"
          "Content-Type: application/pdf",
          "%PDF-1.4 data") +
      Part("Content-Disposition: form-data; name=\"note\"", "") + Close() + "epilogue";
  auto parts = ParseMultipart(body, kBoundary);
  ASSERT_TRUE(parts);
  ASSERT_EQ(parts->size(), 3u);
  EXPECT_EQ((*parts)[0].data, "tok123");
  EXPECT_TRUE((*parts)[1].has_filename);
  EXPECT_EQ((*parts)[1].filename, "意見書 \"2\".pdf");
  EXPECT_EQ((*parts)[1].content_type, "application/pdf");
  EXPECT_EQ((*parts)[1].data, "%PDF-1.4 data");
  EXPECT_EQ((*parts)[2].name, "note");
  EXPECT_EQ((*parts)[2].data, "");

  std::multimap<std::string, std::string> form;
  std::vector<UploadedFile> files;
  ASSERT_TRUE(SplitMultipart(std::move(*parts), form, files));
  EXPECT_EQ(form.size(), 2u);
  EXPECT_EQ(form.find("csrf_token")->second, "tok123");
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].name, "file");
  EXPECT_EQ(files[0].data, "%PDF-1.4 data");
}

TEST(Multipart, BinaryDataWithCrLfAndDashesInsideIsKeptWhole) {
  std::string data("\x89PNG\r\n\x1a\n", 8);
  data += std::string("\0\r\n--\r\n--", 9) + "--" + kBoundary.substr(0, 10) + "\r\n\r\n\xff\xd8";
  data += std::string(1, '\0');
  const std::string body =
      Part("Content-Disposition: form-data; name=\"file\"; filename=\"a.png\"", data) + Close();
  auto parts = ParseMultipart(body, kBoundary);
  ASSERT_TRUE(parts);
  ASSERT_EQ(parts->size(), 1u);
  EXPECT_EQ((*parts)[0].data, data);
}

TEST(Multipart, AFileInputLeftEmptyIsDropped) {
  const std::string body = Part(
                               "Content-Disposition: form-data; name=\"file\"; filename=\"\"\r\n"
                               "Content-Type: application/octet-stream",
                               "") +
                           Close();
  auto parts = ParseMultipart(body, kBoundary);
  ASSERT_TRUE(parts);
  std::multimap<std::string, std::string> form;
  std::vector<UploadedFile> files;
  ASSERT_TRUE(SplitMultipart(std::move(*parts), form, files));
  EXPECT_TRUE(files.empty());
  EXPECT_TRUE(form.empty());
}

TEST(Multipart, TruncatedBodiesAreRefused) {
  const std::string whole = Part("Content-Disposition: form-data; name=\"title\"", "abc") + Close();
  EXPECT_FALSE(ParseMultipart(whole.substr(0, whole.size() - 10), kBoundary));
  // The last part's data never ends.
  EXPECT_FALSE(ParseMultipart(
      "--" + kBoundary + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nabc", kBoundary));
  // Headers never end.
  EXPECT_FALSE(ParseMultipart("--" + kBoundary + "\r\nContent-Disposition: form-data; name=\"a\"",
                              kBoundary));
  EXPECT_FALSE(ParseMultipart("", kBoundary));
  // A different boundary than the one announced.
  EXPECT_FALSE(ParseMultipart(whole, "other-boundary"));
}

TEST(Multipart, TooManyPartsAreRefused) {
  std::string body;
  for (int i = 0; i < 21; ++i) {
    body += Part("Content-Disposition: form-data; name=\"f" + std::to_string(i) + "\"", "x");
  }
  body += Close();
  EXPECT_FALSE(ParseMultipart(body, kBoundary));
  MultipartLimits more;
  more.max_parts = 21;
  EXPECT_TRUE(ParseMultipart(body, kBoundary, more));
}

TEST(Multipart, HeadersOverTheLimitAreRefused) {
  const std::string long_header = "X-Padding: " + std::string(17 * 1024, 'a');
  const std::string body =
      Part("Content-Disposition: form-data; name=\"a\"\r\n" + long_header, "x") + Close();
  EXPECT_FALSE(ParseMultipart(body, kBoundary));
  // The limit is for all parts together.
  std::string many;
  const std::string padding = "X-Padding: " + std::string(1000, 'b');
  for (int i = 0; i < 18; ++i) {
    many += Part(
        "Content-Disposition: form-data; name=\"f" + std::to_string(i) + "\"\r\n" + padding, "x");
  }
  many += Close();
  EXPECT_FALSE(ParseMultipart(many, kBoundary));
}

TEST(Multipart, MalformedPartsAreRefused) {
  auto refused = [](const std::string& headers) {
    return !ParseMultipart(Part(headers, "x") + Close(), kBoundary);
  };
  EXPECT_TRUE(refused("Content-Type: text/plain"));                                // no disposition
  EXPECT_TRUE(refused("Content-Disposition: attachment; name=\"a\""));             // not form-data
  EXPECT_TRUE(refused("Content-Disposition: form-data"));                          // no name
  EXPECT_TRUE(refused("Content-Disposition: form-data; name=\"\""));               // empty name
  EXPECT_TRUE(refused("Content-Disposition: form-data; name=\"名前\""));           // not ASCII
  EXPECT_TRUE(refused("Content-Disposition: form-data; name=\"a\"; name=\"b\""));  // twice
  EXPECT_TRUE(refused("Content-Disposition: form-data; name=\"a\r\n b\""));        // folded
  EXPECT_TRUE(refused("Content-Disposition: form-data; name=\"a\"; filename=\"\xff\xfe\""));
  EXPECT_TRUE(
      refused("Content-Disposition: form-data; name=\"a\"\r\nContent-Disposition: "
              "form-data; name=\"b\""));
  EXPECT_TRUE(refused("no colon here"));
  // A text field that is not UTF-8 is refused when the form is built.
  auto parts = ParseMultipart(
      Part("Content-Disposition: form-data; name=\"a\"", "\xff\xfe") + Close(), kBoundary);
  ASSERT_TRUE(parts);
  std::multimap<std::string, std::string> form;
  std::vector<UploadedFile> files;
  EXPECT_FALSE(SplitMultipart(std::move(*parts), form, files));
}

}  // namespace
}  // namespace tsunagu::web
