# shellcheck shell=bash disable=SC2154  # sourced by cluster_test.sh, which sets tmp, here, bin
# The cluster the tests of tests/cluster/ run against (sourced by cluster_test.sh): a throw-away
# PostgreSQL (scripts/start-postgres), an SMTP sink (scripts/start-smtp), three `tsunagu serve`
# on one database with the demo data, and a real nginx with deploy/nginx/tsunagu.conf rendered
# for this test's ports and a throw-away certificate. Everything lives in $tmp; cleanup stops
# every process started here (by its pid) and removes $tmp.
#
# The servers run on the tests' clock (--clock-offset), from kStartNow: never the machine's date.

kHost="tsunagu.example.jp"
kStartNow="2026-06-10T10:00:00+09:00" # an ordinary weekday morning in Japan (as the e2e tests)
kServers=3

server_pids=()
server_ports=()
nginx_pid=""
pg_dir=""
mail_dir=""

cleanup() {
  local p
  for p in "${server_pids[@]}"; do
    [ -n "$p" ] && kill -9 "$p" 2>/dev/null && wait "$p" 2>/dev/null
  done
  # nginx by TERM: its master stops the workers (kill -9 would leave them running).
  [ -n "$nginx_pid" ] && kill -TERM "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
  [ -n "$mail_dir" ] && "$here/scripts/stop-smtp" "$mail_dir" >/dev/null 2>&1
  [ -n "$pg_dir" ] && "$here/scripts/stop-postgres" "$pg_dir" >/dev/null 2>&1
  if [ -n "${TSUNAGU_KEEP_TMP:-}" ]; then
    echo "kept $tmp"
  else
    rm -rf "$tmp"
  fi
}

free_port() {
  /usr/bin/python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()'
}

# psql on the cluster's database: sql "SELECT ..." prints the rows, unaligned, no header.
sql() { psql -X -q -t -A -v ON_ERROR_STOP=1 "$pg_url" -c "$1"; }

# Seconds between the machine's clock and the tests' clock at kStartNow, plus DAYS days.
offset_for_day() {
  echo $(($(date -d "$kStartNow" +%s) - $(date +%s) + $1 * 86400))
}

start_database_and_mail() {
  pg_dir="$tmp/pg"
  mkdir -p "$pg_dir" && chmod 755 "$pg_dir"
  pg_url="$("$here/scripts/start-postgres" "$pg_dir" 2>"$tmp/pg-start.log")" ||
    give_up "PostgreSQL did not start" "$tmp/pg-start.log"
  mail_dir="$tmp/mail"
  smtp_port="$("$here/scripts/start-smtp" "$mail_dir" 0 2>"$tmp/smtp-start.log")" ||
    give_up "the SMTP sink did not start" "$tmp/smtp-start.log"
}

write_config() {
  https_port="$(free_port)"
  cat >"$tmp/tsunagu.toml" <<EOF
[server]
public_url = "https://$kHost:$https_port"
cookie_secure = true
trusted_proxies = ["127.0.0.1"]
[database]
url = "$pg_url"
pool_size = 4
[mail]
smtp_url = "smtp://127.0.0.1:$smtp_port"
from = "tsunagu@example.jp"
[security]
key_file = "$tmp/keys.toml"
# Every booking of the load comes from one address (the test's): the per-address limits of
# public forms would answer 429 instead of booking.
public_form_limit = 1000000
public_bookings_per_address_day = 1000000
EOF
  "$bin" keys generate --out "$tmp/keys.toml" >/dev/null || give_up "keys generate"
  "$bin" demo --config "$tmp/tsunagu.toml" --clock-offset "$(offset_for_day 0)" \
    >"$tmp/demo.log" 2>&1 || give_up "tsunagu demo" "$tmp/demo.log"
}

# start_server I DAY: server I (0-based) on its port, on the tests' clock moved DAY days on.
start_server() {
  local i="$1" day="$2"
  [ -n "${server_ports[$i]:-}" ] || server_ports[i]="$(free_port)"
  # Line-buffered: the browser test finds the server holding a stream by its log line, which
  # a log going to a file would otherwise keep in its buffer (stdbuf execs, so $! is the server).
  stdbuf -oL -eL "$bin" serve --config "$tmp/tsunagu.toml" --listen "127.0.0.1:${server_ports[$i]}" \
    --clock-offset "$(offset_for_day "$day")" >>"$tmp/serve$i.log" 2>&1 &
  server_pids[i]=$!
}

