#!/usr/bin/env bash
# The `tsunagu` command as an operator uses it: keys, migrate, org and user commands, the
# scheduled jobs, serve on an empty file, audit verify (and its report of a tampered chain), backup and restore,
# `doctor` on a good deployment and on broken ones, errors as sentences, and (with PostgreSQL)
# transfer from SQLite to PostgreSQL.
# Usage: cli_test.sh PATH/TO/tsunagu   (PostgreSQL part runs when TSUNAGU_TEST_PG_URL is set)
set -uo pipefail
bin="$1"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
tmp="$(mktemp -d)"
trap 'kill "${server_pid:-}" 2>/dev/null; "$repo/scripts/stop-smtp" "$tmp/smtp" >/dev/null 2>&1; rm -rf "$tmp"' EXIT
# shellcheck source=../support/check.sh
source "$(dirname "${BASH_SOURCE[0]}")/../support/check.sh"

export TSUNAGU_KEY_FILE="$tmp/keys.toml"
check "keys generate" "$bin" keys generate --out "$tmp/keys.toml"
check "key file mode is 0600" test "$(stat -c %a "$tmp/keys.toml")" = 600
check "keys generate never overwrites" bash -c "! '$bin' keys generate --out '$tmp/keys.toml'"

run_engine() {  # run_engine LABEL DB_URL RESTORE_URL
  local label="$1" db="$2" restore_db="$3"
  check "$label migrate" "$bin" migrate --db "$db"
  check "$label migrate is idempotent" bash -c "'$bin' migrate --db '$db' | grep -q 'applied 0'"
  check "$label org create" bash -c "'$bin' org create --db '$db' --kind hospital --name 'CLI病院' | grep -q created"
  check "$label org create refuses a bad kind" bash -c "! '$bin' org create --db '$db' --kind castle --name x"
  check "$label user create refuses a weak password" bash -c \
    "! TSUNAGU_PASSWORD=password123 '$bin' user create --db '$db' --email w@example.jp --name W"
  check "$label user create --system-admin" bash -c \
    "TSUNAGU_PASSWORD='a-long-and-unusual-passphrase-9' '$bin' user create --db '$db' --email root@example.jp --name 'システム管理者' --system-admin"
  check "$label user reset-mfa" "$bin" user reset-mfa --db "$db" --email root@example.jp
  check "$label user disable" "$bin" user disable --db "$db" --email root@example.jp
  check "$label jobs run" bash -c "'$bin' jobs run --db '$db' | grep -q 'scheduled jobs run as of'"
  check "$label jobs run --date" bash -c \
    "'$bin' jobs run --db '$db' --date 2026-12-01 | grep -q 'as of 2026-12-01'"
  check "$label jobs run refuses a bad date" bash -c "! '$bin' jobs run --db '$db' --date 2026-13-40"
  # An empty database also prints "audit chain OK: 0 event(s)": the events written above
  # (organisation, user, MFA reset, disable) must be there and verified.
  local verified
  verified="$("$bin" audit verify --db "$db" 2>&1)"
  check "$label audit verify ok over the events written" \
    bash -c "grep -qE '^audit chain OK: ([4-9]|[1-9][0-9]+) event' <<<'$verified'"
  check "$label backup" "$bin" backup --db "$db" --out "$tmp/$label.tsb"
  check "$label restore" "$bin" restore --db "$restore_db" --in "$tmp/$label.tsb"
  check "$label restored data verifies, every event of it" \
    bash -c "'$bin' audit verify --db '$restore_db' | grep -qxF '$verified'"
}

run_engine sqlite "sqlite:$tmp/a.db" "sqlite:$tmp/restored.db"

# Errors are sentences in the operator's language (TSUNAGU_LANG, else LC_ALL/LC_MESSAGES/LANG),
# never message keys.
TSUNAGU_LANG=en "$bin" backup --db "sqlite:$tmp/a.db" --out "$tmp/sqlite.tsb" >"$tmp/err.out" 2>&1
check "backup onto an existing file fails" test "$?" = 1
check "... saying so in English" grep -q "^tsunagu: The backup was not written. A file of that name already exists" "$tmp/err.out"
TSUNAGU_LANG=ja "$bin" backup --db "sqlite:$tmp/a.db" --out "$tmp/sqlite.tsb" >"$tmp/err.ja" 2>&1
check "... and in Japanese" grep -q "同じ名前のファイルがすでにあります" "$tmp/err.ja"
check "... with no message key" bash -c "! grep -q 'error\.' '$tmp/err.out' '$tmp/err.ja'"
LANG=en_GB.UTF-8 LC_ALL= TSUNAGU_LANG= "$bin" restore --db "sqlite:$tmp/restored.db" --in "$tmp/sqlite.tsb" >"$tmp/err.out" 2>&1
check "LANG=en… gives English" grep -q "^tsunagu: The restore did not complete. The database to restore into is not empty" "$tmp/err.out"

