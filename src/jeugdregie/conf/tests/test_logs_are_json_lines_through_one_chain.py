# SPDX-License-Identifier: EUPL-1.2
"""The log configuration: JSON lines by default, readable lines in demo mode or on request,
the standard library's loggers and structlog's through the same processors (the request's
context, the net for BSNs), and never the SQL logger below WARNING."""

import io
import json
import logging

import pytest
import structlog
from django.core.exceptions import ImproperlyConfigured

from jeugdregie.conf.logs import log_format, log_level, logging_config, structured_formatter
from jeugdregie.testing.log_leaks import deliberate_leak

BSN = "999999990"  # synthetic


def _line(formatter: logging.Formatter, logger_name: str, emit) -> str:
    """What ``emit(logger)`` writes through ``formatter``, on a logger of its own. These
    tests log a BSN on purpose to see it redacted: the leak watch skips that one logger."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(formatter)
    logger = logging.getLogger(logger_name)
    logger.addHandler(handler)
    logger.propagate = False
    logger.setLevel(logging.DEBUG)
    try:
        with deliberate_leak(logger_name):
            emit(logger)
    finally:
        logger.removeHandler(handler)
    return stream.getvalue().strip()


@pytest.mark.parametrize(
    ("value", "demo", "expected"),
    [
        ("", False, "json"),
        ("", True, "console"),
        ("JSON", True, "json"),
        ("console", False, "console"),
    ],
)
def test_the_format_is_json_unless_demo_mode_or_the_variable_says_console(value, demo, expected):
    assert log_format(value, demo=demo) == expected


def test_an_unknown_format_or_level_is_refused_with_what_is_expected():
    with pytest.raises(ImproperlyConfigured, match="json, console"):
        log_format("xml", demo=False)
    with pytest.raises(ImproperlyConfigured, match="DEBUG, INFO"):
        log_level("chatty")
    assert log_level(" debug ") == "DEBUG"


def test_sql_is_never_logged_with_its_parameters_whatever_the_level():
    config = logging_config(level="DEBUG", fmt="json")

    assert config["loggers"]["django.db.backends"]["level"] == "WARNING"
    assert config["handlers"]["stderr"]["stream"] == "ext://sys.stderr"
    assert config["root"]["level"] == "DEBUG"


def test_a_standard_library_log_line_is_json_with_the_requests_context_and_no_bsn():
    formatter = structured_formatter(fmt="json")
    with structlog.contextvars.bound_contextvars(request_id="r-1234567", user_id=7, role="policy"):
        line = _line(
            formatter, "jeugdregie.test_stdlib", lambda log: log.warning("youth %s gone", BSN)
        )

    data = json.loads(line)
    assert data["event"] == "youth [bsn] gone"
    assert data["request_id"] == "r-1234567"
    assert (data["user_id"], data["role"]) == (7, "policy")
    assert (data["logger"], data["level"]) == ("jeugdregie.test_stdlib", "warning")
    assert "timestamp" in data


def test_a_structlog_event_goes_through_the_same_chain_exception_included():
    formatter = structured_formatter(fmt="json")

    def emit(logger: logging.Logger) -> None:
        log = structlog.wrap_logger(
            logger,
            processors=[
                structlog.contextvars.merge_contextvars,
                structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
            ],
            wrapper_class=structlog.stdlib.BoundLogger,
        )
        try:
            raise ValueError(f"no youth {BSN}")
        except ValueError:
            log.exception("lookup_failed", count=2)

    line = _line(formatter, "jeugdregie.test_structlog", emit)

    data = json.loads(line)
    assert (data["event"], data["count"]) == ("lookup_failed", 2)
    assert "ValueError: no youth [bsn]" in data["exception"]
    assert BSN not in line


def test_the_console_format_is_one_readable_line_without_local_variables():
    formatter = structured_formatter(fmt="console")

    def emit(logger: logging.Logger) -> None:
        secret_local = "Jozefien"  # noqa: F841 - must not appear: no locals in tracebacks
        try:
            raise RuntimeError("boom")
        except RuntimeError:
            logger.exception("import failed for %s", BSN)

    line = _line(formatter, "jeugdregie.test_console", emit)

    assert "import failed for [bsn]" in line
    assert "RuntimeError: boom" in line
    assert "Jozefien" not in line
    assert not line.startswith("{")
