# SPDX-License-Identifier: EUPL-1.2
"""Printable agenda and minutes of an expert-table meeting (PDF, made with reportlab)."""

from io import BytesIO
from xml.sax.saxutils import escape

from django.utils import formats
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

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


def _item(item: AgendaItem, *, minutes: bool) -> list[object]:
    """One agenda item as a heading and its lines (readable on paper, no narrow columns)."""
    styles = getSampleStyleSheet()
    case = item.case
    title = (
        f"{item.position}. {case.number} — {case.get_kind_display()}: "
        f"{case.youth.given_name} {case.youth.family_name}, {case.provider.name}"
    )
    lines = [
        _("Product: %(product)s; %(start)s to %(end)s")
        % {
            "product": case.product,
            "start": formats.date_format(case.start, "j-n-Y"),
            "end": formats.date_format(case.end, "j-n-Y"),
        },
        _("Outcome when scheduled: %(outcome)s")
        % {"outcome": item.get_outcome_when_scheduled_display()},
    ]
    if item.for_report:
        lines.append(_("Decided on the urgent route; reported to the table."))
    if minutes:
        if item.decision:
            lines.append(
                _("Decision: %(decision)s — %(motivation)s")
                % {"decision": item.get_decision_display(), "motivation": item.motivation}
            )
        elif item.for_report:
            lines.append(
                _("Decision: %(decision)s — %(motivation)s")
                % {"decision": case.get_status_display(), "motivation": case.decision_motivation}
            )
        else:
            lines.append(_("Decision: not yet decided"))
    return [
        Paragraph(escape(title), styles["Heading3"]),
        *[Paragraph(escape(line), styles["Normal"]) for line in lines],
    ]


def _body(items: list[AgendaItem], *, minutes: bool) -> list[object]:
    if not items:
        return [Paragraph(escape(_("The agenda is empty.")), getSampleStyleSheet()["Normal"])]
    return [flowable for item in items for flowable in _item(item, minutes=minutes)]


def agenda_pdf(*, meeting: Meeting, items: list[AgendaItem], members: list[User]) -> bytes:
    body = _body(items, minutes=False)
    return _document(_("Agenda of the expert table"), meeting, members, body)


def minutes_pdf(*, meeting: Meeting, items: list[AgendaItem], members: list[User]) -> bytes:
    body = _body(items, minutes=True)
    if meeting.notes:
        styles = getSampleStyleSheet()
        body += [Spacer(1, 0.5 * cm), Paragraph(escape(meeting.notes), styles["Normal"])]
    return _document(_("Minutes of the expert table"), meeting, members, body)
