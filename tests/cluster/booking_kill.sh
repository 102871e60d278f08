# shellcheck shell=bash disable=SC2154  # sourced by cluster_test.sh, which sets tmp, here, bin
# Booking load through nginx while one server is killed with kill -9 (sourced by
# cluster_test.sh). Three slots of the demo programme's first day at least three days ahead
# get 60 places each; 600 bookings (every 4th with an e-mail address) are sent 12 at a time,
# so the slots fill up (half of them after the kill) and the later bookings meet 満席 (409).
# Once 90 answers are in, server 1 is killed with kill -9 (so that at least 100 answers come
# after the kill however fast the servers book: with 360 bookings, a faster booking once left
# only 96). Then:
# - every booking whose answer was the 予約完了 page (with its reference) is stored, booked;
# - no slot holds more than its capacity and each slot's counter equals its bookings;
# - from half a second after the kill, every answer (at least 100 of them) came from a living server (200 or 409: no
#   502/504, no cut connection): nginx passes the dead one over;
# - the other servers answer /healthz and /book/1 directly.
# The servers go on (server 1 restarted) for the parts after this one.

kCapacity=60
kBookings=600
kKillAfter=90
first_day="$(sql "SELECT d.id FROM consultation_day d WHERE d.program_id = 1
  AND d.status = 'scheduled' AND d.day_date >= '$(date -d "$kStartNow + 3 days" +%F)'
  AND (SELECT COUNT(*) FROM consultation_slot s WHERE s.day_id = d.id) >= 3
  ORDER BY d.day_date, d.id LIMIT 1")"
[ -n "$first_day" ] || give_up "the demo programme has no day with three slots ahead"
load_slots="$(sql "SELECT id FROM consultation_slot WHERE day_id = $first_day
  ORDER BY start_minutes LIMIT 3" | paste -sd,)"
sql "UPDATE consultation_slot SET capacity = booked + $kCapacity WHERE id IN ($load_slots)" >/dev/null
booked_before="$(sql "SELECT SUM(booked) FROM consultation_slot WHERE id IN ($load_slots)")"
load_day_date="$(sql "SELECT day_date FROM consultation_day WHERE id = $first_day")"
echo "   day $first_day ($load_day_date), slots $load_slots: $kCapacity free places each"

answers="$tmp/booking_answers.jsonl"
client book --out "$answers" --count "$kBookings" --threads 12 --slots "$load_slots" \
  --email-every 4 >"$tmp/book.log" 2>&1 &
load_pid=$!
for _ in $(seq 1 600); do
  [ -f "$answers" ] && [ "$(wc -l <"$answers")" -ge "$kKillAfter" ] && break
  kill -0 "$load_pid" 2>/dev/null || break
  sleep 0.05
done
kill_t="$(/usr/bin/python3 -c 'import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
print(max([r["t"] for r in rows] or [0]))' "$answers")"
stop_server 1 KILL
echo "   server 1 killed with kill -9 after $(wc -l <"$answers") answers (t=${kill_t} s)"
wait "$load_pid"
check "the load ran to its end" test "$(wc -l <"$answers")" = "$kBookings"
echo "   answers, all: $(status_counts "$answers")"
after="$(/usr/bin/python3 -c "print($kill_t + 0.5)")"
echo "   answers from 0.5 s after the kill: $(status_counts "$answers" "$after")"
check "after the kill every answer comes from a living server (200 or 409)" /usr/bin/python3 -c '
import json, sys
bad = [r for r in map(json.loads, open(sys.argv[1])) if r["t"] >= float(sys.argv[2])
       and r["status"] not in (200, 409)]
late = [r for r in map(json.loads, open(sys.argv[1])) if r["t"] >= float(sys.argv[2])]
print(len(late), "answers after the kill, not from a living server:", bad[:5])
sys.exit(1 if bad or len(late) < 100 else 0)' "$answers" "$after"
check_bookings "$answers"
stored="$(sql "SELECT SUM(booked) FROM consultation_slot WHERE id IN ($load_slots)")"
echo "   places taken by the load: $((stored - booked_before)) of $((3 * kCapacity))"
for i in 0 2; do
  check "server $i answers /book/1 directly after the kill" \
    curl -fsS -o /dev/null --max-time 5 "http://127.0.0.1:${server_ports[$i]}/book/1"
done
ok=0
for _ in $(seq 1 20); do
  [ "$(c "https://$kHost:$https_port/healthz" 2>/dev/null)" = ok ] && ok=$((ok + 1))
done
echo "   /healthz through nginx with server 1 dead: $ok of 20 ok"
check "nginx keeps answering with one server dead (20 of 20)" test "$ok" = 20

start_server 1 0
wait_servers