# The restore drill: the backup restored into a scratch copy, compared with the database it came
# from (every table's rows, the chain, sampled encrypted fields), counts only on the screen.
mkdir -p "$tmp/drill-tmp"
TMPDIR="$tmp/drill-tmp" TSUNAGU_LANG=ja "$bin" restore-drill --db "sqlite:$tmp/a.db" --in "$tmp/sqlite.tsb" --compare \
  >"$tmp/drill.out" 2>"$tmp/drill.err"
check "restore-drill passes on a fresh backup" test "$?" = 0
check "... and says so in Japanese" grep -q "^復元訓練は成功しました" "$tmp/drill.out"
check "... with every table's row count the same" grep -qE "^比較先のデータベースと照合しました: 行数が一致した表 ([0-9]+) / \1、" "$tmp/drill.out"
check "... listing tables by count only" grep -qx "organization: 1 行" "$tmp/drill.err"
check "... leaving no scratch copy behind" test -z "$(ls -A "$tmp/drill-tmp")"
"$bin" org create --db "sqlite:$tmp/a.db" --kind hospital --name 'CLI後の病院' >/dev/null
TSUNAGU_LANG=en "$bin" restore-drill --db "sqlite:$tmp/a.db" --in "$tmp/sqlite.tsb" --compare \
  >"$tmp/drill.out" 2>&1
check "restore-drill fails when the database moved on since the backup" test "$?" = 1
check "... naming the table in English" grep -q "^Table organization has a different number of rows (1 restored, 2 in the compared database" "$tmp/drill.out"
TSUNAGU_LANG=en "$bin" restore-drill --db "sqlite:$tmp/a.db" --in "$tmp/sqlite.tsb" --into "sqlite:$tmp/a.db" \
  >"$tmp/drill.out" 2>&1
check "restore-drill never restores into the live database" test "$?" = 1
check "... and says why" grep -q "^tsunagu: --into names the same database as the one compared with\|^tsunagu: The target file .* is not empty" "$tmp/drill.out"

# Tampering: drop the guard triggers and change one event; verify names it and exits 2.
sqlite3 "$tmp/a.db" "DROP TRIGGER audit_event_no_update; UPDATE audit_event SET target_id = 'x' WHERE seq = 2;"
"$bin" audit verify --db "sqlite:$tmp/a.db" >"$tmp/verify.out" 2>&1
code=$?
check "audit verify exits 2 on a broken chain" test "$code" = 2
check "audit verify names the first broken event" grep -q "BROKEN at event 2" "$tmp/verify.out"

# Someone with the database but not the key file re-hashes the whole chain with plain SHA-256
# (the pre-key format): verify still finds it, and cannot run without the key file.
/usr/bin/python3 - "$tmp/a.db" <<'PY'
import hashlib, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
prev = "0" * 64
rows = db.execute("SELECT seq, occurred_at, actor_user_id, organization_id, action, target_type, "
                  "target_id, ip, request_id, detail FROM audit_event ORDER BY seq").fetchall()
