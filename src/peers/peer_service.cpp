#include "peers/peer_service.hpp"

#include "core/text.hpp"
#include "storage/row.hpp"
#include "web/forms.hpp"

namespace tsunagu::peers {
namespace {

using storage::Abort;
using storage::GetInt;
using storage::GetText;

void Require(const auth::Principal& who) {
  if (!auth::Policy::CanCoordinate(who, who.organization_id)) {
    throw Abort{core::Error::Forbidden()};
  }
}

// The peer's row locked (a no-op UPDATE: PostgreSQL row lock, SQLite's writer lock) when it
// belongs to the caller's organisation; NotFound otherwise, like a missing one.
void LockOwn(soci::session& s, const auth::Principal& who, std::int64_t peer_id) {
  Require(who);
  long long id = peer_id;
  long long org = who.organization_id;
  s << "UPDATE peer_supporter SET updated_at = updated_at WHERE id = :i AND organization_id = :o",
      soci::use(id), soci::use(org);
  long long found = 0;
  s << "SELECT COUNT(*) FROM peer_supporter WHERE id = :i AND organization_id = :o", soci::use(id),
      soci::use(org), soci::into(found);
  if (found == 0) throw Abort{core::Error::NotFound()};
}

std::string Ad(std::int64_t id, const char* column) {
  return "peer_supporter:" + std::to_string(id) + ":" + column;
}

PeerInput Tidy(PeerInput in) {
  for (auto* f : {&in.display_name, &in.real_name, &in.phone, &in.email, &in.address, &in.area,
                  &in.consent_date}) {
    *f = core::Trim(core::NormalizeNfkc(*f));
  }
  return in;
}

void Invalid(std::vector<core::FieldError> errors) {
  if (!errors.empty()) throw Abort{core::Error::Invalid("error.form", std::move(errors))};
}

std::optional<core::Date> DateOf(const std::string& text) {
  return core::ParseIsoDate(core::Trim(core::NormalizeNfkc(text)));
}

void Audit(soci::session& s, const audit::Actor& actor, const auth::Principal& who,
           const std::string& action, std::int64_t id, const std::string& detail,
           std::int64_t now) {
  audit::AuditLog::Append(
      s, actor, {action, "peer_supporter", std::to_string(id), detail, who.organization_id}, now);
}

void WriteSecrets(soci::session& s, const crypto::FieldCipher& cipher, std::int64_t id,
                  const PeerInput& in) {
  const std::string name = cipher.Encrypt(in.real_name, Ad(id, "real_name"));
  const std::string phone = cipher.Encrypt(in.phone, Ad(id, "phone"));
  const std::string email = cipher.Encrypt(in.email, Ad(id, "email"));
  const std::string address = cipher.Encrypt(in.address, Ad(id, "address"));
  long long pid = id;
  s << "UPDATE peer_supporter SET real_name_enc = :n, phone_enc = :p, email_enc = :e, "
       "address_enc = :a WHERE id = :i",
      soci::use(name), soci::use(phone), soci::use(email), soci::use(address), soci::use(pid);
}

std::vector<std::string> Names(soci::rowset<soci::row>& rows) {
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(GetText(r, 0));
  return out;
}

}  // namespace

std::vector<core::FieldError> PeerService::Validate(const PeerInput& in) {
  std::vector<core::FieldError> errors;
  if (in.display_name.empty()) errors.push_back({"display_name", "peers.error.display_name"});
  web::CheckLength(errors, "display_name", in.display_name, 50, false);
  if (in.real_name.empty()) errors.push_back({"real_name", "peers.error.real_name"});
  web::CheckLength(errors, "real_name", in.real_name, 100, false);
  web::CheckLength(errors, "phone", in.phone, 30, false);
  web::CheckLength(errors, "email", in.email, 254, false);
  if (!in.email.empty() && !core::LooksLikeEmail(in.email)) {
    errors.push_back({"email", "peers.error.email"});
  }
  web::CheckLength(errors, "address", in.address, 300, false);
  web::CheckLength(errors, "area", in.area, 50, false);
  if (!DateOf(in.consent_date)) errors.push_back({"consent_date", "peers.error.consent_date"});
  for (const auto& a : in.activities) {
    if (!InList(kActivities, a)) {
      errors.push_back({"activities", "peers.error.activities"});
      break;
    }
  }
  if (!InList(kStatuses, in.status)) errors.push_back({"status", "peers.error.status"});
  return errors;
}

core::Result<std::vector<PeerSummary>> PeerService::List(const auth::Principal& who) {
  return db_.Read<std::vector<PeerSummary>>([&](soci::session& s) {
    Require(who);
    long long org = who.organization_id;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT p.id, p.display_name, p.area, p.activities, p.status, (SELECT "
                      "COUNT(*) FROM peer_training t WHERE t.peer_id = p.id) FROM peer_supporter "
                      "p WHERE p.organization_id = :o ORDER BY p.status, p.display_name, p.id",
         soci::use(org));
    std::vector<PeerSummary> out;
    for (const auto& r : rows) {
      PeerSummary p;
      p.id = GetInt(r, 0);
      p.display_name = GetText(r, 1);
      p.area = GetText(r, 2);
      p.activities = core::SplitCodes(GetText(r, 3));
      p.status = GetText(r, 4);
      p.trainings = static_cast<int>(GetInt(r, 5));
      out.push_back(std::move(p));
    }
    return out;
  });
}

core::Result<Peer> PeerService::Get(const auth::Principal& who, const audit::Actor& actor,
                                    std::int64_t id) {
  const std::int64_t now = clock_.NowSeconds();
  return db_.Write<Peer>([&](soci::session& s) {
    Require(who);
    long long pid = id;
    long long org = who.organization_id;
    std::optional<Peer> found;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT id, organization_id, display_name, real_name_enc, phone_enc, "
                      "email_enc, address_enc, area, consent_date, activities, salon_id, status "
                      "FROM peer_supporter WHERE id = :i AND organization_id = :o",
         soci::use(pid), soci::use(org));
    for (const auto& r : rows) {
      Peer p;
      p.id = GetInt(r, 0);
      p.organization_id = GetInt(r, 1);
      p.display_name = GetText(r, 2);
      const char* columns[] = {"real_name", "phone", "email", "address"};
      std::string* targets[] = {&p.real_name, &p.phone, &p.email, &p.address};
      for (int i = 0; i < 4; ++i) {
        auto plain = cipher_.Decrypt(GetText(r, 3 + i), Ad(p.id, columns[i]));
        if (!plain) throw Abort{plain.error()};
        *targets[i] = *plain;
      }
      p.area = GetText(r, 7);
      p.consent_date = GetText(r, 8);
      p.activities = core::SplitCodes(GetText(r, 9));
      p.salon_id = GetInt(r, 10);
      p.status = GetText(r, 11);
      found = std::move(p);
    }
    if (!found) throw Abort{core::Error::NotFound()};
    Peer& p = *found;
    {
      soci::rowset<soci::row> t =
          (s.prepare << "SELECT id, kind, completed_on, event_id FROM peer_training WHERE "
                        "peer_id = :i ORDER BY completed_on, id",
           soci::use(pid));
      for (const auto& r : t) {
        p.trainings.push_back({GetInt(r, 0), GetText(r, 1),
                               core::ParseIsoDate(GetText(r, 2)).value_or(core::Date{}),
                               GetInt(r, 3)});
      }
    }
    {
      soci::rowset<soci::row> t =
          (s.prepare << "SELECT id, kind, event_id, shift_date, start_minutes, end_minutes FROM "
                        "peer_shift WHERE peer_id = :i ORDER BY shift_date, start_minutes, id",
           soci::use(pid));
      for (const auto& r : t) {
        Shift sh;
        sh.id = GetInt(r, 0);
        sh.peer_id = p.id;
        sh.peer_display_name = p.display_name;
        sh.kind = GetText(r, 1);
        sh.event_id = GetInt(r, 2);
        sh.date = core::ParseIsoDate(GetText(r, 3)).value_or(core::Date{});
        sh.start_minutes = static_cast<int>(GetInt(r, 4));
        sh.end_minutes = static_cast<int>(GetInt(r, 5));
        p.shifts.push_back(sh);
      }
    }
    {
      soci::rowset<soci::row> t =
          (s.prepare << "SELECT id, dispatch_date, destination_kind, destination_name, role, "
                        "notes FROM peer_dispatch WHERE peer_id = :i ORDER BY dispatch_date, id",
           soci::use(pid));
      for (const auto& r : t) {
        p.dispatches.push_back({GetInt(r, 0),
                                core::ParseIsoDate(GetText(r, 1)).value_or(core::Date{}),
                                GetText(r, 2), GetText(r, 3), GetText(r, 4), GetText(r, 5)});
      }
    }
    Audit(s, actor, who, "peer.read", id, "{}", now);
    return p;
  });
}

