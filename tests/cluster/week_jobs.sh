# shellcheck shell=bash disable=SC2154  # sourced by cluster_test.sh, which sets tmp, here, bin
# The clock-driven jobs on all three servers for a simulated week (sourced by cluster_test.sh,
# after booking_kill.sh, whose load booked people with e-mail addresses on $load_day_date).
# Each simulated day all three servers are started together on the tests' clock moved to that
# day (--clock-offset; each runs its round of jobs at once, so the three race for every
# notice), the outbox is left to empty, and they are stopped. The week runs from five days
# before the booked day to the day after it: the staff's notice (two days before), the
# reminders (the day before) and the questionnaire invitations (after the day) all fall in it.
# Then, at the SMTP sink: no message arrived twice (same recipient, same subject), each person
# booked with an e-mail address got exactly one reminder, and each rostered staff member one
# notice of the day (the demo's first roster is copied onto the booked day).
# "Twice" means same recipient, subject and text on the same simulated day: distinct tasks may
# share a subject, and an overdue task is reminded of once a day.

[ -n "${load_day_date:-}" ] || give_up "week_jobs needs booking_kill first (its booked day)"
# The booked day gets the roster of the demo's first rostered day, so its staff notice is due.
sql "INSERT INTO day_staff (day_id, user_id, profession) SELECT $first_day, user_id, profession
  FROM day_staff WHERE day_id = (SELECT MIN(day_id) FROM day_staff) ON CONFLICT DO NOTHING" >/dev/null
rostered="$(sql "SELECT COUNT(*) FROM day_staff WHERE day_id = $first_day")"
start_day=$((($(date -d "$load_day_date" +%s) - $(date -d "${kStartNow%T*}" +%s)) / 86400 - 5))
outbox_pending() { sql "SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL AND failed_at IS NULL"; }
for day in $(seq "$start_day" $((start_day + 6))); do
  for i in $(seq 0 $((kServers - 1))); do stop_server "$i"; done
  for i in $(seq 0 $((kServers - 1))); do start_server "$i" "$day"; done
  wait_servers
  # The round runs at start; the outbox workers send what it queued. Quiet for 1 s: done.
  quiet=0
  for _ in $(seq 1 150); do
    if [ "$(outbox_pending)" = 0 ]; then quiet=$((quiet + 1)); else quiet=0; fi
    [ "$quiet" -ge 5 ] && break
    sleep 0.2
  done
  echo "   day $(date -d "${kStartNow%T*} + $day days" +%F): $(ls "$mail_dir"/*.eml 2>/dev/null | wc -l) messages at the sink so far"
done
check "the outbox is empty at the end of the week" test "$(outbox_pending)" = 0

reminders_due="$(sql "SELECT COUNT(*) FROM booking b JOIN consultation_day d ON d.id = b.day_id
  WHERE d.day_date = '$load_day_date' AND d.program_id = 1 AND b.status = 'booked'
  AND b.email_bidx <> '' AND b.slot_id IN ($load_slots)")"
booked_day_ja="$(date -d "$load_day_date" +%-m月%-d日)"
/usr/bin/python3 - "$mail_dir" "$tmp/mail_counts" "$booked_day_ja" <<'PY'
import collections, email, email.header, email.policy, glob, json, sys
seen = collections.Counter()
for path in sorted(glob.glob(sys.argv[1] + "/*.eml")):
    msg = email.message_from_binary_file(open(path, "rb"), policy=email.policy.default)
    envelope = json.load(open(path[:-4] + ".json"))
    body = msg.get_body(preferencelist=("plain",))
    text = body.get_content() if body else ""
    day = msg["Date"].datetime.date().isoformat()  # the sending server's (simulated) day
    seen[(",".join(sorted(envelope["rcpt_tos"])), str(msg["Subject"]), text, day)] += 1
by_subject = collections.Counter()
load_reminders = 0
for (to, subject, _, _), n in seen.items():
    by_subject[subject] += n
    if "明日の相談会" in subject and to.startswith("cluster-"):
        load_reminders += n
dups = {k: n for k, n in seen.items() if n > 1}
with open(sys.argv[2], "w") as f:
    json.dump({"dups": len(dups), "load_reminders": load_reminders,
               "staff_notices": sum(n for s, n in by_subject.items() if "予約状況" in s
                                    and sys.argv[3] in s),
               "surveys": sum(n for s, n in by_subject.items() if "アンケート" in s)}, f)
for subject, n in sorted(by_subject.items()):
    print("   %4d  %s" % (n, subject))
for (to, subject, _, day), n in list(dups.items())[:5]:
    print("   twice or more: %d x %s on %s (to %s)" % (n, subject, day, to.split("@")[-1]))
PY
counts() { /usr/bin/python3 -c "import json; print(json.load(open('$tmp/mail_counts'))['$1'])"; }
echo "   reminders for the load's bookings: $(counts load_reminders) (due: $reminders_due);" \
  "staff notices of that day: $(counts staff_notices) ($rostered rostered); questionnaires: $(counts surveys);" \
  "messages that arrived more than once: $(counts dups)"
check "no message arrived twice at the SMTP sink" test "$(counts dups)" = 0
check "each person booked with an e-mail address got exactly one reminder" \
  test "$(counts load_reminders)" = "$reminders_due" -a "$reminders_due" -gt 0
check "each rostered staff member got the booked day's notice once" \
  test "$(counts staff_notices)" = "$rostered" -a "$rostered" -gt 0
