# SPDX-License-Identifier: EUPL-1.2
import json

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_safe

from jeugdregie.accounts.models import User
from jeugdregie.accounts.permissions import Capability
from jeugdregie.accounts.selectors import region_id_of, users_list
from jeugdregie.audit import selectors
from jeugdregie.audit.constants import AccessEvent, AccessPurpose
from jeugdregie.audit.services import access_record_create, bsn_hash
from jeugdregie.clients.constants import Gender
from jeugdregie.clients.models import Youth
from jeugdregie.clients.selectors import youth_by_bsn_index
from jeugdregie.clients.services import youth_rectify
from jeugdregie.core.bsn import mask_bsn, normalise_bsn
from jeugdregie.core.forms import BoundedDateField, IsoDateInput
from jeugdregie.web.exports import file_response
from jeugdregie.web.views import acting_user, apply_service_errors, paginate, requires
from jeugdregie.workflows.subject_access import SubjectAccessReport, subject_access_report
from jeugdregie.workflows.subject_access_pdf import subject_access_pdf

SECURITY_EVENTS = [(e.value, e.label) for e in AccessEvent if e != AccessEvent.READ]


class YouthLookupForm(forms.Form):
    bsn = forms.CharField(label=_("BSN of the youth"), max_length=20)


class YouthRectifyForm(forms.Form):
    given_name = forms.CharField(label=_("Given name"), max_length=200)
    family_name = forms.CharField(label=_("Family name"), max_length=200)
    birth_date = BoundedDateField(label=_("Birth date"), widget=IsoDateInput())
    gender = forms.ChoiceField(label=_("Gender"), choices=Gender.choices)


