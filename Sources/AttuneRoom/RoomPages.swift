/// The two pages, plain HTML with a little JavaScript and no framework: the participant
/// page for phones (large buttons, labels, a live region for screen readers) and the room
/// screen for the projector (large type). Both read the room's JSON feed every second and
/// write text with textContent only, so nothing from the case is ever interpreted as markup.
enum RoomPages {
    static let style = """
        <style>
        :root { color-scheme: light dark; --accent: #1f6f5c; }
        * { box-sizing: border-box; }
        body { font: 1.15rem/1.5 system-ui, sans-serif; margin: 0 auto; padding: 1rem; max-width: 40rem; }
        h1 { font-size: 1.3rem; margin: 0 0 .5rem; }
        .choice { display: block; width: 100%; min-height: 3.5rem; margin: .6rem 0; padding: .8rem 1rem; font: inherit;
                  text-align: left; border: 2px solid var(--accent); border-radius: .6rem; background: transparent; color: inherit; }
        .choice[aria-pressed="true"] { background: var(--accent); color: #fff; }
        .note { opacity: .8; }
        .option { margin: .8rem 0; padding-left: .6rem; border-left: .35rem solid #999; }
        .option.chosen { border-color: var(--accent); }
        .room body, body.room { max-width: none; font-size: 2.2rem; padding: 2rem 3rem; }
        body.room h1 { font-size: 2.4rem; }
        .bar { background: var(--accent); height: 1.2em; display: inline-block; vertical-align: middle; margin-right: .4em; }
        .counts { font-size: 1.6rem; opacity: .85; }
        </style>
        """

    static func participant(code: String) -> String {
        """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Attune: vote</title>
        \(style)
        </head><body>
        <main>
        <h1 id="title">Attune</h1>
        <p id="status" class="note" role="status" aria-live="polite">Connecting to the room…</p>
        <p id="prompt"></p>
        <div id="choices" role="group" aria-labelledby="prompt"></div>
        <section id="reveal" aria-live="polite"></section>
        <section id="summary" aria-live="polite"></section>
        <p class="note">No name is asked for or kept. Your vote counts once, and you can change it until voting closes.</p>
        </main>
        <script>
        (function () {
          var base = "/r/\(code)/";
          var device = localStorage.getItem("attune-device");
          if (!device || !/^[0-9a-f]{32}$/.test(device)) {
            var bytes = new Uint8Array(16); crypto.getRandomValues(bytes);
            device = Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
            localStorage.setItem("attune-device", device);
          }
          var shown = "";
          function el(tag, text, cls) { var e = document.createElement(tag); if (text !== undefined) e.textContent = text; if (cls) e.className = cls; return e; }
          function say(text) { document.getElementById("status").textContent = text; }
          function render(s) {
            var key = JSON.stringify(s);
            if (key === shown) return;
            shown = key;
            document.getElementById("title").textContent = s.caseTitle || "Attune";
            var choices = document.getElementById("choices"); choices.textContent = "";
            document.getElementById("prompt").textContent = s.prompt || "";
            if (s.phase === "voting") {
              say(s.myVote === undefined || s.myVote === null ? "Voting is open. Choose one response." : "Your vote is in. You can change it until voting closes.");
              s.choices.forEach(function (text, i) {
                var b = el("button", (i + 1) + ". " + text, "choice");
                b.type = "button";
                b.setAttribute("aria-pressed", s.myVote === i ? "true" : "false");
                b.addEventListener("click", function () { vote(s.decision, i); });
                choices.appendChild(b);
              });
            } else if (s.phase === "locked") {
              say("Voting is closed. The room is deciding.");
            } else if (s.phase === "ended") {
              say("The case has ended.");
            } else {
              say("Waiting for the trainer to open the next vote.");
            }
            var reveal = document.getElementById("reveal"); reveal.textContent = "";
            if (s.reveal) {
              reveal.appendChild(el("h2", "The room chose response " + s.reveal.chosen));
              s.reveal.options.forEach(function (o) {
                var d = el("div", undefined, "option" + (o.number === s.reveal.chosen ? " chosen" : ""));
                d.appendChild(el("strong", o.number + ". " + o.rating + (o.number === s.reveal.chosen ? " (the room's choice)" : "")));
                d.appendChild(el("p", o.text));
                d.appendChild(el("p", o.why, "note"));
                reveal.appendChild(d);
              });
            }
            var summary = document.getElementById("summary"); summary.textContent = "";
            if (s.summary) {
              summary.appendChild(el("h2", "The room's path"));
              var list = el("ol");
              s.summary.forEach(function (line) {
                list.appendChild(el("li", line.moment + ": chose " + line.chosen + (line.matched ? ", among the most attuned." : "; most attuned offered: " + line.mostAttuned + ".")));
              });
              summary.appendChild(list);
            }
          }
          function refresh() {
            fetch(base + "state?device=" + device, { cache: "no-store" })
              .then(function (r) { if (!r.ok) throw new Error(); return r.json(); })
              .then(render)
              .catch(function () { say("Trying to reach the room…"); });
          }
          function vote(decision, choice) {
            fetch(base + "vote", { method: "POST", headers: { "Content-Type": "application/json" },
                                   body: JSON.stringify({ device: device, decision: decision, choice: choice }) })
              .then(function (r) { return r.text().then(function (t) { say(t); }); })
              .then(refresh)
              .catch(function () { say("Your vote did not reach the room. Try again."); });
          }
          refresh();
          setInterval(refresh, 1000);
        })();
        </script>
        </body></html>
        """
    }

