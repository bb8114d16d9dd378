# SPDX-License-Identifier: EUPL-1.2
"""Inbox, outbox and the worklists that iJw messages feed."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

import ijw
from jeugdregie.core.fields import EncryptedBytesField, EncryptedTextField
from jeugdregie.messaging.constants import InboxStatus, RejectionReason, RequestStatus


class InboxMessage(models.Model):
    """One received iJw message: its bytes as received, what we found and what it touched.

    Idempotent on (sender, message type, Identificatie) (TR056): a second message with the
    same key is stored as a duplicate of the first and answered with 9056. The same file
    read again (same ``source`` and bytes, e.g. an import run again after a crash) is not a
    new message at all.
    """

    message_type = models.CharField(_("message type"), max_length=5, blank=True)
    sender = models.CharField(_("sender"), max_length=8, blank=True)
    receiver = models.CharField(_("receiver"), max_length=8, blank=True)
    identificatie = models.CharField(_("identification"), max_length=12, blank=True)
    dagtekening = models.DateField(_("message date"), null=True, blank=True)
    reference = models.CharField(
        _("business reference"),
        max_length=36,
        blank=True,
        help_text=_("DeclaratieNummer of a JW323, ReferentieAanbieder of a JW317."),
    )
    raw = EncryptedBytesField(_("message as received"))
    sha256 = models.CharField(max_length=64, editable=False)
    source = models.CharField(_("source"), max_length=500, blank=True)
    received_at = models.DateTimeField(_("received at"), default=timezone.now)
    declaration_period = models.DateField(
        _("declaration period"),
        null=True,
        blank=True,
        help_text=_(
            "First day of the DeclaratiePeriode of a JW323 that was not rejected as a whole "
            "(TR318: consecutive periods)."
        ),
    )
    status = models.CharField(_("status"), max_length=12, choices=InboxStatus.choices)
    findings = models.JSONField(_("findings"), default=list, blank=True)
    duplicate_of = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="duplicates",
        verbose_name=_("duplicate of"),
    )
    answers = models.ForeignKey(
        "messaging.OutboxMessage",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="retours",
        verbose_name=_("retour on"),
    )
    provider = models.ForeignKey(
        "contracting.Provider",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="inbox_messages",
        verbose_name=_("provider"),
    )
    municipality = models.ForeignKey(
        "regions.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="inbox_messages",
        verbose_name=_("municipality"),
    )
    youth = models.ForeignKey(
        "clients.Youth",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="inbox_messages",
        verbose_name=_("youth"),
    )
    allocations = models.ManyToManyField(
        "allocations.Allocation",
        blank=True,
        related_name="inbox_messages",
        verbose_name=_("allocations"),
    )

    class Meta:
        verbose_name = _("received message")
        verbose_name_plural = _("received messages")
        ordering = ["-received_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["sender", "message_type", "identificatie"],
                condition=models.Q(duplicate_of__isnull=True) & ~models.Q(identificatie=""),
                name="inbox_identificatie_unique_per_sender_and_type",
            ),
            models.UniqueConstraint(
                fields=["source", "sha256"],
                condition=~models.Q(source=""),
                name="inbox_file_received_once",
            ),
        ]
        indexes = [models.Index(fields=["provider", "message_type"])]

    def __str__(self) -> str:
        return f"{self.message_type or '?'} {self.identificatie or self.pk}"


class OutboxMessage(models.Model):
    """One message we send: a retour on a received message, a JW301, JW319 or JW325."""

    # The message the row was built from, while the row is in memory (not a column): who
    # just stored it reads its retour codes without parsing ``data`` again.
    built: ijw.Message | None = None

    message_type = models.CharField(_("message type"), max_length=5)
    sender = models.CharField(_("sender"), max_length=8)
    recipient = models.CharField(_("recipient"), max_length=8)
    identificatie = models.CharField(_("identification"), max_length=12)
    data = EncryptedBytesField(_("message"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    exported_at = models.DateTimeField(_("exported at"), null=True, blank=True)
    retour_of = models.OneToOneField(
        InboxMessage,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="retour",
        verbose_name=_("retour on"),
    )
    in_reply_to = models.ForeignKey(
        InboxMessage,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="answer_messages",
        verbose_name=_("answers the request"),
    )
    provider = models.ForeignKey(
        "contracting.Provider",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="outbox_messages",
        verbose_name=_("provider"),
    )
    municipality = models.ForeignKey(
        "regions.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="outbox_messages",
        verbose_name=_("municipality"),
    )
    youth = models.ForeignKey(
        "clients.Youth",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="outbox_messages",
        verbose_name=_("youth"),
    )
    allocations = models.ManyToManyField(
        "allocations.Allocation",
        blank=True,
        related_name="outbox_messages",
        verbose_name=_("allocations"),
    )

    class Meta:
        verbose_name = _("sent message")
        verbose_name_plural = _("sent messages")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["sender", "message_type", "identificatie"],
                name="outbox_identificatie_unique_per_sender_and_type",
            )
        ]
        indexes = [models.Index(fields=["exported_at"])]

    def __str__(self) -> str:
        return f"{self.message_type} {self.identificatie}"


class RegionMessagingSettings(models.Model):
    """How a region handles incoming requests."""

    region = models.OneToOneField(
        "regions.Region",
        on_delete=models.CASCADE,
        related_name="messaging_settings",
        verbose_name=_("region"),
    )
    auto_approve_requests = models.BooleanField(
        _("approve requests for allocation automatically"),
        default=False,
        help_text=_(
            "When set, a request (JW315) is approved without a person when the provider is "
            "contracted for the product's lot on the start date, the product is in the "
            "region's catalogue, the provider has no client stop and the referrer is a "
            "doctor, a certified institution or a court. Otherwise it waits on the worklist."
        ),
    )

    class Meta:
        verbose_name = _("messaging settings")
        verbose_name_plural = _("messaging settings")

    def __str__(self) -> str:
        return str(self.region)


class _Request(models.Model):
    inbox_message = models.ForeignKey(
        InboxMessage, on_delete=models.PROTECT, related_name="+", verbose_name=_("message")
    )
    provider = models.ForeignKey("contracting.Provider", on_delete=models.PROTECT, related_name="+")
    municipality = models.ForeignKey(
        "regions.Municipality", on_delete=models.PROTECT, related_name="+"
    )
    youth = models.ForeignKey("clients.Youth", on_delete=models.PROTECT, related_name="+")
    reference = models.CharField(_("provider's reference"), max_length=36)
    status = models.CharField(
        _("status"), max_length=10, choices=RequestStatus.choices, default=RequestStatus.OPEN
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    # Free text that can hold health details: encrypted at rest.
    decision_note = EncryptedTextField(_("reason of the decision"), blank=True)
    rejection_reason = models.CharField(
        _("reason of rejection"), max_length=1, choices=RejectionReason.choices, blank=True
    )

    class Meta:
        abstract = True


class AllocationRequest(_Request):
    """One requested product of a request for allocation (VOT, JW315)."""

    product = models.ForeignKey(
        "contracting.Product",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("product"),
    )
    category_code = models.CharField(_("product category"), max_length=2, blank=True)
    product_code = models.CharField(_("product code"), max_length=5, blank=True)
    start = models.DateField(_("start"))
    end = models.DateField(_("end"), null=True, blank=True)
    volume = models.PositiveIntegerField(_("volume"), null=True, blank=True)
    unit = models.CharField(_("unit"), max_length=2, blank=True)
    frequency = models.CharField(_("frequency"), max_length=1, blank=True)
    budget = models.DecimalField(
        _("budget (EUR)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    referrer_type = models.CharField(_("referrer type"), max_length=2)
    referrer_agb = models.CharField(_("referrer AGB code"), max_length=8, blank=True)
    referrer_name = models.CharField(_("referrer name"), max_length=200, blank=True)
    comment = EncryptedTextField(_("comment"), blank=True)  # the JW315's Commentaar
    allocation = models.ForeignKey(
        "allocations.Allocation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("allocation"),
    )

    class Meta:
        verbose_name = _("request for allocation")
        verbose_name_plural = _("requests for allocation")
        ordering = ["-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "reference"], name="allocation_request_reference_unique"
            )
        ]

    def __str__(self) -> str:
        return self.reference


class ChangeRequest(_Request):
    """A request for change (VOW, JW317): the client's whole desired package at a provider.

    ``changes`` holds ``unchanged`` (allocation numbers), ``changed`` and ``new`` (dicts with
    the requested dates and quantity) as received.
    """

    reason = models.CharField(_("reason of the request"), max_length=1)
    changes = models.JSONField(_("requested package"), default=dict)

    class Meta:
        verbose_name = _("request for change")
        verbose_name_plural = _("requests for change")
        ordering = ["-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "reference"], name="change_request_reference_unique"
            )
        ]

    def __str__(self) -> str:
        return self.reference


class ReportedStop(models.Model):
    """One stop of delivery (a JW307 line) as reported, with its reason.

    The temporary-stop rules (TR413–TR415) compare a new stop with the earlier ones of the
    same allocation and start date; a stop withdrawn later (StatusAanlevering 3) no longer
    counts.
    """

    inbox_message = models.ForeignKey(
        InboxMessage,
        on_delete=models.PROTECT,
        related_name="reported_stops",
        verbose_name=_("message"),
    )
    allocation = models.ForeignKey(
        "allocations.Allocation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("allocation"),
    )
    start = models.DateField(_("start of delivery"))
    end = models.DateField(_("end of delivery"))
    reason = models.CharField(_("reason of ending"), max_length=2)
    withdrawn_by = models.ForeignKey(
        InboxMessage,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("withdrawn by"),
    )

    class Meta:
        verbose_name = _("reported stop")
        verbose_name_plural = _("reported stops")
        ordering = ["allocation", "start", "id"]
        indexes = [models.Index(fields=["allocation", "start"])]

    def __str__(self) -> str:
        return f"{self.start} – {self.end} ({self.reason})"


class DeclarationLine(models.Model):
    """One line (Prestatie) of a received declaration (JW323) and our verdict on it."""

    inbox_message = models.ForeignKey(
        InboxMessage,
        on_delete=models.PROTECT,
        related_name="declaration_lines",
        verbose_name=_("message"),
    )
    provider = models.ForeignKey("contracting.Provider", on_delete=models.PROTECT, related_name="+")
    reference = models.CharField(_("line reference"), max_length=20)
    previous_reference = models.CharField(_("credited line"), max_length=20, blank=True)
    allocation = models.ForeignKey(
        "allocations.Allocation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="declaration_lines",
        verbose_name=_("allocation"),
    )
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    volume = models.PositiveIntegerField(_("volume"))
    unit = models.CharField(_("unit"), max_length=2)
    tariff = models.DecimalField(
        _("tariff (EUR)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    amount = models.DecimalField(_("amount (EUR)"), max_digits=12, decimal_places=2)
    is_credit = models.BooleanField(_("credit"), default=False)
    approved = models.BooleanField(_("approved"), default=False)
    retour_code = models.CharField(_("return code"), max_length=4, blank=True)

    class Meta:
        verbose_name = _("declaration line")
        verbose_name_plural = _("declaration lines")
        ordering = ["inbox_message", "id"]
        indexes = [models.Index(fields=["provider", "reference"])]

    def __str__(self) -> str:
        return self.reference
