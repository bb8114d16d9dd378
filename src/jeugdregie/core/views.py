# SPDX-License-Identifier: EUPL-1.2
"""Shared view helpers: capability checks, paging and service errors on forms."""

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django import forms
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest
from django.http.response import HttpResponseBase

from jeugdregie.accounts.models import User
from jeugdregie.accounts.selectors import user_can

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


def limit_choices(form: forms.Form, field: str, queryset: QuerySet[Any]) -> None:
    """Restrict a model-choice field to what the acting user may choose."""
    choice_field = form.fields[field]
    assert isinstance(choice_field, forms.ModelChoiceField)
    choice_field.queryset = queryset


def query_without_page(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("pagina", None)
    return params.urlencode()
