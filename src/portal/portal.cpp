#include "portal/portal.hpp"

#include "storage/row.hpp"

namespace tsunagu::portal {

core::Result<std::vector<PublicProgram>> PublishedPrograms(storage::Database& db) {
  return db.Read<std::vector<PublicProgram>>([](soci::session& s) {
    std::vector<PublicProgram> out;
    soci::rowset<soci::row> rows =
        (s.prepare
         << "SELECT p.id, p.name, p.description, o.name, p.office_phone, "
            "p.office_hours FROM program p JOIN organization o ON o.id = "
            "p.organization_id WHERE p.published = 1 AND p.status = 'active' AND o.status = "
            "'active' ORDER BY "
            "p.id");
    for (const auto& r : rows) {
      PublicProgram p;
      p.id = storage::GetInt(r, 0);
      p.name = storage::GetText(r, 1);
      p.description = storage::GetText(r, 2);
      p.host = storage::GetText(r, 3);
      p.office_phone = storage::GetText(r, 4);
      p.office_hours = storage::GetText(r, 5);
      out.push_back(std::move(p));
    }
    return out;
  });
}

core::Result<std::vector<RequestDesk>> RequestDesks(storage::Database& db) {
  return db.Read<std::vector<RequestDesk>>([](soci::session& s) {
    std::vector<RequestDesk> out;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT o.id, o.name FROM request_intake i JOIN organization o ON o.id = "
                      "i.organization_id WHERE i.enabled = 1 AND o.status = 'active' ORDER BY "
                      "o.name");
    for (const auto& r : rows) out.push_back({storage::GetInt(r, 0), storage::GetText(r, 1)});
    return out;
  });
}

}  // namespace tsunagu::portal
