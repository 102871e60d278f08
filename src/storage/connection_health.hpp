// PostgreSQL connections that were lost (the server restarted, a fail-over, a network cut) are
// put right while the application server keeps running: a request whose database work failed
// for a lost connection gets a clear 503 page (app.cpp), and a watcher per connection pool
// reconnects the pool's idle sessions as soon as the database answers again, so no server
// needs a restart of its own. SQLite files do not go away: nothing here applies to them.
#pragma once

#include <soci/soci.h>

#include <cstddef>
#include <exception>
#include <string>

namespace tsunagu::storage {

// True when e says the connection to PostgreSQL is gone or cannot be made (SQLSTATE class 08,
// 57P01–57P03 shutdown or start-up, or libpq's and SOCI's own words for a dead connection).
bool IsConnectionLost(const std::exception& e);

// Called where a database error is turned into a result: marks this thread (its request saw
// the database unreachable) and wakes every pool watcher to reconnect.
void NoteConnectionLost();

// True when, on this thread, a database operation failed for a lost connection since the
// last call; resets the mark. App::Handle calls it once before and once after a request.
bool TakeConnectionLost();

// A watcher thread for a PostgreSQL pool of `size` sessions: woken by NoteConnectionLost, it
// leases every idle session, reconnects those that are no longer connected, and tries again
// every 200 ms until all are connected. `owner` names the pool for StopWatching.
void WatchPool(const void* owner, soci::connection_pool& pool, std::size_t size);
// Stops and joins the watcher of `owner` (before its pool is destroyed).
void StopWatching(const void* owner);

}  // namespace tsunagu::storage
