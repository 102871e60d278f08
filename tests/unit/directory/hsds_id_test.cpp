// HSDS ids (directory/hsds_id.hpp): UUIDs in RFC 9562's version 8 layout that carry the
// record's kind and number, read back only for the kind they were made for.
#include "directory/hsds_id.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <set>

namespace tsunagu::directory {
namespace {

TEST(HsdsIdTest, IsAVersion8UuidCarryingKindAndNumber) {
  EXPECT_EQ(HsdsId(HsdsKind::kService, 12), "7473756e-6167-8002-8000-00000000000c");
  EXPECT_EQ(HsdsId(HsdsKind::kOrganization, 1), "7473756e-6167-8001-8000-000000000001");
  const std::regex uuid("^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
  for (std::int64_t n : {std::int64_t{1}, std::int64_t{4095}, (std::int64_t{1} << 48) - 1}) {
    EXPECT_TRUE(std::regex_match(HsdsId(HsdsKind::kAddress, n), uuid)) << n;
  }
}

TEST(HsdsIdTest, KindsNeverShareAnId) {
  std::set<std::string> ids;
  for (int kind = 1; kind <= 7; ++kind) {
    ids.insert(HsdsId(static_cast<HsdsKind>(kind), 42));
  }
  EXPECT_EQ(ids.size(), 7u);
}

TEST(HsdsIdTest, ReadsTheNumberBackForItsKindOnly) {
  const std::string id = HsdsId(HsdsKind::kService, 987654);
  EXPECT_EQ(ParseHsdsId(HsdsKind::kService, id), 987654);
  std::string upper = id;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  EXPECT_EQ(ParseHsdsId(HsdsKind::kService, upper), 987654);
  EXPECT_EQ(ParseHsdsId(HsdsKind::kOrganization, id), std::nullopt);
}

TEST(HsdsIdTest, RefusesWhatIsNotOneOfItsIds) {
  for (const char* bad :
       {"", "12", "7473756e-6167-8002-8000-00000000000", "7473756e-6167-8002-8000-00000000000g",
        "7473756e-6167-8002-9000-00000000000c", "00000000-6167-8002-8000-00000000000c",
        "7473756e-6167-8002-8000-000000000000", "7473756e-6167-8002-8000-00000000000c "}) {
    EXPECT_EQ(ParseHsdsId(HsdsKind::kService, bad), std::nullopt) << bad;
  }
}

}  // namespace
}  // namespace tsunagu::directory