@requires(Capability.VIEW_PRIVACY_LOG)
@require_http_methods(["GET", "HEAD", "POST"])
def privacy_home(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    form = YouthLookupForm(request.POST if request.method == "POST" else None)
    not_found = False
    if form.is_bound and form.is_valid():
        key = bsn_hash(normalise_bsn(form.cleaned_data["bsn"]))
        youth = youth_by_bsn_index(bsn_index=key, region=region_id_of(user))
        if youth is not None:
            return redirect("audit:privacy-youth", pk=youth.pk)
        # a BSN read in a message that was linked to no youth
        if selectors.access_records_for_bsn_hash(actor=user, bsn_hash=key).exists():
            return redirect("audit:privacy-bsn", key=key)
        not_found = True
    return render(
        request,
        "audit/privacy_home.html",
        {
            "form": form,
            "not_found": not_found,
            "users": users_list(actor=user),
        },
    )


def _region_youth(user: User, pk: int) -> Youth:
    youth = Youth.objects.filter(pk=pk, municipality__region_id=region_id_of(user)).first()
    if youth is None:
        raise Http404
    return youth


@requires(Capability.VIEW_PRIVACY_LOG)
@require_safe
def privacy_youth(request: HttpRequest, pk: int) -> HttpResponse:
    user = acting_user(request)
    youth = _region_youth(user, pk)
    # Looking at who saw a youth identifies the youth: that is an access too.
    access_record_create(
        user=user, youth_ids=[youth.pk], purpose=AccessPurpose.AUDIT, route=request.path
    )
    records = selectors.access_records_for_youth(
        actor=user, youth_id=youth.pk, bsn_hash=youth.bsn_index or ""
    )
    return render(
        request,
        "audit/privacy_youth.html",
        {
            "youth": youth,
            "masked_bsn": mask_bsn(youth.bsn) or f"nr. {youth.pk}",
            "page": paginate(request, records),
        },
    )


@requires(Capability.VIEW_PRIVACY_LOG)
@require_safe
def privacy_bsn(request: HttpRequest, key: str) -> HttpResponse:
    """Who saw a BSN that is not a youth of the region (read in a message)."""
    user = acting_user(request)
    records = selectors.access_records_for_bsn_hash(actor=user, bsn_hash=key)
    if not records.exists():
        raise Http404
    access_record_create(
        user=user,
        youth_ids=[],
        bsn_hashes=[key],
        region_id=region_id_of(user),
        purpose=AccessPurpose.AUDIT,
        route=request.path,
    )
    return render(request, "audit/privacy_bsn.html", {"page": paginate(request, records)})


@requires(Capability.VIEW_PRIVACY_LOG)
@require_safe
def privacy_user(request: HttpRequest, pk: int) -> HttpResponse:
    user = acting_user(request)
    subject = users_list(actor=user).filter(pk=pk).first()
    if subject is None:
        raise Http404
    records = selectors.access_records_by_user(actor=user, subject_id=subject.pk)
    return render(
        request,
        "audit/privacy_user.html",
        {
            "subject": subject,
            "page": paginate(request, records),
        },
    )


@requires(Capability.VIEW_PRIVACY_LOG)
@require_safe
def privacy_events(request: HttpRequest) -> HttpResponse:
    """Sign-ins, failed sign-ins, lockouts, denied requests and exports in the region."""
    user = acting_user(request)
    event = request.GET.get("gebeurtenis", "")
    if event not in dict(SECURITY_EVENTS):
        event = ""
    records = selectors.security_events_for(actor=user, event=event)
    return render(
        request,
        "audit/privacy_events.html",
        {"page": paginate(request, records), "events": SECURITY_EVENTS, "event": event},
    )


def _subject_access(request: HttpRequest, pk: int) -> SubjectAccessReport:
    """The report of a youth of the privacy officer's region; handing it over is an export of
    the youth's personal data, recorded as such."""
    user = acting_user(request)
    youth = _region_youth(user, pk)
    access_record_create(
        user=user, youth_ids=[youth.pk], purpose=AccessPurpose.EXPORT, route=request.path
    )
    return subject_access_report(actor=user, youth=youth)


@requires(Capability.VIEW_PRIVACY_LOG)
@require_safe
def privacy_youth_report_json(request: HttpRequest, pk: int) -> HttpResponse:
    report = _subject_access(request, pk)
    return file_response(
        request=request,
        filename=f"inzageverzoek-{pk}.json",
        content=json.dumps(report.as_json(), ensure_ascii=False, indent=2).encode(),
        content_type="application/json",
        rows=sum(len(section.rows) for section in report.sections),
    )


@requires(Capability.VIEW_PRIVACY_LOG)
@require_safe
def privacy_youth_report_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    report = _subject_access(request, pk)
    return file_response(
        request=request,
        filename=f"inzageverzoek-{pk}.pdf",
        content=subject_access_pdf(report),
        content_type="application/pdf",
        rows=sum(len(section.rows) for section in report.sections),
    )


@requires(Capability.VIEW_PRIVACY_LOG)
@require_http_methods(["GET", "HEAD", "POST"])
def privacy_youth_rectify(request: HttpRequest, pk: int) -> HttpResponse:
    """Correct a youth's personal details (AVG art. 16); the change log records it."""
    user = acting_user(request)
    youth = _region_youth(user, pk)
    if request.method == "POST":
        form = YouthRectifyForm(request.POST)
        if form.is_valid():
            try:
                youth_rectify(actor=user, youth=youth, **form.cleaned_data)
            except ValidationError as error:
                apply_service_errors(form, error)
            else:
                messages.success(request, _("The personal details are corrected."))
                return redirect("audit:privacy-youth", pk=youth.pk)
    else:
        access_record_create(
            user=user, youth_ids=[youth.pk], purpose=AccessPurpose.DETAIL, route=request.path
        )
        form = YouthRectifyForm(
            initial={
                "given_name": youth.given_name,
                "family_name": youth.family_name,
                "birth_date": youth.birth_date.isoformat(),
                "gender": youth.gender,
            }
        )
    return render(
        request,
        "audit/privacy_youth_rectify.html",
        {"youth": youth, "form": form, "masked_bsn": mask_bsn(youth.bsn) or f"nr. {youth.pk}"},
        status=400 if form.is_bound else 200,
    )
