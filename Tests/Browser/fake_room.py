"""A small fake room server for developing and proving the room pages without Attune.

It serves the two pages exactly as RoomPages.swift writes them (dumped to files by the Swift
test RoomPagesDump, see README below) and answers the JSON contract of the room with canned
content for every phase: reading, voting, locked, chosen, revealed, ended, closed.

    python3 fake_room.py PAGES_DIR [--port N] [--phase NAME]

PAGES_DIR holds participant.html, room.html and code (the room code the pages were made
with). To make them:

    ATTUNE_ROOM_PAGES_DIR=$PWD/.build/room-pages swift test --skip-build \
        --scratch-path .build-pages --filter RoomPagesDump

Routes, as the real server's: GET /r/CODE/ (participant page), GET /r/CODE/room (room
screen), POST /r/CODE/join -> {"device": TOKEN}, GET /r/CODE/state?device=TOKEN,
GET /r/CODE/room-state, POST /r/CODE/vote {"device","decision","choice"}, GET /r/CODE/qr.svg.
A valid but other room code answers 410 Gone on /state and /join; the code is accepted in any
case. The same security headers as the real server are sent, so a page that breaks the
Content-Security-Policy fails here too. Used by room_workshop.py --fake, which also moves the
fake through its phases (FakeRoom.set_phase). FAKE_ROOM_LONG=1 makes the story four times as
long and the case 14 moments, to prove the room screen still fits its ending on one 1920x1080
screen.
"""
import ctypes
import ctypes.util
import json
import os
import re
import secrets
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

PHASES = ["reading", "voting", "locked", "chosen", "revealed", "ended", "closed"]
CODE_PATTERN = re.compile(r"^[A-Za-z0-9]{4,12}$")

CASE_TITLE = "Maya, four months"
MOMENT_NUMBER = 3  # each page words it in its language ("Moment 3", "Momento 3")
DECISION = 3
STORY = (
    "Alicia sits on the edge of the sofa with Maya on her lap, facing outwards. She tells you "
    "that Maya \"never settles\" and that her own mother says she is spoiling her.\n\n"
    "As you sit down, Maya turns her head towards your voice and then away again, arching a "
    "little. Alicia holds her tighter and looks at the floor.\n\n"
    "The health visitor's note says Alicia missed the last two appointments."
)
PROMPT = "What do you do first?"
CHOICES = [
    "Greet Alicia warmly and say what you notice about how Maya turned to your voice",
    "Start the feeding questionnaire so the visit stays on time",
    "Tell Alicia that babies cannot be spoiled at four months",
    "Ask why she missed the last two appointments",
]
# Ratings go to the pages as ids; each page words them in its language.
REVEAL_OPTIONS = [
    ("attuned", "You joined both of them: Alicia hears that you see her baby reaching out, and that you are not there to judge."),
    ("missed", "The questionnaire can wait; Maya's turning and Alicia's gaze are the visit right now."),
    ("partial", "True, and kindly meant, but it argues with her mother's voice before Alicia feels heard."),
    ("unsafe", "Leading with the missed appointments can feel like an accusation and may end the visit."),
]
# (moment, votes, chosen, its rating, most attuned offered, its rating, matched)
SUMMARY_LINES = [
    ("Where do you sit?", [7, 3, 1, 1], 1, "attuned", 1, "attuned", True),
    ("What do you say first?", [2, 8, 2, 0], 2, "attuned", 2, "attuned", True),
    ("What do you do first?", [6, 2, 3, 1], 1, "attuned", 1, "attuned", True),
    ("Maya turns away again. What now?", [3, 5, 4, 0], 2, "partial", 3, "attuned", False),
    ("Alicia starts to cry.", None, 1, "attuned", 1, "attuned", True),
    ("How do you close the visit?", [4, 4, 3, 1], 1, "attuned", 1, "attuned", True),
]

if os.environ.get("FAKE_ROOM_LONG") == "1":
    # A long moment and a long case: the room screen must still fit the ending on one screen.
    STORY = "\n\n".join([STORY] * 4)
    SUMMARY_LINES = [(f"Maya turns away and arches again; Alicia looks at the floor. What do you do now, at moment {n}?",
                      [3, 5, 4, 0], 2, "partial", 3, "attuned", n % 3 != 0)
                     for n in range(1, 15)]


