# shellcheck shell=bash disable=SC2154  # sourced by cluster_test.sh, which sets tmp, here, bin
# The main browser flows through nginx (sourced by cluster_test.sh): Playwright and Debian's
# chromium run tests/cluster/browser.spec.js (its own config, no server of its own) against
# nginx's https address: a booking from the portal to the 予約完了 page, staff sign-in and a
# case page, and a case page kept open while the server holding its stream is killed with
# kill -9 (the spec finds that server in the logs and kills it). Then every dead server is
# started again for the parts after this one.

if [ ! -d "$here/node_modules/@playwright/test" ]; then
  give_up "no node_modules/@playwright/test: run npm ci (make deps)"
fi
servers_json="$(for i in $(seq 0 $((kServers - 1))); do
  printf '{"pid": %s, "log": "%s"}\n' "${server_pids[$i]}" "$tmp/serve$i.log"
done | paste -sd, | sed 's/^/[/; s/$/]/')"
(cd "$here" && TSUNAGU_BASE_URL="https://$kHost:$https_port" TSUNAGU_SITE_HOST="$kHost" \
  TSUNAGU_CLOCK_OFFSET="$(offset_for_day 0)" TSUNAGU_TMP="$tmp" \
  TSUNAGU_CLUSTER_SERVERS="$servers_json" \
  timeout --kill-after=10 240 npx playwright test -c tests/cluster/playwright.config.js \
  >"$tmp/browser.log" 2>&1)
browser_rc=$?
grep -E '^\s+(✓|✘|[0-9]+ (passed|failed|skipped))|the stream was on server' "$tmp/browser.log" |
  sed 's/^ */   /'
check "the browser flows through nginx pass (Playwright)" test "$browser_rc" = 0
[ "$browser_rc" = 0 ] || tail -n 60 "$tmp/browser.log" | sed 's/^/    /'
check "the browser tests ran (3 passed)" grep -qE '^\s+3 passed' "$tmp/browser.log"

for i in $(seq 0 $((kServers - 1))); do
  if ! kill -0 "${server_pids[$i]}" 2>/dev/null; then
    wait "${server_pids[$i]}" 2>/dev/null
    start_server "$i" 0
  fi
done
wait_servers