for seq, at, actor, org, *rest in rows:
    fields = [prev, str(seq), str(at), str(actor or 0), str(org or 0)] + list(rest)
    h = hashlib.sha256("".join(f + "\x1f" for f in fields).encode()).hexdigest()
    db.execute("UPDATE audit_event SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, h, seq))
    prev = h
db.execute("UPDATE audit_head SET hash = ? WHERE id = 1", (prev,))
db.commit()
PY
"$bin" audit verify --db "sqlite:$tmp/a.db" >"$tmp/verify.out" 2>&1
code=$?
check "audit verify finds a chain re-hashed without the key" test "$code" = 2
check "audit verify needs the key file" bash -c \
  "! TSUNAGU_KEY_FILE='$tmp/missing.toml' '$bin' audit verify --db 'sqlite:$tmp/restored.db' 2>&1 | grep -q 'audit chain OK'"

if [ -n "${TSUNAGU_TEST_PG_URL:-}" ]; then
  base="${TSUNAGU_TEST_PG_URL%/*}"
  psql "$TSUNAGU_TEST_PG_URL" -qc "CREATE DATABASE cli_$$" && psql "$TSUNAGU_TEST_PG_URL" -qc "CREATE DATABASE cli_r_$$"
  run_engine postgresql "$base/cli_$$" "$base/cli_r_$$"
  psql "$TSUNAGU_TEST_PG_URL" -qc "DROP DATABASE cli_$$ WITH (FORCE)" -c "DROP DATABASE cli_r_$$ WITH (FORCE)" >/dev/null 2>&1

  # Moving from SQLite to PostgreSQL: a backup of one engine is not restored into the other (in
  # words, pointing at transfer), and `tsunagu transfer` moves the demo into an empty database.
  src="sqlite:$tmp/move.db"
  dst="$base/cli_t_$$"
  psql "$TSUNAGU_TEST_PG_URL" -qc "CREATE DATABASE cli_t_$$"
  check "transfer: the demo on SQLite" "$bin" demo --db "$src"
  check "transfer: a backup of it" "$bin" backup --db "$src" --out "$tmp/move.tsb"
  TSUNAGU_LANG=en "$bin" restore --db "$dst" --in "$tmp/move.tsb" >"$tmp/err.out" 2>&1
  check "restoring a SQLite backup into PostgreSQL is refused" test "$?" = 1
  check "... in a sentence that points at transfer" grep -q \
    "This is a backup of a SQLite database and cannot be restored into a PostgreSQL database.*use tsunagu transfer" "$tmp/err.out"
  TSUNAGU_LANG=ja "$bin" restore --db "$dst" --in "$tmp/move.tsb" >"$tmp/err.ja" 2>&1
  check "... also in Japanese" grep -q "PostgreSQL のデータベースには復元できません.*tsunagu transfer" "$tmp/err.ja"
  check "... with no message key" bash -c "! grep -q 'error\.' '$tmp/err.out' '$tmp/err.ja'"
  TSUNAGU_LANG=ja "$bin" transfer --from "$src" --to "$dst" >"$tmp/transfer.out" 2>"$tmp/transfer.err"
  check "transfer SQLite to PostgreSQL" test "$?" = 0
  check "transfer says what it verified" grep -q "すべての表の行数が移行元と一致し" "$tmp/transfer.out"
  check "transfer prints each table's rows on stderr" grep -qE "^app_user: [0-9]+ 行$" "$tmp/transfer.err"
  check "transfer's progress names no person" bash -c "! grep -q '山田' '$tmp/transfer.err' '$tmp/transfer.out'"
  mismatched=""
  for table in $(sqlite3 "$tmp/move.db" "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"); do
    a="$(sqlite3 "$tmp/move.db" "SELECT COUNT(*) FROM \"$table\"")"
    b="$(psql "$dst" -XAtc "SELECT COUNT(*) FROM \"$table\"")"
    [ "$a" = "$b" ] || mismatched="$mismatched $table($a/$b)"
  done
  check "every table has the same rows on both ($mismatched)" test -z "$mismatched"
  verified="$("$bin" audit verify --db "$src" 2>&1)"
  check "the audit chain verifies on the target, every event" \
    bash -c "'$bin' audit verify --db '$dst' | grep -qxF '$verified'"
  TSUNAGU_LANG=en "$bin" transfer --from "$src" --to "$dst" >"$tmp/again.out" 2>&1
  check "a second transfer into the now full target is refused" test "$?" = 1
  check "... saying the target holds data and nothing changed" grep -q \
    "^tsunagu: The target database already holds data (.* rows in table .*). A transfer only goes into an empty database. The target was not changed." "$tmp/again.out"
  check "... and the target is unchanged" bash -c "'$bin' audit verify --db '$dst' | grep -qxF '$verified'"
  psql "$TSUNAGU_TEST_PG_URL" -qc "DROP DATABASE cli_t_$$ WITH (FORCE)" >/dev/null 2>&1
fi

