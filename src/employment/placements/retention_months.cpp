// The organisation's choice of follow-up months (定着支援の確認月), declared in
// placement_service.hpp: read and set by its coordinators and admins.
#include <algorithm>
#include <charconv>

#include "employment/placements/placement_service.hpp"

namespace tsunagu::employment::placements {
namespace {

std::string Join(const std::vector<int>& months) {
  std::string out;
  for (int m : months) out += (out.empty() ? "" : ",") + std::to_string(m);
  return out;
}

// "1,3,6,12" (or 、，／ and spaces between) as whole months; empty when any part is not one, out
// of 1–60 or repeated, or when there are none or too many.
std::vector<int> StrictMonths(const std::string& text, std::size_t max_count) {
  std::string plain = text;
  for (const char* sep : {"、", "，", "　"}) {
    for (auto at = plain.find(sep); at != std::string::npos; at = plain.find(sep)) {
      plain.replace(at, std::string_view(sep).size(), ",");
    }
  }
  std::replace(plain.begin(), plain.end(), ' ', ',');
  std::vector<int> out;
  std::size_t from = 0;
  while (from <= plain.size()) {
    auto comma = plain.find(',', from);
    if (comma == std::string::npos) comma = plain.size();
    const std::string part = plain.substr(from, comma - from);
    from = comma + 1;
    if (part.empty()) continue;
    int n = 0;
    const char* end = part.data() + part.size();
    auto [ptr, ec] = std::from_chars(part.data(), end, n);
    if (ec != std::errc() || ptr != end || n < 1 || n > 60) return {};
    if (std::find(out.begin(), out.end(), n) != out.end()) return {};
    out.push_back(n);
  }
  if (out.empty() || out.size() > max_count) return {};
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

core::Result<std::vector<int>> PlacementService::RetentionMonths(const auth::Principal& who) {
  if (!auth::Policy::CanCoordinate(who, who.organization_id)) return core::Error::Forbidden();
  return db_.Read<std::vector<int>>([&](soci::session& s) {
    std::string text;
    long long org = who.organization_id;
    s << "SELECT retention_months FROM organization WHERE id = :o", soci::into(text),
        soci::use(org);
    return ParseRetentionMonths(text);
  });
}

core::Status PlacementService::SetRetentionMonths(const auth::Principal& who,
                                                  const audit::Actor& actor,
                                                  const std::string& text) {
  if (!auth::Policy::CanCoordinate(who, who.organization_id)) return core::Error::Forbidden();
  const auto months = StrictMonths(text, kMaxRetentionMonths);
  if (months.empty()) {
    return core::Error::Invalid("error.form_invalid", {{"months", "placements.error.months"}});
  }
  const std::int64_t now = clock_.NowSeconds();
  return db_.WriteVoid([&](soci::session& s) {
    const std::string joined = Join(months);
    long long org = who.organization_id;
    s << "UPDATE organization SET retention_months = :m WHERE id = :o", soci::use(joined),
        soci::use(org);
    audit::AuditLog::Append(s, actor,
                            {"employment.retention_months", "organization", std::to_string(org),
                             "{\"months\":\"" + joined + "\"}"},
                            now);
  });
}

}  // namespace tsunagu::employment::placements
