# SPDX-License-Identifier: EUPL-1.2
"""Shared view helpers: capability checks, paging and service errors on forms."""

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    JsonResponse,
)
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from jeugdregie.accounts.models import User
from jeugdregie.accounts.selectors import user_can
from jeugdregie.core import health
from jeugdregie.core.theme import configured_theme

PAGE_SIZE = 25
View = TypeVar("View", bound=Callable[..., HttpResponseBase])


def requires(capability: str | None = None) -> Callable[[View], View]:
    """Login required; with a capability, users without it get 403 Forbidden."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if capability is not None and not user_can(request.user, capability):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorator


def acting_user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def paginate(
    request: HttpRequest, items: QuerySet[Any] | list[Any], size: int = PAGE_SIZE
) -> Page[Any]:
    return Paginator(items, size).get_page(request.GET.get("pagina"))


def apply_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form, per field where it names one."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


def service_form_page(
    request: HttpRequest,
    form: forms.Form,
    *,
    run: Callable[[dict[str, Any]], str],
    title: str,
    submit: str,
    saved: str,
) -> HttpResponse:
    """The form page of one service call.

    On a valid POST, ``run`` calls the service with the cleaned data and returns the URL to
    go to; a ValidationError from the service is shown on the form and nothing is saved.
    An invalid form answers 400 so clients and tests can tell it from a plain page.
    """
    if request.method == "POST" and form.is_valid():
        try:
            target = run(form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, saved)
            return redirect(target)
    context = {"form": form, "title": title, "submit": submit}
    return render(request, "core/form_page.html", context, status=400 if form.errors else 200)


def limit_choices(form: forms.Form, field: str, queryset: QuerySet[Any]) -> None:
    """Restrict a model-choice field to what the acting user may choose."""
    choice_field = form.fields[field]
    assert isinstance(choice_field, forms.ModelChoiceField)
    choice_field.queryset = queryset


def query_without_page(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("pagina", None)
    return params.urlencode()


def refused_filters(form: forms.Form) -> HttpResponse | None:
    """400 Bad Request naming what is wrong with a download's filters (in Dutch), or None
    when they are fine. The page itself shows the same errors on its form, also with 400."""
    if form.is_valid():
        return None
    lines = [str(message) for messages in form.errors.values() for message in messages]
    return HttpResponseBadRequest("\n".join(lines), content_type="text/plain; charset=utf-8")


def no_icon(request: HttpRequest) -> HttpResponse:
    """``/favicon.ico``, which browsers ask for on their own: nothing, and no 404 that the
    audit trail would record as a refused access."""
    return HttpResponse(status=204)


@require_GET
def theme_css(request: HttpRequest) -> HttpResponse:
    """The region's design tokens as CSS custom properties (empty without a theme file)."""
    return HttpResponse(configured_theme().css, content_type="text/css; charset=utf-8")


@require_GET
def theme_logo(request: HttpRequest) -> FileResponse:
    """The region's logo from the theme file; 404 without one."""
    theme = configured_theme()
    if theme.logo is None:
        raise Http404
    return FileResponse(theme.logo.open("rb"), content_type=theme.logo_type)


# --- probes for load balancers (no sign-in; nothing personal in them) ---------------------


@require_GET
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """200 while the process runs."""
    return JsonResponse({"status": "ok"})


@require_GET
@never_cache
def readyz(request: HttpRequest) -> JsonResponse:
    """200 when every readiness check holds (``core.health``), else 503; the checks by name."""
    checks = health.readiness()
    ready = all(checks.values())
    return JsonResponse(
        {"status": "ready" if ready else "not ready", "checks": checks},
        status=200 if ready else 503,
    )
