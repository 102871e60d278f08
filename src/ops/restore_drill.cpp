#include "ops/restore_drill.hpp"

#include <unistd.h>

#include <map>
#include <memory>
#include <optional>

#include "audit/audit_log.hpp"
#include "cases/case_rows.hpp"
#include "crypto/field_cipher.hpp"
#include "storage/backup.hpp"
#include "storage/database.hpp"
#include "transfer/copy.hpp"
#include "transfer/schema.hpp"

namespace tsunagu::ops {
namespace {

namespace fs = std::filesystem;
using storage::Database;

core::Error Fail(const std::string& key, std::vector<core::FieldError> args = {}) {
  return core::Error{core::ErrorCode::kInvalidInput, "drill.error." + key, std::move(args)};
}

// One kind of encrypted field the drill samples: the query gives (id, the value's place key,
// the stored value) in id order; `ad` turns the place key into the associated data.
struct FieldKind {
  const char* name;
  const char* query;
  std::string (*ad)(const std::string& place);
};

const std::vector<FieldKind>& Kinds() {
  static const std::vector<FieldKind> kinds = {
      {"booking.name",
       "SELECT CAST(id AS TEXT), reference, name_enc FROM booking WHERE name_enc <> '' ORDER BY id",
       [](const std::string& ref) { return "booking:" + ref + ":name"; }},
      {"client.name", "SELECT CAST(id AS TEXT), CAST(id AS TEXT), name_enc FROM client ORDER BY id",
       [](const std::string& id) { return "client:" + id + ":name"; }},
      {"consultation_record.summary",
       "SELECT CAST(id AS TEXT), CAST(id AS TEXT), summary_enc FROM consultation_record "
       "WHERE summary_enc <> '' ORDER BY id",
       [](const std::string& id) { return "record:" + id + ":summary"; }},
      {"timeline_entry.body",
       "SELECT CAST(id AS TEXT), CAST(id AS TEXT), body_enc FROM timeline_entry ORDER BY id",
       [](const std::string& id) { return cases::case_rows::EntryAd(std::stoll(id)); }},
  };
  return kinds;
}

struct Sampled {
  std::string place;
  std::string stored;
};

// A row's id: the queries give it as text, the same on both engines.
std::int64_t IdOf(const soci::row& r) {
  return std::stoll(r.get<std::string>(0));
}

// Every n-th row of the kind, so that the sample spans the oldest and the newest rows.
std::map<std::int64_t, Sampled> Sample(soci::session& s, const FieldKind& kind, std::size_t n) {
  std::vector<std::pair<std::int64_t, Sampled>> all;
  soci::rowset<soci::row> rows = s.prepare << kind.query;
  for (const auto& r : rows) {
    all.push_back({IdOf(r), Sampled{r.get<std::string>(1), r.get<std::string>(2)}});
  }
  std::map<std::int64_t, Sampled> out;
  if (all.empty() || n == 0) return out;
  const std::size_t step = all.size() <= n ? 1 : all.size() / n;
  for (std::size_t i = 0; i < all.size() && out.size() < n; i += step) out.insert(all[i]);
  out.insert(all.back());
  return out;
}

// The stored values of the given ids of one kind (a subset of Sample's query).
std::map<std::int64_t, Sampled> Stored(soci::session& s, const FieldKind& kind,
                                       const std::map<std::int64_t, Sampled>& wanted) {
  std::map<std::int64_t, Sampled> out;
  soci::rowset<soci::row> rows = s.prepare << kind.query;
  for (const auto& r : rows) {
    const auto id = IdOf(r);
    if (wanted.count(id) != 0) out[id] = Sampled{r.get<std::string>(1), r.get<std::string>(2)};
  }
  return out;
}

std::map<std::string, std::int64_t> Counts(Database& db) {
  auto counts = db.Read<std::map<std::string, std::int64_t>>([&](soci::session& s) {
    std::map<std::string, std::int64_t> out;
    for (const auto& t : transfer::ReadTables(s, db.engine())) {
      if (t.name != transfer::kMigrationTable) out[t.name] = transfer::CountRows(s, t.name);
    }
    return out;
  });
  return counts ? *counts : std::map<std::string, std::int64_t>{};
}

std::unique_ptr<Database> Open(const std::string& url) {
  auto db = Database::Open(url, 1);
  return db ? std::move(*db) : nullptr;
}

// A temporary folder (0700) for the scratch SQLite copy, removed with this object.
class Scratch {
 public:
  Scratch() {
    std::string tmpl = (fs::temp_directory_path() / "tsunagu-drill-XXXXXX").string();
    if (::mkdtemp(tmpl.data()) != nullptr) dir_ = tmpl;
  }
  ~Scratch() {
    std::error_code ec;
    if (!dir_.empty()) fs::remove_all(dir_, ec);
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  const fs::path& dir() const { return dir_; }

 private:
  fs::path dir_;
};

// The drill writes only into an empty database: one holding any table with rows is refused.
std::optional<core::Error> RefuseNonEmpty(const std::string& url) {
  if (url.rfind("sqlite:", 0) == 0) {
    std::error_code ec;
    const fs::path path = url.substr(7);
    if (fs::exists(path, ec) && fs::file_size(path, ec) > 0) {
      return Fail("target_file_not_empty", {{"path", path.string()}});
    }
    return std::nullopt;
  }
  auto db = Open(url);
  if (!db) return Fail("cannot_open", {{"url", url}});
  for (const auto& [table, rows] : Counts(*db)) {
    if (rows > 0)
      return Fail("target_not_empty", {{"table", table}, {"rows", std::to_string(rows)}});
  }
  return std::nullopt;
}

}  // namespace

core::Result<DrillReport> RunRestoreDrill(const DrillOptions& options) {
  auto keyring = crypto::Keyring::LoadFile(options.key_file);
  if (!keyring) return Fail("key_file", {{"path", options.key_file.string()}});
  const crypto::FieldCipher cipher(std::move(*keyring));
  if (!options.compare_url.empty() && options.compare_url == options.into_url) {
    return Fail("into_is_compared");
  }

  Scratch scratch;
  std::string into = options.into_url;
  if (into.empty()) {
    if (scratch.dir().empty()) return Fail("scratch");
    into = "sqlite:" + (scratch.dir() / "restored.db").string();
  }
  if (auto refused = RefuseNonEmpty(into)) return *refused;
  if (auto st = storage::Restore(into, options.backup_file, options.backup_key); !st) {
    return st.error();
  }

  auto restored = Open(into);
  if (!restored) return Fail("cannot_open", {{"url", into}});
  DrillReport report;
  const auto counts = Counts(*restored);
  for (const auto& [table, rows] : counts) {
    report.tables += 1;
    report.rows += rows;
    if (options.on_table) options.on_table(table, rows);
  }

  restored->SetChainKey(audit::ChainKey(cipher.keyring()));
  auto chain = audit::AuditLog::Verify(*restored);
  if (chain) {
    report.chain_ok = chain->ok;
    report.audit_events = chain->events_checked;
    report.chain_problem = chain->problem;
  }

  std::unique_ptr<Database> compared;
  if (!options.compare_url.empty()) {
    compared = Open(options.compare_url);
    if (!compared) return Fail("cannot_open", {{"url", options.compare_url}});
    report.compared = true;
    const auto theirs = Counts(*compared);
    for (const auto& [table, rows] : counts) {
      const auto it = theirs.find(table);
      const std::int64_t other = it == theirs.end() ? -1 : it->second;
      if (other != rows) report.count_mismatches.push_back({table, rows, other});
    }
    for (const auto& [table, rows] : theirs) {
      if (counts.count(table) == 0) report.count_mismatches.push_back({table, -1, rows});
    }
  }

  for (const auto& kind : Kinds()) {
    auto sample = restored->Read<std::map<std::int64_t, Sampled>>(
        [&](soci::session& s) { return Sample(s, kind, options.samples_per_kind); });
    if (!sample) continue;
    std::map<std::int64_t, Sampled> original;
    if (compared) {
      auto read = compared->Read<std::map<std::int64_t, Sampled>>(
          [&](soci::session& s) { return Stored(s, kind, *sample); });
      if (read) original = std::move(*read);
    }
    for (const auto& [id, value] : *sample) {
      report.fields_sampled += 1;
      auto plain = cipher.Decrypt(value.stored, kind.ad(value.place));
      if (!plain) continue;
      report.fields_decrypted += 1;
      const auto it = original.find(id);
      if (it == original.end()) continue;
      auto theirs = cipher.Decrypt(it->second.stored, kind.ad(it->second.place));
      if (theirs && *theirs == *plain) report.fields_matched += 1;
    }
  }
  return report;
}

}  // namespace tsunagu::ops
