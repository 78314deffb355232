#!/usr/bin/env python3
"""Opens the cohort report's HTML page in headless Chromium, for Attune's tests.

    cohort_report.py PAGE.html SCREENSHOT.png RESULT.json [HEADING ...]

Loads the page from the file (it is self-contained: no scripts, nothing fetched), takes a
full-page screenshot at 1000 pixels wide, checks that:
  - each HEADING given appears as an h1, h2 or h3;
  - the page runs no script and fetches nothing (no <script>, no src= or href= to elsewhere);
  - the screenshot is not blank (more than one colour, and a fair share of dark pixels:
    text and bars in black on white);
  - axe-core (axe-selenium-python) finds no serious or critical violation, in the normal
    view and with printing's media type emulated;
and writes RESULT.json: {"ok": bool, "failures": [...], "headings": [...], "axe": [...]}.
Exit status 0 when every check passed.
"""

import json
import os
import sys
import zlib
import struct

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

try:
    from axe_selenium_python import Axe
except ImportError:  # the test says so
    Axe = None


def png_pixels(path):
    """(width, height, rows of RGB(A) bytes) of an 8-bit PNG, with the standard library only."""
    with open(path, "rb") as handle:
        data = handle.read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    position, chunks, header = 8, [], None
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
        position += 12 + length
    width, height, depth, colour, _, _, _ = header
    channels = {2: 3, 6: 4}[colour]
    raw = zlib.decompress(b"".join(chunks))
    stride = width * channels
    rows, previous, offset = [], bytearray(stride), 0
    for _ in range(height):
        kind = raw[offset]
        line = bytearray(raw[offset + 1:offset + 1 + stride])
        offset += 1 + stride
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                predictor = left if pa <= pb and pa <= pc else (up if pb <= pc else corner)
                line[i] = (line[i] + predictor) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


def main(argv):
    page, shot, result_path, headings = argv[1], argv[2], argv[3], argv[4:]
    failures = []

    def check(ok, what):
        if not ok:
            failures.append(what)
            print("FAIL:", what, flush=True)
        return ok

    options = Options()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1000,900"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    axe_runs = []
    try:
        driver.get("file://" + os.path.abspath(page))
        found = [element.text.strip() for element in driver.find_elements(By.CSS_SELECTOR, "h1, h2, h3")]
        for heading in headings:
            check(any(text.startswith(heading) for text in found), f"heading {heading!r} not on the page: {found[:12]}")
        source = driver.page_source.lower()
        check("<script" not in source, "the page has a script")
        check(not driver.find_elements(By.CSS_SELECTOR, "[src], link[href], a[href^='http']"), "the page fetches or links elsewhere")
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(1000, min(max(int(height) + 40, 600), 12000))
        driver.save_screenshot(shot)
        width, rows_height, channels, rows = png_pixels(shot)
        colours, dark, total = set(), 0, 0
        for row in rows[::7]:
            for x in range(0, width * channels, channels * 5):
                pixel = row[x:x + 3]
                colours.add(bytes(pixel))
                total += 1
                if sum(pixel) < 200:
                    dark += 1
        check(len(colours) > 2, "the screenshot is blank (one colour)")
        check(total and dark / total > 0.002, f"the screenshot has almost nothing dark on it ({dark} of {total} samples)")
        if check(Axe is not None, "axe-selenium-python is not installed"):
            for media in ("screen", "print"):
                driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": media})
                axe = Axe(driver)
                axe.inject()
                results = axe.run()
                bad = [v for v in results.get("violations", []) if v.get("impact") in ("serious", "critical")]
                axe_runs.append({"media": media, "rulesPassed": len(results.get("passes", [])),
                                 "violations": [(v["id"], v.get("impact")) for v in results.get("violations", [])]})
                check(not bad, f"{media}: axe found {[(v['id'], v['impact'], [n['target'] for n in v['nodes']][:3]) for v in bad]}")
    finally:
        driver.quit()
    with open(result_path, "w", encoding="utf-8") as handle:
        json.dump({"ok": not failures, "failures": failures, "headings": found, "axe": axe_runs}, handle, indent=2)
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
