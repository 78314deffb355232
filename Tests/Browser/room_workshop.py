"""A workshop in a real browser: 12 phones and the room screen, phase by phase.

Against the real server (driven by a Swift test typing in the trainer's terminal):

    room_workshop.py PARTICIPANT_URL ROOM_URL SCREENSHOT_DIR CONTROL_DIR [--phases a,b,...]

Against the fake server in fake_room.py (which it starts and moves through the phases itself):

    room_workshop.py --fake PAGES_DIR SCREENSHOT_DIR

Opens 12 phone sessions (390x844, each its own window, so each has its own sessionStorage;
the last one has storage blocked) and the room screen at 1920x1080 and at 1024x768. For each
phase (reading, voting, locked, chosen, revealed, ended, closed by default) it waits for the
file CONTROL_DIR/phase-NAME, waits until every page shows that phase (the pages mark it on
<body data-phase>), screenshots every view, checks, and then writes CONTROL_DIR/seen-NAME (the
driving test waits for it before it moves the room on). It checks:
  - no horizontal overflow (document.documentElement.scrollWidth <= innerWidth) on any view;
  - no rating words on any view before the phase "revealed";
  - the 1920x1080 room screen at "ended" does not scroll;
  - axe-core (axe-selenium-python) finds no serious or critical violation on a phone and on the
    room screen at both sizes;
  - the phone's one live region never says the same thing twice in a row;
  - at "locked" the bars move only without prefers-reduced-motion; at "revealed" a phone and
    the room screen pass axe in a dark colour scheme too.
When "voting" begins the 12 phones vote, spread across the choices, each checks "Your vote is
in"; then one phone keeps focus on a choice for 10 s of polling and changes its vote from the
keyboard meanwhile (the same button must still be document.activeElement, and the live region
must not repeat itself), another reloads and must still show its vote, the room screen must
count the 12 votes, and CONTROL_DIR/voted is written.

The driving test: write CONTROL_DIR/phase-NAME once the room shows NAME; at "voting" wait for
CONTROL_DIR/voted before locking; wait for CONTROL_DIR/seen-NAME before moving the room on;
then wait for the harness to exit (status 0 when every check held).
At the end, a tab on another room code must be told the room has moved and stop asking; with
--fake the server is then stopped and both pages must show a plain notice.
Prints a JSON summary and exits 1 on any failure.
"""
import json
import os
import re
import sys
import threading
import time
import traceback

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

try:
    from axe_selenium_python import Axe
except ImportError:  # reported as a failure below, not a crash
    Axe = None

PHASES = ["reading", "voting", "locked", "chosen", "revealed", "ended", "closed"]
RATING_WORDS = ["Attuned", "Partly attuned", "Missed the cue", "Safety concern"]
PHONES = 12
PHONE_SIZE = (390, 844)
ROOM_SIZES = [(1920, 1080), (1024, 768)]
PHASE_WAIT = float(os.environ.get("ROOM_WORKSHOP_PHASE_WAIT", "180"))

# Set before any page script runs: records each change of the live region, so a repeat shows.
LIVE_LOG = """
window.__live = [];
document.addEventListener('DOMContentLoaded', function () {
  var status = document.getElementById('status');
  if (!status) return;
  new MutationObserver(function () { window.__live.push(status.textContent); })
    .observe(status, { childList: true, characterData: true, subtree: true });
});
"""
# Makes sessionStorage throw, as a browser that blocks storage does.
BLOCK_STORAGE = """
Object.defineProperty(window, 'sessionStorage', { configurable: true,
  get: function () { throw new DOMException('The operation is insecure.', 'SecurityError'); } });
Object.defineProperty(window, 'localStorage', { configurable: true,
  get: function () { throw new DOMException('The operation is insecure.', 'SecurityError'); } });
"""


