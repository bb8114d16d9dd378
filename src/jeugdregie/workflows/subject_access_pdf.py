# SPDX-License-Identifier: EUPL-1.2
"""The subject-access report as PDF (reportlab): a title page block and one table per
section, empty sections saying so."""

from io import BytesIO
from xml.sax.saxutils import escape

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from jeugdregie.workflows.subject_access import SubjectAccessReport

__all__ = ["subject_access_pdf"]


def subject_access_pdf(report: SubjectAccessReport) -> bytes:
    styles = getSampleStyleSheet()
    cell = styles["BodyText"]
    buffer = BytesIO()
    title = _("Subject-access report (GDPR art. 15)")
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        author=report.region,
        leftMargin=1.5 * cm,
        rightMargin=1.5 * cm,
        topMargin=1.5 * cm,
        bottomMargin=1.5 * cm,
    )
    made = formats.date_format(timezone.localtime(report.made_at), "j F Y H:i")
    story: list[object] = [
        Paragraph(escape(title), styles["Title"]),
        Paragraph(
            escape(
                _("%(region)s; made on %(when)s by %(who)s.")
                % {"region": report.region, "when": made, "who": report.made_by}
            ),
            styles["Normal"],
        ),
        Spacer(1, 0.4 * cm),
    ]
    for section in report.sections:
        story.append(Paragraph(escape(section.title), styles["Heading2"]))
        if not section.rows:
            story.append(Paragraph(escape(_("Nothing recorded.")), styles["Normal"]))
            continue
        data = [[Paragraph(f"<b>{escape(c)}</b>", cell) for c in section.columns]]
        data += [[Paragraph(escape(value), cell) for value in row] for row in section.rows]
        table = Table(data, repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        story.append(table)
    document.build(story)
    return buffer.getvalue()