# --- doctor: a good deployment passes; each broken part is named in a sentence -------------
smtp_port="$("$repo/scripts/start-smtp" "$tmp/smtp")"
check "an SMTP sink for the doctor checks" test -n "$smtp_port"
latest_migration="$(cd "$repo/sql/migrations" && ls -- *.sql | sort | tail -n 1)"
# doctor_config FILE DB_URL PUBLIC_URL COOKIE_SECURE TRUSTED_PROXIES SMTP_URL KEY_FILE
doctor_config() {
  cat >"$1" <<EOF
[server]
public_url = "$3"
cookie_secure = $4
trusted_proxies = $5
[database]
url = "$2"
[mail]
smtp_url = "$6"
[security]
key_file = "$7"
EOF
}
# doctor_says NAME EXPECTED_STATUS PATTERN CONFIG [FLAGS...]: the exit status, and a line
# matching PATTERN (grep -E) in the report, which is English unless the flags say otherwise.
doctor_says() {
  local name="$1" want="$2" pattern="$3" config="$4"
  shift 4
  LANG=en_US.UTF-8 LC_ALL= TSUNAGU_KEY_FILE= "$bin" doctor --config "$config" "$@" >"$tmp/doctor.out" 2>&1
  local got=$?
  printf '%s\n' "$pattern" >"$tmp/pattern"
  check "$name" bash -c "cat '$tmp/doctor.out'; echo \"exit status $got, expected $want\"; [ $got = $want ] && grep -qEf '$tmp/pattern' '$tmp/doctor.out'"
}
run_doctor() { # run_doctor LABEL DB_URL (a migrated database)
  local label="$1" db="$2" good="$tmp/doctor-$1.toml"
  doctor_config "$good" "$db" "https://tsunagu.example.jp" true '["10.0.0.1"]' \
    "smtp://127.0.0.1:$smtp_port" "$tmp/keys.toml"
  doctor_says "$label doctor: a good deployment passes" 0 '^Everything checked is fine\.$' "$good"
  check "$label doctor: a good deployment has no PROBLEM line" bash -c "! grep -q '^\[PROBLEM\]' '$tmp/doctor.out'"
  doctor_says "$label doctor: the key file is checked" 0 "^\[OK\] Key file $tmp/keys.toml has mode 0600 and loads" "$good"
  doctor_says "$label doctor: the migrations are checked" 0 "^\[OK\] Database .* every migration is applied" "$good"
  doctor_says "$label doctor: the SMTP relay answered EHLO" 0 \
    "^\[OK\] Mail server smtp://127.0.0.1:$smtp_port answers" "$good"
  doctor_says "$label doctor: --lang ja" 0 '^すべての項目に問題はありません。$' "$good" --lang ja
  check "$label doctor: LANG=ja_JP chooses Japanese" bash -c \
    "LANG=ja_JP.UTF-8 LC_ALL= '$bin' doctor --config '$good' | grep -q '^\[OK\] 鍵ファイル'"

  local bad="$tmp/doctor-$1-smtp.toml"
  doctor_config "$bad" "$db" "https://tsunagu.example.jp" true '["10.0.0.1"]' \
    "smtp://127.0.0.1:1" "$tmp/keys.toml"
  doctor_says "$label doctor: an unreachable SMTP port is named" 1 \
    '^\[PROBLEM\] Cannot connect to mail server smtp://127\.0\.0\.1:1 ' "$bad"
  check "$label doctor: the problem count is given" \
    grep -qxF '1 problem(s) found. Fix the PROBLEM lines, then run tsunagu doctor again.' "$tmp/doctor.out"
}

run_doctor sqlite "sqlite:$tmp/a.db"

good_config() { # good_config FILE [DB_URL [KEY_FILE]]: a good deployment but for what is given
  doctor_config "$1" "${2:-sqlite:$tmp/a.db}" "https://tsunagu.example.jp" true '["10.0.0.1"]' \
    "smtp://127.0.0.1:$smtp_port" "${3:-$tmp/keys.toml}"
}
cp "$tmp/keys.toml" "$tmp/keys-0644.toml"
chmod 644 "$tmp/keys-0644.toml"
good_config "$tmp/doctor-mode.toml" "sqlite:$tmp/a.db" "$tmp/keys-0644.toml"
doctor_says "doctor: key file mode 0644 is named" 1 \
  "^\[PROBLEM\] Key file $tmp/keys-0644.toml has mode 0644\. .*chmod 600" "$tmp/doctor-mode.toml"
