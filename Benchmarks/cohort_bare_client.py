#!/usr/bin/env python3
"""The bare paging client of the cohort benchmark: how long the LRS itself takes to return
a query's statements.

    cohort_bare_client.py URL [--probe]

GETs URL (basic authentication bench:bench, xAPI 1.0.3), then each `more` link, parsing
each page only to find the next link and count the statements; prints the count. With
--probe, one request: exit status 0 when the LRS answers 200.
"""

import base64
import json
import sys
import urllib.parse
import urllib.request

AUTH = "Basic " + base64.b64encode(b"bench:bench").decode()


def get(url):
    request = urllib.request.Request(url, headers={"Authorization": AUTH, "X-Experience-API-Version": "1.0.3"})
    with urllib.request.urlopen(request, timeout=600) as answer:
        return answer.status, answer.read()


def main(argv):
    url = argv[1]
    if "--probe" in argv:
        try:
            return 0 if get(url)[0] == 200 else 1
        except Exception:  # noqa: BLE001 - not up yet
            return 1
    count = 0
    while url:
        _, body = get(url)
        page = json.loads(body)
        count += len(page.get("statements", []))
        more = page.get("more") or ""
        url = urllib.parse.urljoin(url, more) if more else ""
    print(count)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
