# SPDX-License-Identifier: EUPL-1.2
from django.db import models
from django.utils.translation import gettext_lazy as _


class DemoDataset(models.Model):
    """Marks a region as built by ``seed_demo``, with the settings it was built with.

    ``seed_demo`` leaves a region alone when it was already built with the same scale, seed,
    year and generator version, so running it twice changes nothing.
    """

    region = models.OneToOneField(
        "regions.Region",
        on_delete=models.CASCADE,
        related_name="demo_dataset",
        verbose_name=_("region"),
    )
    scale = models.CharField(_("scale"), max_length=10)
    seed = models.BigIntegerField(_("seed"))
    year = models.PositiveSmallIntegerField(_("year"))
    version = models.PositiveSmallIntegerField(_("generator version"))
    seeded_at = models.DateTimeField(_("seeded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("demo dataset")
        verbose_name_plural = _("demo datasets")

    def __str__(self) -> str:
        return f"{self.region_id}: {self.scale} seed {self.seed} year {self.year}"
