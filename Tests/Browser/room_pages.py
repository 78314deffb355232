"""Drives the room pages in a real browser (headless Chromium through Selenium).

Usage: room_pages.py PARTICIPANT_URL ROOM_URL SCREENSHOT_DIR MARKER_FILE

Opens the participant page at a phone's size, votes, writes MARKER_FILE so the test can
lock and choose in the terminal, waits for the reveal, then opens the room screen at a
projector's size. Screenshots go to SCREENSHOT_DIR; each is taken only after the page
shows the text it should.
"""
import os
import sys

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def main():
    participant, room, shots, marker = sys.argv[1:5]
    options = Options()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.set_window_size(390, 844)
        driver.get(participant)
        wait = WebDriverWait(driver, 20)
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "button.choice")) >= 2)
        buttons = driver.find_elements(By.CSS_SELECTOR, "button.choice")
        assert all(b.tag_name == "button" for b in buttons), "choices are real buttons"
        assert driver.find_element(By.ID, "status").get_attribute("aria-live") == "polite", "a live region"
        assert "Attuned" not in driver.find_element(By.TAG_NAME, "body").text, "no rating before the reveal"
        buttons[0].click()
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "button.choice")[0].get_attribute("aria-pressed") == "true")
        assert "Your vote is in" in driver.find_element(By.ID, "status").text
        driver.save_screenshot(os.path.join(shots, "participant-phone-voting.png"))
        with open(marker, "w") as handle:
            handle.write("voted")
        wait.until(lambda d: "The room chose response" in d.find_element(By.ID, "reveal").text)
        assert "the room's choice" in driver.find_element(By.ID, "reveal").text
        driver.save_screenshot(os.path.join(shots, "participant-phone-reveal.png"))

        driver.set_window_size(1920, 1080)
        driver.get(room)
        wait.until(lambda d: "phones have voted" in d.find_element(By.ID, "counts").text)
        assert "The room chose response" in driver.find_element(By.ID, "reveal").text
        driver.save_screenshot(os.path.join(shots, "room-projector.png"))
        driver.set_window_size(390, 844)
        driver.save_screenshot(os.path.join(shots, "room-phone.png"))
        print("OK")
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
