# SPDX-License-Identifier: EUPL-1.2
"""The log leak watch, a pytest plugin (the top ``conftest.py`` loads it): the test run fails
when any log line written during the session holds a BSN or the name of a person the session
created.

What it watches: every record that reaches a logger's handlers (``Logger.callHandlers``, so
also loggers that do not propagate and records that no handler writes), structlog's events
included (they go through ``logging``), with the root logger at DEBUG. Each record is
rendered as the JSON line production writes, but without ``redact_bsns`` (the net must not
hide a leak) and without the timestamp. The loggers of test-only libraries (``factory``,
``faker``: never installed in production) are not watched, nor levels that ``LOGGING``
pins on purpose (``django.db.backends`` at WARNING: no SQL with its parameters).

A BSN: nine digits passing the eleven-test, standing on their own (``core.logs``).
A name: every value saved to a person's name field (``PERSON_NAME_FIELD``: given, family,
first, last and referrer names of any model; the youth's encrypted ones as their plain
text), split into words of letters and digits. A word shorter than ``MIN_NAME_LENGTH`` or in
``NOT_A_NAME`` is ignored: "de", "Jan", "Bos", the HTTP methods and the placeholder names
of the code ("Demo" and the demo accounts' user names, "(onbekend)", "API client") are
words of every log; so are the words of the URL patterns ("nieuw" in ``/jeugdigen/nieuw/``).
Names are looked for outside the traceback's frames (their source code is not data: the
exception's message is checked); BSNs in the whole line. A log line leaks a name when one
of its words equals a name's word, ignoring case.

With pytest-xdist every worker watches its own records and names and hands its findings to
the controller (``workeroutput``), which reports them all and fails the run.
"""

import logging
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from django.utils.functional import Promise

from jeugdregie.conf.logs import structured_formatter
from jeugdregie.core.logs import bsn_like_numbers
from jeugdregie.demo.constants import DEMO_LOGINS

UNWATCHED_LOGGERS = ("factory", "faker")
MIN_NAME_LENGTH = 4
_WORD = re.compile(r"[^\W_]+")
# Words of every log that are also someone's name: the HTTP methods of the request lines
# ("Post" is a Dutch family name), and the code's placeholder names: "Demo" with the user
# name of a demo account as last name ("beheer", also the admin site's path; "privacy"),
# "(onbekend)", "API client", the test data's "Kind" and "Test".
HTTP_METHODS = frozenset({"get", "head", "post", "put", "patch", "delete", "options", "trace"})
NOT_A_NAME = (
    HTTP_METHODS
    | {"demo", "onbekend", "client", "kind", "test"}
    | {word.casefold() for login in DEMO_LOGINS for word in _WORD.findall(login.username)}
)
PERSON_NAME_FIELD = re.compile(r"(?:^|_)(?:given|family|first|last|referrer)_name$")
SHOWN_CHARACTERS = 300  # of an offending line in the report
_WORKER_KEY = "log_leaks"
_WORKER_LINES_KEY = "log_leaks_lines"


def name_words(value: str) -> set[str]:
    return {
        word
        for word in (w.casefold() for w in _WORD.findall(value))
        if len(word) >= MIN_NAME_LENGTH and word not in NOT_A_NAME
    }


class LeakWatch:
    """The rendered log lines of this process and the names its tests created."""

    def __init__(self) -> None:
        self.lines: list[tuple[str, str]] = []  # (logger, line with the exception's message)
        self.bsn_lines: list[tuple[str, str]] = []  # (logger, whole line) with a BSN
        self.names: dict[str, str] = {}  # a name's word → where it was first saved
        self.code_words: set[str] = set()  # the words of the URL patterns (_route_words)
        self.deliberate: set[str] = set()  # loggers of a test that logs a BSN on purpose
        self._whole = structured_formatter(fmt="json", redact=False, timestamp=False)
        self._message = structured_formatter(
            fmt="json", redact=False, timestamp=False, frames=False
        )

    def capture(self, record: logging.LogRecord) -> None:
        """A BSN is looked for at once, in the whole line with its traceback; names at the end
        of the session (a name may be created after it was logged), in the line with the
        exception's message only: the traceback's source lines are code, not data."""
        if record.name.split(".", 1)[0] in UNWATCHED_LOGGERS or record.name in self.deliberate:
            return
        whole = self._whole.format(record)
        if bsn_like_numbers(whole):
            self.bsn_lines.append((record.name, whole))
        self.lines.append((record.name, self._message.format(record)))

    def remember_name(self, value: object, source: str = "") -> None:
        if isinstance(value, str | Promise) and value:
            for word in name_words(str(value)):
                self.names.setdefault(word, source)

    def findings(self) -> list[str]:
        """One entry per offending line: the logger, what was found, the line (shortened)."""
        found = []
        for logger_name, line in self.bsn_lines:
            what = ", ".join(f"BSN {n}" for n in bsn_like_numbers(line))
            found.append(f"[{logger_name}] {what}: {_shortened(line)}")
        for logger_name, line in self.lines:
            names = sorted((name_words(line) & self.names.keys()) - self.code_words)
            if names:
                what = ", ".join(f"name '{n}' ({self.names[n] or 'remembered'})" for n in names)
                found.append(f"[{logger_name}] {what}: {_shortened(line)}")
        return found


