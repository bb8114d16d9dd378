# SPDX-License-Identifier: EUPL-1.2
"""A few requests for allocation (JW315) from the demo provider in ZHZ, received through the
real inbox so that the worklist, the message viewer and the traffic overview are not empty
after `make run`. The region decides by hand, so they wait on the worklist. Seeding again
adds nothing (the inbox is idempotent on sender, type and Identificatie)."""

import datetime as dt

from django.utils import timezone

import ijw
from ijw import codelists as cl
from jeugdregie.accounts.models import User
from jeugdregie.clients.models import Youth
from jeugdregie.contracting.models import Product
from jeugdregie.messaging.services.inbox import message_receive

REGION = "zhz"
PROVIDER_LOGIN = "aanbieder"
REQUESTS = 4


def _request(agb: str, cbs: str, number: int, youth: Youth, product: Product) -> bytes:
    today = timezone.localdate()
    start = today + dt.timedelta(days=7 + number)
    family = youth.family_name or "Onbekend"
    prefix, _, surname = family.rpartition(" ") if " " in family else ("", "", family)
    return ijw.build(
        ijw.JW315(
            header=ijw.Header(
                afzender=agb,
                ontvanger=cbs,
                bericht_identificatie=ijw.BerichtIdentificatie(
                    identificatie=f"DEMO-VOT-{number}", dagtekening=today
                ),
            ),
            client=ijw.VerzoekClient(
                bsn=youth.bsn,
                geboortedatum=ijw.Geboortedatum(datum=youth.birth_date),
                geslacht=cl.Geslacht.ONBEKEND,
                naam=ijw.VerkorteNaam(
                    geslachtsnaam=ijw.Achternaam(achternaam=surname, voorvoegsel=prefix or None),
                    voornamen=youth.given_name or None,
                ),
                gezagsdrager_bekend=cl.JaNee.JA,
                aangevraagde_producten=[
                    ijw.AangevraagdProduct(
                        referentie_aanbieder=f"DEMO-{number}",
                        product=ijw.Product(
                            categorie=cl.ProductCategorie(product.category.code), code=product.code
                        ),
                        toewijzing_ingangsdatum=start,
                        toewijzing_einddatum=start + dt.timedelta(days=180),
                        omvang=ijw.Omvang(
                            volume=6 + number,
                            eenheid=cl.Eenheid(product.unit),
                            frequentie=cl.Frequentie.PER_MAAND,
                        ),
                        verwijzer=ijw.Verwijzer(
                            type=cl.TypeVerwijzer.HUISARTS, zorgverlener_code="01234567"
                        ),
                    )
                ],
            ),
        )
    )


def requests_seed_demo() -> int:
    """Receive the demo's JW315 requests; returns how many were new."""
    user = User.objects.filter(username=PROVIDER_LOGIN).select_related("organisation").first()
    if user is None or user.organisation is None or user.organisation.provider is None:
        return 0
    provider = user.organisation.provider
    region = user.organisation.region
    if region is None or region.code != REGION:
        return 0
    products = list(
        Product.objects.filter(
            region=region, lot__contracts__provider=provider, category__isnull=False
        )
        .exclude(code="")
        .select_related("category")
        .distinct()
        .order_by("code")[:2]
    )
    youth = list(
        Youth.objects.filter(municipality__region=region, birth_date__isnull=False)
        .exclude(bsn_index__isnull=True)
        .exclude(allocations__provider=provider)
        .select_related("municipality")
        .order_by("pk")[:REQUESTS]
    )
    if not products or len(youth) < REQUESTS:
        return 0
    new = 0
    for number, person in enumerate(youth, start=1):
        data = _request(
            provider.agb_code,
            person.municipality.cbs_code,
            number,
            person,
            products[number % len(products)],
        )
        received = message_receive(data=data, source="demo")
        new += int(received.new)
    return new