core::Result<std::int64_t> PeerService::Create(const auth::Principal& who,
                                               const audit::Actor& actor, const PeerInput& input) {
  const PeerInput in = Tidy(input);
  const std::int64_t now = clock_.NowSeconds();
  return db_.Write<std::int64_t>([&](soci::session& s) {
    Require(who);
    Invalid(Validate(in));
    long long org = who.organization_id;
    long long at = now;
    const std::string activities = core::JoinCodes(in.activities);
    long long salon = in.salon_id;
    soci::indicator salon_ind = in.salon_id > 0 ? soci::i_ok : soci::i_null;
    long long id = 0;
    s << "INSERT INTO peer_supporter (organization_id, display_name, area, consent_date, "
         "activities, salon_id, status, created_at, updated_at) VALUES (:o, :d, :a, :c, :ac, :s, "
         ":st, :at, :up) RETURNING id",
        soci::use(org), soci::use(in.display_name), soci::use(in.area), soci::use(in.consent_date),
        soci::use(activities), soci::use(salon, salon_ind), soci::use(in.status), soci::use(at),
        soci::use(at), soci::into(id);
    WriteSecrets(s, cipher_, id, in);
    Audit(s, actor, who, "peer.create", id, "{}", now);
    return static_cast<std::int64_t>(id);
  });
}

