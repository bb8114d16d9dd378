# SPDX-License-Identifier: EUPL-1.2
from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.permissions import Capability
from jeugdregie.apiclients.constants import Scope
from jeugdregie.apiclients.permissions import HasCapability
from jeugdregie.audit.constants import AccessPurpose
from jeugdregie.clients import selectors
from jeugdregie.clients.models import Youth
from jeugdregie.core.bsn import mask_bsn
from jeugdregie.web.views import acting_user


class YouthOutput(serializers.Serializer[Youth]):
    id = serializers.IntegerField()
    bsn = serializers.SerializerMethodField()
    given_name = serializers.CharField()
    family_name = serializers.CharField()
    birth_date = serializers.DateField()
    municipality = serializers.CharField(source="municipality.cbs_code")

    def get_bsn(self, youth: Youth) -> str:
        role = self.context.get("role")
        return mask_bsn(youth.bsn) if role == Role.PROVIDER else youth.bsn


class YouthSearchInput(serializers.Serializer[dict[str, Any]]):
    q = serializers.CharField(
        max_length=100,
        required=False,
        allow_blank=True,
        help_text=_(
            "The full BSN, or a name: the family name with or without its prefixes "
            "('van', 'de', ...), a given name, or given name and family name; case and "
            "diacritics do not matter. Sent in the body, so that a BSN or a name never "
            "appears in a URL."
        ),
    )
    birth_date = serializers.DateField(
        required=False,
        allow_null=True,
        help_text=_("Only youth born on this day (with q: both must match)."),
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if not attrs.get("q", "").strip() and not attrs.get("birth_date"):
            raise serializers.ValidationError(_("Give a BSN, a name or a birth date."))
        return attrs


class YouthSearchApi(APIView):
    permission_classes = [HasCapability.for_(Capability.VIEW_YOUTH)]
    required_scopes = {"POST": Scope.YOUTH_READ}

    @extend_schema(request=YouthSearchInput, responses=YouthOutput(many=True))
    def post(self, request: Request) -> Response:
        data = YouthSearchInput(data=request.data)
        data.is_valid(raise_exception=True)
        user = acting_user(request)
        results = selectors.youth_search(
            user=user,
            route=request.path,
            query=data.validated_data.get("q", ""),
            birth_date=data.validated_data.get("birth_date"),
        )
        output = YouthOutput(results, many=True, context={"role": user.role})  # type: ignore[arg-type]
        return Response(output.data)


class YouthDetailApi(APIView):
    permission_classes = [HasCapability.for_(Capability.VIEW_YOUTH)]
    required_scopes = {"GET": Scope.YOUTH_READ}

    @extend_schema(responses=YouthOutput)
    def get(self, request: Request, pk: int) -> Response:
        user = acting_user(request)
        youth = selectors.youth_detail(
            user=user, pk=pk, route=request.path, purpose=AccessPurpose.API
        )
        return Response(YouthOutput(youth, context={"role": user.role}).data)
