#!/usr/bin/env bash
# deploy/nginx/tsunagu.conf in front of a real `tsunagu serve` (SQLite, demo data): the site is
# rendered with this test's addresses, ports and a throw-away certificate, checked with
# `nginx -t`, then run by a real nginx (unprivileged, its own prefix in a temporary folder).
# curl, as a client on 127.0.0.2, checks: https answers through nginx, TLS below 1.2 is refused,
# http redirects to https, HSTS exactly once (also on nginx's own error pages), body limits
# (1 MiB, 11 MiB on upload routes), the client address the server records is curl's and not
# nginx's (trusted_proxies), /metrics only on the metrics address (nginx answers it 404
# itself), and a case page's event stream arrives unbuffered: the stream's
# first event at once, and a comment added meanwhile as an event while the stream stays open.
# Usage: nginx_test.sh PATH/TO/tsunagu     Ends with "deploy: N passed, N failed".
set -uo pipefail
bin="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
here="$(cd "$(dirname "$0")/../.." && pwd)"
site="$here/deploy/nginx/tsunagu.conf"
kHost="tsunagu.example.jp"
kClient="127.0.0.2" # curl's source address; nginx and the server are on 127.0.0.1
kTotpSecret="JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP" # the demo accounts' (README)
kEmail="msw@demo.tsunagu.jp"
kPassword="demo-Kawa-Kumo-Yama-2026"

tmp="$(mktemp -d /tmp/tsunagu-nginx.XXXXXX)"
chmod 755 "$tmp"
server_pid=""
nginx_pid=""
stream_pid=""
cleanup() {
  for p in "$stream_pid" "$nginx_pid" "$server_pid"; do
    [ -n "$p" ] && kill "$p" 2>/dev/null && wait "$p" 2>/dev/null
  done
  rm -rf "$tmp"
}
trap cleanup EXIT

# shellcheck source=../support/check.sh
source "$(dirname "${BASH_SOURCE[0]}")/../support/check.sh"
# shellcheck source=../support/nginx.sh
source "$(dirname "${BASH_SOURCE[0]}")/../support/nginx.sh"
finish() {
  echo "deploy: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit
}
give_up() { # a step everything after it needs failed
  failed=$((failed + 1))
  echo "FAIL: $1"
  [ -f "${2:-}" ] && tail -n 30 "$2" | sed 's/^/    /'
  finish
}

command -v nginx >/dev/null || give_up "nginx is not installed (scripts/install-deps)"

# --- the application server ---------------------------------------------------------------
mkdir -p "$tmp/app/mail"
export TSUNAGU_KEY_FILE="$tmp/app/keys.toml"
db="sqlite:$tmp/app/tsunagu.db"
"$bin" keys generate --out "$TSUNAGU_KEY_FILE" >/dev/null || give_up "keys generate"
"$bin" demo --db "$db" >"$tmp/demo.log" 2>&1 || give_up "tsunagu demo" "$tmp/demo.log"

# The https port is chosen before the server starts (public_url names it); nginx's ports are
# tried until a pair is free (nginx cannot take port 0 and tell). Ports are picked below the
# kernel's range for outgoing connections (ip_local_port_range), where the connections of the
# tests running beside this one (the date runs, PostgreSQL clients) take ports at any moment:
# an https port picked there was once taken before nginx started (2026-12-07), and it cannot
# be picked again. A port is also checked free when it is picked.
read -r ephemeral_low _ </proc/sys/net/ipv4/ip_local_port_range
pick_port() {
  local port top=$((ephemeral_low > 12000 ? ephemeral_low : 32768))
  for _ in $(seq 1 100); do
    port=$((10000 + RANDOM % (top - 10000)))
    if /usr/bin/python3 -c 'import socket, sys
s = socket.socket()
s.bind(("127.0.0.1", int(sys.argv[1])))' "$port" 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  echo "$port"
}
https_port="$(pick_port)"
cat >"$tmp/app/tsunagu.toml" <<EOF
[server]
listen = "127.0.0.1:0"
public_url = "https://$kHost:$https_port"
cookie_secure = true
trusted_proxies = ["127.0.0.1"]
[database]
url = "$db"
[mail]
smtp_url = "file:$tmp/app/mail"
[security]
key_file = "$TSUNAGU_KEY_FILE"
[metrics]
listen = "127.0.0.1:0"
EOF
"$bin" serve --config "$tmp/app/tsunagu.toml" >"$tmp/serve.log" 2>&1 &
server_pid=$!
app_port=""
for _ in $(seq 1 300); do
  app_port="$(grep -oE 'listening on http://127\.0\.0\.1:[0-9]+' "$tmp/serve.log" | grep -oE '[0-9]+$')"
  [ -n "$app_port" ] && break
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.1
done
[ -n "$app_port" ] || give_up "tsunagu serve did not start" "$tmp/serve.log"

