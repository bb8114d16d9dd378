# SPDX-License-Identifier: EUPL-1.2
"""Sign-in screens: the login page (local form and single sign-on), the second factor
(check and enrolment), logout, the lockout page and the no-access page."""

import logging
from base64 import b32encode
from typing import Any
from urllib.parse import urlencode

import jwt
import requests
import segno
from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib import auth
from django.contrib.auth import views as auth_views
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)

from jeugdregie.accounts.forms import LoginForm
from jeugdregie.authentication.constants import SSO_REFUSAL_ATTRIBUTE
from jeugdregie.authentication.forms import SecondFactorForm
from jeugdregie.authentication.oidc import provider_logout_url
from jeugdregie.authentication.selectors import (
    confirmed_device,
    device_being_enrolled,
    second_factor_passed,
    second_factor_required,
    signed_in_with_sso,
    sso_enabled,
)
from jeugdregie.authentication.services import (
    SignInRefused,
    totp_device_confirm,
    totp_device_create,
)
from jeugdregie.web.views import acting_user

logger = logging.getLogger(__name__)


def _next_url(request: HttpRequest) -> str:
    """The page to go to after signing in, if it is one of ours; else the home page."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse(settings.LOGIN_REDIRECT_URL)


def second_factor_url(request: HttpRequest, *, next_url: str) -> str:
    """The step that is due: the code, or first setting up the authenticator app."""
    user = acting_user(request)
    name = "second-factor" if confirmed_device(user=user) else "second-factor-enrol"
    return f"{reverse(name)}?{urlencode({'next': next_url})}"


class LoginView(auth_views.LoginView):
    """Step one: the organisation's identity provider, or user name and password.

    A local account that needs a second factor is signed in but can open nothing but the
    second step until it passes it (``SecondFactorMiddleware``).
    """

    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context_data(**kwargs)
        if sso_enabled():
            query = urlencode({"next": context.get("next") or ""})
            context["sso_url"] = f"{reverse('oidc_authentication_init')}?{query}"
        return context

    def form_valid(self, form: LoginForm) -> HttpResponse:  # type: ignore[override]
        user = form.get_user()
        auth.login(self.request, user)
        next_url = self.get_success_url()
        if second_factor_required(user):
            return HttpResponseRedirect(second_factor_url(self.request, next_url=next_url))
        return HttpResponseRedirect(next_url)


@require_POST
def logout(request: HttpRequest) -> HttpResponse:
    """Log out; after single sign-on also at the identity provider (RP-initiated logout)."""
    target = reverse("login")
    if request.user.is_authenticated and signed_in_with_sso(request):
        target = provider_logout_url(request)
    auth.logout(request)
    return redirect(target)


def _refuse_when_locked_out(request: HttpRequest) -> HttpResponseBase | None:
    """A locked-out username gets no second-factor attempts either: signed out, lockout page."""
    user = acting_user(request)
    if AxesProxyHandler.is_allowed(request, {"username": user.get_username()}):
        return None
    auth.logout(request)
    return locked_out(request)


def _count_failed_code(request: HttpRequest) -> None:
    """A wrong code counts as a failed sign-in (lockout, and the audit log of failures)."""
    user = acting_user(request)
    user_login_failed.send(
        sender=__name__, credentials={"username": user.get_username()}, request=request
    )


def _second_factor_done(request: HttpRequest, device: TOTPDevice) -> HttpResponse:
    otp_login(request, device)
    request.session.cycle_key()  # a new session id once fully signed in
    return HttpResponseRedirect(_next_url(request))


def second_factor(request: HttpRequest) -> HttpResponseBase:
    """Step two: the code from the authenticator app."""
    if not request.user.is_authenticated:
        return redirect("login")
    if second_factor_passed(request):
        return HttpResponseRedirect(_next_url(request))
    user = acting_user(request)
    device = confirmed_device(user=user)
    if device is None:
        return redirect(second_factor_url(request, next_url=_next_url(request)))
    form = SecondFactorForm(request.POST or None)
    if request.method == "POST":
        answer = _code_checked(
            request,
            form,
            device,
            wrong=_("This code is not right. Enter the code the app shows now."),
        )
        if answer is not None:
            return answer
    context = {"form": form, "next": _next_url(request)}
    return render(
        request, "authentication/second_factor.html", context, status=400 if form.errors else 200
    )


def _code_checked(
    request: HttpRequest,
    form: SecondFactorForm,
    device: TOTPDevice,
    *,
    wrong: str,
    confirm: bool = False,
) -> HttpResponseBase | None:
    """Check a posted code against ``device``: the answer to send when the step is over
    (passed, or locked out), None to show the form again with its errors. A wrong code counts
    as a failed sign-in (django-axes)."""
    refusal = _refuse_when_locked_out(request)
    if refusal is not None:
        return refusal
    if not form.is_valid():
        return None
    allowed, _details = device.verify_is_allowed()
    if not allowed:
        form.add_error("code", _("Too many wrong codes. Wait a moment and try again."))
    elif device.verify_token(form.cleaned_data["code"]):
        if confirm:
            totp_device_confirm(device=device)
        return _second_factor_done(request, device)
    else:
        form.add_error("code", wrong)
        _count_failed_code(request)
        if getattr(request, "axes_locked_out", False):
            auth.logout(request)
            return locked_out(request)
    return None


def _qr_svg(uri: str) -> str:
    svg = segno.make(uri, error="m").svg_inline(
        scale=4, title=_("QR code to set up jeugdregie in your authenticator app")
    )
    return mark_safe(svg)  # noqa: S308 - generated by segno from our own URI, no user input


def _grouped(secret: str) -> str:
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def second_factor_enrol(request: HttpRequest) -> HttpResponseBase:
    """First sign-in of an account that needs a second factor: set up an authenticator app
    (QR code or the secret by hand) and confirm it with a code."""
    if not request.user.is_authenticated:
        return redirect("login")
    user = acting_user(request)
    if confirmed_device(user=user) is not None:
        return redirect(second_factor_url(request, next_url=_next_url(request)))
    device = device_being_enrolled(user=user) or totp_device_create(user=user, confirmed=False)
    form = SecondFactorForm(request.POST or None)
    if request.method == "POST":
        answer = _code_checked(
            request,
            form,
            device,
            wrong=_("This code is not right. Check the app and enter the code it shows now."),
            confirm=True,
        )
        if answer is not None:
            return answer
    secret = b32encode(device.bin_key).decode()
    context = {
        "form": form,
        "next": _next_url(request),
        "secret": _grouped(secret),
        "otpauth_uri": device.config_url,
        "qr_svg": _qr_svg(device.config_url),
    }
    return render(
        request,
        "authentication/second_factor_enrol.html",
        context,
        status=400 if form.errors else 200,
    )


NO_ACCESS_REASONS = {
    SignInRefused.NO_ROLE: "no_role",
    SignInRefused.LOCAL_ACCOUNT: "local_account",
    SignInRefused.INACTIVE: "inactive",
    SignInRefused.CONFIGURATION: "configuration",
}


def no_access(request: HttpRequest) -> HttpResponse:
    """The identity provider signed the user in, but jeugdregie gives that account no access."""
    reason = NO_ACCESS_REASONS.get(request.GET.get("reden", ""), "no_role")
    return render(request, "authentication/no_access.html", {"reason": reason}, status=403)


def locked_out(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict[str, Any] | None = None,
) -> HttpResponse:
    """django-axes' lockout answer (AXES_LOCKOUT_CALLABLE): a Dutch page, JSON for the API."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    message = _(
        "Too many failed sign-in attempts. This account is locked on this address for "
        "%(minutes)s minutes; also the right password is refused until then."
    ) % {"minutes": minutes}
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message}, status=429)
    return render(
        request,
        "authentication/locked_out.html",
        {"message": message, "minutes": minutes},
        status=429,
    )