core::Status PeerService::Update(const auth::Principal& who, const audit::Actor& actor,
                                 std::int64_t id, const PeerInput& input) {
  const PeerInput in = Tidy(input);
  const std::int64_t now = clock_.NowSeconds();
  return db_.WriteVoid([&](soci::session& s) {
    LockOwn(s, who, id);
    Invalid(Validate(in));
    long long pid = id;
    long long at = now;
    const std::string activities = core::JoinCodes(in.activities);
    long long salon = in.salon_id;
    soci::indicator salon_ind = in.salon_id > 0 ? soci::i_ok : soci::i_null;
    s << "UPDATE peer_supporter SET display_name = :d, area = :a, consent_date = :c, activities "
         "= :ac, salon_id = :s, status = :st, updated_at = :up WHERE id = :i",
        soci::use(in.display_name), soci::use(in.area), soci::use(in.consent_date),
        soci::use(activities), soci::use(salon, salon_ind), soci::use(in.status), soci::use(at),
        soci::use(pid);
    WriteSecrets(s, cipher_, id, in);
    Audit(s, actor, who, "peer.update", id, "{\"status\":\"" + in.status + "\"}", now);
  });
}

core::Result<std::int64_t> PeerService::AddTraining(const auth::Principal& who,
                                                    const audit::Actor& actor, std::int64_t peer_id,
                                                    const TrainingInput& input) {
  const std::int64_t now = clock_.NowSeconds();
  return db_.Write<std::int64_t>([&](soci::session& s) {
    LockOwn(s, who, peer_id);
    std::vector<core::FieldError> errors;
    if (!InList(kTrainingKinds, input.kind))
      errors.push_back({"training_kind", "peers.error.kind"});
    const auto date = DateOf(input.date);
    if (!date) errors.push_back({"training_date", "peers.error.date"});
    long long event = input.event_id;
    if (input.event_id > 0) {
      long long org = who.organization_id;
      long long found = 0;
      s << "SELECT COUNT(*) FROM community_event WHERE id = :i AND organization_id = :o AND kind "
           "IN ('training_basic', 'training_follow_up', 'training_organiser')",
          soci::use(event), soci::use(org), soci::into(found);
      if (found == 0) errors.push_back({"training_event", "peers.error.training_event"});
    }
    Invalid(errors);
    soci::indicator event_ind = input.event_id > 0 ? soci::i_ok : soci::i_null;
    long long pid = peer_id;
    long long at = now;
    const std::string iso = core::ToIso(*date);
    long long id = 0;
    s << "INSERT INTO peer_training (peer_id, kind, completed_on, event_id, created_at) VALUES "
         "(:p, :k, :d, :e, :at) RETURNING id",
        soci::use(pid), soci::use(input.kind), soci::use(iso), soci::use(event, event_ind),
        soci::use(at), soci::into(id);
    Audit(s, actor, who, "peer.training", peer_id, "{\"kind\":\"" + input.kind + "\"}", now);
    return static_cast<std::int64_t>(id);
  });
}

