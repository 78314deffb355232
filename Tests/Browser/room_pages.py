"""One phone and the room screen in a real browser (headless Chromium through Selenium): the
quick check. The full workshop (12 phones, every phase, axe-core) is room_workshop.py.

Usage: room_pages.py PARTICIPANT_URL ROOM_URL SCREENSHOT_DIR MARKER_FILE

Opens the participant page at a phone's size, votes, writes MARKER_FILE so the test can lock
and choose in the terminal, waits until the room has chosen (phase "chosen") or the trainer
has revealed (phase "revealed"), then opens the room screen at a projector's size. Ratings
must not show before the reveal. Screenshots go to SCREENSHOT_DIR; each is taken only after
the page shows what it should. Prints OK when all held.
"""
import os
import sys

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

RATING_WORDS = ["Attuned", "Partly attuned", "Missed the cue", "Safety concern"]


def phase(driver):
    return driver.find_element(By.TAG_NAME, "body").get_attribute("data-phase")


def main():
    participant, room, shots, marker = sys.argv[1:5]
    options = Options()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.set_window_size(390, 844)
        driver.get(participant)
        wait = WebDriverWait(driver, 30)
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#choices button")) >= 2)
        buttons = driver.find_elements(By.CSS_SELECTOR, "#choices button")
        assert all(b.tag_name == "button" and b.get_attribute("aria-pressed") == "false" for b in buttons), "choices are toggle buttons"
        assert driver.find_element(By.ID, "status").get_attribute("aria-live") == "polite", "a live region"
        body = driver.find_element(By.TAG_NAME, "body").text
        assert not [w for w in RATING_WORDS if w in body], "no rating before the reveal"
        buttons[0].click()
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#choices button")[0].get_attribute("aria-pressed") == "true")
        assert "Your vote is in" in driver.find_element(By.ID, "status").text
        driver.save_screenshot(os.path.join(shots, "participant-phone-voting.png"))
        with open(marker, "w") as handle:
            handle.write("voted")
        WebDriverWait(driver, 60).until(lambda d: phase(d) in ("chosen", "revealed"))
        if phase(driver) == "revealed":
            assert "The room's choice" in driver.find_element(By.ID, "reveal").text
            driver.save_screenshot(os.path.join(shots, "participant-phone-reveal.png"))
        else:
            body = driver.find_element(By.TAG_NAME, "body").text
            assert not [w for w in RATING_WORDS if w in body], "no rating before the reveal"
            driver.save_screenshot(os.path.join(shots, "participant-phone-chosen.png"))

        driver.set_window_size(1920, 1080)
        driver.get(room)
        wait.until(lambda d: phase(d) not in (None, "connecting"))
        if phase(driver) == "revealed":
            assert "The room's choice" in driver.find_element(By.ID, "reveal").text
        else:
            body = driver.find_element(By.TAG_NAME, "body").text
            assert not [w for w in RATING_WORDS if w in body], "no rating before the reveal on the room screen"
        driver.save_screenshot(os.path.join(shots, "room-projector.png"))
        driver.set_window_size(390, 844)
        driver.save_screenshot(os.path.join(shots, "room-phone.png"))
        print("OK")
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
