// An INSERT that gives back the new row's id on both engines, without SQLite's RETURNING.
// SQLite keeps the rows a RETURNING clause gives back in a temporary B-tree that it opens and
// closes at every execution (allocating a page cache for it): under booking load that was an
// eighth of a public booking's time in the write transaction. PostgreSQL gets `RETURNING id`,
// SQLite the connection's last inserted rowid, which is the id of every table here ({{id}} is
// INTEGER PRIMARY KEY there).
#pragma once

#include <soci/soci.h>

#include <string>
#include <utility>

namespace tsunagu::storage {

// `sql` is the INSERT without a RETURNING clause; `uses` its soci::use(...) bindings, in order.
template <typename... Uses>
long long InsertReturningId(soci::session& s, std::string sql, Uses&&... uses) {
  const bool returning = s.get_backend_name() == "postgresql";
  long long id = 0;
  soci::statement st(s);
  (st.exchange(std::forward<Uses>(uses)), ...);
  if (returning) {
    sql += " RETURNING id";
    st.exchange(soci::into(id));
  }
  st.alloc();
  st.prepare(sql);
  st.define_and_bind();
  st.execute(true);
  if (!returning) s.get_last_insert_id("", id);
  return id;
}

}  // namespace tsunagu::storage
