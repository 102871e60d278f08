#!/usr/bin/env bash
# Several servers, one database, one proxy (issue 17, point 1): three `tsunagu serve` on one
# PostgreSQL database behind a real nginx with TLS (deploy/nginx/tsunagu.conf, a throw-away
# certificate, trusted_proxies set), an SMTP sink, then the faults:
#   booking load while one server is killed with kill -9   (booking_kill.sh)
#   the main browser flows, and a case page's stream across a kill -9 (browser.sh, Playwright)
#   PostgreSQL restarted under load                         (postgres_restart.sh)
#   the clock-driven jobs on all three for a simulated week (week_jobs.sh)
# TSUNAGU_CLUSTER_ONLY="booking_kill week_jobs" runs only those parts (in that order).
# Each prints what it saw (counts) on lines starting with "   ".
# Usage: cluster_test.sh PATH/TO/tsunagu     Ends with "cluster: N passed, N failed".
# TSUNAGU_KEEP_TMP=1 keeps the temporary folder (logs, mails, answers).
set -uo pipefail
bin="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
here="$(cd "$(dirname "$0")/../.." && pwd)"
tests="$here/tests/cluster"

tmp="$(mktemp -d /tmp/tsunagu-cluster.XXXXXX)"
chmod 755 "$tmp"

# shellcheck source=../support/check.sh
source "$here/tests/support/check.sh"
finish() {
  echo "-- the cluster test took $SECONDS s"
  echo "cluster: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit
}
give_up() { # a step everything after it needs failed
  failed=$((failed + 1))
  echo "FAIL: $1"
  [ -f "${2:-}" ] && tail -n 30 "$2" | sed 's/^/    /'
  finish
}
# shellcheck source=../support/nginx.sh
source "$here/tests/support/nginx.sh"
# shellcheck source=cluster_lib.sh
source "$tests/cluster_lib.sh"
trap cleanup EXIT
trap 'exit 130' INT TERM

for tool in nginx psql openssl curl; do
  command -v "$tool" >/dev/null || give_up "$tool is not installed (scripts/install-deps)"
done

echo "== the cluster: PostgreSQL, SMTP sink, $kServers servers, nginx (TLS)"
start_database_and_mail
write_config
for i in $(seq 0 $((kServers - 1))); do start_server "$i" 0; done
wait_servers
start_nginx
c "https://$kHost:$https_port/healthz" >"$tmp/healthz" 2>&1
check "https answers /healthz through nginx" grep -qx ok "$tmp/healthz"
echo "   setup took $SECONDS s"

for part in ${TSUNAGU_CLUSTER_ONLY:-booking_kill browser postgres_restart week_jobs}; do
  started=$SECONDS
  echo "== $part"
  # shellcheck source=/dev/null
  source "$tests/$part.sh"
  echo "   ($part took $((SECONDS - started)) s)"
done

finish
