"""The pages. Names are used across the app (settings' LOGIN_URL is "login", LOGIN_REDIRECT_URL "home")."""

from django.templatetags.static import static
from django.urls import path
from django.utils.functional import lazy
from django.views.generic import RedirectView

from joinedup.web.views import (
    alerts,
    audit,
    children,
    concerns,
    frontdoor,
    home,
    language,
    matches,
    record,
    signoffs,
    team,
    work,
)

urlpatterns = [
    path("", home.home, name="home"),
    path("sign-in/", home.SignInView.as_view(), name="login"),
    path("sign-out/", home.SignOutView.as_view(), name="logout"),
    path("front-door/", frontdoor.front_door, name="front_door"),
    path("concerns/new/", record.record_concern, name="record_concern"),
    path("concerns/new/find-child/", record.find_child_partial, name="record_find_child"),
    path("concerns/new/child-details/", record.child_details_partial, name="record_child_details"),
    path("concerns/new/mention-row/", record.mention_row_partial, name="record_mention_row"),
    path("concerns/<int:pk>/", concerns.concern_detail, name="concern_detail"),
    path("concerns/<int:pk>/recorded/", record.concern_recorded, name="concern_recorded"),
    path("concerns/<int:pk>/withdraw/", concerns.concern_withdraw, name="concern_withdraw"),
    path("concerns/<int:pk>/decide/", concerns.concern_decide, name="concern_decide"),
    path("children/", children.find_child, name="find_child"),
    path("children/<int:pk>/", children.child_detail, name="child_detail"),
    path("children/<int:pk>/merges/<int:event_pk>/undo/", children.undo_merge_view, name="undo_merge"),
    path("children/<int:pk>/close-case/", children.close_case_view, name="close_case"),
    path("my-work/", work.my_work, name="my_work"),
    path("actions/<int:pk>/", work.action_detail, name="action_detail"),
    path("actions/<int:pk>/complete/", work.action_complete, name="action_complete"),
    path("actions/<int:pk>/cancel/", work.action_cancel, name="action_cancel"),
    path("actions/<int:pk>/reassign/", work.action_reassign, name="action_reassign"),
    path("notifications/<int:pk>/acknowledge/", work.acknowledge_notification, name="acknowledge_notification"),
    path("sign-offs/", signoffs.sign_off_list, name="sign_off_list"),
    path("sign-offs/<int:pk>/", signoffs.sign_off_detail, name="sign_off_detail"),
    path("team/", team.team, name="team"),
    path("team/cases/<int:pk>/allocate/", team.allocate, name="allocate_case"),
    path("matches/", matches.match_list, name="match_list"),
    path("matches/<int:pk>/", matches.match_detail, name="match_detail"),
    path("alerts/", alerts.alert_list, name="alert_list"),
    path("alerts/sign-offs/", alerts.alert_sign_off_list, name="alert_sign_off_list"),
    path("alerts/<int:pk>/", alerts.alert_detail, name="alert_detail"),
    path("alerts/<int:pk>/links/<int:link_pk>/judge/", alerts.alert_judge_link, name="alert_judge_link"),
    path("alerts/<int:pk>/sign-off/", alerts.alert_sign_off, name="alert_sign_off"),
    path("audit/", audit.audit_search, name="audit_search"),
    path("language/", language.language_figures, name="language_figures"),
    path("language/figures.csv", language.language_figures_csv, name="language_figures_csv"),
    path("language/check/", language.language_check_partial, name="language_check_partial"),
    path("favicon.ico", RedirectView.as_view(url=lazy(static, str)("vendor/govuk-frontend/assets/rebrand/images/favicon.ico"))),
]
