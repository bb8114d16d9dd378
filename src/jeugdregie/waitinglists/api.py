# SPDX-License-Identifier: EUPL-1.2
"""A provider reports and closes its own waiting-list entries (the same services as the screens).

A report is a list of entries that is accepted or refused as a whole: one bad entry refuses
all of them, with the errors per entry number ("wachtende 2: ...").
"""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from jeugdregie.accounts.permissions import Capability
from jeugdregie.accounts.selectors import own_provider_id
from jeugdregie.apiclients.constants import Scope
from jeugdregie.audit.constants import AccessPurpose
from jeugdregie.budgets.exceptions import youth_by_bsn_in_region
from jeugdregie.contracting.models import Lot, Product, Provider
from jeugdregie.core.api import HasCapability
from jeugdregie.core.views import acting_user
from jeugdregie.regions.selectors import region_of
from jeugdregie.waitinglists import selectors, services
from jeugdregie.waitinglists.constants import OutflowReason, WaitingSource
from jeugdregie.waitinglists.models import WaitingEntry


class WaitingEntryInput(serializers.Serializer[dict[str, Any]]):
    bsn = serializers.CharField(max_length=11)
    lot = serializers.CharField(max_length=20, help_text="Code of the lot (perceel).")
    product = serializers.CharField(max_length=5, required=False, allow_blank=True)
    waiting_since = serializers.DateField()
    court_ruling_date = serializers.DateField(required=False, allow_null=True)
    bridging_provider = serializers.CharField(
        max_length=8, required=False, allow_blank=True, help_text="AGB code."
    )
    bridging_product = serializers.CharField(max_length=5, required=False, allow_blank=True)
    bridging_note = serializers.CharField(max_length=500, required=False, allow_blank=True)


class WaitingReportInput(serializers.Serializer[dict[str, Any]]):
    entries = WaitingEntryInput(many=True, allow_empty=False)


class WaitingCloseInput(serializers.Serializer[dict[str, Any]]):
    outflow_date = serializers.DateField()
    outflow_reason = serializers.ChoiceField(choices=OutflowReason.choices)
    outflow_note = serializers.CharField(max_length=500, required=False, allow_blank=True)


class WaitingEntryOutput(serializers.ModelSerializer[WaitingEntry]):
    youth = serializers.IntegerField(source="youth_id")
    lot = serializers.CharField(source="lot.code")
    product = serializers.CharField(source="product.code", allow_null=True, default=None)
    provider = serializers.CharField(source="provider.agb_code", allow_null=True, default=None)

    class Meta:
        model = WaitingEntry
        fields = [
            "id",
            "youth",
            "provider",
            "lot",
            "product",
            "waiting_since",
            "source",
            "court_ruling_date",
            "bridging_note",
            "outflow_date",
            "outflow_reason",
        ]


def _messages(error: ValidationError) -> list[str]:
    if hasattr(error, "error_dict"):
        return [m for messages in error.message_dict.values() for m in messages]
    return list(error.messages)