core::Result<std::int64_t> PeerService::AddShift(const auth::Principal& who,
                                                 const audit::Actor& actor, std::int64_t peer_id,
                                                 const ShiftInput& input) {
  const std::int64_t now = clock_.NowSeconds();
  return db_.Write<std::int64_t>([&](soci::session& s) {
    // The lock is taken first: a second shift for the same peer waits here, then sees this one.
    LockOwn(s, who, peer_id);
    std::vector<core::FieldError> errors;
    if (!InList(kShiftKinds, input.kind)) errors.push_back({"shift_kind", "peers.error.kind"});
    auto date = DateOf(input.date);
    int start = input.start_minutes;
    int end = input.end_minutes;
    long long event = input.event_id;
    long long org = who.organization_id;
    if (input.kind == "peer_talk") {
      // A shift at おしゃべり相談室 takes the event's date and times.
      std::string event_date;
      int es = 0;
      int ee = 0;
      soci::indicator ind = soci::i_null;
      s << "SELECT event_date, start_minutes, end_minutes FROM community_event WHERE id = :i AND "
           "organization_id = :o AND kind = 'peer_talk' AND status <> 'cancelled'",
          soci::use(event), soci::use(org), soci::into(event_date, ind), soci::into(es),
          soci::into(ee);
      if (!s.got_data() || ind != soci::i_ok) {
        errors.push_back({"shift_event", "peers.error.shift_event"});
      } else {
        date = core::ParseIsoDate(event_date);
        start = es;
        end = ee;
      }
    } else {
      if (!date) errors.push_back({"shift_date", "peers.error.date"});
      if (start < 0 || end <= start || end > 1440) {
        errors.push_back({"shift_start", "peers.error.time"});
      }
    }
    Invalid(errors);
    long long pid = peer_id;
    const std::string iso = core::ToIso(*date);
    long long overlapping = 0;
    s << "SELECT COUNT(*) FROM peer_shift WHERE peer_id = :p AND shift_date = :d AND "
         "start_minutes < :e AND end_minutes > :s",
        soci::use(pid), soci::use(iso), soci::use(end), soci::use(start), soci::into(overlapping);
    if (overlapping > 0) throw Abort{core::Error::Conflict("peers.error.overlap")};
    soci::indicator event_ind = input.kind == "peer_talk" ? soci::i_ok : soci::i_null;
    long long at = now;
    long long id = 0;
    s << "INSERT INTO peer_shift (organization_id, peer_id, kind, event_id, shift_date, "
         "start_minutes, end_minutes, created_at) VALUES (:o, :p, :k, :e, :d, :s, :en, :at) "
         "RETURNING id",
        soci::use(org), soci::use(pid), soci::use(input.kind), soci::use(event, event_ind),
        soci::use(iso), soci::use(start), soci::use(end), soci::use(at), soci::into(id);
    Audit(s, actor, who, "peer.shift", peer_id, "{\"kind\":\"" + input.kind + "\"}", now);
    return static_cast<std::int64_t>(id);
  });
}

core::Result<std::int64_t> PeerService::AddDispatch(const auth::Principal& who,
                                                    const audit::Actor& actor, std::int64_t peer_id,
                                                    const DispatchInput& input) {
  const std::int64_t now = clock_.NowSeconds();
  return db_.Write<std::int64_t>([&](soci::session& s) {
    LockOwn(s, who, peer_id);
    std::vector<core::FieldError> errors;
    const auto date = DateOf(input.date);
    if (!date) errors.push_back({"dispatch_date", "peers.error.date"});
    if (!InList(kDestinationKinds, input.destination_kind)) {
      errors.push_back({"destination_kind", "peers.error.destination_kind"});
    }
    const std::string name = core::Trim(input.destination_name);
    if (name.empty()) errors.push_back({"destination_name", "peers.error.destination_name"});
    web::CheckLength(errors, "destination_name", name, 200, false);
    if (!InList(kRoles, input.role)) errors.push_back({"role", "peers.error.role"});
    const std::string notes = core::Trim(core::NormalizeNewlines(input.notes));
    web::CheckLength(errors, "notes", notes, 1000, false);
    Invalid(errors);
    long long org = who.organization_id;
    long long pid = peer_id;
    long long at = now;
    const std::string iso = core::ToIso(*date);
    long long id = 0;
    s << "INSERT INTO peer_dispatch (organization_id, peer_id, dispatch_date, destination_kind, "
         "destination_name, role, notes, created_at) VALUES (:o, :p, :d, :k, :n, :r, :no, :at) "
         "RETURNING id",
        soci::use(org), soci::use(pid), soci::use(iso), soci::use(input.destination_kind),
        soci::use(name), soci::use(input.role), soci::use(notes), soci::use(at), soci::into(id);
    Audit(s, actor, who, "peer.dispatch", peer_id,
          "{\"role\":\"" + input.role + "\",\"destination\":\"" + input.destination_kind + "\"}",
          now);
    return static_cast<std::int64_t>(id);
  });
}