# --- nginx: certificate, the site rendered for this test, its own prefix --------------------
ngx="$tmp/nginx"
mkdir -p "$ngx/logs"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 1 \
  -subj "/CN=$kHost" -addext "subjectAltName=DNS:$kHost" \
  -keyout "$ngx/privkey.pem" -out "$ngx/fullchain.pem" >"$tmp/openssl.log" 2>&1 ||
  give_up "openssl could not make a certificate" "$tmp/openssl.log"

render() { # render HTTP_PORT: the site with this test's addresses; fails when a line is not found
  local http_port="$1"
  sed -e "s#^\( *\)listen 80;#\1listen 127.0.0.1:$http_port;#" \
    -e "s#^\( *\)listen 443 ssl http2;#\1listen 127.0.0.1:$https_port ssl http2;#" \
    -e '/listen \[::\]:/d' \
    -e "s#server 10\.0\.0\.11:8080#server 127.0.0.1:$app_port#" \
    -e '/server 10\.0\.0\.1[23]:8080/d' \
    -e "s#/etc/ssl/tsunagu/#$ngx/#" \
    -e "s#/var/log/nginx/#$ngx/logs/#" \
    "$site" >"$ngx/site.conf"
  for gone in 'listen 80;' 'listen 443' '10.0.0.1' '/etc/ssl/' '/var/log/'; do
    if grep -qF "$gone" "$ngx/site.conf"; then
      echo "the site still has '$gone' after rendering: update render() in $0"
      return 1
    fi
  done
  write_test_nginx_conf "$ngx" 256
}

# Unprivileged: as root (CI containers), nginx runs as nobody from the start.
as_user=()
if [ "$(id -u)" -eq 0 ]; then
  as_user=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
fi
nginx_cmd=(nginx -p "$ngx" -c "$ngx/nginx.conf" -e "$ngx/logs/error.log")

started=""
for _ in 1 2 3 4 5; do
  http_port="$(pick_port)"
  render "$http_port" >"$tmp/render.log" 2>&1 || give_up "render the site" "$tmp/render.log"
  [ "$(id -u)" -eq 0 ] && chown -R nobody:nogroup "$ngx"
  if [ -z "$started" ]; then
    check "nginx -t accepts the site" "${as_user[@]}" "${nginx_cmd[@]}" -t
  fi
  : >"$ngx/logs/error.log"
  "${as_user[@]}" "${nginx_cmd[@]}" &
  nginx_pid=$!
  for _ in $(seq 1 50); do
    [ -s "$ngx/nginx.pid" ] && break
    kill -0 "$nginx_pid" 2>/dev/null || break
    sleep 0.1
  done
  if [ -s "$ngx/nginx.pid" ] && kill -0 "$nginx_pid" 2>/dev/null; then
    started=yes
    break
  fi
  wait "$nginx_pid" 2>/dev/null
  nginx_pid=""
  started=tried
  # The https port is fixed by public_url; only a busy http port is worth another try.
  grep -q "Address already in use" "$ngx/logs/error.log" || break
