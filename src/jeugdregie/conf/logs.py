# SPDX-License-Identifier: EUPL-1.2
"""The log configuration (README "Wat wordt gelogd, en waar"): structlog and the standard
library's ``logging`` through one chain of processors, one line per event on standard error
(standard output stays free for what a command prints, such as ``ijw_import --json``).

``json`` (the default) writes one JSON object per line for a log collector; ``console``
(the default in demo mode) a readable line for a developer. Both go through the same
processors: the request's context (``request_id``, ``user_id``, ``role``, bound by
``jeugdregie.core.request_logs.RequestLogMiddleware``), the logger's name and level, a UTC
timestamp, the exception as text, and last ``redact_bsns``. Kept apart from ``settings.py`` so
it is tested on its own.
"""

import logging
import sys
import traceback
from collections.abc import MutableMapping
from typing import Any

import structlog
from django.core.exceptions import ImproperlyConfigured
from structlog.typing import Processor

from jeugdregie.core.logs import redact_bsns

LOG_FORMATS = ("json", "console")

# Added to every event, whether it was logged through structlog or through logging.
_CONTEXT: list[Processor] = [
    structlog.contextvars.merge_contextvars,
    structlog.stdlib.add_logger_name,
    structlog.stdlib.add_log_level,
]


def log_format(value: str, *, demo: bool) -> str:
    """``JEUGDREGIE_LOG_FORMAT``: ``json`` or ``console``; empty: console in demo mode."""
    chosen = value.strip().lower() or ("console" if demo else "json")
    if chosen not in LOG_FORMATS:
        raise ImproperlyConfigured(
            f"JEUGDREGIE_LOG_FORMAT is '{value}'; expected one of {', '.join(LOG_FORMATS)}."
        )
    return chosen


def log_level(value: str) -> str:
    """``JEUGDREGIE_LOG_LEVEL``: a level name of ``logging`` (DEBUG, INFO, WARNING, …)."""
    level = value.strip().upper()
    if level not in logging.getLevelNamesMapping():
        raise ImproperlyConfigured(
            f"JEUGDREGIE_LOG_LEVEL is '{value}'; expected DEBUG, INFO, WARNING, ERROR or CRITICAL."
        )
    return level


def exception_message_only(
    logger: object, method_name: str, event_dict: MutableMapping[str, Any]
) -> MutableMapping[str, Any]:
    """The exception as its last line (``ValueError: …``), without the frames' source code."""
    exc_info = event_dict.pop("exc_info", None)
    if exc_info is True:
        exc_info = sys.exc_info()
    exc = exc_info[1] if isinstance(exc_info, tuple) else exc_info
    if isinstance(exc, BaseException):
        event_dict["exception"] = "".join(traceback.format_exception_only(type(exc), exc))
    return event_dict


def structured_formatter(
    *, fmt: str = "json", redact: bool = True, timestamp: bool = True, frames: bool = True
) -> structlog.stdlib.ProcessorFormatter:
    """The formatter of every log line. ``redact``, ``timestamp`` and ``frames`` are switched
    off only by the test suite's leak watch, which must see what the code logged before the
    net (and looks for names outside the traceback's lines of source code)."""
    renderer: Processor
    if fmt == "console":
        # plain_traceback: never rich's traceback, which shows the local variables
        renderer = structlog.dev.ConsoleRenderer(
            colors=False, exception_formatter=structlog.dev.plain_traceback
        )
    else:
        renderer = structlog.processors.JSONRenderer(ensure_ascii=False, default=str)
    processors: list[Processor] = [structlog.stdlib.ProcessorFormatter.remove_processors_meta]
    if timestamp:
        processors.append(structlog.processors.TimeStamper(fmt="iso", utc=True))
    processors.append(structlog.processors.format_exc_info if frames else exception_message_only)
    if redact:
        processors.append(redact_bsns)
    processors.append(renderer)
    return structlog.stdlib.ProcessorFormatter(processors=processors, foreign_pre_chain=_CONTEXT)


def logging_config(*, level: str, fmt: str) -> dict[str, Any]:
    """``LOGGING``: everything to standard error through ``structured_formatter``."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "structured": {"()": "jeugdregie.conf.logs.structured_formatter", "fmt": fmt}
        },
        "filters": {"no_query_string": {"()": "jeugdregie.core.logs.DropQueryStrings"}},
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stderr",
                "formatter": "structured",
                "level": level,
            }
        },
        "root": {"handlers": ["stderr"], "level": level},
        "loggers": {
            # SQL with its parameters: never, whatever JEUGDREGIE_LOG_LEVEL says
            "django.db.backends": {"level": "WARNING"},
            # the development server's request lines, without their query strings
            "django.server": {
                "handlers": ["stderr"],
                "filters": ["no_query_string"],
                "level": "INFO",
                "propagate": False,
            },
        },
    }


def configure_structlog() -> None:
    """structlog's own loggers hand their events to ``logging``, so both share the handler,
    the level and the formatter of ``LOGGING``."""
    structlog.configure(
        processors=[
            structlog.stdlib.filter_by_level,
            *_CONTEXT,
            structlog.stdlib.PositionalArgumentsFormatter(),
            structlog.processors.StackInfoRenderer(),
            structlog.processors.UnicodeDecoder(),
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
