# SPDX-License-Identifier: EUPL-1.2
"""The requests of the image's smoke test (scripts/image_smoke.sh), run inside the container
with the image's own Python: the standard library only.

    python3 image_probe.py PORT

Waits for gunicorn, then: /healthz/ answers 200 {"status": "ok"}; /readyz/ answers 200 with
every check true (the smoke test ran a worker first); the sign-in page links its style sheet
by a hashed name (collectstatic), and whitenoise serves that file with a long cache lifetime.
Prints one line per check; exits 1 at the first that fails.
"""

import json
import re
import sys
import time
import urllib.error
import urllib.request
from http.client import HTTPResponse
from typing import NoReturn

WAIT_SECONDS = 60
HASHED_STATIC = re.compile(r"/static/[\w/.-]+\.[0-9a-f]{12}\.css")


def get(base: str, path: str) -> tuple[int, dict[str, str], str]:
    try:
        response: HTTPResponse = urllib.request.urlopen(base + path, timeout=10)  # noqa: S310
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()
    with response:
        return response.status, dict(response.headers), response.read().decode()


def wait_for(base: str) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        try:
            get(base, "/healthz/")
        except OSError:
            if time.monotonic() > deadline:
                fail(f"gunicorn antwoordt na {WAIT_SECONDS} s nog niet op {base}")
            time.sleep(0.5)
        else:
            return


def fail(message: str) -> NoReturn:
    sys.exit(f"FOUT: {message}")


def passed(line: str) -> None:
    sys.stdout.write(line + "\n")


def main(port: str) -> None:
    base = f"http://127.0.0.1:{port}"
    wait_for(base)

    status, _headers, body = get(base, "/healthz/")
    if status != 200 or json.loads(body) != {"status": "ok"}:
        fail(f"/healthz/: {status} {body}")
    passed(f"/healthz/ {status} {body}")

    status, _headers, body = get(base, "/readyz/")
    checks = json.loads(body).get("checks", {})
    if status != 200 or not checks or not all(checks.values()):
        fail(f"/readyz/: {status} {body}")
    passed(f"/readyz/ {status} {body}")

    status, _headers, body = get(base, "/")  # redirects to the sign-in page
    style = HASHED_STATIC.search(body)
    if status != 200 or style is None:
        fail(f"/: {status}, geen style sheet met een hash in de naam")
    status, headers, _body = get(base, style.group())
    cache = headers.get("Cache-Control", "")
    if status != 200 or "immutable" not in cache:
        fail(f"{style.group()}: {status}, Cache-Control {cache!r}")
    passed(f"{style.group()} {status} Cache-Control: {cache}")


if __name__ == "__main__":
    main(sys.argv[1])