class Workshop:
    def __init__(self, participant, room, shots, control, phases):
        self.participant, self.room, self.shots, self.control, self.phases = participant, room, shots, control, phases
        self.failures = []
        self.checks = 0
        self.axe_runs = []
        self.timings = {}
        self.views = []  # (name, window handle, kind)
        self.driver = None
        self.fake = False

    # -- bookkeeping
    def check(self, ok, what):
        self.checks += 1
        if not ok:
            self.failures.append(what)
            print("FAIL:", what, flush=True)
        return ok

    def log(self, *words):
        print(time.strftime("%H:%M:%S"), *words, flush=True)

    # -- the browser
    def open(self):
        options = Options()
        for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                     "--disable-backgrounding-occluded-windows", "--hide-scrollbars=false"):
            options.add_argument(flag)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        self.driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        self.driver.set_script_timeout(60)
        first = True
        for number in range(PHONES):
            if not first:
                self.driver.switch_to.new_window("window")
            first = False
            self.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": LIVE_LOG})
            if number == PHONES - 1:
                self.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": BLOCK_STORAGE})
            self.size(*PHONE_SIZE)
            self.driver.get(self.participant)
            self.views.append((f"phone-{number + 1:02d}", self.driver.current_window_handle, "phone"))
        for width, height in ROOM_SIZES:
            self.driver.switch_to.new_window("window")
            self.size(width, height)
            self.driver.get(self.room)
            self.views.append((f"room-{width}x{height}", self.driver.current_window_handle, "room"))

    def size(self, width, height):
        """Sets the viewport (not the window) to width x height."""
        self.driver.set_window_size(width, height)
        inner = self.driver.execute_script("return [window.innerWidth, window.innerHeight]")
        if inner != [width, height]:
            self.driver.set_window_size(width + (width - inner[0]), height + (height - inner[1]))

    def go(self, handle):
        self.driver.switch_to.window(handle)

    def js(self, script, *args):
        return self.driver.execute_script(script, *args)

    def wait(self, condition, seconds, what):
        deadline = time.time() + seconds
        while time.time() < deadline:
            try:
                if condition():
                    return True
            except (WebDriverException, IndexError, TypeError, AttributeError):
                pass  # the page is still loading or redrawing: ask again
            time.sleep(0.2)
        return self.check(False, what)

    # -- the phases
    def wait_for_control(self, name):
        path = os.path.join(self.control, name)
        deadline = time.time() + PHASE_WAIT
        while not os.path.exists(path):
            if time.time() > deadline:
                return self.check(False, f"the file {path} did not appear within {PHASE_WAIT:.0f} s")
            time.sleep(0.1)
        return True

    def run_phase(self, phase):
        started = time.time()
        if not self.wait_for_control(f"phase-{phase}"):
            return False
        self.log("phase", phase)
        shown = "return document.body.getAttribute('data-phase')"
        for name, handle, _ in self.views:
            self.go(handle)
            if not self.wait(lambda: self.js(shown) == phase, 20, f"{name} did not show the phase '{phase}'"):
                self.failures[-1] += f" (it shows '{self.js(shown)}')"
        if phase == "voting":
            self.vote_everywhere()
        before_reveal = PHASES.index(phase) < PHASES.index("revealed") if phase in PHASES else False
        for name, handle, kind in self.views:
            self.go(handle)
            self.driver.save_screenshot(os.path.join(self.shots, f"{phase}-{name}.png"))
            width = self.js("return [document.documentElement.scrollWidth, window.innerWidth]")
            self.check(width[0] <= width[1], f"{phase}, {name}: the page is wider than the screen ({width[0]} > {width[1]})")
            text = self.js("return document.body.innerText")
            if before_reveal:
                # what is shown, and what is in the page at all (hidden parts included)
                whole = self.js("var c = document.body.cloneNode(true);"
                                " c.querySelectorAll('script').forEach(function (s) { s.remove(); }); return c.textContent")
                said = [word for word in RATING_WORDS if word in text or word in whole]
                self.check(not said, f"{phase}, {name}: rating words before the reveal: {said}")
            if kind == "room" and phase in ("reading", "voting", "locked", "chosen"):
                self.check(re.search(r"\d+ of \d+ phones? ha(s|ve) voted", text) is not None,
                           f"{phase}, {name}: no 'N of M phones have voted'")
            if kind == "room" and phase in ("reading", "voting"):
                image = self.js("var i = document.querySelector('img[src=\"qr.svg\"]');"
                                " return i && i.offsetWidth > 0 ? [i.complete, i.naturalWidth, i.alt, i.offsetWidth] : null")
                self.check(image is not None and image[0] and image[1] > 0 and image[2] == "QR code for the join address",
                           f"{phase}, {name}: the QR code is not shown ({image})")
            if kind == "room" and phase == "locked" and self.fake:
                self.check("Time is up" in text, f"{phase}, {name}: the fake's timer ran out but 'Time is up' is not shown")
            if kind == "room" and phase == "voting":
                self.check(re.search(r"\b\d+:\d\d\b", text) is not None or not self.fake, f"{phase}, {name}: no timer (m:ss)")
            if kind == "room" and phase == "revealed":
                self.check("The room's choice" in text, f"{phase}, {name}: the room's choice is not marked in words")
            if kind == "phone" and phase == "closed":
                self.check("Voting is over for this case" in text, f"{phase}, {name}: no 'Voting is over for this case'")
            if kind == "room" and phase == "ended":
                self.check(re.search(r"matched the most attuned option at \d+ of \d+ decisions?", text) is not None,
                           f"{phase}, {name}: no 'matched the most attuned option at N of M decisions'")
                if name == "room-1920x1080":
                    height = self.js("return [document.documentElement.scrollHeight, window.innerHeight]")
                    self.check(height[0] <= height[1], f"{phase}, {name}: the ending scrolls ({height[0]} > {height[1]})")
            if kind == "phone":
                self.check("Connecting to the room" not in text, f"{phase}, {name}: the phone still says 'Connecting to the room…'")
                repeats = self.js("var l = window.__live || []; var r = [];"
                                  " for (var i = 1; i < l.length; i++) if (l[i] === l[i - 1]) r.push(l[i]); return r")
                self.check(not repeats, f"{phase}, {name}: the live region said the same thing twice: {repeats[:2]}")
        for name, handle, _ in [self.views[0], self.views[-2], self.views[-1]]:
            self.go(handle)
            self.accessibility(f"{phase}, {name}")
        if phase == "locked":
            self.reduced_motion()
        if phase == "revealed":
            self.dark(phase)
        self.timings[phase] = round(time.time() - started, 1)
        with open(os.path.join(self.control, f"seen-{phase}"), "w") as handle:
            handle.write(phase + "\n")
        return True

    def vote_everywhere(self):
        phones = [(name, handle) for name, handle, kind in self.views if kind == "phone"]
        for number, (name, handle) in enumerate(phones):
            self.go(handle)
            for attempt in range(3):  # a page that rebuilds its buttons makes them stale: try again, and say so
                try:
                    buttons = self.driver.find_elements(By.CSS_SELECTOR, "#choices button")
                    if not self.check(len(buttons) >= 2, f"voting, {name}: fewer than two choice buttons"):
                        break
                    self.check(all(b.tag_name == "button" and b.get_attribute("aria-pressed") in ("true", "false") for b in buttons),
                               f"voting, {name}: the choices are not toggle buttons")
                    choice = number % len(buttons)
                    buttons[choice].click()
                    break
                except StaleElementReferenceException:
                    self.check(attempt < 2, f"voting, {name}: the choice buttons are rebuilt while the phone looks at them")
            else:
                continue
            self.wait(lambda: self.driver.find_elements(By.CSS_SELECTOR, "#choices button")[choice].get_attribute("aria-pressed") == "true"
                      and "Your vote is in" in self.driver.find_element(By.ID, "status").text, 10,
                      f"voting, {name}: the vote for choice {choice + 1} was not confirmed")
        # The storage-blocked phone says so plainly.
        self.go(phones[-1][1])
        self.check("This browser blocks storage" in self.js("return document.body.innerText"),
                   f"voting, {phones[-1][0]}: no warning that storage is blocked")
        # Focus survives 10 s of polling, and a vote changed from the keyboard meanwhile: the
        # same button is still focused, and the live region said nothing twice.
        name, handle = phones[0]
        self.go(handle)
        buttons = self.driver.find_elements(By.CSS_SELECTOR, "#choices button")
        button = buttons[1 % len(buttons)]
        self.js("arguments[0].focus(); window.__liveBefore = window.__live.length;", button)
        focused_at = time.time()
        version = self.js("return document.body.getAttribute('data-version')")
        time.sleep(3)
        try:
            self.check(self.driver.switch_to.active_element == button, f"voting, {name}: focus left the choice within 3 s of polling")
            button.send_keys(Keys.SPACE)
            self.wait(lambda: button.get_attribute("aria-pressed") == "true", 5, f"voting, {name}: a vote from the keyboard was not confirmed")
            time.sleep(max(0.0, 10 - (time.time() - focused_at)))
            self.check(self.driver.switch_to.active_element == button, f"voting, {name}: focus left the choice during 10 s of polling")
        except StaleElementReferenceException:
            self.check(False, f"voting, {name}: the focused choice button was rebuilt during polling (focus is lost)")
        spoken = self.js("return window.__live.slice(window.__liveBefore)")
        self.check(len(spoken) == len(set(spoken)), f"voting, {name}: the live region repeated itself while focused: {spoken}")
        self.timings["focus check: versions before and after"] = [version, self.js("return document.body.getAttribute('data-version')")]
        self.timings["focus check: live region said"] = spoken
        # A reload keeps the phone's token (sessionStorage) and so its vote.
        name, handle = phones[1]
        self.go(handle)
        self.driver.refresh()
        self.wait(lambda: self.driver.find_elements(By.CSS_SELECTOR, "#choices button")[1].get_attribute("aria-pressed") == "true", 15,
                  f"voting, {name}: after a reload the phone's vote is not shown as its own")
        room_handle = self.views[-2][1]
        self.go(room_handle)
        self.wait(lambda: re.search(r"\b(1[2-9]|[2-9]\d|\d{3,}) of \d+ phones have voted", self.js("return document.body.innerText")), 10,
                  "voting: the room screen does not count the 12 phones' votes")
        self.timings["room count after voting"] = self.js("return document.getElementById('voted') && document.getElementById('voted').textContent")
        with open(os.path.join(self.control, "voted"), "w") as handle:
            handle.write("12 phones voted\n")
        self.log("voted written")

    def accessibility(self, where):
        if not self.check(Axe is not None, "axe-selenium-python is not installed"):
            return
        axe = Axe(self.driver)
        axe.inject()
        results = axe.run()
        bad = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
        self.axe_runs.append({"where": where, "rulesPassed": len(results.get("passes", [])),
                              "violations": [f"{v['id']} ({v['impact']})" for v in results["violations"]]})
        self.check(not bad, f"{where}: axe found {[(v['id'], v['impact'], [n['target'] for n in v['nodes']][:3]) for v in bad]}")

    def media(self, features):
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": features})

    def reduced_motion(self):
        """The bars move only for people who have not asked for less movement."""
        name, handle, _ = self.views[-2]
        self.go(handle)
        bar = "var b = document.querySelector('.bar'); return b ? getComputedStyle(b).transitionDuration : null"
        self.media([{"name": "prefers-reduced-motion", "value": "reduce"}])
        reduced = self.js(bar)
        self.media([{"name": "prefers-reduced-motion", "value": "no-preference"}])
        moving = self.js(bar)
        self.media([])
        self.check(reduced == "0s" and moving not in (None, "0s"),
                   f"locked, {name}: the bars do not respect prefers-reduced-motion ({reduced} when reduced, {moving} otherwise)")

    def dark(self, phase):
        """The same pages in a dark colour scheme: screenshots and axe (contrast) again."""
        for name, handle, _ in [self.views[0], self.views[-2]]:
            self.go(handle)
            self.media([{"name": "prefers-color-scheme", "value": "dark"}])
            self.driver.save_screenshot(os.path.join(self.shots, f"{phase}-dark-{name}.png"))
            self.accessibility(f"{phase} (dark), {name}")
            self.media([])

    def moved_tab(self):
        """A tab left open on an old room code (after a restart made a new one) is told the room
        has moved, and stops asking. Made by writing the participant page, as served, with another
        code into a plain same-origin page, with a token already kept for that code."""
        code = re.search(r"/r/([A-Za-z0-9]+)/", self.participant).group(1)
        other = "ZZZZZZ" if code.upper() != "ZZZZZZ" else "YYYYYY"
        self.driver.switch_to.new_window("window")
        self.size(*PHONE_SIZE)
        self.driver.get(self.participant + "no-such-page")
        html = self.driver.execute_async_script(
            "var done = arguments[arguments.length - 1];"
            "fetch(arguments[0], {cache: 'no-store'}).then(function (r) { return r.text(); }).then(done, function () { done(''); });",
            self.participant)
        if not self.check(f'var code = "{code}";' in html, "the participant page does not carry its room code as expected"):
            return None
        html = html.replace(f'var code = "{code}";', f'var code = "{other}";')
        self.js("try { sessionStorage.setItem('attune-device-' + arguments[1], '0123456789abcdef0123456789abcdef'); } catch (e) {}"
                "document.open(); document.write(arguments[0]); document.close();", html, other)
        shown = "return document.body && document.body.getAttribute('data-phase')"
        if not self.wait(lambda: self.js(shown) == "moved", 15, "a tab on an old room code was not told that the room has moved"):
            self.failures[-1] += f" (it shows '{self.js(shown)}')"
        self.driver.save_screenshot(os.path.join(self.shots, "moved-phone.png"))
        text = self.js("var s = document.getElementById('status'); return s ? s.textContent : ''")
        # it stops asking: the status stays, and the phase stays "moved"
        time.sleep(3)
        self.check(self.js(shown) == "moved", "the tab on an old room code went on asking")
        return text

    def server_gone(self):
        for name, handle, _ in [self.views[0], self.views[-2]]:
            self.go(handle)
            self.wait(lambda: self.js("return document.body.getAttribute('data-server')") == "gone", 20,
                      f"{name}: no notice after the server stopped")
            self.driver.save_screenshot(os.path.join(self.shots, f"server-gone-{name}.png"))
            self.check(self.js("return document.documentElement.scrollWidth <= window.innerWidth"),
                       f"{name}: the server-gone notice overflows")

    def console_errors(self):
        errors = []
        for name, handle, _ in self.views:
            self.go(handle)
            try:
                for entry in self.driver.get_log("browser"):
                    message = entry.get("message", "")
                    if entry.get("level") == "SEVERE" and ("Content Security Policy" in message or "Uncaught" in message):
                        errors.append(f"{name}: {message[:200]}")
            except WebDriverException:
                pass
        self.check(not errors, f"the browser reported script or policy errors: {errors[:3]}")


