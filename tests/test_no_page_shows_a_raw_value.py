# SPDX-License-Identifier: EUPL-1.2
"""Plain Dutch (issue 14): no page of the demo shows a raw value to any demo role.

Every demo login opens every page its role may open (a GET row of ``tests/routes.py`` that
answers the role 200) with the Django test client: the pages without URL arguments first,
then the pages their links lead to (detail pages with the demo's own ids, the list pages'
other pages and filters, htmx partials, CSV, XLSX and PDF downloads), a few per route. The
visible text of each (no tags, scripts or styles; of the attributes only what a user sees
or hears: ``title``, ``aria-label``, ``placeholder``, ``alt`` and the text of buttons) may
hold no snake_case token, no raw value of a TextChoices whose value is not its label, no
file name of the source tree and no developer's note. A CSV download has Dutch column names
and decimal commas; an XLSX download real numbers, column widths and a filter on its header.
"""

import csv
import importlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from io import BytesIO, StringIO
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from django.db.models import Choices
from django.test import Client
from django.urls import Resolver404, resolve, reverse
from django.urls.exceptions import NoReverseMatch
from django.utils import translation
from openpyxl import load_workbook

import jeugdregie
from jeugdregie.accounts.models import User
from jeugdregie.demo.constants import DEMO_LOGINS
from jeugdregie.testing.auth import sign_in
from jeugdregie.testing.factories import World
from jeugdregie.testing.pdf import pdf_text
from tests import routes
from tests.routes import ROLE_COLUMNS, ROUTES, Route

pytestmark = pytest.mark.django_db

SAMPLE = 3  # URLs per route and login: the first few a page links to
# Routes whose answer is no page for people: machine-readable files with a documented
# structure (the JSON of an inzageverzoek is the portable copy of art. 20 AVG; its PDF twin
# is checked like every page).
NOT_FOR_READING = {"audit:privacy-youth-report-json"}

# --- what may not be seen ------------------------------------------------------------------

SNAKE_CASE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")
SOURCE_FILE = re.compile(r"[\w./-]*\.(?:md|ya?ml|py)\b|\bseeds/")
DEVELOPER_NOTE = re.compile(r"\b(?:aanname|samen te ontwikkelen|TODO|FIXME|XXX)\b", re.I)
# Tokens that look raw but are not, each with its reason:
ALLOWED = re.compile(
    "|".join(
        (
            # e-mail addresses (of demo users and organisations) may hold underscores
            r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
            # the first characters of an API token ("jr_" and its prefix), by which the
            # holder recognises the token the page lists
            r"\bjr_[a-z0-9]{8}_",
            # a command of the product as the functional administrator types it (the page
            # that sets up a region names the command of each step)
            r"\bjeugdregie [a-z_]+\b",
        )
    )
)


def _dutch_words() -> set[str]:
    """Every word of the Dutch translations: a choice value that is also an ordinary Dutch
    word of the interface ("open", "vol") cannot be told apart from the word itself."""
    catalogue = Path(jeugdregie.__file__).parent / "locale" / "nl" / "LC_MESSAGES" / "django.po"
    text = catalogue.read_text(encoding="utf-8")
    strings = re.findall(r'^msgstr(?:\[\d\])? "(.*)"$', text, re.M)
    return {word for line in strings for word in re.findall(r"\w+", line)}


# Codes that someone outside the product types or reads as they are, shown next to their
# label ("Label (code)" or "code — label"): the scopes a provider's software asks for.
CODES_WITH_THEIR_LABEL = {"jeugdregie.apiclients.constants.Scope"}


@dataclass(frozen=True)
class ChoiceValues:
    """The raw values of the project's TextChoices (values that differ from their Dutch
    label and are no Dutch word), and the codes that may be shown next to their label."""

    raw: set[str]
    codes: dict[str, str]  # code -> its Dutch label


def project_choices() -> ChoiceValues:
    package = Path(jeugdregie.__file__).parent
    for constants in sorted(package.glob("*/constants.py")):
        importlib.import_module(f"jeugdregie.{constants.parent.name}.constants")
    importlib.import_module("jeugdregie.accounts.permissions")

    def walk(cls: type) -> Iterator[type]:
        for sub in cls.__subclasses__():
            yield sub
            yield from walk(sub)

    raw: set[str] = set()
    codes: dict[str, str] = {}
    with translation.override("nl"):
        for choices in walk(Choices):
            if not choices.__module__.startswith("jeugdregie."):
                continue
            for value, label in choices.choices:  # type: ignore[attr-defined]
                if isinstance(value, str) and value.lower() != str(label).lower():
                    raw.add(value)
                    if f"{choices.__module__}.{choices.__qualname__}" in CODES_WITH_THEIR_LABEL:
                        codes[value] = str(label)
    raw = {value for value in raw if len(value) > 2 and not value.isdigit()} - _dutch_words()
    return ChoiceValues(raw, codes)


