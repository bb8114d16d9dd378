# SPDX-License-Identifier: EUPL-1.2
from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from jeugdregie.accounts.permissions import Capability
from jeugdregie.accounts.selectors import region_id_of, users_list
from jeugdregie.audit import selectors
from jeugdregie.audit.constants import AccessPurpose
from jeugdregie.audit.services import access_record_create
from jeugdregie.clients.models import Youth
from jeugdregie.clients.services import bsn_lookup_key
from jeugdregie.core.bsn import mask_bsn, normalise_bsn
from jeugdregie.core.views import acting_user, paginate, requires


class YouthLookupForm(forms.Form):
    bsn = forms.CharField(label=_("BSN of the youth"), max_length=20)


@requires(Capability.VIEW_PRIVACY_LOG)
def privacy_home(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    form = YouthLookupForm(request.POST if request.method == "POST" else None)
    not_found = False
    if form.is_bound and form.is_valid():
        youth = Youth.objects.filter(
            bsn_index=bsn_lookup_key(normalise_bsn(form.cleaned_data["bsn"])),
            municipality__region_id=region_id_of(user),
        ).first()
        if youth is not None:
            return redirect("audit:privacy-youth", pk=youth.pk)
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


@requires(Capability.VIEW_PRIVACY_LOG)
def privacy_youth(request: HttpRequest, pk: int) -> HttpResponse:
    user = acting_user(request)
    youth = Youth.objects.filter(pk=pk, municipality__region_id=region_id_of(user)).first()
    if youth is None:
        raise Http404
    # Looking at who saw a youth identifies the youth: that is an access too.
    access_record_create(
        user=user, youth_ids=[youth.pk], purpose=AccessPurpose.AUDIT, route=request.path
    )
    records = selectors.access_records_for_youth(actor=user, youth_id=youth.pk)
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
