# SPDX-License-Identifier: EUPL-1.2
"""Security headers from the environment: the Content-Security-Policy and the proxy header.

Kept apart from ``settings.py`` so the parsing is tested on its own.
"""

from urllib.parse import urlsplit

from csp.constants import NONE, SELF


def origin(url: str) -> str | None:
    """``https://idp.example.nl/oauth2/authorize`` → ``https://idp.example.nl``."""
    parts = urlsplit(url.strip())
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}"


def content_security_policy(
    *, form_targets: list[str], report_uri: str = ""
) -> dict[str, dict[str, list[str]]]:
    """The policy django-csp sends with every response.

    Everything comes from this site (``default-src 'self'``): no inline script or style, no
    ``eval``, no plug-ins, no framing. Images may also be ``data:`` URIs (the NL Design
    System style sheets draw check marks and chevrons that way). Forms post to this site,
    and to ``form_targets`` (URLs or origins): the sign-in provider that a log-out form
    redirects to, as browsers check a form's redirects too.
    """
    targets = sorted({found for url in form_targets if (found := origin(url)) is not None})
    directives: dict[str, list[str]] = {
        "default-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF, *targets],
        "frame-ancestors": [NONE],
    }
    if report_uri:
        directives["report-uri"] = [report_uri]
    return {"DIRECTIVES": directives}


def proxy_ssl_header(value: str) -> tuple[str, str] | None:
    """``DJANGO_SECURE_PROXY_SSL_HEADER``: ``X-Forwarded-Proto: https`` (or ``=https``).

    Only for a deployment behind a proxy that terminates TLS and always sets (or strips)
    that header: Django then treats a request that carries it as https.
    """
    if not value.strip():
        return None
    separator = ":" if ":" in value else "="
    name, _, expected = value.partition(separator)
    name, expected = name.strip(), expected.strip()
    if not name or not expected:
        raise ValueError(
            f"DJANGO_SECURE_PROXY_SSL_HEADER: expected 'Header-Name: value', got {value!r}"
        )
    meta = name.upper().replace("-", "_")
    return (meta if meta.startswith("HTTP_") else f"HTTP_{meta}", expected)