def raw_tokens(text: str, choices: ChoiceValues) -> list[str]:
    """What a user should not see in ``text``: each offending token once, in order."""
    for code, label in choices.codes.items():
        text = text.replace(f"{label} ({code})", label).replace(f"{code} — {label}", label)
    text = ALLOWED.sub(" ", text)
    found = SNAKE_CASE.findall(text) + SOURCE_FILE.findall(text) + DEVELOPER_NOTE.findall(text)
    found += [word for word in re.findall(r"[\w:-]+", text) if word in choices.raw]
    return list(dict.fromkeys(found))


# --- visible text --------------------------------------------------------------------------


class _VisibleText(HTMLParser):
    """The text a user sees or hears, and the links to follow (``href`` and ``hx-get``)."""

    # Not read: scripts and styles; and a preformatted document shown as it is (the XML of
    # an iJw message, as received or sent).
    HIDDEN = {"script", "style", "pre"}
    SPOKEN = ("title", "aria-label", "placeholder", "alt")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.links: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {key: value or "" for key, value in attrs}
        if tag in self.HIDDEN:
            self.hidden += 1
        self.parts += [a[name] for name in self.SPOKEN if a.get(name)]
        if tag == "input" and a.get("type", "").lower() in {"submit", "button", "reset"}:
            self.parts.append(a.get("value", ""))
        for name in ("href", "hx-get"):
            if a.get(name):
                self.links.append(a[name])

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN and self.hidden:
            self.hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def read_html(html: str) -> tuple[str, list[str]]:
    reader = _VisibleText()
    reader.feed(html)
    reader.close()
    return " ".join(" ".join(reader.parts).split()), reader.links


# --- the demo, page by page ----------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    login: str
    url: str
    name: str  # the route
    kind: str  # html, csv, xlsx, pdf
    text: str  # what a user sees
    content: bytes
    links: tuple[str, ...]

    def where(self) -> str:
        return f"{self.login} {self.url}"


def _kind(content_type: str) -> str:
    for marker, kind in (("csv", "csv"), ("spreadsheetml", "xlsx"), ("pdf", "pdf")):
        if marker in content_type:
            return kind
    return "html" if "html" in content_type else "other"


def _xlsx_text(content: bytes) -> str:
    book = load_workbook(BytesIO(content))
    return " ".join(
        str(cell.value)
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    )


def _visible(kind: str, content: bytes) -> tuple[str, list[str]]:
    if kind == "html":
        return read_html(content.decode())
    if kind == "csv":
        return content.decode("utf-8-sig"), []
    if kind == "xlsx":
        return _xlsx_text(content), []
    if kind == "pdf":
        return pdf_text(content), []
    return "", []


def pages_per_role() -> dict[str, dict[str, list[Route]]]:
    """Per role: the GET routes for people (not the API) that the route table opens to it,
    each with its rows that answer the role 200."""
    opened: dict[str, dict[str, list[Route]]] = {role: {} for role in ROLE_COLUMNS}
    for route in ROUTES:
        if route.method != "get" or route.api or route.name in NOT_FOR_READING:
            continue
        for role, status in route.statuses().items():
            if status == 200:
                opened[role].setdefault(route.name, []).append(route)
    return opened


def _route_of(url: str) -> str | None:
    try:
        return resolve(urlsplit(url).path).view_name
    except Resolver404:
        return None


def _render(client: Client, login: str, url: str, name: str) -> Page | None:
    response = client.get(url)
    if response.status_code != 200:
        return None
    content = (
        b"".join(response.streaming_content)  # type: ignore[attr-defined]
        if getattr(response, "streaming", False)
        else response.content
    )
    kind = _kind(response.get("Content-Type", ""))
    text, links = _visible(kind, content)
    return Page(login, url, name, kind, text, content, tuple(links))


def pages_of(client: Client, login: str, names: set[str]) -> Iterator[Page]:
    """Every page of the routes ``names`` this login reaches: the ones without URL
    arguments, then up to SAMPLE URLs per route that the pages link to (breadth first, so
    with the demo's own ids)."""
    queue = [reverse(name) for name in sorted(names) if not _needs_arguments(name)]
    seen = set(queue)
    taken: dict[str, int] = {}
    while queue:
        url = queue.pop(0)
        name = _route_of(url)
        if name is None or taken.get(name, 0) >= SAMPLE:
            continue
        taken[name] = taken.get(name, 0) + 1
        if (page := _render(client, login, url, name)) is None:
            continue
        yield page
        for link in page.links:
            target = urljoin(url, link.split("#")[0])
            if not urlsplit(target).netloc and target not in seen and _route_of(target) in names:
                seen.add(target)
                queue.append(target)