doctor_says "doctor: key file mode in Japanese" 1 \
  "^\[要対応\] 鍵ファイル $tmp/keys-0644.toml の権限が 0644 です" "$tmp/doctor-mode.toml" --lang ja
good_config "$tmp/doctor-nokey.toml" "sqlite:$tmp/a.db" "$tmp/no-such-keys.toml"
doctor_says "doctor: a missing key file is named" 1 \
  "^\[PROBLEM\] Key file $tmp/no-such-keys.toml does not exist" "$tmp/doctor-nokey.toml"

# A database one migration behind: the missing migration is named by its file.
cp "$tmp/a.db" "$tmp/behind.db"
sqlite3 "$tmp/behind.db" \
  "DELETE FROM schema_migration WHERE version = (SELECT MAX(version) FROM schema_migration)"
good_config "$tmp/doctor-behind.toml" "sqlite:$tmp/behind.db"
doctor_says "doctor: an unmigrated database names the migration" 1 \
  "^\[PROBLEM\] Database sqlite:$tmp/behind.db has 1 migration\(s\) not applied: $latest_migration\. Run \`tsunagu migrate --config $tmp/doctor-behind.toml\`" \
  "$tmp/doctor-behind.toml"
sqlite3 "$tmp/empty.db" "VACUUM"
good_config "$tmp/doctor-empty.toml" "sqlite:$tmp/empty.db"
doctor_says "doctor: an empty database is named" 1 \
  "^\[PROBLEM\] Database sqlite:$tmp/empty.db has nothing applied yet" "$tmp/doctor-empty.toml"
good_config "$tmp/doctor-nodb.toml" "sqlite:$tmp/no-such.db"
doctor_says "doctor: a missing SQLite file is named" 1 \
  "^\[PROBLEM\] The SQLite database file $tmp/no-such.db does not exist" "$tmp/doctor-nodb.toml"
check "doctor: did not create the missing SQLite file" test ! -e "$tmp/no-such.db"
good_config "$tmp/doctor-pgdown.toml" "postgresql://tsunagu:s3cret-pw@127.0.0.1:1/tsunagu"
doctor_says "doctor: an unreachable database is named, its password not" 1 \
  "^\[PROBLEM\] Cannot connect to database postgresql://tsunagu:\*\*\*@127\.0\.0\.1:1/tsunagu: " \
  "$tmp/doctor-pgdown.toml"
check "doctor: the database password is not printed" bash -c "! grep -q s3cret-pw '$tmp/doctor.out'"

# public_url, cookie_secure and trusted_proxies.
doctor_config "$tmp/doctor-http.toml" "sqlite:$tmp/a.db" "http://tsunagu.example.jp" false \
  '[]' "smtp://127.0.0.1:$smtp_port" "$tmp/keys.toml"
doctor_says "doctor: http public_url with cookie_secure=false on another host is named" 1 \
  "^\[PROBLEM\] public_url http://tsunagu.example.jp is plain http .* cookie_secure is false" \
  "$tmp/doctor-http.toml"
doctor_config "$tmp/doctor-loop.toml" "sqlite:$tmp/a.db" "http://127.0.0.1:8080" false \
  '[]' "file:$tmp" "$tmp/keys.toml"
doctor_says "doctor: http on loopback with cookie_secure=false is acceptable" 0 \
  "^\[OK\] public_url http://127.0.0.1:8080 is http, but only on this machine: acceptable" \
  "$tmp/doctor-loop.toml"
doctor_says "doctor: file: mail to a writable folder is OK" 0 \
  "^\[OK\] Mail is written as files to the folder $tmp " "$tmp/doctor-loop.toml"
# make run's configuration before the first mail: the server creates var/mail when it writes.
doctor_config "$tmp/doctor-newmail.toml" "sqlite:$tmp/a.db" "http://127.0.0.1:8080" false \
  '[]' "file:$tmp/not-yet/mail" "$tmp/keys.toml"
doctor_says "doctor: file: mail to a folder the server will create is OK" 0 \
  "^\[OK\] The mail folder $tmp/not-yet/mail does not exist yet; the server creates it" \
  "$tmp/doctor-newmail.toml"
mkdir -p "$tmp/ro" && chmod 555 "$tmp/ro"
doctor_config "$tmp/doctor-romail.toml" "sqlite:$tmp/a.db" "http://127.0.0.1:8080" false \
  '[]' "file:$tmp/ro/mail" "$tmp/keys.toml"
