#include "transfer/copy.hpp"

#include <string>
#include <vector>

#include "storage/row.hpp"

namespace tsunagu::transfer {
namespace {

// One batch of rows, column by column (only the vector of the column's kind is used).
struct Batch {
  std::vector<std::vector<long long>> ints;
  std::vector<std::vector<std::string>> texts;
  std::vector<std::vector<soci::indicator>> nulls;

  explicit Batch(std::size_t columns) : ints(columns), texts(columns), nulls(columns) {}

  void Resize(const Table& table, std::size_t rows) {
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      if (table.columns[c].kind == ColumnKind::kInteger) {
        ints[c].resize(rows);
      } else {
        texts[c].resize(rows);
      }
      nulls[c].resize(rows, soci::i_ok);
    }
  }
  std::size_t Rows() const { return nulls.empty() ? 0 : nulls[0].size(); }
};

std::string ColumnList(const Table& table) {
  std::string out;
  for (const auto& c : table.columns) {
    if (!out.empty()) out += ", ";
    out += Quote(c.name);
  }
  return out;
}

std::string SelectSql(const Table& table) {
  std::string sql = "SELECT " + ColumnList(table) + " FROM " + Quote(table.name);
  if (!table.primary_key.empty()) {
    std::string order;
    for (const auto& k : table.primary_key) order += (order.empty() ? "" : ", ") + Quote(k);
    sql += " ORDER BY " + order;
  }
  return sql;
}

std::string InsertSql(const Table& table) {
  std::string values;
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    values += (c ? ", :c" : ":c") + std::to_string(c);
  }
  return "INSERT INTO " + Quote(table.name) + " (" + ColumnList(table) + ") VALUES (" + values +
         ")";
}

void BindInto(soci::statement& st, const Table& table, Batch& b) {
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    if (table.columns[c].kind == ColumnKind::kInteger) {
      st.exchange(soci::into(b.ints[c], b.nulls[c]));
    } else {
      st.exchange(soci::into(b.texts[c], b.nulls[c]));
    }
  }
}

void Insert(soci::session& target, const Table& table, Batch& b) {
  if (b.Rows() == 0) return;
  soci::statement st(target);
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    if (table.columns[c].kind == ColumnKind::kInteger) {
      st.exchange(soci::use(b.ints[c], b.nulls[c]));
    } else {
      st.exchange(soci::use(b.texts[c], b.nulls[c]));
    }
  }
  st.alloc();
  st.prepare(InsertSql(table));
  st.define_and_bind();
  st.execute(true);
}

}  // namespace

std::int64_t CopyRows(soci::session& source, storage::Engine source_engine, soci::session& target,
                      const Table& table, std::size_t batch_rows) {
  Batch b(table.columns.size());
  std::int64_t copied = 0;
  if (source_engine == storage::Engine::kSqlite) {
    b.Resize(table, batch_rows);
    soci::statement st(source);
    BindInto(st, table, b);
    st.alloc();
    st.prepare(SelectSql(table));
    st.define_and_bind();
    st.execute(false);
    while (st.fetch()) {
      Insert(target, table, b);
      copied += static_cast<std::int64_t>(b.Rows());
      b.Resize(table, batch_rows);
    }
    return copied;
  }
  // PostgreSQL: a cursor in the source's snapshot, read a batch per FETCH.
  source << "DECLARE tsunagu_transfer NO SCROLL CURSOR FOR " + SelectSql(table);
  const std::string fetch = "FETCH " + std::to_string(batch_rows) + " FROM tsunagu_transfer";
  while (true) {
    b.Resize(table, batch_rows);
    soci::statement st(source);
    BindInto(st, table, b);
    st.alloc();
    st.prepare(fetch, soci::details::st_one_time_query);  // FETCH cannot be a prepared statement
    st.define_and_bind();
    if (!st.execute(true)) break;
    const std::size_t rows = b.Rows();
    Insert(target, table, b);
    copied += static_cast<std::int64_t>(rows);
    if (rows < batch_rows) break;
  }
  source << "CLOSE tsunagu_transfer";
  return copied;
}

std::int64_t CountRows(soci::session& s, const std::string& table) {
  long long n = 0;
  s << "SELECT COUNT(*) FROM " + Quote(table), soci::into(n);
  return n;
}

void AdvanceSequences(soci::session& target, const Table& table) {
  for (const auto& c : table.columns) {
    if (!c.identity) continue;
    // pg_get_serial_sequence takes the table name as SQL text (quoted) and the column as is.
    std::string quoted_table = Quote(table.name);
    std::string column = c.name;
    long long last = 0;
    soci::indicator ind = soci::i_null;
    target << "SELECT setval(pg_get_serial_sequence(:t, :c), MAX(" + Quote(c.name) + ")) FROM " +
                  Quote(table.name) + " HAVING MAX(" + Quote(c.name) + ") IS NOT NULL",
        soci::use(quoted_table), soci::use(column), soci::into(last, ind);
  }
}

void RestoreTriggerKept(soci::session& source, soci::session& target) {
  soci::rowset<soci::row> rows =
      (source.prepare << "SELECT id, timeline_entries, timeline_mark, details_mark FROM "
                         "support_case ORDER BY id");
  for (const auto& r : rows) {
    long long id = storage::GetInt(r, 0);
    long long entries = storage::GetInt(r, 1);
    long long mark = storage::GetInt(r, 2);
    long long details = storage::GetInt(r, 3);
    target << "UPDATE support_case SET timeline_entries = :e, timeline_mark = :m, details_mark = "
              ":d WHERE id = :id",
        soci::use(entries), soci::use(mark), soci::use(details), soci::use(id);
  }
}

}  // namespace tsunagu::transfer