def pages_by_the_table(
    client: Client, login: str, rows: dict[str, list[Route]], world: World
) -> Iterator[Page]:
    """The pages of routes no link led to, opened with the arguments of their rows in the
    route table (made on the demo by the table's makers): the first that answers 200."""
    for name, table_rows in sorted(rows.items()):
        for route in table_rows:
            url = reverse(name, kwargs=route.kwargs(world))
            if (page := _render(client, login, url, name)) is not None:
                yield page
                break


def _needs_arguments(name: str) -> bool:
    try:
        reverse(name)
    except NoReverseMatch:
        return True
    return False


def demo_as_world() -> World:
    """The demo seen as the route table's world, for the table's own makers of rows: the
    first provider's first allocation in Dordrecht is Anna's, the second provider's is
    Chris's, Anna is a youth of Dordrecht without current care (a request for change names
    every current allocation of the youth), and each role's user is its first demo login."""
    from django.db.models import Q
    from django.utils import timezone

    from jeugdregie.accounts.constants import OrganisationKind
    from jeugdregie.accounts.models import Organisation
    from jeugdregie.allocations.models import Allocation
    from jeugdregie.clients.models import Youth
    from jeugdregie.contracting.models import Provider
    from jeugdregie.messaging.models import AllocationRequest
    from jeugdregie.regions.models import Municipality, Region

    users: dict[str, User] = {}
    for login in DEMO_LOGINS:
        if login.region == "zhz":
            users.setdefault(login.role, User.objects.get(username=login.username))
    provider, other_provider = (
        Provider.objects.get(organisations__users__username=username)
        for username in ("aanbieder", "aanbieder2")
    )
    dordrecht = Municipality.objects.get(cbs_code="0505")
    in_dordrecht = Allocation.objects.filter(
        municipality=dordrecht, end__isnull=False, referral__isnull=False
    ).order_by("pk")
    allocations = {
        "anna": in_dordrecht.filter(provider=provider)[0],
        "chris": in_dordrecht.filter(provider=other_provider)[0],
    }
    referrals = {key: a.referral for key, a in allocations.items() if a.referral is not None}
    current = Allocation.objects.filter(Q(end__isnull=True) | Q(end__gte=timezone.localdate()))
    without_care = (
        Youth.objects.filter(municipality=dordrecht)
        .exclude(pk__in=current.values("youth"))
        .exclude(pk__in=AllocationRequest.objects.values("youth"))  # one request at a time
        .order_by("pk")[0]
    )
    anna = allocations["anna"]
    return World(
        region=Region.objects.get(code="zhz"),
        other_region=Region.objects.get(code="ijzk"),
        dordrecht=dordrecht,
        gorinchem=Municipality.objects.get(cbs_code="0512"),
        haarlem=Municipality.objects.get(cbs_code="0392"),
        lot=anna.product.lot,
        product=anna.product,
        provider=provider,
        other_provider=other_provider,
        gi=Organisation.objects.filter(kind=OrganisationKind.CERTIFIED_INSTITUTION)[0],
        youth={"anna": without_care, "chris": allocations["chris"].youth},
        referrals=referrals,
        allocations=allocations,
        users=users,
    )


def rows_the_small_demo_lacks(world: World) -> None:
    """What the small demo has none of, made by the route table's own makers: a client stop
    and a nee-tenzij request, a request for change, waiting-list entries of the providers,
    an extension waiting on a self-assessment, a read of a BSN without youth and an API
    client."""
    for make in (
        routes.client_stop,
        routes.confirmed_client_stop,
        routes.ceiling_exception,
        routes.anna_change_request,
        routes.waiting_entries,
        routes.anna_extension("self_assessment"),
        routes.unlinked_bsn_read,
        routes.api_client,
    ):
        make(world)


@pytest.fixture(scope="module")
def demo_pages(module_demo: None, django_db_blocker) -> list[Page]:
    """The pages of the demo, rendered once for the module: every login's pages, then for
    each role the pages no login of the role reached, by its first login."""
    opened = pages_per_role()
    pages: list[Page] = []
    with django_db_blocker.unblock(), translation.override("nl"):
        world = demo_as_world()
        rows_the_small_demo_lacks(world)
        clients: dict[str, Client] = {}
        for login in DEMO_LOGINS:
            client = Client(HTTP_ACCEPT_LANGUAGE="nl")
            sign_in(client, User.objects.get(username=login.username))
            clients.setdefault(login.role, client)
            pages += pages_of(client, login.username, set(opened[login.role]))
        for role, client in clients.items():
            reached = {page.name for page in pages if page.login in _logins_of(role)}
            unreached = {name: rows for name, rows in opened[role].items() if name not in reached}
            first = world.users[role].username
            pages += pages_by_the_table(client, first, unreached, world)
    return pages


