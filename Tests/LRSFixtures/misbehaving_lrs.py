#!/usr/bin/env python3
"""A small Learning Record Store that misbehaves on demand, for Attune's tests.

Python 3 standard library only. Listens on 127.0.0.1 only, on two free ports: the LRS
itself, and "another origin" (a second port) that redirects may point to. Every request
that reaches either port is logged as one JSON line: port, method, target, Host header,
Authorization header and body length, so a test can prove that no credential ever went
anywhere but the LRS it named.

    misbehaving_lrs.py --mode MODE --log FILE --ready FILE

When both ports are listening, "PORT OTHER_PORT" is written to the ready file. The test
stops the server with SIGTERM.

Modes (what a POST to .../statements gets):
  lrs               an honest LRS: 200 with the ids it stored, 204 when every statement was
                    already held, 409 for a different statement under a held id;
                    GET ?statementId=ID returns the statement or 404
  created           as lrs, but 201 instead of 200
  redirect-CODE     CODE (301, 302, 303, 307, 308) to the other port, same path
  redirect-host-CODE  CODE to http://localhost:OTHER_PORT/... (another host and port)
  portal            200 with an HTML sign-in page (a captive portal)
  empty             200 with [] (and 404 to every GET)
  hostile-error     400 with escape sequences (OSC 52 clipboard write, bell, colours) and
                    a long body
  hang              reads the request, then never answers
  trickle           promises 1000 bytes, then sends one every 0.3 s
  huge              promises 8 GB (Content-Length) and streams zeros
  huge-chunked      streams zeros with no length, for ever
  gzip-bomb         200 with Content-Encoding: gzip: about 4.7 MB that inflates to 1 GB of
                    spaces (the same for every request)
  gzip-bomb-chunked the same bomb, chunked, with no length
  echo-password     400 whose body echoes the Authorization header, as given and decoded
                    (user:password), as some servers do in their error pages
  busy-then-lrs     503 to the first two POSTs (Retry-After: 0), then as lrs
  always-busy       503 to everything
  busy-forever-then-lrs  503 with Retry-After: 1e400 (a number too large to be one) to the
                    first two POSTs, then as lrs
Modes for reading (what a GET of .../statements gets, for `attune cohort report`):
  pages-forever     a page of one statement (another tool's) with a `more` link that is new
                    every time, for ever
  more-loop         a page with a `more` link to itself
  more-elsewhere    a page whose `more` link points to the other port
  not-json          200 with a body that is not JSON
  statements-no-list  200 with a JSON object without a `statements` list
  pages             the pages in the --pages file (JSON: {"voiding": [PAGE...], "cohort": [PAGE...]},
                    each PAGE a list of statements): a GET with verb=...voided reads the
                    voiding pages, any other GET the cohort's, each with a `more` link to
                    the next (?...&page=N) until the last
  pages-fail-N-KIND as pages, but the cohort's page N (from 1) fails: KIND json (200, not
                    JSON), html (200, a web page), redirect (302 to the other port) or loop
                    (its statements, with a `more` link back to page N-1)
  pages-slow-N      as pages, but the cohort's page N (from 1) is answered only after --delay
                    seconds (default 30): a large LRS, slow to answer, for stopping a read
The other port answers everything with 200 and [] (and logs it).
"""

import argparse
import base64
import json
import signal
import sys
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

LOCK = threading.Lock()
STORED = {}  # statement id -> statement (the honest LRS's memory)
COUNTS = {"post": 0}
ARGS = None
PORTS = {}
BOMB = []  # the gzip bomb, made once


def gzip_bomb():
    """About 4.7 MB of gzip that inflates to 1 GB of spaces (valid JSON whitespace)."""
    with LOCK:
        if not BOMB:
            packer = zlib.compressobj(1, zlib.DEFLATED, 31)
            block = b" " * (1 << 20)
            parts = [packer.compress(block) for _ in range(1024)]
            parts.append(packer.flush())
            BOMB.append(b"".join(parts))
        return BOMB[0]


