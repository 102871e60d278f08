#include "calendar/event_area.hpp"

#include "core/text.hpp"

namespace tsunagu::calendar {

std::string CleanArea(const std::string& area) {
  return core::Trim(core::NormalizeNfkc(area));
}

void SaveArea(soci::session& s, std::int64_t event_id, const std::string& area) {
  const std::string clean = CleanArea(area);
  long long id = event_id;
  s << "UPDATE community_event SET area = :a WHERE id = :id", soci::use(clean), soci::use(id);
}

}  // namespace tsunagu::calendar
