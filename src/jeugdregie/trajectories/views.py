# SPDX-License-Identifier: EUPL-1.2
"""Screens of perceel-2 trajectories: the provider's trajectories and extension requests,
the CJG review worklist and the referrer's worklist (standard route)."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from jeugdregie.accounts.models import User
from jeugdregie.accounts.permissions import Capability
from jeugdregie.accounts.selectors import own_provider_id, user_can
from jeugdregie.contracting.constants import Frequency
from jeugdregie.contracting.models import Provider
from jeugdregie.regions.selectors import region_of
from jeugdregie.trajectories import policy, selectors, services
from jeugdregie.trajectories.constants import (
    Complexity,
    ExtensionRoute,
    ExtensionSource,
    ExtensionStatus,
)
from jeugdregie.trajectories.forms import (
    AdditionalPractitionerForm,
    ComplexityForm,
    ExtensionRequestForm,
    PolicyEndForm,
    ReferrerDecisionForm,
    ReviewDecisionForm,
    SelfAssessmentForm,
    TrajectoryCreateForm,
    TrajectoryFilterForm,
)
from jeugdregie.trajectories.models import Extension, Trajectory
from jeugdregie.web.exports import csv_response, xlsx_response
from jeugdregie.web.views import (
    acting_user,
    apply_service_errors,
    paginate,
    query_without_page,
    requires,
    service_form_page,
)
from jeugdregie.workflows import extensions, practitioners


def _provider_of(user: User) -> Provider:
    return Provider.objects.get(pk=own_provider_id(user))


def _form_page(
    request: HttpRequest,
    form: forms.Form,
    *,
    run: Callable[[dict[str, Any]], str],
    title: str,
    submit: str,
    saved: str,
    context: dict[str, Any],
) -> HttpResponse:
    """A service form with the trajectory or extension it is about shown above it."""
    if request.method == "POST" and form.is_valid():
        try:
            target = run(form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, saved)
            return redirect(target)
    page = {"form": form, "title": title, "submit": submit, **context}
    return render(request, "trajectories/form_page.html", page, status=400 if form.errors else 200)


@requires(Capability.VIEW_TRAJECTORIES)
@require_safe
def trajectory_list(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    form = TrajectoryFilterForm(request.GET)
    form.is_valid()
    data = getattr(form, "cleaned_data", {})
    filters = selectors.TrajectoryFilters(
        complexity=data.get("complexity") or "",
        pending=bool(data.get("pending")),
        sort=request.GET.get("sorteer", "-start"),
    )
    page = paginate(request, selectors.trajectory_list(user=user, filters=filters))
    page.object_list = selectors.trajectories_page_logged(
        user=user, trajectories=page.object_list, route=request.path
    )
    return render(
        request,
        "trajectories/trajectory_list.html",
        {
            "form": form,
            "page": page,
            "query": query_without_page(request),
            "can_register": user_can(user, Capability.REQUEST_EXTENSIONS),
            "can_manage_method": user_can(user, Capability.MANAGE_WORKING_METHOD),
        },
    )


def _trajectory(request: HttpRequest, pk: int) -> Trajectory:
    trajectory = selectors.trajectory_detail_logged(
        user=acting_user(request), pk=pk, route=request.path
    )
    if trajectory is None:
        raise Http404
    return trajectory


@requires(Capability.VIEW_TRAJECTORIES)
@require_safe
def trajectory_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = acting_user(request)
    trajectory = _trajectory(request, pk)
    region = trajectory.allocation.municipality.region
    is_coordinator = user_can(
        user, Capability.REQUEST_EXTENSIONS
    ) and trajectory.allocation.provider_id == own_provider_id(user)
    return render(
        request,
        "trajectories/trajectory_detail.html",
        {
            "trajectory": trajectory,
            "extensions": list(trajectory.extensions.all()),
            "additional": list(trajectory.additional_practitioners.all()),
            "method": policy.method_in_force(region=region, on=timezone.localdate()),
            "is_coordinator": is_coordinator,
            "can_judge": user_can(user, Capability.JUDGE_COMPLEXITY)
            and services.may_judge_complexity(user=user, trajectory=trajectory),
            "pending": ExtensionStatus.PENDING,
            "self_assessment_route": ExtensionRoute.SELF_ASSESSMENT,
        },
    )


@requires(Capability.REQUEST_EXTENSIONS)
@require_http_methods(["GET", "HEAD", "POST"])
def extension_request(request: HttpRequest, pk: int) -> HttpResponse:
    user = acting_user(request)
    trajectory = _trajectory(request, pk)
    form = ExtensionRequestForm(request.POST or None)

    def run(data: dict[str, Any]) -> str:
        extension = extensions.extension_request(
            actor=user,
            provider=_provider_of(user),
            allocation=trajectory.allocation,
            requested_end=data["requested_end"],
            self_assessment=data.get("self_assessment") or "",
            source=ExtensionSource.SCREEN,
        )
        if extension.status == ExtensionStatus.PENDING:
            messages.warning(
                request,
                _("Extension %(number)s is pending: %(reason)s.")
                % {"number": extension.number, "reason": extension.reason},
            )
        return reverse("trajectories:trajectory-detail", kwargs={"pk": trajectory.pk})

    return _form_page(
        request,
        form,
        run=run,
        title=_("Request an extension"),
        submit=_("Request the extension"),
        saved=_("The extension request has been recorded."),
        context={"trajectory": trajectory},
    )


@requires(Capability.REQUEST_EXTENSIONS)
@require_http_methods(["GET", "HEAD", "POST"])
def self_assessment_attach(request: HttpRequest, pk: int) -> HttpResponse:
    user = acting_user(request)
    extension = (
        Extension.objects.filter(pk=pk, trajectory__in=selectors.trajectories_visible_to(user=user))
        .select_related("trajectory")
        .first()
    )
    if extension is None:
        raise Http404
    trajectory = _trajectory(request, extension.trajectory_id)
    form = SelfAssessmentForm(request.POST or None)

    def run(data: dict[str, Any]) -> str:
        done = extensions.extension_self_assessment_attach(
            actor=user,
            provider=_provider_of(user),
            extension=extension,
            self_assessment=data["self_assessment"],
        )
        if done.status == ExtensionStatus.PENDING:
            messages.warning(
                request,
                _("Extension %(number)s is pending: %(reason)s.")
                % {"number": done.number, "reason": done.reason},
            )
        else:
            messages.info(
                request, _("Extension %(number)s has been granted.") % {"number": done.number}
            )
        return reverse("trajectories:trajectory-detail", kwargs={"pk": trajectory.pk})

    return _form_page(
        request,
        form,
        run=run,
        title=_("Attach the self-assessment to extension %(number)s")
        % {"number": extension.number},
        submit=_("Attach the self-assessment"),
        saved=_("The self-assessment has been attached."),
        context={"trajectory": trajectory, "extension": extension},
    )


def _worklist(request: HttpRequest, route: str, texts: dict[str, str]) -> HttpResponse:
    """One worklist of pending extensions (the CJG review or the referrer's approval)."""
    user = acting_user(request)
    page = paginate(request, selectors.extension_worklist(user=user, route=route))
    page.object_list = selectors.extensions_page_logged(
        user=user, extensions=page.object_list, route=request.path
    )
    context = {"page": page, "query": query_without_page(request), **texts}
    return render(request, "trajectories/extension_worklist.html", context)


@requires(Capability.REVIEW_EXTENSIONS)
@require_safe
def review_list(request: HttpRequest) -> HttpResponse:
    return _worklist(
        request,
        ExtensionRoute.CJG_REVIEW,
        {
            "title": _("CJG review of extensions"),
            "intro": _(
                "Third and later extensions under the working method wait for an intensive "
                "review by the CJG."
            ),
            "decide_url": "trajectories:review-decide",
            "decide_label": _("Review"),
        },
    )


@requires(Capability.APPROVE_EXTENSIONS)
@require_safe
def referrer_list(request: HttpRequest) -> HttpResponse:
    return _worklist(
        request,
        ExtensionRoute.STANDARD_REFERRER,
        {
            "title": _("Extensions to approve"),
            "intro": _(
                "Without a working method in force every extension needs the approval of the "
                "referrer."
            ),
            "decide_url": "trajectories:referrer-decide",
            "decide_label": _("Decide"),
        },
    )


def _worklist_item(request: HttpRequest, pk: int, route: str) -> Extension:
    user = acting_user(request)
    extension = selectors.extension_worklist(user=user, route=route).filter(pk=pk).first()
    if extension is None:
        raise Http404
    selectors.extensions_page_logged(user=user, extensions=[extension], route=request.path)
    return extension


@requires(Capability.REVIEW_EXTENSIONS)
@require_http_methods(["GET", "HEAD", "POST"])
def review_decide(request: HttpRequest, pk: int) -> HttpResponse:
    user = acting_user(request)
    extension = _worklist_item(request, pk, ExtensionRoute.CJG_REVIEW)
    region = extension.trajectory.allocation.municipality.region
    review = policy.review_form(region=region, on=extension.requested_on)
    form = ReviewDecisionForm(request.POST or None, questions=review.questions if review else ())

    def run(data: dict[str, Any]) -> str:
        extensions.extension_review_decide(
            actor=user,
            extension=extension,
            grant=data["decision"] == "grant",
            answers=form.answers(),
            motivation=data["motivation"],
        )
        return reverse("trajectories:review-list")

    return _form_page(
        request,
        form,
        run=run,
        title=_("Intensive review of extension %(number)s") % {"number": extension.number},
        submit=_("Save the decision"),
        saved=_("The decision has been saved."),
        context={"trajectory": extension.trajectory, "extension": extension, "review": review},
    )


@requires(Capability.APPROVE_EXTENSIONS)
@require_http_methods(["GET", "HEAD", "POST"])
def referrer_decide(request: HttpRequest, pk: int) -> HttpResponse:
    user = acting_user(request)
    extension = _worklist_item(request, pk, ExtensionRoute.STANDARD_REFERRER)
    form = ReferrerDecisionForm(request.POST or None)

    def run(data: dict[str, Any]) -> str:
        extensions.extension_referrer_decide(
            actor=user,
            extension=extension,
            grant=data["decision"] == "grant",
            motivation=data["motivation"],
        )
        return reverse("trajectories:referrer-list")

    return _form_page(
        request,
        form,
        run=run,
        title=_("Approve extension %(number)s") % {"number": extension.number},
        submit=_("Save the decision"),
        saved=_("The decision has been saved."),
        context={"trajectory": extension.trajectory, "extension": extension},
    )


@requires(Capability.REQUEST_EXTENSIONS)
@require_http_methods(["GET", "HEAD", "POST"])
def trajectory_create(request: HttpRequest) -> HttpResponse:
    """The coordinating practitioner registers a trajectory on one of its allocations."""
    user = acting_user(request)
    form = TrajectoryCreateForm(
        request.POST or None, allocations=selectors.allocations_eligible_for_trajectory(user=user)
    )

    def run(data: dict[str, Any]) -> str:
        trajectory = services.trajectory_create(
            actor=user, allocation=data["allocation"], practitioner_name=data["practitioner_name"]
        )
        return reverse("trajectories:trajectory-detail", kwargs={"pk": trajectory.pk})

    return service_form_page(
        request,
        form,
        run=run,
        title=_("Register a trajectory"),
        submit=_("Register the trajectory"),
        saved=_("The trajectory has been registered."),
    )


@requires(Capability.REQUEST_EXTENSIONS)
@require_http_methods(["GET", "HEAD", "POST"])
def additional_practitioner_add(request: HttpRequest, pk: int) -> HttpResponse:
    user = acting_user(request)
    trajectory = _trajectory(request, pk)
    form = AdditionalPractitionerForm(
        request.POST or None,
        providers=selectors.additional_providers_for(trajectory=trajectory),
    )

    def run(data: dict[str, Any]) -> str:
        practitioners.additional_practitioner_add(
            actor=user,
            provider=_provider_of(user),
            trajectory=trajectory,
            other_provider=data["other_provider"],
            practitioner_name=data["practitioner_name"],
            start=data["start"],
            end=data["end"],
            volume=data["volume"],
            frequency=Frequency.PER_WEEK,
        )
        return reverse("trajectories:trajectory-detail", kwargs={"pk": trajectory.pk})

    return _form_page(
        request,
        form,
        run=run,
        title=_("Add an additional practitioner"),
        submit=_("Add the practitioner"),
        saved=_("The additional practitioner has been added with its own allocation."),
        context={"trajectory": trajectory},
    )


@requires(Capability.JUDGE_COMPLEXITY)
@require_http_methods(["GET", "HEAD", "POST"])
def complexity_judge(request: HttpRequest, pk: int) -> HttpResponse:
    user = acting_user(request)
    # An additional practitioner sees the trajectory but does not judge it: 403 before
    # anything is read or written.
    visible = selectors.trajectories_visible_to(user=user).filter(pk=pk).first()
    if visible is None:
        raise Http404
    if not services.may_judge_complexity(user=user, trajectory=visible):
        raise PermissionDenied
    trajectory = _trajectory(request, pk)
    form = ComplexityForm(request.POST or None)

    def run(data: dict[str, Any]) -> str:
        services.complexity_judge(
            actor=user,
            trajectory=trajectory,
            responsible=data["responsible"],
            motivation=data["motivation"],
            cjg_worker_name=data.get("cjg_worker_name") or "",
            cjg_worker_contact=data.get("cjg_worker_contact") or "",
        )
        return reverse("trajectories:trajectory-detail", kwargs={"pk": trajectory.pk})

    return _form_page(
        request,
        form,
        run=run,
        title=_("Single-discipline care that became multi-disciplinary"),
        submit=_("Record the judgement"),
        saved=_("The judgement has been recorded."),
        context={"trajectory": trajectory},
    )


@requires(Capability.MANAGE_WORKING_METHOD)
@require_http_methods(["GET", "HEAD", "POST"])
def working_method(request: HttpRequest) -> HttpResponse:
    """The region's versions of the working method; continue one or end it early."""
    user = acting_user(request)
    region = region_of(user=user)
    if region is None:
        raise Http404
    versions = policy.method_versions(region=region)
    form = PolicyEndForm(
        request.POST or None, versions=[(v.code, f"{v.name} ({v.code})") for v in versions]
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.policy_version_end_set(actor=user, region=region, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The end of the working method has been recorded."))
            return redirect("trajectories:working-method")
    return render(
        request,
        "trajectories/working_method.html",
        {
            "form": form,
            "versions": versions,
            "ends": selectors.policy_version_ends(user=user),
            "today": timezone.localdate(),
        },
        status=400 if form.errors else 200,
    )


def trajectory_export_header() -> list[str]:
    return [
        _("Allocation number"),
        _("Municipality CBS code"),
        _("Provider AGB code"),
        _("Provider"),
        _("Coordinating practitioner"),
        _("Product code"),
        _("Start date"),
        _("Original end date"),
        _("Current end date"),
        _("End of the maximum treatment duration"),
        _("Extensions granted"),
        _("Extension pending"),
        _("Complexity"),
        _("CJG worker"),
        _("Additional practitioners"),
        _("Birth year of the youth"),
    ]


def _trajectory_export_rows(request: HttpRequest) -> list[list[object]]:
    """The filtered trajectories as export rows: no names or BSNs of youth, but every
    youth's access is logged."""
    user = acting_user(request)
    form = TrajectoryFilterForm(request.GET)
    form.is_valid()
    data = getattr(form, "cleaned_data", {})
    filters = selectors.TrajectoryFilters(
        complexity=data.get("complexity") or "",
        pending=bool(data.get("pending")),
        sort=request.GET.get("sorteer", "-start"),
    )
    rows = selectors.trajectories_export_logged(user=user, filters=filters, route=request.path)
    complexities = {code: str(label) for code, label in Complexity.choices}
    return [
        [
            row.trajectory.allocation.number,
            row.trajectory.allocation.municipality.cbs_code,
            row.trajectory.allocation.provider.agb_code,
            row.trajectory.allocation.provider.name,
            row.trajectory.practitioner_name,
            row.trajectory.allocation.product.code,
            row.trajectory.start,
            row.trajectory.original_end,
            row.trajectory.current_end,
            row.trajectory.maximum_end,
            row.granted,
            bool(row.pending),
            complexities.get(row.trajectory.complexity, row.trajectory.complexity),
            row.trajectory.cjg_worker_name,
            row.additional,
            row.trajectory.allocation.youth.birth_date.year,
        ]
        for row in rows
    ]


@requires(Capability.VIEW_TRAJECTORIES)
@require_safe
def trajectory_export(request: HttpRequest) -> HttpResponseBase:
    """CSV of the filtered trajectories for analysis (streamed)."""
    return csv_response(
        request=request,
        filename="trajecten.csv",
        header=trajectory_export_header(),
        rows=_trajectory_export_rows(request),
        stream=True,
    )


@requires(Capability.VIEW_TRAJECTORIES)
@require_safe
def trajectory_export_xlsx(request: HttpRequest) -> HttpResponseBase:
    """The same rows as the CSV export, as a spreadsheet."""
    return xlsx_response(
        request=request,
        filename="trajecten.xlsx",
        title=_("Trajectories"),
        header=trajectory_export_header(),
        rows=_trajectory_export_rows(request),
    )
