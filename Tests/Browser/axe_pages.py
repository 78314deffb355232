"""axe-core on room pages as they are, in a headless browser: one run per address.

    axe_pages.py LANG PHASE URL [URL ...]

For each URL: opens it at phone size (390x844) in a browser that asks for LANG, waits until <body data-phase> is PHASE and
<html lang> is LANG, runs axe-core (axe-selenium-python) and checks that it finds no serious
or critical violation; then the same in a dark colour scheme. Also checks that the page's
live region says something (on the phone page: its script ran and spoke). Prints a JSON summary and exits
1 on any failure. Driven by Tests/AttuneShellTests/RoomSpanishTests.swift.
"""
import json
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

try:
    from axe_selenium_python import Axe
except ImportError:  # reported as a failure below, not a crash
    Axe = None


def main(argv):
    if len(argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    language, phase, urls = argv[1], argv[2], argv[3:]
    failures, runs = [], []
    if Axe is None:
        print(json.dumps({"failures": ["axe-selenium-python is not installed"]}))
        return 1
    options = Options()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    # The browser asks for LANG (Accept-Language), as a phone set to that language does.
    options.add_argument(f"--lang={language}")
    options.add_experimental_option("prefs", {"intl.accept_languages": f"{language},{language}-US"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.set_window_size(390, 844)
        for url in urls:
            driver.get(url)
            deadline = time.time() + 20
            state = None
            while time.time() < deadline:
                state = driver.execute_script(
                    "return [document.documentElement.lang, document.body.getAttribute('data-phase'),"
                    " document.getElementById('status') ? document.getElementById('status').textContent : document.title]")
                if state[0] == language and state[1] == phase and state[2]:
                    break
                time.sleep(0.2)
            if not (state and state[0] == language and state[1] == phase and state[2]):
                failures.append(f"{url}: expected lang {language} in phase {phase}, saw {state}")
                continue
            for scheme in ("light", "dark"):
                driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                                       {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
                axe = Axe(driver)
                axe.inject()
                results = axe.run()
                bad = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
                runs.append({"url": url, "scheme": scheme, "said": state[2], "rulesPassed": len(results.get("passes", [])),
                             "violations": [f"{v['id']} ({v['impact']})" for v in results["violations"]]})
                if bad:
                    failures.append(f"{url} ({scheme}): axe found "
                                    f"{[(v['id'], v['impact'], [n['target'] for n in v['nodes']][:3]) for v in bad]}")
    finally:
        driver.quit()
    print(json.dumps({"runs": runs, "failures": failures}, ensure_ascii=False, indent=1))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
