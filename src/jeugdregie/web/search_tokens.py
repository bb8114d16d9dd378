# SPDX-License-Identifier: EUPL-1.2
"""A posted search kept behind an opaque token in the user's session (issue 14).

A search for a person is posted (a BSN or a name never goes into a URL: it would end up in
server logs, the browser history and the Referer header). To let the back button show the
results again, the view keeps the query in the session behind a random token and redirects
to ``?zoekopdracht=<token>``: the URL holds nothing but the token, and the token means
something only in the session that made it, for the user who made it. The query is stored
encrypted with the personal-data key (sessions are rows in the database) and only the last
``KEPT`` queries per kind are kept.
"""

import json
import re
import secrets

from django.http import HttpRequest

from jeugdregie.core import crypto

__all__ = ["TOKEN_PARAMETER", "query_recall", "query_remember"]

TOKEN_PARAMETER = "zoekopdracht"  # noqa: S105 (the name of the URL parameter)
KEPT = 10
_SESSION_KEY = "jeugdregie_searches"
_TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")


def query_remember(request: HttpRequest, *, kind: str, query: dict[str, str]) -> str:
    """Keep ``query`` in the session under a new token and return the token."""
    token = secrets.token_urlsafe(16)
    payload = json.dumps({"user": request.user.pk, "query": query}, sort_keys=True)
    searches: dict[str, dict[str, str]] = request.session.get(_SESSION_KEY, {})
    kept = dict(list(searches.get(kind, {}).items())[-(KEPT - 1) :])
    kept[token] = crypto.encrypt(payload)
    request.session[_SESSION_KEY] = {**searches, kind: kept}
    return token


def query_recall(request: HttpRequest, *, kind: str, token: str) -> dict[str, str] | None:
    """The query kept under ``token`` in this session for this user, or None (another
    session's or user's token, an expired or made-up one)."""
    if not _TOKEN.fullmatch(token):
        return None
    stored = request.session.get(_SESSION_KEY, {}).get(kind, {}).get(token)
    if not isinstance(stored, str):
        return None
    try:
        payload = json.loads(crypto.decrypt(stored))
    except (crypto.DecryptionError, ValueError):
        return None  # made with a key that is gone: search again
    if payload.get("user") != request.user.pk:
        return None
    query: dict[str, str] = payload["query"]
    return query