def admin_login(request: HttpRequest) -> HttpResponse:
    """The management site signs in through the same two steps as every page."""
    query = urlencode({"next": request.GET.get("next") or reverse("admin:index")})
    return HttpResponseRedirect(f"{reverse('login')}?{query}")


class OIDCStartView(OIDCAuthenticationRequestView):
    """To the identity provider (only when single sign-on is configured)."""

    def get(self, request: HttpRequest) -> HttpResponse:
        if not sso_enabled():
            raise Http404
        response: HttpResponse = super().get(request)
        return response


class OIDCCallbackView(OIDCAuthenticationCallbackView):
    """Back from the identity provider. A provider that cannot be reached or answers
    something we cannot verify gives a Dutch error page, never a server error."""

    def get(self, request: HttpRequest) -> HttpResponse:
        if not sso_enabled():
            raise Http404
        try:
            response: HttpResponse = super().get(request)
        except (requests.RequestException, jwt.PyJWTError, ValueError, KeyError) as error:
            logger.warning("Sign-in through the identity provider failed: %r", error)
            return self._error(status=502)
        except SuspiciousOperation as error:
            logger.warning("Sign-in through the identity provider refused: %s", error)
            return self._error(status=400)
        return response

    def login_failure(self) -> HttpResponse:
        reason = getattr(self.request, SSO_REFUSAL_ATTRIBUTE, None)
        if reason is not None:
            return HttpResponseRedirect(f"{reverse('no-access')}?{urlencode({'reden': reason})}")
        return self._error(status=400)

    def _error(self, *, status: int) -> HttpResponse:
        context = {"unreachable": status == 502}
        return render(self.request, "authentication/sso_error.html", context, status=status)
