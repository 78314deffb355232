import AttuneCatalog
import AttuneCore
import Foundation

/// The two pages, plain HTML with a little JavaScript and no framework: the participant
/// page for phones (large buttons, one live region for screen readers) and the room screen
/// for the projector (large type, the join code, the timer). Both read the room's JSON feed
/// about once a second, redraw only when its `version` changes, and write text with
/// textContent only, so nothing from the case is ever interpreted as markup. Nothing is
/// loaded from outside: the style and script are inline, as the server's Content-Security-
/// Policy allows, and the QR code is the room's own `qr.svg`.
enum RoomPages {
    /// The room code as it may appear inside the page's script: letters and digits only.
    static func safeCode(_ code: String) -> String {
        String(code.unicodeScalars.filter { ($0.isASCII && $0.properties.isAlphabetic) || ("0"..."9").contains($0) }.map(Character.init))
    }

    /// Shared by both pages: colours with high contrast in light and dark, a visible focus
    /// ring, and movement only for people who have not asked for less.
    static let commonStyle = #"""
        :root { color-scheme: light dark; --ink: #111; --paper: #fff; --muted: #333; --accent: #0b5d4b; --on-accent: #fff;
                --line: #555; --focus: #1a4fd6; --warn-ink: #5a2d00; --warn-paper: #fff1d6; --problem: #9b1c1c; }
        @media (prefers-color-scheme: dark) {
          :root { --ink: #f4f4f4; --paper: #101010; --muted: #d6d6d6; --accent: #7fd8be; --on-accent: #000;
                  --line: #aaa; --focus: #9cc2ff; --warn-ink: #ffe3b0; --warn-paper: #3a2600; --problem: #ffb4b4; }
        }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; background: var(--paper); color: var(--ink); font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
               overflow-wrap: anywhere; }
        [hidden] { display: none !important; }
        h1, h2, h3 { line-height: 1.2; }
        :focus-visible { outline: 4px solid var(--focus); outline-offset: 3px; }
        .warning, .notice { background: var(--warn-paper); color: var(--warn-ink); border: 2px solid var(--warn-ink); border-radius: .5rem;
                            padding: .6rem .8rem; font-weight: 600; }
        .badge { display: inline-block; border: 2px solid var(--accent); border-radius: .4rem; padding: 0 .4em; font-weight: 700; }
        .option { list-style: none; margin: 0 0 .8em; padding: .2em 0 .2em .8em; border-left: .35em solid var(--line); }
        .option.chosen { border-left-color: var(--accent); border-left-width: .6em; }
        .option p { margin: .15em 0; }
        .rating { font-weight: 700; }
        .why { color: var(--muted); }
        ol.options { padding: 0; margin: 0; }
        """#

    static func participant(code: String, catalog: any MessageCatalog = English()) -> String {
        let code = safeCode(code)
        func h(_ word: RoomText.Page) -> String { html(catalog.room(.page(word))) }
        return #"""
            <!doctype html>
            <html lang="\#(catalog.language.rawValue)"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\#(h(.voteTitle))</title>
            <style>
            \#(commonStyle)
            body { font-size: 1.15rem; line-height: 1.5; }
            main { max-width: 40rem; margin: 0 auto; padding: 1rem; }
            h1 { font-size: 1.35rem; margin: 0 0 .2rem; }
            h2 { font-size: 1.2rem; margin: 1rem 0 .4rem; }
            .moment { margin: 0; font-weight: 600; color: var(--muted); }
            .status { font-size: 1.2rem; font-weight: 700; margin: .8rem 0; }
            .status.problem { color: var(--problem); }
            .choice { display: flex; flex-wrap: wrap; align-items: center; gap: .2rem .6rem; width: 100%; min-height: 3.5rem; margin: .6rem 0;
                      padding: .8rem 1rem; font: inherit; text-align: left; border: 3px solid var(--accent); border-radius: .6rem;
                      background: var(--paper); color: var(--ink); cursor: pointer; }
            .choice-text { flex: 1 1 12rem; }
            .choice[aria-pressed="true"] { background: var(--accent); color: var(--on-accent); }
            .choice[aria-pressed="false"] .mine { display: none; }
            .mine { font-weight: 700; border: 2px solid currentColor; border-radius: .4rem; padding: 0 .4rem; }
            .total { font-weight: 700; }
            .note { color: var(--muted); font-size: 1rem; margin-top: 1.5rem; }
            </style>
            </head><body class="phone" data-phase="connecting">
            <main>
            <h1 id="title">Attune</h1>
            <p id="moment" class="moment" hidden></p>
            <p id="storage" class="warning" hidden>\#(h(.storageBlocked))</p>
            <p id="status" class="status" role="status" aria-live="polite">\#(h(.connecting))</p>
            <section id="question" aria-labelledby="prompt" hidden>
            <h2 id="prompt"></h2>
            <div id="choices" role="group" aria-labelledby="prompt"></div>
            <p id="mine" class="total" hidden></p>
            </section>
            <section id="reveal" aria-labelledby="reveal-title" hidden>
            <h2 id="reveal-title">\#(h(.revealHeading))</h2>
            <p id="reveal-chosen" class="total"></p>
            <ol id="reveal-options" class="options"></ol>
            </section>
            <section id="summary" aria-labelledby="summary-title" hidden>
            <h2 id="summary-title">\#(h(.pathHeading))</h2>
            <ol id="summary-lines"></ol>
            <p id="summary-total" class="total"></p>
            </section>
            <p class="note">\#(h(.privacyNote))</p>
            </main>
            <script>
            (function () {
              "use strict";
              var W = \#(scriptWords(catalog));
              \#(fillScript)
              var code = "\#(code)";
              var base = "/r/" + code + "/";
              var key = "attune-device-" + code.toUpperCase();
              var device = null, storageWorks = true;
              function $(id) { return document.getElementById(id); }
              try {
                device = window.sessionStorage.getItem(key);
                window.sessionStorage.setItem("attune-probe", "1");
                window.sessionStorage.removeItem("attune-probe");
              } catch (e) { storageWorks = false; device = null; }
              if (device && !/^[A-Za-z0-9_-]{8,128}$/.test(device)) device = null;
              if (!storageWorks) $("storage").hidden = false;
              function keep(token) {
                device = token;
                if (!storageWorks) return;
                try { window.sessionStorage.setItem(key, token); } catch (e) { storageWorks = false; $("storage").hidden = false; }
              }
              function forget() {
                device = null;
                if (storageWorks) { try { window.sessionStorage.removeItem(key); } catch (e) { /* memory only */ } }
              }
              function el(tag, text, cls) { var e = document.createElement(tag); if (text !== undefined) e.textContent = text; if (cls) e.className = cls; return e; }
              function setText(node, text) { if (node.textContent !== text) node.textContent = text; }
              function show(node, visible) { if (node.hidden === !!visible) node.hidden = !visible; }
              function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
              var said = "";
              // The one live region: it changes only when what it says changes, so each change is spoken once.
              function say(text, problem) {
                var status = $("status");
                if (said !== text) { status.textContent = text; said = text; }
                var cls = problem ? "status problem" : "status";
                if (status.className !== cls) status.className = cls;
              }
              function request(path, options) {
                options = options || {};
                options.cache = "no-store";
                options.credentials = "same-origin";
                if (typeof AbortController === "function") {
                  var controller = new AbortController();
                  options.signal = controller.signal;
                  setTimeout(function () { controller.abort(); }, 5000);
                }
                return fetch(base + path, options);
              }

              var shownVersion = null, current = null, stopped = false, failures = 0, buttons = [], myChoice = null;
              var goneText = W.notAnswering;

              function moved(text) {
                stopped = true;
                document.body.setAttribute("data-phase", "moved");
                show($("question"), false); show($("reveal"), false); show($("summary"), false); show($("moment"), false);
                updateChoices([], null);
                say(text || W.moved, true);
              }
              function failed() {
                failures += 1;
                if (failures >= 3) {
                  document.body.setAttribute("data-server", "gone");
                  var over = current && (current.phase === "closed" || current.phase === "ended");
                  say(over ? W.stoppedOver : goneText, !over);
                }
                else if (!current) say(W.stillTrying);
              }
              function recovered() {
                failures = 0;
                if (document.body.getAttribute("data-server") === "gone") {
                  document.body.removeAttribute("data-server");
                  if (current) say(message(current));
                }
              }

              function join() {
                return request("join", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" })
                  .then(function (r) {
                    if (r.status === 410 || r.status === 404) return r.text().then(function (t) { moved(t); return false; });
                    if (!r.ok) return r.text().then(function (t) {
                      failures += 1;
                      say(t && t.length < 200 ? t : W.stillTrying, true);
                      return false;
                    });
                    return r.json().then(function (answer) {
                      if (!answer || typeof answer.device !== "string" || !answer.device) throw new Error("no token");
                      keep(answer.device);
                      recovered();
                      return true;
                    });
                  })
                  .catch(function () { failed(); return false; });
              }
              function start() {
                if (stopped) return;
                if (device) { poll(); return; }
                join().then(function (ok) { if (stopped) return; if (ok) poll(); else setTimeout(start, failures > 3 ? 5000 : 2000); });
              }
              function poll() {
                if (stopped) return;
                request("state?device=" + encodeURIComponent(device))
                  .then(function (r) {
                    if (r.status === 410) return r.text().then(function (t) { moved(t); });
                    if (r.status === 403 || r.status === 401) { forget(); return; }
                    if (!r.ok) throw new Error("status " + r.status);
                    return r.json().then(function (s) { recovered(); render(s); });
                  })
                  .catch(failed)
                  .then(function () {
                    if (stopped) return;
                    if (!device) setTimeout(start, 1000); else setTimeout(poll, 1000);
                  });
              }

              function message(s) {
                var mine = typeof s.myVote === "number";
                switch (s.phase) {
                  case "voting": return mine ? W.yourVoteIsIn : W.votingOpen;
                  case "locked": return W.votingClosedCounting;
                  case "chosen": return W.chosenWaiting;
                  case "revealed": return W.revealedBelow;
                  case "ended": return W.endedPath;
                  case "closed": return W.closedThanks;
                  default: return W.waiting;
                }
              }

              function render(s) {
                if (!s || typeof s !== "object") return;
                if (typeof s.version === "number") {
                  if (s.version === shownVersion) return;
                  shownVersion = s.version;
                }
                current = s;
                var phase = typeof s.phase === "string" ? s.phase : "reading";
                if (document.body.getAttribute("data-phase") !== phase && window.scrollY > 0) window.scrollTo(0, 0);
                document.body.setAttribute("data-phase", phase);
                document.body.setAttribute("data-version", String(s.version));
                setText($("title"), s.caseTitle || "Attune");
                var label = momentName(s.momentNumber);
                var during = phase === "reading" || phase === "voting" || phase === "locked" || phase === "chosen";
                setText($("moment"), label);
                show($("moment"), label && during);
                var choices = phase === "voting" && Array.isArray(s.choices) ? s.choices : [];
                var asked = s.prompt || (typeof s.momentNumber === "number" ? W.whatDoYouDo : "");
                setText($("prompt"), asked || W.chooseOne);
                show($("question"), (during && asked) || choices.length > 0);
                updateChoices(choices, typeof s.myVote === "number" ? s.myVote : null);
                if (phase === "voting" && typeof s.myVote === "number" && choices[s.myVote] !== undefined) remember(s.myVote);
                var keep = myChoice && myChoice.decision === s.decision && (phase === "locked" || phase === "chosen");
                setText($("mine"), keep ? fill(W.yourVoteWas, myChoice.text) : "");
                show($("mine"), keep);
                renderReveal(phase === "revealed" ? s.reveal : null);
                renderSummary(phase === "ended" ? s.summary : null);
                say(message(s));
              }

              // Buttons are made once and changed in place, so a focused button keeps its focus.
              function updateChoices(list, mine) {
                var box = $("choices");
                for (var i = 0; i < list.length; i++) {
                  if (!buttons[i]) { buttons[i] = makeButton(i); box.appendChild(buttons[i]); }
                  setText(buttons[i].firstChild, (i + 1) + ". " + String(list[i]));
                  var pressed = mine === i ? "true" : "false";
                  if (buttons[i].getAttribute("aria-pressed") !== pressed) buttons[i].setAttribute("aria-pressed", pressed);
                }
                while (buttons.length > list.length) box.removeChild(buttons.pop());
              }
              function remember(i) {
                if (current && Array.isArray(current.choices) && current.choices[i] !== undefined)
                  myChoice = { decision: current.decision, text: (i + 1) + ". " + String(current.choices[i]) };
              }
              function makeButton(i) {
                var b = el("button", undefined, "choice");
                b.type = "button";
                b.setAttribute("aria-pressed", "false");
                b.appendChild(el("span", "", "choice-text"));
                b.appendChild(el("span", W.yourVote, "mine"));
                b.addEventListener("click", function () { vote(i, false); });
                return b;
              }
              function vote(choice, again) {
                if (!current || current.phase !== "voting" || !device) return;
                request("vote", { method: "POST", headers: { "Content-Type": "application/json" },
                                  body: JSON.stringify({ device: device, decision: current.decision, choice: choice }) })
                  .then(function (r) {
                    return r.text().then(function (t) {
                      if (r.ok) {
                        current.myVote = choice;
                        remember(choice);
                        updateChoices(current.choices || [], choice);
                        say(message(current));
                      } else if ((r.status === 400 || r.status === 403) && !again) {
                        forget();
                        return join().then(function (ok) { if (ok) vote(choice, true); });
                      } else {
                        say(t && t.length < 200 ? t : W.didNotReach, true);
                      }
                    });
                  })
                  .catch(function () { say(W.didNotReach, true); });
              }

              \#(revealScript)

              function renderSummary(summary) {
                var list = $("summary-lines");
                clear(list);
                var lines = Array.isArray(summary) ? summary : summary && Array.isArray(summary.lines) ? summary.lines : null;
                if (!lines) { show($("summary"), false); return; }
                var matched = 0;
                lines.forEach(function (line) {
                  if (line.matched) matched += 1;
                  var chose = line.chosen + ", " + ratingName(line.chosenRating);
                  var best = line.mostAttuned + ", " + ratingName(line.mostAttunedRating);
                  list.appendChild(el("li", fill(W.pathLineChose, line.moment, chose)
                    + (line.matched ? W.pathLineMatched : fill(W.pathLineBest, best))));
                });
                if (summary && typeof summary.matched === "number") matched = summary.matched;
                var total = summary && typeof summary.total === "number" ? summary.total : lines.length;
                setText($("summary-total"), fill(total === 1 ? W.matchedOne : W.matchedOther, matched, total));
                show($("summary"), true);
              }

              if (typeof fetch !== "function") say(W.tooOld, true);
              else start();
            })();
            </script>
            </body></html>
            """#
    }

    static func room(code: String, catalog: any MessageCatalog = English()) -> String {
        let code = safeCode(code)
        func h(_ word: RoomText.Page) -> String { html(catalog.room(.page(word))) }
        return #"""
            <!doctype html>
            <html lang="\#(catalog.language.rawValue)"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\#(h(.roomTitle))</title>
            <style>
            \#(commonStyle)
            :root { --fit: 1; }
            html { font-size: calc(clamp(16px, 1.25vw + .7vh, 40px) * var(--fit)); }
            body { line-height: 1.35; padding: 1.2rem 2rem; }
            header { display: flex; flex-wrap: wrap; align-items: baseline; gap: .2rem 1.5rem; border-bottom: 3px solid var(--line); padding-bottom: .4rem; }
            h1 { font-size: 1.7rem; margin: 0; }
            .moment { font-size: 1.4rem; font-weight: 700; color: var(--accent); margin: 0; }
            header .notice { flex-basis: 100%; margin: .4rem 0 0; font-size: 1.2rem; }
            .layout { display: grid; grid-template-columns: minmax(0, 1fr) clamp(220px, 26vw, 520px); gap: 2rem; margin-top: 1rem; }
            .layout.full { grid-template-columns: minmax(0, 1fr); }
            .story p { margin: 0 0 .6em; }
            .prompt { font-size: 1.45rem; margin: .6rem 0; }
            ol.options > li { list-style: none; margin: 0 0 .5em; }
            .choice-line { font-size: 1.2rem; font-weight: 600; }
            .bar-row { display: flex; align-items: center; gap: .6em; margin-top: .15em; }
            .bar-track { flex: 1 1 auto; height: 1.1em; border: 2px solid var(--line); border-radius: .3em; overflow: hidden; }
            .bar { height: 100%; background: var(--accent); width: 0; }
            @media (prefers-reduced-motion: no-preference) { .bar { transition: width .4s ease-out; } }
            .count { font-size: 1.3rem; font-weight: 800; min-width: 5.5em; }
            .phase-line { font-size: 1.35rem; font-weight: 700; margin: .8rem 0; }
            .side { text-align: center; }
            .qr { display: block; width: 100%; max-width: 30rem; height: auto; aspect-ratio: 1; margin: 0 auto; background: #fff; padding: 4px; border-radius: .3rem; }
            .join-label { margin: .6rem 0 0; font-size: 1rem; color: var(--muted); }
            .address { margin: 0; font-size: 1.1rem; font-weight: 700; overflow-wrap: normal; }
            .code { margin: 0; font-size: 3.2rem; font-weight: 800; letter-spacing: .12em; font-family: ui-monospace, "DejaVu Sans Mono", monospace; overflow-wrap: normal; }
            .voted { font-size: 1.45rem; font-weight: 800; margin: 1rem 0 0; }
            .timer-box { margin-top: 1rem; border: 3px solid var(--line); border-radius: .6rem; padding: .3rem .6rem; }
            .timer-label { margin: 0; font-size: 1rem; color: var(--muted); }
            .timer { margin: 0; font-size: 4.2rem; font-weight: 800; font-variant-numeric: tabular-nums; line-height: 1.1; }
            .timer-box.up { border-color: var(--problem); }
            .timer-box.up .timer { color: var(--problem); font-size: 2.6rem; }
            #reveal h2, #summary h2 { font-size: 1.5rem; margin: .2rem 0 .5rem; }
            #reveal .option { font-size: 1.1rem; }
            .why { font-size: .95em; }
            table { border-collapse: collapse; width: 100%; font-size: 1rem; }
            th, td { text-align: left; vertical-align: top; padding: .25em .5em; border-bottom: 2px solid var(--line); }
            th { font-size: .9em; }
            td.nowrap { white-space: nowrap; }
            .total { font-size: 1.5rem; font-weight: 800; margin: .7rem 0 0; }
            @media (max-width: 760px) {
              body { padding: .8rem; }
              .layout { grid-template-columns: minmax(0, 1fr); }
              .qr { max-width: 16rem; }
            }
            </style>
            </head><body class="room" data-phase="connecting">
            <header>
            <h1 id="title">Attune</h1>
            <p id="moment" class="moment"></p>
            <p id="notice" class="notice" role="status" hidden></p>
            </header>
            <div id="layout" class="layout">
            <main id="content">
            <section id="story-box" aria-label="\#(h(.theMoment))" hidden><div id="story" class="story"></div></section>
            <section id="question" aria-labelledby="prompt" hidden>
            <h2 id="prompt" class="prompt"></h2>
            <ol id="options" class="options"></ol>
            </section>
            <p id="phase-line" class="phase-line">\#(h(.connecting))</p>
            <section id="reveal" aria-labelledby="reveal-title" hidden>
            <h2 id="reveal-title">\#(h(.revealHeading))</h2>
            <p id="reveal-chosen" class="total"></p>
            <ol id="reveal-options" class="options"></ol>
            </section>
            <section id="summary" aria-labelledby="summary-title" hidden>
            <h2 id="summary-title">\#(h(.pathHeading))</h2>
            <table>
            <thead><tr><th scope="col">\#(h(.columnMoment))</th><th scope="col">\#(h(.columnVotes))</th><th scope="col">\#(h(.columnChose))</th><th scope="col">\#(h(.columnBest))</th><th scope="col">\#(h(.columnMatched))</th></tr></thead>
            <tbody id="summary-rows"></tbody>
            </table>
            <p id="summary-total" class="total"></p>
            </section>
            </main>
            <aside id="side" class="side" aria-label="\#(h(.joiningAndTime))">
            <div id="join">
            <img src="qr.svg" alt="\#(h(.qrAlt))" class="qr" width="400" height="400">
            <p class="join-label">\#(h(.joinAt))</p>
            <p id="address" class="address"></p>
            <p class="join-label">\#(h(.roomCode))</p>
            <p id="code" class="code">\#(code.uppercased())</p>
            </div>
            <p id="voted" class="voted" hidden></p>
            <div id="timer-box" class="timer-box" hidden>
            <p class="timer-label">\#(h(.timeLeft))</p>
            <p id="timer" class="timer"></p>
            </div>
            </aside>
            </div>
            <script>
            (function () {
              "use strict";
              var W = \#(scriptWords(catalog));
              \#(fillScript)
              var code = "\#(code)";
              var base = "/r/" + code + "/";
              function $(id) { return document.getElementById(id); }
              function el(tag, text, cls) { var e = document.createElement(tag); if (text !== undefined) e.textContent = text; if (cls) e.className = cls; return e; }
              function setText(node, text) { if (node.textContent !== text) node.textContent = text; }
              function show(node, visible) { if (node.hidden === !!visible) node.hidden = !visible; }
              function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
              (function () {
                var address = $("address");
                address.appendChild(document.createTextNode(location.host));
                address.appendChild(document.createElement("wbr"));
                address.appendChild(document.createTextNode(base));
              })();

              var shownVersion = null, current = null, stopped = false, failures = 0, known = {};

              function notice(text) { setText($("notice"), text || ""); show($("notice"), !!text); }
              function poll() {
                if (stopped) return;
                var options = { cache: "no-store", credentials: "same-origin" };
                if (typeof AbortController === "function") {
                  var controller = new AbortController();
                  options.signal = controller.signal;
                  setTimeout(function () { controller.abort(); }, 5000);
                }
                fetch(base + "room-state", options)
                  .then(function (r) {
                    if (r.status === 410) return r.text().then(function (t) {
                      stopped = true;
                      document.body.setAttribute("data-phase", "moved");
                      notice((t || W.roomMoved) + W.openAgain);
                    });
                    if (!r.ok) throw new Error("status " + r.status);
                    return r.json().then(function (s) {
                      if (failures >= 3) { document.body.removeAttribute("data-server"); notice(""); fit(); }
                      failures = 0;
                      render(s);
                    });
                  })
                  .catch(function () {
                    failures += 1;
                    if (failures >= 3) {
                      document.body.setAttribute("data-server", "gone");
                      notice(W.serverGone);
                    }
                  })
                  .then(function () { if (!stopped) setTimeout(poll, 1000); });
              }

              function clock(seconds) {
                seconds = Math.max(0, Math.floor(seconds));
                return Math.floor(seconds / 60) + ":" + ("0" + (seconds % 60)).slice(-2);
              }
              // The count and the timer change often: updated in place on every answer.
              function live(s) {
                var phase = s.phase;
                var counting = phase === "reading" || phase === "voting" || phase === "locked" || phase === "chosen";
                var joined = typeof s.joined === "number" ? s.joined : 0, voted = typeof s.voted === "number" ? s.voted : 0;
                setText($("voted"), fill(joined === 1 ? W.votedOne : W.votedOther, voted, joined));
                show($("voted"), counting);
                var hasTimer = typeof s.timerSeconds === "number" || s.timeUp === true;
                var up = s.timeUp === true || s.timerSeconds === 0;
                show($("timer-box"), hasTimer && phase !== "ended" && phase !== "closed");
                setText($("timer"), up ? W.timeIsUp : hasTimer ? clock(s.timerSeconds) : "");
                var cls = up ? "timer-box up" : "timer-box";
                if ($("timer-box").className !== cls) $("timer-box").className = cls;
                // The side column holds the join code and count while they matter, and the timer
                // whenever one runs (a discussion after the reveal too).
                var side = counting || (hasTimer && phase !== "ended" && phase !== "closed");
                var layout = side ? "layout" : "layout full";
                if ($("layout").className !== layout) {
                  $("layout").className = layout;
                  show($("side"), side);
                  fit();
                }
              }

              function render(s) {
                if (!s || typeof s !== "object") return;
                live(s);
                if (typeof s.version === "number") {
                  if (s.version === shownVersion) return;
                  shownVersion = s.version;
                }
                current = s;
                var phase = typeof s.phase === "string" ? s.phase : "reading";
                document.body.setAttribute("data-phase", phase);
                document.body.setAttribute("data-version", String(s.version));
                setText($("title"), s.caseTitle || "Attune");
                var during = phase === "reading" || phase === "voting" || phase === "locked" || phase === "chosen";
                setText($("moment"), during ? momentName(s.momentNumber) : "");
                var choices = Array.isArray(s.choices) && s.choices.length ? s.choices : null;
                if (choices && typeof s.decision === "number") known[s.decision] = choices;
                if (!choices && typeof s.decision === "number") choices = known[s.decision] || null;
                var open = phase === "reading" || phase === "voting";
                show($("join"), open);
                renderStory(open ? s.story : null);
                var asked = s.prompt || (typeof s.momentNumber === "number" ? W.whatDoYouDo : "");
                setText($("prompt"), asked);
                renderOptions(during ? choices : null, phase === "locked" || phase === "chosen" ? s.counts : null);
                show($("question"), during && (!!asked || !!choices));
                setText($("phase-line"), phaseLine(phase));
                show($("phase-line"), phaseLine(phase) !== "");
                renderReveal(phase === "revealed" ? s.reveal : null);
                renderSummary(phase === "ended" ? s.summary : null);
                fit();
              }
              function phaseLine(phase) {
                switch (phase) {
                  case "reading": return W.opensWhenReady;
                  case "voting": return W.openChooseOnPhone;
                  case "locked": return W.closed;
                  case "chosen": return W.chosenWaiting;
                  case "closed": return W.overForCase;
                  default: return "";
                }
              }
              function renderStory(story) {
                var box = $("story");
                clear(box);
                var paragraphs = typeof story === "string" ? story.split(/\n\s*\n/) : [];
                paragraphs.forEach(function (p) { if (p.trim()) box.appendChild(el("p", p.trim())); });
                show($("story-box"), box.childNodes.length > 0);
              }
              function renderOptions(choices, counts) {
                var list = $("options");
                clear(list);
                if (!choices && Array.isArray(counts)) choices = counts.map(function (_, i) { return fill(W.optionNumber, i + 1); });
                if (!choices) return;
                var most = 1;
                if (Array.isArray(counts)) counts.forEach(function (n) { if (typeof n === "number" && n > most) most = n; });
                choices.forEach(function (text, i) {
                  var li = el("li");
                  li.appendChild(el("p", (i + 1) + ". " + String(text), "choice-line"));
                  if (Array.isArray(counts) && typeof counts[i] === "number") {
                    var row = el("div", undefined, "bar-row");
                    var track = el("div", undefined, "bar-track");
                    track.setAttribute("aria-hidden", "true");
                    var bar = el("div", undefined, "bar");
                    bar.style.width = (100 * counts[i] / most) + "%";
                    track.appendChild(bar);
                    row.appendChild(track);
                    row.appendChild(el("span", votesName(counts[i]), "count"));
                    li.appendChild(row);
                  }
                  list.appendChild(li);
                });
              }
              \#(revealScript)
              function renderSummary(summary) {
                var rows = $("summary-rows");
                clear(rows);
                var lines = Array.isArray(summary) ? summary : summary && Array.isArray(summary.lines) ? summary.lines : null;
                if (!lines) { show($("summary"), false); return; }
                var matched = 0;
                lines.forEach(function (line) {
                  if (line.matched) matched += 1;
                  var tr = el("tr");
                  tr.appendChild(el("td", String(line.moment || ""), "nowrap"));
                  tr.appendChild(el("td", Array.isArray(line.votes) ? line.votes.join(" · ") : W.notCounted, "nowrap"));
                  tr.appendChild(el("td", line.chosen + ", " + ratingName(line.chosenRating)));
                  tr.appendChild(el("td", line.mostAttuned + ", " + ratingName(line.mostAttunedRating)));
                  tr.appendChild(el("td", line.matched ? W.matched : W.notMatched, "nowrap"));
                  rows.appendChild(tr);
                });
                if (summary && typeof summary.matched === "number") matched = summary.matched;
                var total = summary && typeof summary.total === "number" ? summary.total : lines.length;
                setText($("summary-total"), fill(total === 1 ? W.matchedOne : W.matchedOther, matched, total));
                show($("summary"), true);
              }
              // Fit the screen: type shrinks a step at a time until nothing scrolls, never below 16 px.
              function fit() {
                var root = document.documentElement;
                root.style.setProperty("--fit", "1");
                var basePx = parseFloat(getComputedStyle(root).fontSize) || 16;
                var least = Math.max(0.5, 16 / basePx), scale = 1;
                while (root.scrollHeight > window.innerHeight && scale - 0.05 >= least) {
                  scale = Math.round((scale - 0.05) * 100) / 100;
                  root.style.setProperty("--fit", String(scale));
                }
              }
              var resizing = null;
              window.addEventListener("resize", function () { clearTimeout(resizing); resizing = setTimeout(fit, 150); });
              poll();
            })();
            </script>
            </body></html>
            """#
    }

    /// Draws the reveal the same way on the phones and the room screen: the moment's number,
    /// the room's choice in words, each option with its rating in words, votes and why, in the
    /// page's language (`W`).
    private static let revealScript = #"""
        function renderReveal(r) {
          var list = $("reveal-options");
          clear(list);
          if (!r || !Array.isArray(r.options)) { show($("reveal"), false); return; }
          setText($("reveal-title"), typeof r.momentNumber === "number" ? fill(W.revealTitleOf, momentName(r.momentNumber)) : W.revealHeading);
          setText($("reveal-chosen"), typeof r.chosen === "number" ? fill(W.roomChoseOption, r.chosen) : "");
          r.options.forEach(function (o) {
            var chosen = o.number === r.chosen;
            var li = el("li", undefined, "option" + (chosen ? " chosen" : ""));
            var head = el("p");
            head.appendChild(el("strong", o.number + ". "));
            head.appendChild(document.createTextNode(String(o.text || "")));
            li.appendChild(head);
            var rating = el("p", undefined, "rating");
            rating.appendChild(document.createTextNode(ratingName(o.rating)));
            if (typeof o.votes === "number") rating.appendChild(document.createTextNode(" · " + votesName(o.votes)));
            if (chosen) { rating.appendChild(document.createTextNode(" ")); rating.appendChild(el("span", W.roomsChoice, "badge")); }
            li.appendChild(rating);
            if (o.why) li.appendChild(el("p", String(o.why), "why"));
            list.appendChild(li);
          });
          show($("reveal"), true);
        }
        """#
}