# wait_servers: every running server answers /healthz on its own port.
wait_servers() {
  local i
  for i in $(seq 0 $((kServers - 1))); do
    [ -n "${server_pids[$i]}" ] || continue
    for _ in $(seq 1 300); do
      [ "$(curl -fsS --max-time 2 "http://127.0.0.1:${server_ports[$i]}/healthz" 2>/dev/null)" = ok ] &&
        continue 2
      kill -0 "${server_pids[$i]}" 2>/dev/null || break
      sleep 0.1
    done
    give_up "server $i did not answer /healthz" "$tmp/serve$i.log"
  done
}

# stop_server I [SIGNAL]
stop_server() {
  local pid="${server_pids[$1]}"
  [ -n "$pid" ] || return 0
  kill "-${2:-TERM}" "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  server_pids[$1]=""
}

start_nginx() {
  local ngx="$tmp/nginx" site="$here/deploy/nginx/tsunagu.conf" http_port
  mkdir -p "$ngx/logs"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 1 \
    -subj "/CN=$kHost" -addext "subjectAltName=DNS:$kHost" \
    -keyout "$ngx/privkey.pem" -out "$ngx/fullchain.pem" >"$tmp/openssl.log" 2>&1 ||
    give_up "openssl could not make a certificate" "$tmp/openssl.log"
  cacert="$ngx/fullchain.pem"
  http_port="$(free_port)"
  # The site's three upstream lines, each given one of this test's servers.
  sed -e "s#^\( *\)listen 80;#\1listen 127.0.0.1:$http_port;#" \
    -e "s#^\( *\)listen 443 ssl http2;#\1listen 127.0.0.1:$https_port ssl http2;#" \
    -e '/listen \[::\]:/d' \
    -e "s#server 10\.0\.0\.11:8080#server 127.0.0.1:${server_ports[0]}#" \
    -e "s#server 10\.0\.0\.12:8080#server 127.0.0.1:${server_ports[1]}#" \
    -e "s#server 10\.0\.0\.13:8080#server 127.0.0.1:${server_ports[2]}#" \
    -e "s#/etc/ssl/tsunagu/#$ngx/#" \
    -e "s#/var/log/nginx/#$ngx/logs/#" \
    "$site" >"$ngx/site.conf"
  for gone in 'listen 80;' 'listen 443' '10.0.0.1' '/etc/ssl/' '/var/log/'; do
    grep -qF "$gone" "$ngx/site.conf" && give_up "the site still has '$gone' after rendering"
  done
  write_test_nginx_conf "$ngx" 512
  local as_user=()
  if [ "$(id -u)" -eq 0 ]; then
    as_user=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
    chown -R nobody:nogroup "$ngx"
  fi
  "${as_user[@]}" nginx -p "$ngx" -c "$ngx/nginx.conf" -e "$ngx/logs/error.log" \
    >"$tmp/nginx.out" 2>&1 </dev/null &
  nginx_pid=$!
  for _ in $(seq 1 50); do
    [ -s "$ngx/nginx.pid" ] && break
    kill -0 "$nginx_pid" 2>/dev/null || break
    sleep 0.1
  done
  [ -s "$ngx/nginx.pid" ] || give_up "nginx did not start" "$ngx/logs/error.log"
}

# curl through nginx, as a browser would reach the site.
c() {
  curl --silent --show-error --resolve "$kHost:$https_port:127.0.0.1" --cacert "$cacert" \
    --max-time 15 "$@"
}
# tests/cluster/client.py with this cluster's address; only in the background (`client ... &`):
# it execs, so $! is the client's own pid and `kill $!` stops it.
client() { exec /usr/bin/python3 "$here/tests/cluster/client.py" "$1" --port "$https_port" \
  --host "$kHost" --cacert "$cacert" "${@:2}"; }

# The consistency every fault test ends with: no slot holds more than its capacity, each slot's
# counter equals its bookings, every reference a success page showed is stored and booked.
# check_bookings ANSWERS_FILE
check_bookings() {
  local answers="$1"
  check "no slot is overbooked (booked <= capacity)" \
    test "$(sql 'SELECT COUNT(*) FROM consultation_slot WHERE booked > capacity')" = 0
  check "each slot's counter equals its stored bookings" test "$(sql "
    SELECT COUNT(*) FROM consultation_slot s WHERE s.booked <> (SELECT COUNT(*) FROM booking b
      WHERE b.slot_id = s.id AND b.status IN ('booked','attended','no_show','offered'))")" = 0
  /usr/bin/python3 -c 'import json, sys
for line in open(sys.argv[1]):
    r = json.loads(line)
    if r.get("reference"):
        print(r["reference"])' "$answers" | sort -u >"$tmp/answered_refs"
  sql "SELECT reference FROM booking WHERE status = 'booked'" | sort -u >"$tmp/stored_refs"
  local lost
  lost="$(comm -23 "$tmp/answered_refs" "$tmp/stored_refs" | wc -l)"
  echo "   answered with a reference: $(wc -l <"$tmp/answered_refs"), of them not stored: $lost"
  check "every booking that got a success page is stored" test "$lost" = 0 -a \
    "$(wc -l <"$tmp/answered_refs")" -gt 0
}

# status_counts FILE [FROM_T]: "200=12 409=3 ..." of the answers at or after FROM_T seconds.
status_counts() {
  /usr/bin/python3 -c 'import collections, json, sys
since = float(sys.argv[2]) if len(sys.argv) > 2 else -1
c = collections.Counter(str(json.loads(l)["status"]) for l in open(sys.argv[1])
                        if json.loads(l)["t"] >= since)
print(" ".join("%s=%d" % kv for kv in sorted(c.items())) or "none")' "$@"
}