def log(entry):
    with LOCK:
        with open(ARGS.log, "a", encoding="utf-8") as handle:
            handle.write(json.dumps(entry) + "\n")
            handle.flush()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    is_other = False

    def log_message(self, format, *args):  # noqa: A002 - quiet
        pass

    def read_body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def record(self, body):
        log({
            "port": self.server.server_address[1],
            "origin": "other" if self.is_other else "lrs",
            "method": self.command,
            "target": self.path,
            "host": self.headers.get("Host"),
            "authorization": self.headers.get("Authorization"),
            "length": len(body),
        })

    def reply(self, status, body=b"", content_type="application/json", extra=None):
        self.send_response(status)
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        if status not in (204, 304):
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body and status not in (204, 304):
            self.wfile.write(body)

    def do_GET(self):
        self.handle_any()

    def do_POST(self):
        self.handle_any()

    def do_PUT(self):
        self.handle_any()

    def handle_any(self):
        body = self.read_body()
        self.record(body)
        if self.is_other:
            self.reply(200, b"[]")
            return
        mode = ARGS.mode
        if mode.startswith("redirect"):
            code = int(mode.rsplit("-", 1)[1])
            host = "localhost" if mode.startswith("redirect-host") else "127.0.0.1"
            location = f"http://{host}:{PORTS['other']}{self.path}"
            self.reply(code, b"moved", "text/plain", {"Location": location})
        elif mode == "portal":
            page = (b"<!DOCTYPE html><html><head><title>Guest WiFi - please sign in</title></head>"
                    b"<body><h1>Welcome</h1><p>Accept the terms to continue.</p></body></html>")
            self.reply(200, page, "text/html")
        elif mode == "empty":
            if self.command == "GET":
                self.reply(404, b'{"detail":"not found"}')
            else:
                self.reply(200, b"[]")
        elif mode == "hostile-error":
            hostile = (b"Bad statement \x1b]52;c;ZWNobyBwd25lZA==\x07 \x1b[2J\x1b[31mred\x07\x1b]0;title\x07 "
                       b"\x9b31m c1 \xc2\x9b32m \r\nline two " + b"x" * 5000 + b" END-OF-BODY")
            self.reply(400, hostile, "text/plain")
        elif mode == "hang":
            while True:
                time.sleep(60)
        elif mode == "trickle":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", "1000")
            self.end_headers()
            self.wfile.flush()
            try:
                while True:
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(0.3)
            except OSError:
                return
        elif mode in ("huge", "huge-chunked"):
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            if mode == "huge":
                self.send_header("Content-Length", str(8 * 1024 * 1024 * 1024))
            else:
                self.send_header("Connection", "close")
            self.end_headers()
            chunk = b"0" * 65536
            try:
                while True:
                    self.wfile.write(chunk)
            except OSError:
                return
        elif mode in ("gzip-bomb", "gzip-bomb-chunked"):
            bomb = gzip_bomb()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Encoding", "gzip")
            if mode == "gzip-bomb":
                self.send_header("Content-Length", str(len(bomb)))
            else:
                self.send_header("Connection", "close")
            self.end_headers()
            try:
                self.wfile.write(bomb)
                self.wfile.flush()
            except OSError:
                return
        elif mode == "echo-password":
            given = self.headers.get("Authorization") or ""
            try:
                decoded = base64.b64decode(given.split(" ", 1)[1]).decode("utf-8", "replace")
            except (IndexError, ValueError):
                decoded = given
            page = ('{"detail": "Bad request from ' + decoded + ' (' + given + ', credentials ' + decoded
                    + ')"}').encode()
            self.reply(400, page)
        elif mode in ("pages-forever", "more-loop", "more-elsewhere") and self.command == "GET":
            page = int((parse_qs(urlsplit(self.path).query).get("page") or ["0"])[0])
            foreign = {"id": "00000000-0000-4000-8000-%012d" % page, "actor": {"mbox": "mailto:x@example.org"},
                       "verb": {"id": "http://example.org/read"}, "object": {"id": "https://example.org/page"}}
            base = urlsplit(self.path).path
            more = {"pages-forever": f"{base}?page={page + 1}", "more-loop": self.path,
                    "more-elsewhere": f"http://127.0.0.1:{PORTS['other']}{base}?page=1"}[mode]
            self.reply(200, json.dumps({"statements": [foreign], "more": more}).encode())
        elif mode.startswith("pages") and mode != "pages-forever" and self.command == "GET":
            self.paged(mode)
        elif mode == "not-json" and self.command == "GET":
            self.reply(200, b"Service temporarily degraded; try later", "text/plain")
        elif mode == "statements-no-list" and self.command == "GET":
            self.reply(200, b'{"statements": "none", "more": ""}')
        elif mode == "always-busy":
            self.reply(503, b"busy", "text/plain", {"Retry-After": "0"})
        elif mode == "busy-then-lrs" and self.command == "POST" and self.count_post() <= 2:
            self.reply(503, b"busy", "text/plain", {"Retry-After": "0"})
        elif mode == "busy-forever-then-lrs" and self.command == "POST" and self.count_post() <= 2:
            self.reply(503, b"busy", "text/plain", {"Retry-After": "1e400"})
        else:
            self.honest(body, 201 if mode == "created" else 200)

    def paged(self, mode):
        """Serves the --pages file's pages, failing as the mode says."""
        parts = urlsplit(self.path)
        query = parse_qs(parts.query)
        kind = "voiding" if any(v.endswith("/voided") for v in query.get("verb", [])) else "cohort"
        with open(ARGS.pages, encoding="utf-8") as handle:
            pages = json.load(handle)[kind] or [[]]
        index = int((query.get("page") or ["0"])[0])

        def link(number):
            params = [(key, value) for key, values in query.items() if key != "page" for value in values]
            return parts.path + "?" + urlencode(params + [("page", str(number))])

        if mode.startswith("pages-slow-") and kind == "cohort" and index == int(mode.rsplit("-", 1)[1]) - 1:
            time.sleep(ARGS.delay)
        fail_at, failure = None, None
        if mode.startswith("pages-fail-"):
            _, _, number, failure = mode.split("-", 3)
            fail_at = int(number) - 1
        if kind == "cohort" and index == fail_at and failure != "loop":
            if failure == "json":
                self.reply(200, b'{"statements": [{"id": "broken"', "application/json")
            elif failure == "html":
                self.reply(200, b"<!DOCTYPE html><html><body>Sign in</body></html>", "text/html")
            else:
                self.reply(302, b"moved", "text/plain", {"Location": f"http://127.0.0.1:{PORTS['other']}{self.path}"})
            return
        more = link(index + 1) if index + 1 < len(pages) else ""
        if kind == "cohort" and index == fail_at:
            more = link(index - 1) if index > 1 else self.path
        try:
            self.reply(200, json.dumps({"statements": pages[index], "more": more}).encode())
        except OSError:
            return  # the reader has gone (a read that was stopped)

    def count_post(self):
        with LOCK:
            COUNTS["post"] += 1
            return COUNTS["post"]

    def honest(self, body, ok_status):
        query = parse_qs(urlsplit(self.path).query)
        if self.command == "GET":
            wanted = query.get("statementId", [None])[0]
            with LOCK:
                if wanted is not None:
                    statement = STORED.get(wanted)
                    if statement is None:
                        self.reply(404, b'{"detail":"no such statement"}')
                    else:
                        self.reply(200, json.dumps(statement).encode())
                    return
                listing = {"statements": list(STORED.values()), "more": ""}
            self.reply(200, json.dumps(listing).encode())
            return
        try:
            statements = json.loads(body)
        except ValueError:
            self.reply(400, b'{"detail":"invalid JSON"}')
            return
        if isinstance(statements, dict):
            statements = [statements]
        with LOCK:
            new = []
            for statement in statements:
                held = STORED.get(statement.get("id"))
                if held is not None and held != statement:
                    self.reply(409, b'{"detail":"a different statement has this id"}')
                    return
                if held is None:
                    new.append(statement)
            for statement in new:
                STORED[statement["id"]] = statement
        if not new:
            self.reply(204)
        else:
            self.reply(ok_status, json.dumps([s["id"] for s in new]).encode())


