"""Signing in and out, and the home page, which sends each role to the page it starts from (a social
worker to their work, a team manager to their team)."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from joinedup.core.roles import READS_AUDIT, RECORDS_CONCERNS, SEES_FRONT_DOOR, Role
from joinedup.web.forms.account import SignInForm


class SignInView(auth_views.LoginView):
    template_name = "web/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True


class SignOutView(auth_views.LogoutView):
    """Sign out is a POST (a link could be followed by a prefetcher and sign people out)."""


@login_required
def home(request):
    role = request.user.role
    if role == Role.TEAM_MANAGER:
        return redirect("team")
    if role == Role.SOCIAL_WORKER:
        return redirect("my_work")
    if role in SEES_FRONT_DOOR:
        return redirect("front_door")
    if role in RECORDS_CONCERNS:
        return redirect("record_concern")
    if role in READS_AUDIT:
        return redirect("audit_search")
    return render(request, "web/nothing_here.html")