class WaitingEntryListApi(APIView):
    """GET: the provider's own entries (paged; every youth's access is logged).
    POST: report entries, all or nothing."""

    permission_classes = [HasCapability.for_(Capability.REPORT_OWN_WAITING_ENTRIES)]
    required_scopes = {"GET": Scope.WAITING_LIST_READ, "POST": Scope.WAITING_LIST_REPORT}

    @extend_schema(responses=WaitingEntryOutput(many=True))
    def get(self, request: Request) -> Response:
        user = acting_user(request)
        paginator = PageNumberPagination()
        entries = selectors.entries_visible_to(user=user).order_by("waiting_since", "pk")
        page = paginator.paginate_queryset(entries, request, view=self) or []
        rows = selectors.entries_page_logged(
            user=user, entries=list(page), route=request.path, purpose=AccessPurpose.API
        )
        return paginator.get_paginated_response(WaitingEntryOutput(rows, many=True).data)

    @extend_schema(request=WaitingReportInput, responses={201: WaitingEntryOutput(many=True)})
    def post(self, request: Request) -> Response:
        data = WaitingReportInput(data=request.data)
        data.is_valid(raise_exception=True)
        user = acting_user(request)
        region = region_of(user=user)
        assert region is not None
        provider = Provider.objects.get(pk=own_provider_id(user))
        created: list[WaitingEntry] = []
        errors: dict[str, list[str]] = {}
        with transaction.atomic():
            for number, item in enumerate(data.validated_data["entries"], start=1):
                try:
                    with transaction.atomic():
                        created.append(self._report(user, region, provider, item))
                except ValidationError as error:
                    label = _("entry %(number)s") % {"number": number}
                    errors[label] = _messages(error)
            if errors:
                transaction.set_rollback(True)
        if errors:
            raise serializers.ValidationError(errors)
        return Response(WaitingEntryOutput(created, many=True).data, status=status.HTTP_201_CREATED)

    @staticmethod
    def _report(user: Any, region: Any, provider: Provider, item: dict[str, Any]) -> WaitingEntry:
        problems: list[str] = []
        lot = Lot.objects.filter(region=region, code=item["lot"]).first()
        if lot is None:
            problems.append(_("Unknown lot '%(code)s' in this region.") % {"code": item["lot"]})
        product = bridging_product = bridging_provider = None
        if item.get("product"):
            product = Product.objects.filter(region=region, code=item["product"]).first()
            if product is None:
                problems.append(_("Unknown product '%(code)s'.") % {"code": item["product"]})
        if item.get("bridging_product"):
            bridging_product = Product.objects.filter(
                region=region, code=item["bridging_product"]
            ).first()
            if bridging_product is None:
                problems.append(
                    _("Unknown product '%(code)s'.") % {"code": item["bridging_product"]}
                )
        if item.get("bridging_provider"):
            bridging_provider = Provider.objects.filter(agb_code=item["bridging_provider"]).first()
            if bridging_provider is None:
                problems.append(
                    _("Unknown provider with AGB code '%(code)s'.")
                    % {"code": item["bridging_provider"]}
                )
        try:
            youth = youth_by_bsn_in_region(bsn=item["bsn"], region=region)
        except ValidationError as error:
            problems.extend(_messages(error))
        if problems:
            raise ValidationError(problems)
        assert lot is not None
        since: date = item["waiting_since"]
        return services.waiting_entry_report(
            actor=user,
            youth=youth,
            lot=lot,
            provider=provider,
            product=product,
            waiting_since=since,
            source=WaitingSource.PROVIDER_API,
            court_ruling_date=item.get("court_ruling_date"),
            bridging_provider=bridging_provider,
            bridging_product=bridging_product,
            bridging_note=item.get("bridging_note", ""),
        )


class WaitingEntryCloseApi(APIView):
    """A provider takes one of its own entries off the waiting list."""

    permission_classes = [HasCapability.for_(Capability.REPORT_OWN_WAITING_ENTRIES)]
    required_scopes = {"POST": Scope.WAITING_LIST_REPORT}

    @extend_schema(request=WaitingCloseInput, responses={200: WaitingEntryOutput})
    def post(self, request: Request, pk: int) -> Response:
        data = WaitingCloseInput(data=request.data)
        data.is_valid(raise_exception=True)
        user = acting_user(request)
        entry = selectors.entries_visible_to(user=user).filter(pk=pk).first()
        if entry is None:
            return Response(status=status.HTTP_404_NOT_FOUND)
        try:
            entry = services.waiting_entry_close(
                actor=user,
                entry=entry,
                outflow_date=data.validated_data["outflow_date"],
                outflow_reason=data.validated_data["outflow_reason"],
                outflow_note=data.validated_data.get("outflow_note", ""),
            )
        except ValidationError as error:
            detail = error.message_dict if hasattr(error, "error_dict") else error.messages
            raise serializers.ValidationError(detail) from error
        return Response(WaitingEntryOutput(entry).data)