done
[ "$started" = yes ] || give_up "nginx did not start" "$ngx/logs/error.log"

base="https://$kHost:$https_port"
# curl as a browser on another address: the name resolves to nginx, the certificate is checked.
c() {
  curl --silent --show-error --interface "$kClient" --resolve "$kHost:$https_port:127.0.0.1" \
    --resolve "$kHost:$http_port:127.0.0.1" --cacert "$ngx/fullchain.pem" --max-time 15 "$@"
}

# --- TLS, redirect, HSTS --------------------------------------------------------------------
c "$base/healthz" >"$tmp/healthz" 2>&1
check "https answers /healthz through nginx" grep -qx ok "$tmp/healthz"
# /metrics: on the server's own metrics address only; nginx answers it itself (404).
metrics_port="$(grep -oE 'metrics on http://127\.0\.0\.1:[0-9]+' "$tmp/serve.log" | grep -oE '[0-9]+$')"
curl --silent "http://127.0.0.1:$metrics_port/metrics" >"$tmp/metrics" 2>&1
check "the metrics address answers /metrics" grep -q '^tsunagu_http_requests_total{' "$tmp/metrics"
c -o "$tmp/metrics_public" -w '%{http_code}' "$base/metrics" >"$tmp/code" 2>&1
check "nginx does not pass /metrics on (its own 404)" \
  bash -c "[ \"\$(cat $tmp/code)\" = 404 ] && grep -q nginx $tmp/metrics_public && ! grep -q tsunagu_ $tmp/metrics_public"
c --tlsv1.1 --tls-max 1.1 "$base/healthz" >/dev/null 2>&1
check "TLS 1.1 is refused" test "$?" -ne 0
c --tlsv1.3 "$base/healthz" >"$tmp/tls13" 2>&1
check "TLS 1.3 is accepted" grep -qx ok "$tmp/tls13"
c -o /dev/null -w '%{http_code} %{redirect_url}' "http://$kHost:$http_port/healthz?x=1" >"$tmp/redirect"
check "http redirects to https (301, same path and query)" \
  grep -qxF "301 https://$kHost/healthz?x=1" "$tmp/redirect"
c -D "$tmp/headers" -o /dev/null "$base/healthz"
check "HSTS exactly once on a server's answer" \
  test "$(grep -ciE '^strict-transport-security: max-age=31536000; includeSubDomains' "$tmp/headers")" = 1

# --- bodies -----------------------------------------------------------------------------------
head -c $((2 * 1024 * 1024)) /dev/zero >"$tmp/2m"
head -c $((12 * 1024 * 1024)) /dev/zero >"$tmp/12m"
c -D "$tmp/headers413" -o "$tmp/body413" -w '%{http_code}' --data-binary "@$tmp/2m" \
  -H 'Content-Type: application/x-www-form-urlencoded' "$base/login" >"$tmp/code"
check "a 2 MiB form post gets 413 from nginx" bash -c "[ \"\$(cat $tmp/code)\" = 413 ] && grep -q nginx $tmp/body413"
check "HSTS on nginx's own error page" grep -qiE '^strict-transport-security: ' "$tmp/headers413"
c -o "$tmp/body" -w '%{http_code}' --data-binary "@$tmp/2m" \
  -H 'Content-Type: multipart/form-data; boundary=x' "$base/cases/1/documents" >"$tmp/code"
check "a 2 MiB upload passes nginx (the server answers, without a session: not 413)" \
  bash -c "code=\$(cat $tmp/code); [ \"\$code\" != 413 ] && [ \"\$code\" -ge 300 ] && ! grep -q nginx $tmp/body"
c -o "$tmp/body" -w '%{http_code}' --data-binary "@$tmp/12m" \
  -H 'Content-Type: multipart/form-data; boundary=x' "$base/cases/1/documents" >"$tmp/code"
check "a 12 MiB upload gets 413" bash -c "[ \"\$(cat $tmp/code)\" = 413 ]"

