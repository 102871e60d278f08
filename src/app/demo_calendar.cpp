#include "app/demo_calendar.hpp"

#include <string>
#include <utility>
#include <vector>

namespace tsunagu::app {

core::Status AddDemoCalendar(Services& sv) {
  // The demo's venues and the municipality each lies in; events without a venue (online only)
  // keep no area.
  const std::vector<std::pair<std::string, std::string>> places = {{"つなぐ県民会館%", "つなぐ市"},
                                                                   {"みどり市立病院%", "みどり市"}};
  return sv.db.WriteVoid([&](soci::session& s) {
    for (const auto& [venue, area] : places) {
      s << "UPDATE community_event SET area = :a WHERE area = '' AND venue LIKE :v",
          soci::use(area), soci::use(venue);
    }
  });
}

}  // namespace tsunagu::app
