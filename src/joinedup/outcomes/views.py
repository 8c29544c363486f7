"""Pages: the child's plan (add a goal, change a goal, record a review), the leaders' dashboard with a
CSV of each figure, and the administrator's page for each team's funded posts."""

from __future__ import annotations

import time

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from joinedup.core import clock
from joinedup.core.models import Team
from joinedup.core.roles import READS_SERVICE_FIGURES, Role
from joinedup.outcomes import dashboard, services
from joinedup.outcomes.access import get_child_for_plan_writer
from joinedup.outcomes.figures import as_csv
from joinedup.outcomes.forms import GoalChangeForm, GoalForm, PostsForm, ReviewForm
from joinedup.outcomes.models import Goal
from joinedup.outcomes.plan import child_name
from joinedup.records.services import RefusedError
from joinedup.web.forms.base import error_summary
from joinedup.web.permissions import require_role


def _plan_page(request, pk: int, form_class, template: str, save, *, goal: Goal | None = None):
    child, case = get_child_for_plan_writer(request.user, pk)
    initial = {"words": goal.words, "state": goal.state} if goal else None
    form = form_class(request.POST if request.method == "POST" else None, initial=initial)
    refusals = []
    if request.method == "POST" and form.is_valid():
        try:
            message = save(child, form)
        except RefusedError as refusal:
            refusals.append(refusal)
        else:
            messages.success(request, message)
            return redirect(reverse("child_detail", args=[child.pk]) + "#plan")
    context = {"child": child, "name": child_name(request.user, child), "case": case, "form": form, "goal": goal,
               "error_summary": error_summary(form, messages=refusals)}
    return render(request, template, context)


@login_required
def add_goal(request, pk: int):
    def save(child, form):
        services.add_goal(request.user, child, form.cleaned_data["words"])
        return "The goal is added to the plan."

    return _plan_page(request, pk, GoalForm, "outcomes/goal_form.html", save)


@login_required
def change_goal(request, pk: int):
    goal = Goal.objects.filter(pk=pk, replaced_by__isnull=True).select_related("child").first()
    if goal is None:  # no such goal, or an earlier version (only the newest is changed)
        raise Http404("No such goal")

    def save(child, form):
        data = form.cleaned_data
        services.revise_goal(request.user, goal, words=data["words"], state=data["state"], reason=data["reason"])
        return "The goal is changed; the earlier version is kept."

    return _plan_page(request, goal.child_id, GoalChangeForm, "outcomes/goal_form.html", save, goal=goal)


@login_required
def record_review(request, pk: int):
    def save(child, form):
        services.record_review(request.user, child, held_on=form.cleaned_data["held_on"],
                               child_view=form.cleaned_data["child_view"], measures=form.measures())
        return "The review is recorded."

    return _plan_page(request, pk, ReviewForm, "outcomes/review_form.html", save)


@require_role(READS_SERVICE_FIGURES)
@require_GET
def dashboard_page(request):
    started = time.perf_counter()
    board = dashboard.build(clock.now())
    context = {"board": board, "build_ms": round((time.perf_counter() - started) * 1000)}
    return render(request, "outcomes/dashboard.html", context)


@require_role(READS_SERVICE_FIGURES)
@require_GET
def dashboard_csv(request, key: str):
    board = dashboard.build(clock.now())
    figure = next((f for f in board.figures if f.key == key), None)
    if figure is None:
        raise Http404("No such figure")
    services.record_download(request.user, key)
    response = HttpResponse(as_csv(figure), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{key}-{clock.now():%Y-%m-%d}.csv"'
    return response


@require_role({Role.ADMINISTRATOR})
def posts_page(request):
    """Each team's funded posts, and a form to set them (the administrator keeps these)."""
    teams = list(Team.objects.select_related("agency").order_by("agency__name", "name"))
    in_force = {p.team_id: p for p in dashboard.queries.team_posts()}
    chosen = request.POST.get("team", "") if request.method == "POST" else ""
    form = PostsForm(request.POST if request.method == "POST" else None)
    refusals = []
    if request.method == "POST" and form.is_valid():
        team = next((t for t in teams if str(t.pk) == chosen), None)
        if team is None:
            refusals.append("Choose a team.")
        else:
            try:
                services.set_posts(request.user, team, form.cleaned_data["funded_posts"], form.cleaned_data["note"] or "")
            except RefusedError as refusal:
                refusals.append(refusal)
            else:
                messages.success(request, f"{team.name} now has {form.cleaned_data['funded_posts']} funded posts.")
                return redirect("outcomes_posts")
    rows = [{"team": t, "posts": in_force.get(t.pk)} for t in teams]
    return render(request, "outcomes/posts.html", {"rows": rows, "form": form, "chosen": chosen,
                                                   "error_summary": error_summary(form, messages=refusals)})