if [ "$(id -u)" != 0 ]; then  # root writes anywhere: the refusal shows only for other users
  doctor_says "doctor: file: mail to a folder nobody can create is named" 1 \
    "^\[PROBLEM\] The mail folder $tmp/ro/mail does not exist" "$tmp/doctor-romail.toml"
fi
doctor_config "$tmp/doctor-noproxy.toml" "sqlite:$tmp/a.db" "https://tsunagu.example.jp" true \
  '[]' "smtp://127.0.0.1:$smtp_port" "$tmp/keys.toml"
doctor_says "doctor: https without trusted_proxies is named" 1 \
  "^\[PROBLEM\] public_url is https but \[server\] trusted_proxies is empty" "$tmp/doctor-noproxy.toml"
doctor_config "$tmp/doctor-cookie.toml" "sqlite:$tmp/a.db" "https://tsunagu.example.jp" false \
  '["10.0.0.1"]' "smtp://127.0.0.1:$smtp_port" "$tmp/keys.toml"
doctor_says "doctor: https with cookie_secure=false is named" 1 \
  "^\[PROBLEM\] public_url https://tsunagu.example.jp is https but cookie_secure is false" \
  "$tmp/doctor-cookie.toml"
doctor_says "doctor: SQLite has no clock skew to check" 1 "^\[OK\] Clock skew: not applicable" \
  "$tmp/doctor-cookie.toml"

if [ -n "${TSUNAGU_TEST_PG_URL:-}" ]; then
  base="${TSUNAGU_TEST_PG_URL%/*}"
  psql "$TSUNAGU_TEST_PG_URL" -qc "CREATE DATABASE doc_$$" -c "CREATE DATABASE doc_e_$$"
  "$bin" migrate --db "$base/doc_$$" >/dev/null
  run_doctor postgresql "$base/doc_$$"
  doctor_says "postgresql doctor: the clocks agree" 0 \
    "^\[OK\] This machine's clock and the database server's differ by [0-5] s" \
    "$tmp/doctor-postgresql.toml"
  doctor_says "postgresql doctor: a clock 120 s ahead is named" 1 \
    "^\[PROBLEM\] This machine's clock is 1(19|20|21) s ahead of the database server's \(limit 5 s\)" \
    "$tmp/doctor-postgresql.toml" --clock-offset 120
  doctor_says "postgresql doctor: a clock 120 s behind is named" 1 \
    "^\[PROBLEM\] This machine's clock is 1(19|20|21) s behind" "$tmp/doctor-postgresql.toml" \
    --clock-offset -120
  good_config "$tmp/doctor-pg-empty.toml" "$base/doc_e_$$"
  doctor_says "postgresql doctor: an unmigrated database is named" 1 \
    "^\[PROBLEM\] Database .*/doc_e_$$ has nothing applied yet" "$tmp/doctor-pg-empty.toml"
  psql "$TSUNAGU_TEST_PG_URL" -qc "DROP DATABASE doc_$$ WITH (FORCE)" \
    -c "DROP DATABASE doc_e_$$ WITH (FORCE)" >/dev/null 2>&1
fi

# serve on an empty file migrates and starts; SIGTERM stops it cleanly. It listens on port 0
# and says which port it was given (no "free port" picked here and released for it to take).
TSUNAGU_KEY_FILE="$tmp/fresh/keys.toml" "$bin" serve --db "sqlite:$tmp/fresh/empty.db" \
  --listen "127.0.0.1:0" >"$tmp/serve.log" 2>&1 &
server_pid=$!
port=""
for _ in $(seq 1 300); do
  port="$(grep -oE 'listening on http://127\.0\.0\.1:[0-9]+' "$tmp/serve.log" | grep -oE '[0-9]+$')"
  [ -n "$port" ] && break
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.1
done
check "serve says which port it listens on" test -n "$port"
check "serve on an empty file answers /healthz" bash -c "curl -fs http://127.0.0.1:$port/healthz | grep -qx ok"
check "serve created a key file for the new database" test "$(stat -c %a "$tmp/fresh/keys.toml")" = 600
kill -TERM "$server_pid"
wait "$server_pid"
check "serve stops cleanly on SIGTERM" test "$?" = 0
server_pid=""

echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