core::Result<std::vector<Shift>> PeerService::UpcomingShifts(const auth::Principal& who,
                                                             core::Date from) {
  return db_.Read<std::vector<Shift>>([&](soci::session& s) {
    Require(who);
    long long org = who.organization_id;
    const std::string f = core::ToIso(from);
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT sh.id, sh.peer_id, p.display_name, sh.kind, sh.event_id, "
                      "sh.shift_date, sh.start_minutes, sh.end_minutes FROM peer_shift sh JOIN "
                      "peer_supporter p ON p.id = sh.peer_id WHERE sh.organization_id = :o AND "
                      "sh.shift_date >= :f ORDER BY sh.shift_date, sh.start_minutes, sh.id LIMIT "
                      "200",
         soci::use(org), soci::use(f));
    std::vector<Shift> out;
    for (const auto& r : rows) {
      Shift sh;
      sh.id = GetInt(r, 0);
      sh.peer_id = GetInt(r, 1);
      sh.peer_display_name = GetText(r, 2);
      sh.kind = GetText(r, 3);
      sh.event_id = GetInt(r, 4);
      sh.date = core::ParseIsoDate(GetText(r, 5)).value_or(core::Date{});
      sh.start_minutes = static_cast<int>(GetInt(r, 6));
      sh.end_minutes = static_cast<int>(GetInt(r, 7));
      out.push_back(sh);
    }
    return out;
  });
}

core::Result<std::vector<std::string>> ActiveDisplayNamesAtSalon(storage::Database& db,
                                                                 std::int64_t salon_id) {
  return db.Read<std::vector<std::string>>([&](soci::session& s) {
    long long sid = salon_id;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT display_name FROM peer_supporter WHERE salon_id = :s AND status = "
                      "'active' ORDER BY display_name, id",
         soci::use(sid));
    return Names(rows);
  });
}

core::Result<std::vector<std::string>> ActiveDisplayNamesForEvent(storage::Database& db,
                                                                  std::int64_t event_id) {
  return db.Read<std::vector<std::string>>([&](soci::session& s) {
    long long eid = event_id;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT DISTINCT p.display_name FROM peer_shift sh JOIN peer_supporter p "
                      "ON p.id = sh.peer_id WHERE sh.event_id = :e AND p.status = 'active' ORDER "
                      "BY p.display_name",
         soci::use(eid));
    return Names(rows);
  });
}

core::Result<PeerYearFigures> YearFigures(storage::Database& db, std::int64_t organization_id,
                                          int fiscal_year) {
  return db.Read<PeerYearFigures>([&](soci::session& s) {
    PeerYearFigures f;
    long long org = organization_id;
    const std::string from = core::ToIso(core::FiscalYearStart(fiscal_year));
    const std::string to = core::ToIso(core::FiscalYearEnd(fiscal_year));
    s << "SELECT COUNT(*) FROM peer_supporter WHERE organization_id = :o AND consent_date <= :t",
        soci::use(org), soci::use(to), soci::into(f.registered);
    s << "SELECT COUNT(*) FROM peer_supporter WHERE organization_id = :o AND consent_date <= :t "
         "AND status = 'active'",
        soci::use(org), soci::use(to), soci::into(f.active);
    auto count = [&](const std::string& sql, const std::string& code) {
      int n = 0;
      s << sql, soci::use(org), soci::use(from), soci::use(to), soci::use(code), soci::into(n);
      return n;
    };
    const std::string trainings =
        "SELECT COUNT(*) FROM peer_training t JOIN peer_supporter p ON p.id = t.peer_id WHERE "
        "p.organization_id = :o AND t.completed_on >= :f AND t.completed_on <= :t AND t.kind = :k";
    f.trainings_basic = count(trainings, "basic");
    f.trainings_follow_up = count(trainings, "follow_up");
    const std::string shifts =
        "SELECT COUNT(*) FROM peer_shift WHERE organization_id = :o AND shift_date >= :f AND "
        "shift_date <= :t AND kind = :k";
    f.shifts_peer_talk = count(shifts, "peer_talk");
    f.shifts_hotline = count(shifts, "hotline");
    const std::string by_role =
        "SELECT COUNT(*) FROM peer_dispatch WHERE organization_id = :o AND dispatch_date >= :f "
        "AND dispatch_date <= :t AND role = :k";
    f.dispatches_storyteller = count(by_role, "storyteller");
    f.dispatches_facilitator = count(by_role, "facilitator");
    const std::string by_kind =
        "SELECT COUNT(*) FROM peer_dispatch WHERE organization_id = :o AND dispatch_date >= :f "
        "AND dispatch_date <= :t AND destination_kind = :k";
    for (auto kind : kDestinationKinds) {
      const std::string code(kind);
      f.dispatches_by_destination.emplace_back(code, count(by_kind, code));
    }
    return f;
  });
}

}  // namespace tsunagu::peers
