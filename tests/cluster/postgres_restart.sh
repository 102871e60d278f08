# shellcheck shell=bash disable=SC2154  # sourced by cluster_test.sh, which sets tmp, here, bin
# PostgreSQL restarted under load (sourced by cluster_test.sh). While bookings are sent and the
# booking page is read through nginx, PostgreSQL is stopped for about three seconds and started
# again on the same port (scripts/stop-postgres, scripts/start-postgres). Then:
# - during the gap every answer is the page or a clear 503 (the Japanese page says the database
#   cannot be reached; the English one too): never a 500, never nginx's own 502/504;
# - afterwards each server answers the booking page again on its own, without being restarted;
# - nothing is half-written: the booking checks of check_bookings, and the audit chain verifies.

restart_slot="$(sql "SELECT s.id FROM consultation_slot s JOIN consultation_day d ON d.id = s.day_id
  WHERE d.program_id = 1 AND d.status = 'scheduled'
  AND d.day_date >= '$(date -d "$kStartNow + 3 days" +%F)' AND s.id NOT IN (${load_slots:-0})
  ORDER BY d.day_date, s.start_minutes LIMIT 1")"
[ -n "$restart_slot" ] || give_up "no slot left for the restart load"
sql "UPDATE consultation_slot SET capacity = booked + 100000 WHERE id = $restart_slot" >/dev/null

pg_answers="$tmp/restart_bookings.jsonl"
pg_probe="$tmp/restart_probe.jsonl"
client book --out "$pg_answers" --count 100000 --threads 4 --slots "$restart_slot" \
  >"$tmp/restart_book.log" 2>&1 &
restart_load_pid=$!
client probe --out "$pg_probe" --seconds 14 --path /book/1 >"$tmp/restart_probe.log" 2>&1 &
probe_pid=$!
sleep 2
"$here/scripts/stop-postgres" "$pg_dir" >"$tmp/pg-stop.log" 2>&1
gap_started=$SECONDS
sleep 1.5
c -o "$tmp/gap_en.html" -w '%{http_code}' "https://$kHost:$https_port/book/1?lang=en" \
  >"$tmp/gap_en.code" 2>&1
sleep 1.5
"$here/scripts/start-postgres" "$pg_dir" >/dev/null 2>"$tmp/pg-restart.log" ||
  give_up "PostgreSQL did not start again" "$tmp/pg-restart.log"
echo "   PostgreSQL was down for about $((SECONDS - gap_started)) s"
wait "$probe_pid"
kill "$restart_load_pid" 2>/dev/null
wait "$restart_load_pid" 2>/dev/null

echo "   booking page answers while PostgreSQL restarted: $(status_counts "$pg_probe")"
echo "   booking answers while PostgreSQL restarted: $(status_counts "$pg_answers")"
check "during the gap the booking page answers 503, never 500 or a proxy error" \
  /usr/bin/python3 -c '
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
bad = [r for r in rows if r["status"] not in (200, 503)]
gap = [r for r in rows if r["status"] == 503]
unclear = [r for r in gap if not (r.get("says_database_ja") and r.get("lang_ja"))]
print(len(gap), "answers 503; others:", bad[:5], "503 pages without the Japanese sentence:", len(unclear))
sys.exit(1 if bad or not gap or unclear else 0)' "$pg_probe"
check "a booking sent during the gap gets 503 (or its page), never 500" /usr/bin/python3 -c '
import json, sys
bad = [r for r in map(json.loads, open(sys.argv[1])) if r["status"] not in (200, 409, 503)]
print(bad[:5]); sys.exit(1 if bad else 0)' "$pg_answers"
check "the English 503 page says the database cannot be reached" bash -c \
  "grep -qx 503 '$tmp/gap_en.code' && grep -q 'The database cannot be reached' '$tmp/gap_en.html'"

for i in $(seq 0 $((kServers - 1))); do
  recovered=""
  for _ in $(seq 1 100); do
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 \
      "http://127.0.0.1:${server_ports[$i]}/book/1")"
    [ "$code" = 200 ] && recovered=yes && break
    sleep 0.1
  done
  check "server $i answers the booking page again without a restart of its own (last: $code)" \
    test -n "$recovered"
done
check_bookings "$pg_answers"
sleep 1 # the last requests of the stopped load finish: the chain is read while nothing writes
check "the audit chain verifies after the restart" \
  "$bin" audit verify --config "$tmp/tsunagu.toml"