    static func room(code: String) -> String {
        """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Attune: the room</title>
        \(style)
        </head><body class="room">
        <main>
        <h1 id="title">Attune</h1>
        <p id="prompt"></p>
        <ol id="choices"></ol>
        <p id="counts" class="counts" aria-live="polite"></p>
        <p id="timer" class="counts"></p>
        <section id="reveal"></section>
        <section id="summary"></section>
        </main>
        <script>
        (function () {
          var base = "/r/\(code)/";
          var shown = "";
          function el(tag, text, cls) { var e = document.createElement(tag); if (text !== undefined) e.textContent = text; if (cls) e.className = cls; return e; }
          function render(s) {
            var key = JSON.stringify(s);
            if (key === shown) return;
            shown = key;
            document.getElementById("title").textContent = s.caseTitle || "Attune";
            document.getElementById("prompt").textContent = s.prompt || "";
            var list = document.getElementById("choices"); list.textContent = "";
            var most = Math.max(1, Math.max.apply(null, s.counts || [0]));
            s.choices.forEach(function (text, i) {
              var li = el("li");
              if (s.counts) {
                var bar = el("span", undefined, "bar"); bar.style.width = (12 * s.counts[i] / most) + "em";
                li.appendChild(bar); li.appendChild(el("strong", s.counts[i] + " "));
              }
              li.appendChild(document.createTextNode(text));
              list.appendChild(li);
            });
            var phase = s.phase === "voting" ? "Voting is open: " : s.phase === "locked" ? "Voting is closed: " : "";
            document.getElementById("counts").textContent = phase + s.voted + " of " + s.joined + " phones have voted.";
            document.getElementById("timer").textContent = s.timerSeconds === undefined || s.timerSeconds === null ? ""
              : "Discussion time left: " + Math.floor(s.timerSeconds / 60) + ":" + ("0" + (s.timerSeconds % 60)).slice(-2);
            var reveal = document.getElementById("reveal"); reveal.textContent = "";
            if (s.reveal) {
              reveal.appendChild(el("h2", "The room chose response " + s.reveal.chosen));
              s.reveal.options.forEach(function (o) {
                var d = el("div", undefined, "option" + (o.number === s.reveal.chosen ? " chosen" : ""));
                d.appendChild(el("strong", o.number + ". " + o.rating + (o.votes === null || o.votes === undefined ? "" : " (" + o.votes + (o.votes === 1 ? " vote)" : " votes)"))));
                d.appendChild(el("p", o.why));
                reveal.appendChild(d);
              });
            }
            var summary = document.getElementById("summary"); summary.textContent = "";
            if (s.summary) {
              summary.appendChild(el("h2", "The room's path"));
              var ol = el("ol");
              s.summary.forEach(function (line) {
                ol.appendChild(el("li", line.moment + ": " + (line.votes ? "votes " + line.votes.join(", ") + "; " : "") + "chose " + line.chosen
                  + (line.matched ? ", among the most attuned." : "; most attuned offered: " + line.mostAttuned + ".")));
              });
              summary.appendChild(ol);
            }
          }
          function refresh() {
            fetch(base + "room-state", { cache: "no-store" }).then(function (r) { return r.json(); }).then(render).catch(function () {});
          }
          refresh();
          setInterval(refresh, 1000);
        })();
        </script>
        </body></html>
        """
    }
}