def main(argv):
    fake = "--fake" in argv
    argv = [a for a in argv if a != "--fake"]
    phases = PHASES
    if "--phases" in argv:
        at = argv.index("--phases")
        phases = argv[at + 1].split(",")
        del argv[at:at + 2]
    server = room_state = None
    if fake:
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        import fake_room
        import tempfile
        pages, shots = argv[:2]
        control = tempfile.mkdtemp(prefix="room-workshop-")
        server, room_state, base = fake_room.start(pages)
        participant, room = base, base + "room"
    else:
        participant, room, shots, control = argv[:4]
    os.makedirs(shots, exist_ok=True)
    os.makedirs(control, exist_ok=True)
    workshop = Workshop(participant, room, shots, control, phases)
    workshop.fake = fake
    started = time.time()
    moved_text = None
    try:
        if fake:
            threading.Thread(target=fake_trainer, args=(room_state, control, phases), daemon=True).start()
        workshop.open()
        workshop.timings["open"] = round(time.time() - started, 1)
        for phase in phases:
            if not workshop.run_phase(phase):
                break
        moved_text = workshop.moved_tab()
        workshop.console_errors()
        if fake:
            room_state.gone = True
            server.shutdown()
            server.server_close()
            workshop.server_gone()
    except Exception:  # noqa: BLE001 - reported in the summary
        workshop.check(False, "the harness stopped: " + traceback.format_exc(limit=3))
    finally:
        if workshop.driver:
            workshop.driver.quit()
    summary = {
        "ok": not workshop.failures,
        "against": "fake server" if fake else "real server",
        "phases": phases,
        "phones": PHONES,
        "checks": workshop.checks,
        "failures": workshop.failures,
        "seconds": round(time.time() - started, 1),
        "timings": workshop.timings,
        "movedTab": moved_text,
        "axe": workshop.axe_runs,
        "screenshots": sorted(os.listdir(shots)),
    }
    print(json.dumps(summary, indent=2))
    return 0 if summary["ok"] else 1


def fake_trainer(room, control, phases):
    """Plays the trainer's part for the fake: each phase in turn, after the phones voted."""
    for phase in phases:
        if phase == "locked":
            deadline = time.time() + 120
            while not os.path.exists(os.path.join(control, "voted")) and time.time() < deadline:
                time.sleep(0.1)
        room.set_phase(phase)
        with open(os.path.join(control, f"phase-{phase}"), "w") as handle:
            handle.write(phase + "\n")
        # the next phase only once the harness has seen this one
        deadline = time.time() + 300
        while time.time() < deadline:
            time.sleep(0.2)
            nxt = phases.index(phase) + 1
            if nxt >= len(phases) or os.path.exists(os.path.join(control, f"seen-{phase}")):
                break
    return None


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