def _shortened(line: str) -> str:
    return line if len(line) <= SHOWN_CHARACTERS else line[:SHOWN_CHARACTERS] + "…"


def _route_words() -> set[str]:
    """The words of every URL pattern ("jeugdigen", "nieuw", "beheer"): a request line's
    path is the code's vocabulary around an id, not a name."""
    from django.urls import URLResolver, get_resolver

    words: set[str] = set()

    def walk(patterns: Iterable[Any]) -> None:
        for pattern in patterns:
            words.update(word.casefold() for word in _WORD.findall(str(pattern.pattern)))
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns)

    walk(get_resolver().url_patterns)
    return words


WATCH = LeakWatch()


@contextmanager
def deliberate_leak(logger_name: str) -> Iterator[None]:
    """For a test of the redaction itself, which must log a BSN: the records of this one
    logger (a name of the test's own), inside the block only, are not watched."""
    WATCH.deliberate.add(logger_name)
    try:
        yield
    finally:
        WATCH.deliberate.discard(logger_name)


_state: dict[str, Any] = {"reported": [], "lines": 0}


def _watch_handlers() -> Callable[[], None]:
    original = logging.Logger.callHandlers

    def call_handlers(self: logging.Logger, record: logging.LogRecord) -> None:
        WATCH.capture(record)
        original(self, record)

    logging.Logger.callHandlers = call_handlers  # type: ignore[method-assign]

    def undo() -> None:
        logging.Logger.callHandlers = original  # type: ignore[method-assign]

    return undo


def _person_name_fields() -> Iterable[Any]:
    from django.apps import apps

    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if field.model is model and PERSON_NAME_FIELD.search(field.name):
                yield field


def _watch_names() -> None:
    """Every save of a name field passes ``get_db_prep_save`` (``save()``, ``bulk_create``,
    ``update()``), with the plain value before any encryption: the field's own method is
    wrapped, on that field alone."""
    for field in _person_name_fields():
        original = field.get_db_prep_save
        source = f"{field.model._meta.label}.{field.name}"

        def get_db_prep_save(
            value: Any, connection: Any, _original: Any = original, _source: str = source
        ) -> Any:
            WATCH.remember_name(value, _source)
            return _original(value, connection)

        field.get_db_prep_save = get_db_prep_save


@pytest.hookimpl(trylast=True)  # after pytest-django has configured logging
def pytest_configure(config: pytest.Config) -> None:
    _state["undo"] = _watch_handlers()
    root = logging.getLogger()
    _state["root_level"] = root.level
    for handler in root.handlers:  # what they wrote before stays what they write
        if handler.level == logging.NOTSET:
            handler.setLevel(root.level)
    root.setLevel(logging.DEBUG)
    for name in UNWATCHED_LOGGERS:  # their DEBUG chatter would fill every test's report
        logging.getLogger(name).setLevel(logging.INFO)


def pytest_sessionstart(session: pytest.Session) -> None:
    from django.apps import apps

    if apps.ready:
        _watch_names()
        WATCH.code_words = _route_words()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    findings = WATCH.findings()
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:  # an xdist worker: the controller reports
        workeroutput[_WORKER_KEY] = findings
        workeroutput[_WORKER_LINES_KEY] = len(WATCH.lines)
        return
    _state["reported"] = [*_state["reported"], *findings]
    _state["lines"] += len(WATCH.lines)
    if _state["reported"]:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: object) -> None:
    _state["reported"] = [*_state["reported"], *node.workeroutput.get(_WORKER_KEY, [])]
    _state["lines"] += node.workeroutput.get(_WORKER_LINES_KEY, 0)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    reported = _state["reported"]
    if not reported:
        terminalreporter.write_line(
            f"log leak watch: {_state['lines']} log line(s) read, 0 with a BSN or a name"
        )
        return
    terminalreporter.write_sep(
        "=", f"log leak watch: {len(reported)} log line(s) with a BSN or a name", red=True
    )
    for line in reported[:200]:
        terminalreporter.write_line(line)
    if len(reported) > 200:
        terminalreporter.write_line(f"… and {len(reported) - 200} more")


def pytest_unconfigure(config: pytest.Config) -> None:
    if "undo" in _state:
        _state.pop("undo")()
        logging.getLogger().setLevel(_state["root_level"])