def qr_svg(text):
    """The join link as a QR code in SVG, through libqrencode (as the real server), with a
    quiet zone of four modules, black on white; a plain placeholder if the library is missing."""
    name = ctypes.util.find_library("qrencode") or "libqrencode.so.4"
    try:
        lib = ctypes.CDLL(name)
    except OSError:
        return ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#fff"/>'
                '<text x="1" y="6" font-size="3">QR</text></svg>')

    class QRcode(ctypes.Structure):
        _fields_ = [("version", ctypes.c_int), ("width", ctypes.c_int), ("data", ctypes.POINTER(ctypes.c_ubyte))]

    lib.QRcode_encodeString.restype = ctypes.POINTER(QRcode)
    lib.QRcode_encodeString.argtypes = [ctypes.c_char_p, ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_int]
    lib.QRcode_free.argtypes = [ctypes.POINTER(QRcode)]
    code = lib.QRcode_encodeString(text.encode(), 0, 1, 2, 1)
    if not code:
        return ""
    width = code.contents.width
    data = code.contents.data
    quiet = 4
    size = width + 2 * quiet
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" shape-rendering="crispEdges">',
             f'<rect width="{size}" height="{size}" fill="#fff"/><path fill="#000" d="']
    for y in range(width):
        for x in range(width):
            if data[y * width + x] & 1:
                parts.append(f"M{x + quiet} {y + quiet}h1v1h-1z")
    parts.append('"/></svg>')
    lib.QRcode_free(code)
    return "".join(parts)


class FakeRoom:
    """The room's state, canned per phase, with real joins and votes."""

    def __init__(self, code, phase="reading"):
        self.code = code.upper()
        self.lock = threading.Lock()
        self.version = 1
        self.phase = phase
        self.tokens = set()
        self.votes = {}
        self.timer_ends = None
        self.requests = 0
        self.gone = False  # set when the fake "stops": every connection is dropped unanswered

    def set_phase(self, phase):
        assert phase in PHASES, phase
        with self.lock:
            self.phase = phase
            self.version += 1
            # a timer while voting, and a discussion timer after the reveal
            self.timer_ends = time.time() + {"voting": 95, "revealed": 120}.get(phase, 0) if phase in ("voting", "revealed") else None

    def join(self):
        with self.lock:
            token = secrets.token_hex(16)
            self.tokens.add(token)
            self.version += 1
            return token

    def vote(self, device, decision, choice):
        with self.lock:
            if device not in self.tokens:
                return 400, "This page could not identify your phone. Reload the page."
            if self.phase != "voting":
                return 409, "Voting is closed right now."
            if decision != DECISION:
                return 409, "That moment has passed; the page will show the new one."
            if not isinstance(choice, int) or not 0 <= choice < len(CHOICES):
                return 422, "That choice is not offered at this moment."
            if self.votes.get(device) != choice:
                self.votes[device] = choice
                self.version += 1
            return 200, "Your vote is in. You can change it until the trainer closes voting."

    def counts(self):
        counts = [0] * len(CHOICES)
        for choice in self.votes.values():
            counts[choice] += 1
        return counts

    def _common(self):
        phase = self.phase
        view = {"version": self.version, "phase": phase, "decision": None, "caseTitle": CASE_TITLE,
                "momentNumber": None, "prompt": None, "choices": [], "myVote": None, "reveal": None,
                "summary": None, "timerSeconds": None}
        if phase in ("reading", "voting", "locked", "chosen", "revealed"):
            view.update(decision=DECISION, momentNumber=MOMENT_NUMBER, prompt=PROMPT)
        if self.timer_ends:
            view["timerSeconds"] = max(0, int(round(self.timer_ends - time.time())))
        if phase == "voting":
            view["choices"] = list(CHOICES)
        if phase == "locked":
            view["timerSeconds"] = 0
        if phase == "revealed":
            counts = self.counts()
            view["reveal"] = {"decision": DECISION, "momentNumber": MOMENT_NUMBER, "chosen": 1, "options": [
                {"number": i + 1, "text": CHOICES[i], "rating": rating, "why": why, "votes": counts[i]}
                for i, (rating, why) in enumerate(REVEAL_OPTIONS)]}
        if phase == "ended":
            view["summary"] = {"lines": [{"moment": m, "votes": v, "chosen": c, "chosenRating": cr, "mostAttuned": a,
                                          "mostAttunedRating": ar, "matched": ok}
                                         for (m, v, c, cr, a, ar, ok) in SUMMARY_LINES],
                               "matched": sum(1 for line in SUMMARY_LINES if line[6]), "total": len(SUMMARY_LINES)}
        return view

    def participant_view(self, device):
        with self.lock:
            view = self._common()
            if self.phase == "voting" and device in self.votes:
                view["myVote"] = self.votes[device]
            return view

    def room_view(self):
        with self.lock:
            view = self._common()
            view["story"] = STORY if self.phase in ("reading", "voting", "locked", "chosen", "revealed") else None
            if self.phase in ("reading", "voting", "locked", "chosen"):
                view["choices"] = list(CHOICES)
            view["joined"] = len(self.tokens)
            view["voted"] = len(self.votes)
            view["counts"] = self.counts() if self.phase in ("locked", "chosen") else None
            view["timeUp"] = self.phase == "locked"
            return view


