# SPDX-License-Identifier: EUPL-1.2
from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["SUMMARY_LABELS", "Outcome"]


class Outcome(models.TextChoices):
    OK = "ok", _("Completed")
    FAILED = "failed", _("Failed")
    ALERT = "alert", _("Completed with an alert")


# What a job's summary counts, in words for the jobs page (a summary holds counts only,
# never personal data). Every key a task returns is listed here.
SUMMARY_LABELS = {
    "reminders_sent": _("reminders sent"),
    "entries_created": _("waiting-list entries added"),
    "entries_linked": _("waiting-list entries linked"),
    "entries_closed": _("waiting-list entries closed"),
    "entries_skipped": _("requests or allocations skipped"),
    "regions": _("regions"),
    "ledger_rows": _("ledger rows recomputed"),
    "differences": _("ledger rows that differed from the recomputation"),
    "retention_years": _("retention period in years (0: keep everything)"),
    "records_pruned": _("log records removed"),
    "youth_anonymised": _("youth anonymised"),
    "cases_anonymised": _("afwegingskader cases anonymised"),
    "waiting_entries_anonymised": _("waiting-list entries anonymised"),
}
