#include "transfer/schema.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace tsunagu::transfer {
namespace {

// Large enough for any list read here (tables, columns of one table, keys).
constexpr std::size_t kListRows = 10000;

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::vector<std::string> Strings(soci::session& s, const std::string& sql) {
  std::vector<std::string> out(kListRows);
  s << sql, soci::into(out);
  return out;
}

std::vector<std::string> Strings(soci::session& s, const std::string& sql,
                                 const std::string& param) {
  std::vector<std::string> out(kListRows);
  std::string p = param;
  s << sql, soci::use(p), soci::into(out);
  return out;
}

Table ReadSqliteTable(soci::session& s, const std::string& name) {
  Table t;
  t.name = name;
  std::vector<std::string> names(kListRows), types(kListRows), pk(kListRows);
  std::string p = name;
  s << "SELECT name, type, CAST(pk AS TEXT) FROM pragma_table_info(:t) ORDER BY cid", soci::use(p),
      soci::into(names), soci::into(types), soci::into(pk);
  std::vector<std::pair<int, std::string>> keys;
  for (std::size_t i = 0; i < names.size(); ++i) {
    t.columns.push_back({names[i], types[i], KindOf(types[i]), false});
    if (pk[i] != "0") keys.emplace_back(std::stoi(pk[i]), names[i]);
  }
  std::sort(keys.begin(), keys.end());
  for (auto& k : keys) t.primary_key.push_back(k.second);
  for (auto& ref : Strings(s, "SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(:t)", name)) {
    if (ref != name) t.references.push_back(ref);
  }
  return t;
}

Table ReadPostgresTable(soci::session& s, const std::string& name) {
  Table t;
  t.name = name;
  std::vector<std::string> names(kListRows), types(kListRows), identity(kListRows);
  std::string p = name;
  s << "SELECT column_name, data_type, is_identity FROM information_schema.columns "
       "WHERE table_schema = current_schema() AND table_name = :t ORDER BY ordinal_position",
      soci::use(p), soci::into(names), soci::into(types), soci::into(identity);
  for (std::size_t i = 0; i < names.size(); ++i) {
    t.columns.push_back({names[i], types[i], KindOf(types[i]), identity[i] == "YES"});
  }
  t.primary_key = Strings(s,
                          "SELECT a.attname FROM pg_index i "
                          "JOIN pg_class c ON c.oid = i.indrelid "
                          "JOIN pg_namespace n ON n.oid = c.relnamespace "
                          "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY (i.indkey) "
                          "WHERE i.indisprimary AND n.nspname = current_schema() "
                          "AND c.relname = :t ORDER BY a.attnum",
                          name);
  for (auto& ref : Strings(s,
                           "SELECT DISTINCT rf.relname FROM pg_constraint k "
                           "JOIN pg_class c ON c.oid = k.conrelid "
                           "JOIN pg_class rf ON rf.oid = k.confrelid "
                           "JOIN pg_namespace n ON n.oid = c.relnamespace "
                           "WHERE k.contype = 'f' AND n.nspname = current_schema() "
                           "AND c.relname = :t",
                           name)) {
    if (ref != name) t.references.push_back(ref);
  }
  return t;
}

}  // namespace

ColumnKind KindOf(const std::string& declared_type) {
  const std::string t = Upper(declared_type);
  // SQLite's affinity rules, which also cover PostgreSQL's names (bigint, integer, text).
  if (t.find("INT") != std::string::npos) return ColumnKind::kInteger;
  if (t.find("TEXT") != std::string::npos || t.find("CHAR") != std::string::npos ||
      t.find("CLOB") != std::string::npos) {
    return ColumnKind::kText;
  }
  return ColumnKind::kUnsupported;
}

std::vector<Table> ReadTables(soci::session& s, storage::Engine engine) {
  std::vector<std::string> names =
      engine == storage::Engine::kSqlite
          ? Strings(s,
                    "SELECT name FROM sqlite_master WHERE type = 'table' "
                    "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")
          : Strings(s,
                    "SELECT table_name FROM information_schema.tables "
                    "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' "
                    "ORDER BY table_name");
  std::vector<Table> tables;
  tables.reserve(names.size());
  for (const auto& name : names) {
    tables.push_back(engine == storage::Engine::kSqlite ? ReadSqliteTable(s, name)
                                                        : ReadPostgresTable(s, name));
  }
  return tables;
}

std::vector<Table> OrderByForeignKeys(std::vector<Table> tables, std::vector<std::string>& cycle) {
  std::map<std::string, Table> pending;
  for (auto& t : tables) pending.emplace(t.name, std::move(t));
  std::vector<Table> ordered;
  std::set<std::string> placed;
  while (!pending.empty()) {
    bool progress = false;
    // The first table (by name) whose references are all placed; then look again from the start.
    for (auto it = pending.begin(); it != pending.end(); ++it) {
      const auto& refs = it->second.references;
      const bool ready = std::all_of(refs.begin(), refs.end(), [&](const std::string& r) {
        return placed.count(r) > 0 || pending.count(r) == 0;  // unknown tables do not block
      });
      if (!ready) continue;
      placed.insert(it->first);
      ordered.push_back(std::move(it->second));
      pending.erase(it);
      progress = true;
      break;
    }
    if (!progress) {
      for (const auto& [name, t] : pending) cycle.push_back(name);
      break;
    }
  }
  return ordered;
}

std::string Quote(const std::string& identifier) {
  std::string out = "\"";
  for (char c : identifier) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace tsunagu::transfer
