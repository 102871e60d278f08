#include "http/static_files.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace tsunagu::http {
namespace {

namespace fs = std::filesystem;

void WriteFile(const fs::path& path, std::string_view content) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << content;
}

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() /
            ("tsunagu_static_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(base_);
    root_ = base_ / "static";
    WriteFile(root_ / "css" / "app.css", "body{color:red}");
    WriteFile(root_ / "css" / "app.css.br", "BR");
    WriteFile(root_ / "css" / "app.css.gz", "GZIP");
    WriteFile(root_ / "js" / "htmx.min.js", "htmx");
    WriteFile(root_ / "js" / "htmx.min.js.gz", "GZ");
    WriteFile(root_ / "img" / "logo.svg", "<svg/>");
    WriteFile(root_ / "img" / "ICON.PNG", "png");
    WriteFile(root_ / "fonts" / "noto.woff2", "w2");
    WriteFile(root_ / "data.bin", "bin");
    WriteFile(root_ / ".env", "SECRET=1");
    WriteFile(root_ / "css" / ".hidden.css", "x");
    WriteFile(base_ / "secret.txt", "outside");
    fs::create_symlink(base_ / "secret.txt", root_ / "escape.txt");
    fs::create_symlink(root_ / "img" / "logo.svg", root_ / "alias.svg");
  }
  void TearDown() override { fs::remove_all(base_); }

  Request Get(std::string accept_encoding = {}) const {
    Request req;
    req.method = "GET";
    if (!accept_encoding.empty()) req.headers.Add("Accept-Encoding", std::move(accept_encoding));
    return req;
  }

  fs::path base_;
  fs::path root_;
};

TEST_F(StaticFilesTest, ServesFileWithHeaders) {
  StaticFiles files(root_);
  const auto res = files.Serve(Get(), "img/logo.svg");
  ASSERT_TRUE(res.has_value());
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->headers.Get("Content-Type"), "image/svg+xml");
  EXPECT_EQ(res->headers.Get("Cache-Control"), "public, max-age=3600");
  EXPECT_TRUE(res->headers.Has("ETag"));
  EXPECT_FALSE(res->headers.Has("Vary")) << "no precompressed sibling exists";
  EXPECT_FALSE(res->headers.Has("Content-Encoding"));
  EXPECT_TRUE(res->body.empty());
  EXPECT_EQ(fs::path(res->file_path), fs::canonical(root_ / "img" / "logo.svg"));
}

TEST_F(StaticFilesTest, ContentTypesByExtension) {
  StaticFiles files(root_);
  EXPECT_EQ(files.Serve(Get(), "css/app.css")->headers.Get("Content-Type"),
            "text/css; charset=utf-8");
  EXPECT_EQ(files.Serve(Get(), "js/htmx.min.js")->headers.Get("Content-Type"),
            "text/javascript; charset=utf-8");
  EXPECT_EQ(files.Serve(Get(), "img/ICON.PNG")->headers.Get("Content-Type"), "image/png");
  EXPECT_EQ(files.Serve(Get(), "fonts/noto.woff2")->headers.Get("Content-Type"), "font/woff2");
  EXPECT_EQ(files.Serve(Get(), "data.bin")->headers.Get("Content-Type"),
            "application/octet-stream");
}

TEST_F(StaticFilesTest, NotFoundAndDirectoriesGiveNullopt) {
  StaticFiles files(root_);
  EXPECT_FALSE(files.Serve(Get(), "css/missing.css").has_value());
  EXPECT_FALSE(files.Serve(Get(), "css").has_value());
  EXPECT_FALSE(files.Serve(Get(), "css/").has_value());
}

TEST_F(StaticFilesTest, RefusesDangerousPaths) {
  StaticFiles files(root_);
  for (const std::string& path : std::vector<std::string>{
           "", "../secret.txt", "css/../../secret.txt", "css/../css/app.css", "./css/app.css",
           "/etc/passwd", (root_ / "css" / "app.css").string(), ".env", "css/.hidden.css",
           "css//app.css", "css\\app.css", std::string("css/app.css\0.png", 16), "css/app.css\n",
           "escape.txt"}) {
    EXPECT_FALSE(files.Serve(Get(), path).has_value()) << "served: " << path;
  }
  EXPECT_FALSE(files.Serve(Get(), "\xFF.css").has_value());
}

TEST_F(StaticFilesTest, SymlinkInsideRootIsServed) {
  StaticFiles files(root_);
  const auto res = files.Serve(Get(), "alias.svg");
  ASSERT_TRUE(res.has_value());
  EXPECT_EQ(res->headers.Get("Content-Type"), "image/svg+xml");
}

