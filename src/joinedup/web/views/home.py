"""Signing in and out, and the home page, which sends each role to the page it starts from (a social
worker to their work, a team manager to their team)."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from joinedup.accounts.middleware import after_password
from joinedup.core.roles import READS_AUDIT, RECORDS_CONCERNS, SEES_FRONT_DOOR, Role
from joinedup.web.forms.account import SignInForm


class SignInView(auth_views.LoginView):
    template_name = "web/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def get_success_url(self):
        """The second step: a code (or setting one up) when the role needs it or the person has one."""
        return after_password(self.request.user, super().get_success_url())


class SignOutView(auth_views.LogoutView):
    """Sign out is a POST (a link could be followed by a prefetcher and sign people out)."""


@login_required
def home(request):
    role = request.user.role
    if role == Role.TEAM_MANAGER:
        return redirect("team")
    if role == Role.SOCIAL_WORKER:
        return redirect("my_work")
    if role == Role.SERVICE_LEADER:
        return redirect("outcomes_dashboard")
    if role in SEES_FRONT_DOOR:
        return redirect("front_door")
    if role in RECORDS_CONCERNS:
        return redirect("record_concern")
    if role in READS_AUDIT:
        return redirect("audit_search")
    return render(request, "web/nothing_here.html")
