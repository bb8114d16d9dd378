# SPDX-License-Identifier: EUPL-1.2
"""A provider reports and closes its own waiting-list entries (the same services as the screens).

A report is a list of at most ``MAX_ENTRIES`` entries that is accepted or refused as a whole:
one bad entry refuses all of them, with the errors per entry number ("wachtende 2: ...").
Each entry carries the identity as the provider knows it (BSN, name, birth date); the answer
is the same whether or not the region knows a youth with that BSN, and what the API returns
of an entry is that submission, never the region's youth record.
"""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from jeugdregie.accounts.models import User
from jeugdregie.accounts.permissions import Capability
from jeugdregie.accounts.selectors import own_provider_id
from jeugdregie.apiclients.constants import Scope
from jeugdregie.apiclients.permissions import HasCapability
from jeugdregie.audit.constants import AccessPurpose
from jeugdregie.contracting.models import Lot, Product, Provider
from jeugdregie.core.errors import validation_messages
from jeugdregie.regions.models import Region
from jeugdregie.regions.selectors import region_of
from jeugdregie.waitinglists import selectors, services
from jeugdregie.waitinglists.constants import OutflowReason, WaitingSource
from jeugdregie.waitinglists.filters import WaitingEntryFilterSet
from jeugdregie.waitinglists.models import WaitingEntry
from jeugdregie.web.views import acting_user

MAX_ENTRIES = 100
"""At most this many entries per report: larger batches are refused whole (400)."""


class WaitingEntryInput(serializers.Serializer[dict[str, Any]]):
    bsn = serializers.CharField(max_length=11)
    given_name = serializers.CharField(max_length=200)
    family_name = serializers.CharField(max_length=200)
    birth_date = serializers.DateField()
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
    entries = WaitingEntryInput(  # type: ignore[call-arg]  # max_length: DRF ≥ 3.15, not stubbed
        many=True,
        allow_empty=False,
        max_length=MAX_ENTRIES,
        help_text=f"At most {MAX_ENTRIES} entries; a longer list is refused whole.",
        error_messages={
            "max_length": gettext_lazy(
                "Report at most {max_length} entries at a time; split the list and send the "
                "rest in another report. Nothing was saved."
            )
        },
    )


class WaitingCloseInput(serializers.Serializer[dict[str, Any]]):
    outflow_date = serializers.DateField()
    outflow_reason = serializers.ChoiceField(choices=OutflowReason.choices)
    outflow_note = serializers.CharField(max_length=500, required=False, allow_blank=True)


class WaitingEntryOutput(serializers.Serializer[dict[str, Any]]):
    """An entry as the provider is shown it: on its own reports the identity it submitted."""

    id = serializers.IntegerField(read_only=True)
    youth = serializers.IntegerField(
        allow_null=True,
        help_text="The youth record, only on entries the region put on your list; "
        "null on your own reports.",
    )
    bsn = serializers.CharField(help_text="Masked: only the last three digits.")
    given_name = serializers.CharField()
    family_name = serializers.CharField()
    birth_date = serializers.DateField(allow_null=True)
    provider = serializers.CharField(allow_null=True, help_text="AGB code.")
    lot = serializers.CharField()
    product = serializers.CharField(allow_null=True)
    waiting_since = serializers.DateField()
    source = serializers.ChoiceField(choices=WaitingSource.choices)  # type: ignore[assignment]
    court_ruling_date = serializers.DateField(
        allow_null=True, help_text="For GI cases: the date of the court ruling."
    )
    bridging_note = serializers.CharField(help_text="Bridging care (description).")
    outflow_date = serializers.DateField(allow_null=True)
    outflow_reason = serializers.ChoiceField(choices=OutflowReason.choices, allow_blank=True)


def _output(user: User, entry: WaitingEntry) -> dict[str, Any]:
    identity = selectors.shown_identity(user, entry)
    return {
        "id": entry.pk,
        "youth": None if identity.submitted else entry.youth_id,
        "bsn": identity.bsn,
        "given_name": identity.given_name,
        "family_name": identity.family_name,
        "birth_date": identity.birth_date,
        "provider": entry.provider.agb_code if entry.provider else None,
        "lot": entry.lot.code,
        "product": entry.product.code if entry.product else None,
        "waiting_since": entry.waiting_since,
        "source": entry.source,
        "court_ruling_date": entry.court_ruling_date,
        "bridging_note": entry.bridging_note,
        "outflow_date": entry.outflow_date,
        "outflow_reason": entry.outflow_reason,
    }


def _serialised(user: User, entries: list[WaitingEntry]) -> list[Any]:
    return [WaitingEntryOutput(_output(user, entry)).data for entry in entries]


class WaitingEntryListApi(generics.ListAPIView[WaitingEntry]):
    """GET: the provider's own entries (paged; filtered with the filters of the waiting list on
    screen; every youth's access is logged).
    POST: report entries, all or nothing."""

    queryset = WaitingEntry.objects.none()  # the model, for the schema; get_queryset selects
    serializer_class = WaitingEntryOutput  # type: ignore[assignment]  # serialises dicts: _output
    permission_classes = [HasCapability.for_(Capability.REPORT_OWN_WAITING_ENTRIES)]
    required_scopes = {"GET": Scope.WAITING_LIST_READ, "POST": Scope.WAITING_LIST_REPORT}
    filter_backends = [DjangoFilterBackend]
    filterset_class = WaitingEntryFilterSet

    def get_queryset(self) -> QuerySet[WaitingEntry]:
        user = acting_user(self.request)
        return selectors.entries_visible_to(user=user).order_by("waiting_since", "pk")

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        user = acting_user(request)
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset())) or []
        rows = selectors.entries_page_logged(
            user=user, entries=list(page), route=request.path, purpose=AccessPurpose.API
        )
        return self.get_paginated_response(_serialised(user, rows))

    @extend_schema(
        request=WaitingReportInput, responses={201: WaitingEntryOutput(many=True)}, filters=False
    )
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
                    errors[label] = validation_messages(error)
            if errors:
                transaction.set_rollback(True)
        if errors:
            raise serializers.ValidationError(errors)
        return Response(_serialised(user, created), status=status.HTTP_201_CREATED)

    @staticmethod
    def _report(
        user: User, region: Region, provider: Provider, item: dict[str, Any]
    ) -> WaitingEntry:
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
        submission = None
        try:
            submission = services.submission_check(
                bsn=item["bsn"],
                given_name=item["given_name"],
                family_name=item["family_name"],
                birth_date=item["birth_date"],
                today=timezone.localdate(),
            )
        except ValidationError as error:
            problems.extend(validation_messages(error))
        if problems:
            raise ValidationError(problems)
        assert lot is not None
        assert submission is not None
        since: date = item["waiting_since"]
        return services.waiting_entry_report_by_provider(
            actor=user,
            provider=provider,
            region=region,
            submission=submission,
            lot=lot,
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
        return Response(WaitingEntryOutput(_output(user, entry)).data)
