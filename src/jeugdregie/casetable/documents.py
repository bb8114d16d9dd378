# SPDX-License-Identifier: EUPL-1.2
"""Printable agenda and minutes of an expert-table meeting (PDF, made with reportlab)."""

from io import BytesIO
from xml.sax.saxutils import escape

from django.utils import formats
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from jeugdregie.accounts.models import User
from jeugdregie.casetable.models import AgendaItem, Meeting


def _name(user: User) -> str:
    return user.get_full_name() or user.username


def _document(title: str, meeting: Meeting, members: list[User], body: list[object]) -> bytes:
    styles = getSampleStyleSheet()
    buffer = BytesIO()
    pdf = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        author=meeting.region.name,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
    )
    story: list[object] = [
        Paragraph(escape(title), styles["Title"]),
        Paragraph(
            escape(
                _("%(region)s — meeting of %(date)s")
                % {
                    "region": meeting.region.name,
                    "date": formats.date_format(meeting.date, "j F Y"),
                }
            ),
            styles["Heading2"],
        ),
        Paragraph(
            escape(_("Members: %(names)s") % {"names": ", ".join(_name(m) for m in members)}),
            styles["Normal"],
        ),
    ]
    if meeting.guests:
        story.append(
            Paragraph(
                escape(_("Also present: %(names)s") % {"names": meeting.guests}), styles["Normal"]
            )
        )
    story.append(Spacer(1, 0.5 * cm))
    story.extend(body)
    pdf.build(story)
    return buffer.getvalue()


def _table(rows: list[list[str]]) -> Table:
    styles = getSampleStyleSheet()
    cells = [[Paragraph(escape(str(c)), styles["BodyText"]) for c in row] for row in rows]
    table = Table(cells, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, "#777777"),
                ("BACKGROUND", (0, 0), (-1, 0), "#e6e6e6"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _case_cells(item: AgendaItem) -> list[str]:
    case = item.case
    return [
        str(item.position),
        case.number,
        str(case.get_kind_display()),
        f"{case.youth.given_name} {case.youth.family_name}",
        case.provider.name,
        str(item.get_outcome_when_scheduled_display())
        + (f" ({_('to report')})" if item.for_report else ""),
    ]


def agenda_pdf(*, meeting: Meeting, items: list[AgendaItem], members: list[User]) -> bytes:
    header = [_("No."), _("Case"), _("Kind"), _("Youth"), _("Provider"), _("Outcome")]
    body: list[object] = [
        _table([header, *[_case_cells(item) for item in items]])
        if items
        else Paragraph(escape(_("The agenda is empty.")), getSampleStyleSheet()["Normal"])
    ]
    return _document(_("Agenda of the expert table"), meeting, members, body)


def minutes_pdf(*, meeting: Meeting, items: list[AgendaItem], members: list[User]) -> bytes:
    header = [
        _("No."),
        _("Case"),
        _("Kind"),
        _("Youth"),
        _("Provider"),
        _("Outcome"),
        _("Decision"),
        _("Motivation"),
    ]
    rows = [
        [
            *_case_cells(item),
            str(item.get_decision_display()) if item.decision else _("not yet decided"),
            item.motivation or (item.case.decision_motivation if item.for_report else ""),
        ]
        for item in items
    ]
    styles = getSampleStyleSheet()
    body: list[object] = [
        _table([header, *rows])
        if rows
        else Paragraph(escape(_("The agenda is empty.")), styles["Normal"])
    ]
    if meeting.notes:
        body += [Spacer(1, 0.5 * cm), Paragraph(escape(meeting.notes), styles["Normal"])]
    return _document(_("Minutes of the expert table"), meeting, members, body)
