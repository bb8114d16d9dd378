# SPDX-License-Identifier: EUPL-1.2
"""The log leak watch (``jeugdregie.testing.log_leaks``) can fail a run: a session of its
own, with and without pytest-xdist, whose tests log a BSN and a name it created, fails with
both lines named; the same session without them passes. And in this session it knows the
names the test world created."""

from pathlib import Path

import pytest

from jeugdregie.testing.log_leaks import LeakWatch, name_words

SRC = Path(__file__).resolve().parent.parent / "src"

LEAKING_TESTS = """
import logging

import structlog

from jeugdregie.conf.logs import configure_structlog
from jeugdregie.testing.log_leaks import WATCH

configure_structlog()  # as settings.py does: structlog's events go through logging


def test_logs_a_bsn_through_logging():
    logging.getLogger("jeugdregie.leaky").debug("youth %s not found", "999999990")


def test_logs_a_name_the_session_created_through_structlog():
    WATCH.remember_name("Jozefien van Dijkstra")
    structlog.get_logger("jeugdregie.chatty").info("created", who="JOZEFIEN")


def test_a_name_in_an_exceptions_message_is_found_not_in_the_frames_source():
    WATCH.remember_name("Dijkstra")
    dijkstra = "Dijkstra"  # a frame's source code is not data
    try:
        raise ValueError("no match for " + dijkstra.upper())
    except ValueError:
        logging.getLogger("jeugdregie.failing").exception("import failed")


def test_logs_nothing_personal():
    logging.getLogger("jeugdregie.quiet").info("request %s took %s ms", 999999991, 12)
"""


@pytest.fixture
def isolated(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> pytest.Pytester:
    monkeypatch.setenv("PYTHONPATH", str(SRC))
    monkeypatch.delenv("DJANGO_SETTINGS_MODULE", raising=False)
    return pytester


@pytest.mark.parametrize("workers", [[], ["-n", "2"]], ids=["one-process", "xdist"])
def test_a_logged_bsn_and_a_logged_name_fail_the_run(isolated, workers):
    isolated.makepyfile(test_leaky=LEAKING_TESTS)

    result = isolated.runpytest_subprocess(
        "-p", "jeugdregie.testing.log_leaks", "-p", "no:django", "-p", "no:cacheprovider", *workers
    )

    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(
        [
            "*log leak watch: 3 log line(s) with a BSN or a name*",
            "*4 passed*",
        ]
    )
    out = result.stdout.str()
    assert "[jeugdregie.leaky] BSN 999999990: " in out
    assert "[jeugdregie.chatty] name 'jozefien' (remembered): " in out
    assert "[jeugdregie.failing] name 'dijkstra' (remembered): " in out
    assert "jeugdregie.quiet" not in out


def test_a_run_without_leaks_passes(isolated):
    isolated.makepyfile(
        test_quiet="""
import logging

def test_quiet():
    logging.getLogger("jeugdregie.quiet").info("request %s took %s ms", 999999991, 12)
"""
    )

    result = isolated.runpytest_subprocess("-p", "jeugdregie.testing.log_leaks", "-p", "no:django")

    assert result.ret == pytest.ExitCode.OK
    result.stdout.fnmatch_lines(["log leak watch: 1 log line(s) read, 0 with a BSN or a name"])


def test_short_and_placeholder_words_are_not_names():
    assert name_words("Jan de Bos") == set()
    assert name_words("(onbekend)") == set()
    assert name_words("Demo") == set()
    assert name_words("Anna-Sophie van den Berg") == {"anna", "sophie", "berg"}


def test_a_finding_names_the_logger_and_shortens_the_line():
    watch = LeakWatch()
    watch.remember_name("Wilhelmina", "clients.Youth.given_name")
    watch.lines.append(("jeugdregie.x", "hello wilhelmina " + "x" * 400))
    watch.lines.append(("jeugdregie.y", "wilhelminapark is a street, not the name"))

    watch.code_words = {"nieuw"}
    watch.remember_name("Nieuw", "accounts.User.first_name")
    watch.lines.append(("django.request", "Not Found: /jeugdigen/nieuw/"))

    [finding] = watch.findings()

    assert finding.startswith(
        "[jeugdregie.x] name 'wilhelmina' (clients.Youth.given_name): hello wilhelmina xxx"
    )
    assert finding.endswith("…")
    assert len(finding) < 400


@pytest.mark.django_db
def test_this_session_knows_the_names_the_test_world_created(world):
    from jeugdregie.testing.log_leaks import WATCH

    assert WATCH.names["visser"] == "clients.Youth.family_name"
    world_names = {"anna", "visser", "bram", "jong", "chris", "bakker", "daan", "smit"}
    assert world_names <= WATCH.names.keys()