# --- sign in through nginx: password, then the TOTP code ----------------------------------
jar="$tmp/cookies"
seq_before="$(sqlite3 "$tmp/app/tsunagu.db" 'SELECT COALESCE(MAX(seq), 0) FROM audit_event')"
csrf() { grep -oE 'name="csrf_token" value="[^"]+"' "$1" | head -n 1 | sed -E 's/.*value="([^"]+)"/\1/'; }
totp() {
  /usr/bin/python3 - "$kTotpSecret" <<'PY'
import base64, hashlib, hmac, struct, sys, time
key = base64.b32decode(sys.argv[1])
mac = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
o = mac[-1] & 15
print("%06d" % ((struct.unpack(">I", mac[o:o + 4])[0] & 0x7FFFFFFF) % 1000000))
PY
}
c -c "$jar" -b "$jar" -o "$tmp/login.html" "$base/login"
c -c "$jar" -b "$jar" -o /dev/null -w '%{http_code}' "$base/login" \
  --data-urlencode "email=$kEmail" --data-urlencode "password=$kPassword" \
  --data-urlencode "csrf_token=$(csrf "$tmp/login.html")" >"$tmp/code"
check "password accepted through nginx (303)" grep -qx 303 "$tmp/code"
c -c "$jar" -b "$jar" -o "$tmp/code.html" "$base/login/code"
c -c "$jar" -b "$jar" -o /dev/null -w '%{http_code} %{redirect_url}' "$base/login/code" \
  --data-urlencode "code=$(totp)" --data-urlencode "csrf_token=$(csrf "$tmp/code.html")" >"$tmp/code"
check "TOTP code accepted through nginx" grep -qE '^303 ' "$tmp/code"

check "the server records the client's address (curl's $kClient), not nginx's" bash -c \
  "ips=\$(sqlite3 '$tmp/app/tsunagu.db' \"SELECT DISTINCT ip FROM audit_event WHERE seq > $seq_before\"); echo \"addresses recorded: \$ips\"; [ \"\$ips\" = '$kClient' ]"

# --- a case page's live stream through nginx ----------------------------------------------
c -b "$jar" -o "$tmp/cases.html" "$base/cases"
case_id="$(grep -oE 'href="/cases/[0-9]+"' "$tmp/cases.html" | head -n 1 | grep -oE '[0-9]+')"
[ -n "$case_id" ] || give_up "no case on /cases for $kEmail" "$tmp/cases.html"
c -b "$jar" -N --max-time 30 "$base/cases/$case_id/events" >"$tmp/stream" 2>&1 &
stream_pid=$!
wait_for() { # wait_for PATTERN FILE SECONDS: the pattern appears while the stream is open
  for _ in $(seq 1 $(($3 * 10))); do
    grep -q "$1" "$2" && kill -0 "$stream_pid" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "no '$1' within $3 s while the stream was open; received:"
  cat "$2"
  return 1
}
check "the stream's first event arrives at once through nginx" wait_for '^event: ready' "$tmp/stream" 5
c -b "$jar" -o "$tmp/case.html" "$base/cases/$case_id"
c -c "$jar" -b "$jar" -o /dev/null -w '%{http_code}' "$base/cases/$case_id/entries" \
  --data-urlencode "kind=comment" --data-urlencode "occurred_on=$(TZ=Asia/Tokyo date +%F)" \
  --data-urlencode "body=nginx の試験" --data-urlencode "csrf_token=$(csrf "$tmp/case.html")" >"$tmp/code"
check "a comment is added through nginx (303)" grep -qx 303 "$tmp/code"
check "the change arrives on the open stream at once (not held by nginx)" \
  wait_for '^event: timeline' "$tmp/stream" 5
c -b "$jar" -D "$tmp/stream_headers" -o /dev/null --max-time 2 "$base/cases/$case_id/events" 2>/dev/null
check "the stream's answer says text/event-stream through nginx" \
  grep -qi '^content-type: text/event-stream' "$tmp/stream_headers"

finish