HEADERS = [
    ("Cache-Control", "no-store"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("Content-Security-Policy",
     "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'"),
]


def make_handler(room, pages):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def send(self, status, body, kind="text/plain; charset=utf-8"):
            data = body.encode() if isinstance(body, str) else body
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            for name, value in HEADERS:
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        def route(self):
            with room.lock:
                room.requests += 1
            url = urlsplit(self.path)
            parts = [p for p in url.path.split("/") if p]
            if url.path == "/favicon.ico" or url.path.startswith("/apple-touch-icon"):
                return None, None, 204
            if len(parts) < 2 or parts[0] != "r" or not CODE_PATTERN.match(parts[1]):
                return None, None, 404
            page = parts[2] if len(parts) > 2 else ""
            if parts[1].upper() != room.code:
                return page, url, 410
            return page, url, 200

        def do_GET(self):
            if room.gone:
                self.close_connection = True
                return None
            page, url, status = self.route()
            if status == 204:
                return self.send(204, b"")
            if status == 404:
                return self.send(404, "Ask the trainer for the room's address.")
            if status == 410:
                return self.send(410, "The room has moved: scan the new code.")
            if page == "":
                return self.send(200, pages["participant"], "text/html; charset=utf-8")
            if page == "room":
                return self.send(200, pages["room"], "text/html; charset=utf-8")
            if page == "state":
                device = parse_qs(url.query).get("device", [None])[0]
                return self.send(200, json.dumps(room.participant_view(device)), "application/json")
            if page == "room-state":
                return self.send(200, json.dumps(room.room_view()), "application/json")
            if page == "qr.svg":
                host = self.headers.get("Host", "127.0.0.1")
                return self.send(200, qr_svg(f"http://{host}/r/{room.code}/"), "image/svg+xml")
            return self.send(404, "There is no such page.")

        def do_POST(self):
            if room.gone:
                self.close_connection = True
                return None
            page, _, status = self.route()
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(min(length, 2048)) if length else b""
            if status == 404:
                return self.send(404, "Ask the trainer for the room's address.")
            if status == 410:
                return self.send(410, "The room has moved: scan the new code.")
            if not (self.headers.get("Content-Type") or "").startswith("application/json"):
                return self.send(415, "That is not how this page is used.")
            if page == "join":
                return self.send(200, json.dumps({"device": room.join()}), "application/json")
            if page == "vote":
                try:
                    vote = json.loads(body)
                    answer = room.vote(vote["device"], vote["decision"], vote["choice"])
                except (ValueError, KeyError, TypeError):
                    answer = (400, "That is not a vote this page sends.")
                return self.send(*answer)
            return self.send(405, "That is not how this page is used.")

    return Handler


def load_pages(folder):
    with open(os.path.join(folder, "participant.html"), encoding="utf-8") as handle:
        participant = handle.read()
    with open(os.path.join(folder, "room.html"), encoding="utf-8") as handle:
        room = handle.read()
    with open(os.path.join(folder, "code"), encoding="utf-8") as handle:
        code = handle.read().strip()
    return {"participant": participant, "room": room}, code


def start(folder, port=0, phase="reading"):
    """Starts the fake in a thread; returns (server, room, base URL of the room)."""
    pages, code = load_pages(folder)
    room = FakeRoom(code, phase)
    server = ThreadingHTTPServer(("127.0.0.1", port), make_handler(room, pages))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, room, f"http://127.0.0.1:{server.server_address[1]}/r/{code}/"


def main():
    args = sys.argv[1:]
    if not args or args[0].startswith("-"):
        print(__doc__)
        return 2
    folder, port, phase = args[0], 8765, "reading"
    if "--port" in args:
        port = int(args[args.index("--port") + 1])
    if "--phase" in args:
        phase = args[args.index("--phase") + 1]
    server, room, base = start(folder, port, phase)
    print(f"Phones: {base}\nRoom screen: {base}room\nType a phase name ({', '.join(PHASES)}) and Enter to move the room.")
    try:
        for line in sys.stdin:
            name = line.strip()
            if name in PHASES:
                room.set_phase(name)
                print(f"Phase {name}, version {room.version}.")
            elif name:
                print("Not a phase.")
    except KeyboardInterrupt:
        pass
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