def _logins_of(role: str) -> set[str]:
    return {login.username for login in DEMO_LOGINS if login.role == role}


# --- the tests -----------------------------------------------------------------------------


def test_the_check_finds_raw_values_in_a_page():
    choices = project_choices()
    assert {"expert_team", "access_staff", "onvoldoende_informatie"} <= choices.raw
    html = (
        "<html><head><style>.jr_x{}</style><script>var a_b=1;</script></head><body>"
        '<a href="/x_y/" title="Rol: access_staff">Soort: expert_team</a>'
        "<p>Uitkomst (onvoldoende_informatie), Bron: seeds/000/afwegingskader.md §4</p>"
        "<p>aanname, samen te ontwikkelen; Mail j_de_vries@example.org</p>"
        "<p>Scopes: Zorgaanbieders lezen (aanbieders:lezen); token jr_ab12cd34_…</p>"
        "<pre>&lt;jw317:Bericht&gt;</pre></body></html>"
    )
    text, links = read_html(html)
    assert links == ["/x_y/"]
    assert raw_tokens(text, choices) == [
        "access_staff",
        "expert_team",
        "onvoldoende_informatie",
        "seeds/000/afwegingskader.md",
        "aanname",
        "samen te ontwikkelen",
    ]


def test_every_page_a_demo_role_may_open_is_rendered(demo_pages: list[Page]):
    opened = pages_per_role()
    rendered: dict[str, set[str]] = {}
    logins = {login.username: login.role for login in DEMO_LOGINS}
    for page in demo_pages:
        rendered.setdefault(logins[page.login], set()).add(page.name)
    missing = {
        role: sorted(set(opened[role]) - rendered.get(role, set()))
        for role in {login.role for login in DEMO_LOGINS}
    }
    assert not any(missing.values()), missing


def test_no_page_shows_a_raw_value(demo_pages: list[Page]):
    choices = project_choices()
    findings = [
        f"{page.where()}: {', '.join(tokens)}"
        for page in demo_pages
        if (tokens := raw_tokens(page.text, choices))
    ]
    assert not findings, "raw values on screen:\n" + "\n".join(findings)


NUMBER_WITH_A_POINT = re.compile(r"^-?\d+\.\d+%?$")
NUMBER_AS_TEXT = re.compile(r"^-?\d+[.,]\d+%?$")  # codes (AGB, CBS) are text
DUTCH_HEADER = re.compile(r"^[^a-z_][^_]*$")  # a label: no lowercase start, no underscore


def test_csv_downloads_have_dutch_column_names_and_decimal_commas(demo_pages: list[Page]):
    findings = []
    downloads = [page for page in demo_pages if page.kind == "csv"]
    assert downloads
    for page in downloads:
        rows = list(csv.reader(StringIO(page.content.decode("utf-8-sig")), delimiter=";"))
        findings += [
            f"{page.where()}: column {name!r}" for name in rows[0] if not DUTCH_HEADER.match(name)
        ]
        points = {cell for row in rows[1:] for cell in row if NUMBER_WITH_A_POINT.match(cell)}
        findings += [f"{page.where()}: decimal point in {cell!r}" for cell in sorted(points)][:3]
    assert not findings, "\n".join(findings)


def test_xlsx_downloads_have_dutch_columns_real_numbers_widths_and_filters(
    demo_pages: list[Page],
):
    findings = []
    downloads = [page for page in demo_pages if page.kind == "xlsx"]
    assert downloads
    for page in downloads:
        for sheet in load_workbook(BytesIO(page.content)).worksheets:
            where = f"{page.where()} [{sheet.title}]"
            header = [cell.value for cell in next(sheet.iter_rows(max_row=1))]
            findings += [
                f"{where}: column {name!r}"
                for name in header
                if not isinstance(name, str) or not DUTCH_HEADER.match(name)
            ]
            texts = {
                cell.value
                for row in sheet.iter_rows(min_row=2)
                for cell in row
                if isinstance(cell.value, str) and NUMBER_AS_TEXT.match(cell.value)
            }
            findings += [f"{where}: number as text {text!r}" for text in sorted(texts)][:3]
            for column, name in enumerate(header, start=1):
                formats = {
                    cell.number_format
                    for cell in next(sheet.iter_cols(column, column, min_row=2), ())
                    if isinstance(cell.value, int | float)
                }
                if isinstance(name, str) and "(€)" in name and any("€" not in f for f in formats):
                    findings.append(f"{where}: amounts in {name!r} without the euro format")
            if not sheet.auto_filter.ref:
                findings.append(f"{where}: no filter on the header")
            if not sheet.column_dimensions["A"].width:
                findings.append(f"{where}: no column widths")
    assert not findings, "\n".join(findings)