class OtherHandler(Handler):
    is_other = True


def main():
    global ARGS
    parser = argparse.ArgumentParser()
    parser.add_argument("--mode", default="lrs")
    parser.add_argument("--log", required=True)
    parser.add_argument("--ready", required=True)
    parser.add_argument("--pages", help="the pages for the pages modes (JSON)")
    parser.add_argument("--delay", type=float, default=30, help="seconds before a pages-slow-N page is answered")
    ARGS = parser.parse_args()
    # The test runner's threads block signals, and a child inherits that mask: unblock the
    # ones that stop this server, or SIGTERM would never arrive.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
    open(ARGS.log, "a", encoding="utf-8").close()
    if ARGS.mode.startswith("gzip-bomb"):
        gzip_bomb()  # a few seconds: made before the ports are announced
    ThreadingHTTPServer.daemon_threads = True
    lrs = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    other = ThreadingHTTPServer(("127.0.0.1", 0), OtherHandler)
    PORTS["lrs"] = lrs.server_address[1]
    PORTS["other"] = other.server_address[1]
    for server in (lrs, other):
        threading.Thread(target=server.serve_forever, daemon=True).start()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    with open(ARGS.ready + ".tmp", "w", encoding="utf-8") as handle:
        handle.write(f"{PORTS['lrs']} {PORTS['other']}\n")
    import os
    os.replace(ARGS.ready + ".tmp", ARGS.ready)
    while True:
        time.sleep(3600)


if __name__ == "__main__":
    main()
