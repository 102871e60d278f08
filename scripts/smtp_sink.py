#!/usr/bin/python3
"""A real SMTP server for tests: every message it accepts becomes one file in a folder.

Run with Debian's /usr/bin/python3 (it has python3-aiosmtpd); scripts/start-smtp does that.

    /usr/bin/python3 scripts/smtp_sink.py --dir DIR --port PORT [--host 127.0.0.1]

For each message it writes, atomically (temporary name, then rename):
    DIR/<ns-timestamp>-<seq>.json   envelope: {"mail_from": "...", "rcpt_tos": ["..."]}
    DIR/<ns-timestamp>-<seq>.eml    the message exactly as received (RFC 5322 bytes, CRLF)
The .json is renamed into place before the .eml, so a reader that sees an .eml also finds its
envelope. Files sort by arrival. DIR/smtp.pid and DIR/smtp.port are written once the socket
listens (PORT 0 picks a free port), and removed again on SIGTERM/SIGINT.
"""

import argparse
import asyncio
import json
import os
import signal
import sys
import time

from aiosmtpd.smtp import SMTP


class FolderHandler:
    """aiosmtpd handler that stores each message as files in one folder."""

    def __init__(self, folder):
        self._folder = folder
        self._seq = 0

    def _write_atomically(self, name, data):
        final_path = os.path.join(self._folder, name)
        tmp_path = os.path.join(self._folder, "." + name + ".tmp")
        with open(tmp_path, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.rename(tmp_path, final_path)

    async def handle_DATA(self, server, session, envelope):
        self._seq += 1
        stem = "%019d-%06d" % (time.time_ns(), self._seq)
        meta = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": list(envelope.rcpt_tos),
            "peer": str(session.peer[0]) if session.peer else None,
        }
        self._write_atomically(
            stem + ".json", json.dumps(meta, ensure_ascii=False).encode("utf-8")
        )
        # original_content is the DATA payload after dot-unstuffing, before any decoding.
        raw = envelope.original_content or envelope.content or b""
        if isinstance(raw, str):
            raw = raw.encode("utf-8", "surrogateescape")
        self._write_atomically(stem + ".eml", raw)
        return "250 Message accepted for delivery"


def _remove_quietly(path):
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


async def _serve(args):
    folder = os.path.abspath(args.dir)
    os.makedirs(folder, exist_ok=True)
    handler = FolderHandler(folder)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: SMTP(
            handler,
            enable_SMTPUTF8=True,
            decode_data=False,
            hostname="smtp-sink.test",
            ident="tsunagu smtp_sink",
        ),
        host=args.host,
        port=args.port,
        reuse_address=True,
    )
    port = server.sockets[0].getsockname()[1]
    pid_path = os.path.join(folder, "smtp.pid")
    port_path = os.path.join(folder, "smtp.port")
    # Written only after the bind succeeded, so a waiting starter knows the port is ours.
    handler._write_atomically("smtp.port", ("%d\n" % port).encode())
    handler._write_atomically("smtp.pid", ("%d\n" % os.getpid()).encode())
    print("smtp_sink: listening on %s:%d, writing to %s" % (args.host, port, folder), flush=True)

    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    try:
        await stop.wait()
    finally:
        server.close()
        await server.wait_closed()
        _remove_quietly(pid_path)
        _remove_quietly(port_path)


def main():
    parser = argparse.ArgumentParser(description="SMTP server that stores messages as files")
    parser.add_argument("--dir", required=True, help="folder for .eml/.json files")
    parser.add_argument("--port", type=int, default=0, help="TCP port (0: pick a free one)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    args = parser.parse_args()
    try:
        asyncio.run(_serve(args))
    except OSError as e:
        print("smtp_sink: cannot listen on %s:%d: %s" % (args.host, args.port, e), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
