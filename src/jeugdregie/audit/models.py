# SPDX-License-Identifier: EUPL-1.2
"""Append-only logs: every read of personal data, every security event, every change of
important data.

The access log and the change log are hash chains: each record carries a sequence number
(gapless per log) and the SHA-256 of its canonical form including its predecessor's hash
(``audit.chain``), so a missing or edited record is detectable (``jeugdregie audit_verify``).
Records are only ever inserted: ``save()`` of an existing record, ``delete()``, and the
queryset's ``update()``, ``delete()`` and ``bulk_update()`` raise; on PostgreSQL triggers
refuse UPDATE and DELETE in the database itself (migration 0004). Old records leave only
through ``jeugdregie audit_prune``, which writes a ``Checkpoint`` first.
"""

from typing import Any, ClassVar, NoReturn

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jeugdregie.accounts.constants import Role
from jeugdregie.audit.constants import AccessEvent, AccessPurpose, ChangeAction, Log
from jeugdregie.core.fields import EncryptedJSONField, EncryptedTextField


class AppendOnlyError(Exception):
    """Audit records cannot be changed or deleted."""


class AppendOnlyModel(models.Model):
    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and not self._state.adding:
            raise AppendOnlyError("audit records are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("audit records are append-only")


class AppendOnlyQuerySet(models.QuerySet[Any]):
    """A queryset that cannot change or delete rows (the ORM's bulk paths)."""

    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("audit records are append-only")

    def delete(self) -> NoReturn:
        raise AppendOnlyError("audit records are append-only")

    def bulk_update(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("audit records are append-only")

    def _raw_delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("audit records are append-only")

    def update_or_create(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("audit records are append-only")


class ChainedQuerySet(AppendOnlyQuerySet):
    """Every insert goes through the chain: sequence number, time and hash are set here."""

    def bulk_create(self, objs: Any, *args: Any, **kwargs: Any) -> list[Any]:
        if kwargs.get("ignore_conflicts") or kwargs.get("update_conflicts"):
            raise AppendOnlyError("audit records are inserted as they are")
        from jeugdregie.audit.chain import append

        return append(self.model, list(objs), using=self.db)

    def _insert_chained(self, objs: list[Any]) -> list[Any]:
        """The plain insert, for ``chain.append`` only (it has set seq, at and hash)."""
        return super().bulk_create(objs)


class ChainedModel(AppendOnlyModel):
    """A record of a hash-chained log. ``CHAIN_FIELDS`` are hashed besides seq and the
    predecessor's hash; changing that list (or their serialisation) breaks old chains."""

    LOG: ClassVar[str]
    CHAIN_FIELDS: ClassVar[tuple[str, ...]]

    seq = models.BigIntegerField(_("sequence number"), unique=True, editable=False)
    hash = models.CharField(_("hash"), max_length=64, editable=False)
    at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)

    objects = ChainedQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("audit records are append-only")
        manager = type(self)._default_manager.db_manager(kwargs.get("using"))
        manager.bulk_create([self])


class AccessRecord(ChainedModel):
    """Who read which youth's personal data, when, in which role and for what; and the
    security events around it (sign-in, sign-out, failed sign-in, lockout, denied, export).

    A read names the youth, or (a message not linked to a youth) only the keyed hash of the
    BSN read, with the version of the key that made it. Every record carries the client's
    address and a keyed hash of the session key when it was made in a request.
    """

    LOG = Log.ACCESS
    CHAIN_FIELDS = (
        "at",
        "event",
        "user_id",
        "username",
        "role",
        "youth_id",
        "bsn_hash",
        "key_version",
        "region_id",
        "purpose",
        "route",
        "method",
        "status",
        "rows",
        "ip",
        "session_hash",
    )

    event = models.CharField(
        _("event"), max_length=20, choices=AccessEvent.choices, default=AccessEvent.READ
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="access_records",
        verbose_name=_("user"),
    )
    # as typed for a failed sign-in (the user may not exist); the user's name otherwise
    username = models.CharField(_("username"), max_length=150, blank=True)
    role = models.CharField(_("role"), max_length=30, blank=True)
    youth = models.ForeignKey(
        "clients.Youth",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="access_records",
        verbose_name=_("youth"),
    )
    bsn_hash = models.CharField(_("keyed hash of the BSN"), max_length=64, blank=True)
    key_version = models.CharField(_("key version"), max_length=8, blank=True)
    # the region whose data was read, where no youth says it (a message's BSN)
    region = models.ForeignKey(
        "regions.Region",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("region"),
    )
    purpose = models.CharField(
        _("purpose"), max_length=20, blank=True, choices=AccessPurpose.choices
    )
    route = models.CharField(_("route"), max_length=200, blank=True)
    method = models.CharField(_("method"), max_length=10, blank=True)
    status = models.PositiveSmallIntegerField(_("status code"), null=True, blank=True)
    rows = models.PositiveIntegerField(_("rows"), null=True, blank=True)
    ip = models.CharField(_("IP address"), max_length=45, blank=True)
    session_hash = models.CharField(_("keyed hash of the session"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("access record")
        verbose_name_plural = _("access records")
        ordering = ["-seq"]
        base_manager_name = "objects"
        indexes = [
            models.Index(fields=["youth", "at"]),
            models.Index(fields=["user", "at"]),
            models.Index(fields=["bsn_hash"]),
            models.Index(fields=["event", "at"]),
        ]

    def __str__(self) -> str:
        subject = self.youth_id or self.bsn_hash[:8] or ""
        return f"{self.at:%Y-%m-%d %H:%M} {self.event} {self.user_id or self.username} {subject}"

    @property
    def role_label(self) -> str:
        """The role the user had, by its label (a role since removed: as it was stored)."""
        return str(dict(Role.choices).get(self.role, self.role))


class ChangeRecord(ChainedModel):
    """A change of master data or allocations: what changed, by whom, old and new values.

    The object's description and the values are encrypted at rest (they may hold free text);
    fields that are encrypted in their own table are redacted before they get here.
    """

    LOG = Log.CHANGE
    CHAIN_FIELDS = ("at", "user_id", "model", "object_pk", "object_repr", "action", "changes")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="change_records",
        verbose_name=_("user"),
    )
    model = models.CharField(_("object type"), max_length=100)
    object_pk = models.CharField(_("object id"), max_length=50)
    object_repr = EncryptedTextField(_("object"))
    action = models.CharField(_("action"), max_length=10, choices=ChangeAction.choices)
    changes = EncryptedJSONField(_("changes"), default=dict)

    class Meta:
        verbose_name = _("change record")
        verbose_name_plural = _("change records")
        ordering = ["-seq"]
        base_manager_name = "objects"
        indexes = [models.Index(fields=["model", "object_pk"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.model} {self.object_pk}"


class Checkpoint(AppendOnlyModel):
    """A pruned prefix of a log: records up to ``up_to_seq`` left on ``at``; the hash of the
    last of them is where the remaining chain starts."""

    log = models.CharField(_("log"), max_length=10, choices=Log.choices)
    up_to_seq = models.BigIntegerField(_("up to sequence number"))
    last_hash = models.CharField(_("hash of the last pruned record"), max_length=64)
    count = models.PositiveIntegerField(_("records pruned"))
    before = models.DateField(_("records before"))
    at = models.DateTimeField(_("at"), default=timezone.now)
    by = models.CharField(_("by"), max_length=150)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("checkpoint")
        verbose_name_plural = _("checkpoints")
        ordering = ["log", "-up_to_seq"]
        base_manager_name = "objects"
        constraints = [
            models.UniqueConstraint(fields=["log", "up_to_seq"], name="audit_checkpoint_unique")
        ]

    def __str__(self) -> str:
        return f"{self.log} ≤ {self.up_to_seq} ({self.before:%Y-%m-%d})"
