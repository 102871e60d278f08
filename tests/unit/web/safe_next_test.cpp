// Where a login may send the browser afterwards (SECURITY.md rule 7): a same-site relative
// path only. Browsers drop TAB/CR/LF from URLs and read '\' as '/', so "/\t/evil.example"
// and "/\evil.example" are other hosts.
#include <gtest/gtest.h>

#include <string>

#include "web/forms.hpp"

namespace tsunagu::web {
namespace {

TEST(SafeNext, HostileTargetsBecomeTheHomePage) {
  const std::string hostile[] = {
      "",
      "/\t/evil.example",
      "/%09/evil.example",
      "/\\evil.example",
      "/%5Cevil.example",
      "/%5C/evil.example",
      "//evil.example",
      "//evil.example/path",
      "/%2F/evil.example",
      "/%2fevil.example",
      "\xEF\xBC\x8F\xEF\xBC\x8F"
      "evil.example",  // full-width solidus ／／
      "/\xEF\xBC\x8F"
      "evil.example",
      "javascript:alert(1)",
      "JavaScript:alert(1)",
      "https://evil.example/",
      "http:/evil.example",
      "evil.example",
      "\t//evil.example",
      " /account",
      "/\r\nSet-Cookie: a=b",
      "/%0d%0aSet-Cookie:%20a=b",
      "/\n/evil.example",
      "/\x7F/evil.example",
      "/a b",
      std::string("/\0/evil.example", 16),
      "/" + std::string(5000, 'a'),
  };
  for (const auto& value : hostile) {
    EXPECT_EQ(SafeNext(value), "/") << "next=" << value;
  }
}

TEST(SafeNext, SameSitePathsAreKept) {
  const std::string fine[] = {
      "/",
      "/account",
      "/account/tokens",
      "/clients/12",
      "/org/members?page=2",
      "/clients?q=%E3%81%82",
      "/login/code?next=%2Faccount",
      "/days/2026-12-10#board",
  };
  for (const auto& value : fine) {
    EXPECT_EQ(SafeNext(value), value);
  }
}

}  // namespace
}  // namespace tsunagu::web