TEST_F(StaticFilesTest, EtagIsStableAndConditionalGetGives304) {
  StaticFiles files(root_);
  const auto first = files.Serve(Get(), "css/app.css");
  const auto second = files.Serve(Get(), "css/app.css");
  ASSERT_TRUE(first && second);
  const std::string etag(*first->headers.Get("ETag"));
  EXPECT_EQ(etag, *second->headers.Get("ETag"));
  EXPECT_EQ(etag.front(), '"');
  EXPECT_EQ(etag.back(), '"');

  for (const std::string& if_none_match :
       std::vector<std::string>{etag, "W/" + etag, "\"other\", " + etag, std::string("*")}) {
    Request req = Get();
    req.headers.Add("If-None-Match", if_none_match);
    const auto res = files.Serve(req, "css/app.css");
    ASSERT_TRUE(res.has_value());
    EXPECT_EQ(res->status, 304) << if_none_match;
    EXPECT_TRUE(res->file_path.empty());
    EXPECT_EQ(res->headers.Get("ETag"), etag);
    EXPECT_EQ(res->headers.Get("Cache-Control"), "public, max-age=3600");
  }

  Request stale = Get();
  stale.headers.Add("If-None-Match", "\"nope\"");
  EXPECT_EQ(files.Serve(stale, "css/app.css")->status, 200);
}

TEST_F(StaticFilesTest, EtagChangesWhenFileChanges) {
  StaticFiles files(root_);
  const std::string before(*files.Serve(Get(), "img/logo.svg")->headers.Get("ETag"));
  WriteFile(root_ / "img" / "logo.svg", "<svg></svg>");
  const std::string after(*files.Serve(Get(), "img/logo.svg")->headers.Get("ETag"));
  EXPECT_NE(before, after);
}

TEST_F(StaticFilesTest, PrefersBrotliThenGzip) {
  StaticFiles files(root_);
  const auto br = files.Serve(Get("gzip, deflate, br"), "css/app.css");
  ASSERT_TRUE(br.has_value());
  EXPECT_EQ(br->headers.Get("Content-Encoding"), "br");
  EXPECT_EQ(br->headers.Get("Content-Type"), "text/css; charset=utf-8");
  EXPECT_EQ(br->headers.Get("Vary"), "Accept-Encoding");
  EXPECT_EQ(fs::path(br->file_path).filename(), "app.css.br");

  const auto gz = files.Serve(Get("gzip"), "css/app.css");
  EXPECT_EQ(gz->headers.Get("Content-Encoding"), "gzip");
  EXPECT_EQ(fs::path(gz->file_path).filename(), "app.css.gz");

  const auto refused_br = files.Serve(Get("br;q=0, gzip;q=0.5"), "css/app.css");
  EXPECT_EQ(refused_br->headers.Get("Content-Encoding"), "gzip");

  const auto prefers_gzip = files.Serve(Get("br;q=0.2, GZIP;q=0.9"), "css/app.css");
  EXPECT_EQ(prefers_gzip->headers.Get("Content-Encoding"), "gzip");

  const auto only_gz_exists = files.Serve(Get("br, gzip"), "js/htmx.min.js");
  EXPECT_EQ(only_gz_exists->headers.Get("Content-Encoding"), "gzip");

  const auto identity = files.Serve(Get(), "css/app.css");
  EXPECT_FALSE(identity->headers.Has("Content-Encoding"));
  EXPECT_EQ(identity->headers.Get("Vary"), "Accept-Encoding");
  EXPECT_EQ(fs::path(identity->file_path).filename(), "app.css");

  const auto none_acceptable = files.Serve(Get("identity"), "css/app.css");
  EXPECT_FALSE(none_acceptable->headers.Has("Content-Encoding"));

  // Each representation has its own validator.
  EXPECT_NE(*br->headers.Get("ETag"), *gz->headers.Get("ETag"));
  EXPECT_NE(*br->headers.Get("ETag"), *identity->headers.Get("ETag"));
}

TEST_F(StaticFilesTest, ConditionalGetOnCompressedVariant) {
  StaticFiles files(root_);
  const auto br = files.Serve(Get("br"), "css/app.css");
  Request req = Get("br");
  req.headers.Add("If-None-Match", std::string(*br->headers.Get("ETag")));
  const auto res = files.Serve(req, "css/app.css");
  EXPECT_EQ(res->status, 304);
  EXPECT_EQ(res->headers.Get("Vary"), "Accept-Encoding");

  Request identity = Get();
  identity.headers.Add("If-None-Match", std::string(*br->headers.Get("ETag")));
  EXPECT_EQ(files.Serve(identity, "css/app.css")->status, 200);
}

TEST_F(StaticFilesTest, MissingRootServesNothing) {
  StaticFiles files(base_ / "does-not-exist");
  EXPECT_FALSE(files.Serve(Get(), "css/app.css").has_value());
}

}  // namespace
}  // namespace tsunagu::http
