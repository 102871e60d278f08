// The information directory (issue 15): where a person with cancer can turn, shaped after Open
// Referral HSDS 3.0. A directory organisation (HSDS organization) offers services (HSDS
// service); each service carries its one location with its address, its public telephone and
// its opening hours as free text, which the HSDS export spreads into HSDS's own objects.
// Entries belong to the Tsunagu organisation whose staff created them ("owner").
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tsunagu::directory {

// Seed 004's list (生殖医療, 就労支援, 私のカルテ, 災害時, 病院・相談支援センター一覧,
// セカンドオピニオン, 信頼できる情報サイト) and seed 000's (社労士・弁護士, ハローワーク), in the
// order the public page shows them; labels in the catalogues ("directory.category.<code>").
inline constexpr std::array<std::string_view, 10> kCategories = {
    "fertility",      "employment",   "my_karte",      "disaster",   "hospitals",
    "second_opinion", "trusted_info", "labor_and_law", "hello_work", "other"};

bool IsCategory(std::string_view code);
// Position in kCategories (kCategories.size() for an unknown code).
std::size_t CategoryOrder(std::string_view code);

// What staff type for a directory organisation (HSDS organization).
struct OrganizationInput {
  std::string name;
  std::string furigana;  // HSDS extension "furigana"
  std::string description;
  std::string website;
  std::string email;
};

struct Organization : OrganizationInput {
  std::int64_t id = 0;
  std::int64_t owner_id = 0;  // the Tsunagu organisation that maintains it
  std::int64_t updated_at = 0;
};

// What staff type for a service; column names follow HSDS (service, location, address, phone,
// schedule).
struct ServiceInput {
  std::int64_t organization_id = 0;  // a directory organisation of the same owner
  std::string name;
  std::string furigana;
  std::string description;
  std::string category;
  std::string eligibility;  // 対象となる方 (HSDS eligibility_description)
  std::string fees;         // 費用 (fees_description)
  std::string application;  // 利用方法 (application_process)
  std::string url;
  std::string email;
  std::string prefecture;    // 都道府県 (address.state_province)
  std::string municipality;  // 市区町村 (address.city)
  std::string address;       // 町名・番地・建物 (address.address_1)
  std::string postal_code;
  std::string access;    // 交通・アクセス (location.transportation)
  std::string phone;     // the service's public number, never a person's
  std::string schedule;  // 受付時間 as free text (schedule.description), e.g. 平日 9:00〜17:00
};

struct Service : ServiceInput {
  std::int64_t id = 0;
  std::int64_t owner_id = 0;
  std::string status;  // active | inactive (HSDS service.status)
  std::int64_t updated_at = 0;
  Organization organization;
};

}  // namespace tsunagu::directory
