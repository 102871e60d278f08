#!/usr/bin/python3
"""HTTPS client of the cluster test: talks to nginx like a browser on another address would
(the site's name resolves to nginx on 127.0.0.1, the throw-away certificate is checked).

  client.py book  --out FILE --count N --threads T [--slots 1,2,3] [--email-every K]
      N public bookings of programme 1 (each: GET /book/1 for the CSRF cookie, then
      POST /book/1/submit), T at a time; one JSON line per answer in FILE (status, the
      booking reference when the answer is the 予約完了 page, seconds since the start).
  client.py probe --out FILE --seconds S [--path /book/1]
      GETs of PATH every 50 ms for S seconds (status, whether the 503 page names the database).

The common options: --port (nginx's https port), --host (the site's name), --cacert.
Only this test's fictional data is sent; nothing of a real person.
"""
import argparse
import http.client
import json
import re
import socket
import ssl
import threading
import time
import urllib.parse

REFERENCE = re.compile(r"<strong>([A-Za-z0-9-]{4,})</strong>")


class Site:
    def __init__(self, args):
        self.host = args.host
        self.port = args.port
        self.ctx = ssl.create_default_context(cafile=args.cacert)

    def request(self, method, path, body=None, headers=None, timeout=20):
        conn = http.client.HTTPSConnection(self.host, self.port, context=self.ctx, timeout=timeout)
        # The name resolves to nginx on loopback; TLS still checks the certificate's name.
        conn._create_connection = lambda addr, t=None, src=None: socket.create_connection(
            ("127.0.0.1", addr[1]), t, src)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            res = conn.getresponse()
            data = res.read().decode("utf-8", "replace")
            return res.status, res.getheader("Set-Cookie") or "", data
        finally:
            conn.close()


def booking_body(slot, csrf, n, email):
    fields = [
        ("slot", str(slot)), ("for_family", "self"), ("gender", "female"), ("age_band", "40s"),
        ("municipality", "みどり市"), ("heard_from", "hospital"), ("diagnosis", "乳がん"),
        ("treatment_status", "during"), ("work_status", "on_leave"), ("topics", "work"),
        ("name", f"試験 予約者{n}"), ("furigana", "しけん よやくしゃ"),
        ("phone", "090-0000-%04d" % (n % 10000)), ("email", email), ("notes", ""),
        ("consent", "1"), ("action", "send"), ("csrf_token", csrf),
    ]
    return urllib.parse.urlencode(fields)


def book(site, args):
    slots = [int(s) for s in args.slots.split(",")]
    out = open(args.out, "w", buffering=1)
    lock = threading.Lock()
    started = time.time()
    next_n = [0]
    origin = f"https://{args.host}:{args.port}"

    def take():
        with lock:
            if next_n[0] >= args.count:
                return None
            next_n[0] += 1
            return next_n[0]

    def record(row):
        row["t"] = round(time.time() - started, 3)
        with lock:
            out.write(json.dumps(row) + "\n")

    def worker():
        while True:
            n = take()
            if n is None:
                return
            slot = slots[n % len(slots)]
            email = f"cluster-{n}@example.jp" if args.email_every and n % args.email_every == 0 else ""
            try:
                status, cookie, _ = site.request("GET", "/book/1")
                # The cookie's name: __Host-tsunagu_csrf behind https (cookie_secure).
                m = re.search(r"((?:__Host-)?tsunagu_csrf)=([^;]+)", cookie)
                if status != 200 or not m:
                    record({"n": n, "step": "get", "status": status})
                    continue
                cookie_name, csrf = m.group(1), m.group(2)
                status, _, page = site.request(
                    "POST", "/book/1/submit", booking_body(slot, csrf, n, email),
                    {"Content-Type": "application/x-www-form-urlencoded",
                     "Cookie": f"{cookie_name}={csrf}", "Origin": origin})
                ref = REFERENCE.search(page) if status == 200 else None
                record({"n": n, "step": "post", "status": status, "slot": slot,
                        "email": bool(email), "reference": ref.group(1) if ref else None})
            except Exception as e:  # a connection cut by the kill: counted, never hidden
                record({"n": n, "step": "error", "status": 0, "error": type(e).__name__})

    threads = [threading.Thread(target=worker) for _ in range(args.threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def probe(site, args):
    out = open(args.out, "w", buffering=1)
    started = time.time()
    while time.time() - started < args.seconds:
        row = {"t": round(time.time() - started, 3)}
        try:
            status, _, page = site.request("GET", args.path, timeout=5)
            row["status"] = status
            if status == 503:
                row["says_database_ja"] = "データベースに接続できない" in page
                row["lang_ja"] = 'lang="ja"' in page
        except Exception as e:
            row["status"] = 0
            row["error"] = type(e).__name__
        out.write(json.dumps(row) + "\n")
        time.sleep(0.05)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("what", choices=["book", "probe"])
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--host", required=True)
    p.add_argument("--cacert", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--count", type=int, default=100)
    p.add_argument("--threads", type=int, default=8)
    p.add_argument("--slots", default="")
    p.add_argument("--email-every", type=int, default=0)
    p.add_argument("--seconds", type=float, default=10)
    p.add_argument("--path", default="/book/1")
    args = p.parse_args()
    site = Site(args)
    if args.what == "book":
        book(site, args)
    else:
        probe(site, args)


if __name__ == "__main__":
    main()
