"""The leaders' dashboard: service figures computed from the operational records, each a table, a chart
and a CSV. `build(now)` reads everything in a fixed number of queries (outcomes/queries.py) and does the
arithmetic in Python (outcomes/stats.py, outcomes/equity.py)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from zoneinfo import ZoneInfo

from django.conf import settings

from joinedup.casework.models import ActionKind, ActionStatus
from joinedup.outcomes import charts, equity, queries, stats
from joinedup.outcomes.figures import Figure

HELP_DEFINITION = (
    "A child's wait starts with the first concern about them received after they were last helped (or the "
    "first concern ever), and ends when help starts: the moment a decision to give early help, to assess "
    "under section 17, to hold a strategy discussion, to protect the child immediately, or to link the concern "
    "to the child's open case took effect (after a manager's sign-off where one was needed). Counted in the "
    "month the help started."
)


def safe_caseload() -> int:
    return settings.JOINEDUP_SAFE_CASELOAD


@dataclasses.dataclass
class Dashboard:
    now: dt.datetime
    months: list[dt.date]
    start: dt.datetime
    figures: list[Figure]

    def figure(self, key: str) -> Figure:
        return next(f for f in self.figures if f.key == key)


def _label(month: dt.date) -> str:
    return f"{month:%b %Y}"


def _days_text(value: float | None) -> str:
    return "none" if value is None else f"{value:.1f} days"


def time_to_help(arrivals, helps, months, start, now, zone) -> Figure:
    children_of: dict[int, list[int]] = defaultdict(list)
    for a in arrivals:
        children_of[a.concern_id].append(a.child_id)
    concern_times = [(a.child_id, a.received_at) for a in arrivals if not a.withdrawn]
    help_times = [(child, at) for concern, at in helps for child in children_of.get(concern, [])]
    waits = [w for w in stats.waits_to_help(concern_times, help_times) if start <= w[2] <= now]
    by_month: dict[dt.date, list[float]] = defaultdict(list)
    for _child, first, helped in waits:
        by_month[stats.month_of(helped, zone)].append(stats.days(helped - first))
    rows, items = [], []
    for month in months:
        values = by_month.get(month, [])
        med = stats.median(values)
        rows.append([_label(month), len(values), stats.one_decimal(med), stats.one_decimal(stats.slowest_tenth(values))])
        items.append((_label(month), med, _days_text(med)))
    every = [v for values in by_month.values() for v in values]
    med, slow = stats.median(every), stats.slowest_tenth(every)
    rows.append(["All 12 months", len(every), stats.one_decimal(med), stats.one_decimal(slow)])
    headline = (
        f"{len(every)} waits ended in help in the last 12 months. Half were helped within {_days_text(med)} "
        f"of the first concern (the median); the slowest tenth waited {_days_text(slow)} or longer."
        if every else "No child was helped in the last 12 months."
    )
    return Figure(
        key="time-to-help", title="Time from first concern to help", headline=headline, how=HELP_DEFINITION,
        headers=["month", "children_helped", "median_days", "slowest_tenth_days"], rows=rows,
        chart=charts.bars("chart-time-to-help", "Median days from first concern to help, by month help started", items),
    )


def on_time(decisions, actions, months, zone, now) -> Figure:
    due_d: dict[dt.date, list[bool]] = defaultdict(list)
    for due, first, withdrawn in decisions:
        if first is None and withdrawn is not None and withdrawn <= due:
            continue  # withdrawn before a decision was due: nothing was late
        due_d[stats.month_of(due, zone)].append(first is not None and first <= due)
    due_a: dict[dt.date, list[bool]] = defaultdict(list)
    for _kind, due, closed, status in actions:
        due_a[stats.month_of(due, zone)].append(status == ActionStatus.DONE and closed is not None and closed <= due)
    rows, d_items, a_items = [], [], []
    for month in months:
        d, a = due_d.get(month, []), due_a.get(month, [])
        d_share, a_share = stats.share(sum(d), len(d)), stats.share(sum(a), len(a))
        rows.append([_label(month), len(d), sum(d), stats.percent(d_share), len(a), sum(a), stats.percent(a_share)])
        d_items.append((_label(month), None if d_share is None else d_share * 100, f"{stats.percent(d_share)}%" if d else "none due"))
        a_items.append((_label(month), None if a_share is None else a_share * 100, f"{stats.percent(a_share)}%" if a else "none due"))
    all_d = [v for vs in due_d.values() for v in vs]
    all_a = [v for vs in due_a.values() for v in vs]
    rows.append(["All 12 months", len(all_d), sum(all_d), stats.percent(stats.share(sum(all_d), len(all_d))),
                 len(all_a), sum(all_a), stats.percent(stats.share(sum(all_a), len(all_a)))])
    headline = (
        f"{sum(all_d)} of {len(all_d)} referral decisions were made on time "
        f"({stats.percent(stats.share(sum(all_d), len(all_d))) or 'none'}%), and {sum(all_a)} of {len(all_a)} actions "
        f"were done on time ({stats.percent(stats.share(sum(all_a), len(all_a))) or 'none'}%)."
    )
    how = (
        "A referral decision is on time when the first decision on the concern was recorded by the time it was due "
        "(one working day from receipt); a concern still undecided after that is late, and one withdrawn before its "
        "decision was due is left out. An action is on time when it was marked done by its due time; an action "
        "still open after it was due, or done late, is late; cancelled actions are left out. Counted in the month "
        "the work was due, up to now."
    )
    return Figure(
        key="on-time", title="Decisions and actions on time", headline=headline, how=how,
        headers=["month", "decisions_due", "decisions_on_time", "decisions_on_time_percent", "actions_due",
                 "actions_on_time", "actions_on_time_percent"],
        rows=rows,
        charts=[
            charts.bars("chart-decisions-on-time", "Referral decisions on time, percent, by month due", d_items, top=100),
            charts.bars("chart-actions-on-time", "Actions done on time, percent, by month due", a_items, top=100),
        ],
    )


def caseloads(cases, holders, limit: int) -> Figure:
    per_worker: dict[int | None, int] = defaultdict(int)
    for worker, _child in cases:
        per_worker[worker] += 1
    rows, items = [], []
    over = 0
    for user in holders:
        n = per_worker.get(user.pk, 0)
        over += n > limit
        rows.append([user.display_name, user.team.name if user.team else "", n, limit, "yes" if n > limit else "no"])
        items.append((user.display_name, n, f"{n} case{'s' if n != 1 else ''}"))
    unallocated = per_worker.get(None, 0)
    rows.append(["Not allocated", "", unallocated, "", ""])
    headline = (
        f"{over} of {len(holders)} case-holding workers have more open cases than the safe limit of {limit}; "
        f"{unallocated} open case{'s have' if unallocated != 1 else ' has'} no allocated worker."
    )
    how = (
        "Open cases (not closed) allocated to each active social worker and team manager, against the safe caseload "
        "limit the service set (the JOINEDUP_SAFE_CASELOAD setting). A worker over the limit holds more cases than it."
    )
    return Figure(
        key="caseloads", title="Caseloads against the safe limit", headline=headline, how=how,
        headers=["worker", "team", "open_cases", "safe_limit", "over_limit"], rows=rows,
        chart=charts.bars("chart-caseloads", "Open cases held by each worker", items, reference=limit,
                          reference_label=f"the safe limit of {limit} cases"),
    )


def vacancies(posts, staff: dict[int, int]) -> Figure:
    rows, items, total = [], [], 0
    for p in posts:
        filled = staff.get(p.team_id, 0)
        vacant = max(p.funded_posts - filled, 0)
        total += vacant
        rows.append([p.team.name, p.team.agency.name, p.funded_posts, filled, vacant, f"{p.created_at:%Y-%m-%d}"])
        items.append((p.team.name, vacant, f"{vacant} vacant of {p.funded_posts}"))
    headline = (
        f"{total} vacant post{'s' if total != 1 else ''} across {len(posts)} team{'s' if len(posts) != 1 else ''}."
        if posts else "No team's posts have been set yet: an administrator sets them (joinedup set-posts)."
    )
    how = (
        "Funded posts are what an administrator set for each team; filled posts are the active people (not agency "
        "systems) whose account is in that team. Vacancies are funded posts minus filled ones (never below none)."
    )
    return Figure(
        key="vacancies", title="Vacancies per team", headline=headline, how=how,
        headers=["team", "agency", "funded_posts", "filled_posts", "vacancies", "posts_set_on"], rows=rows,
        chart=charts.bars("chart-vacancies", "Vacant posts in each team", items) if items else None,
    )


def _concerns_by_month(arrivals, months, zone, start, now, test) -> dict[dt.date, set[int]]:
    out: dict[dt.date, set[int]] = defaultdict(set)
    for a in arrivals:
        if not a.withdrawn and start <= a.received_at <= now and test(a):
            out[stats.month_of(a.received_at, zone)].add(a.concern_id)
    return out


def exploitation_share(arrivals, cases, months, zone, start, now) -> Figure:
    every = _concerns_by_month(arrivals, months, zone, start, now, lambda a: True)
    exploited = _concerns_by_month(arrivals, months, zone, start, now, lambda a: a.exploitation)
    rows, items = [], []
    for month in months:
        n, e = len(every.get(month, ())), len(exploited.get(month, ()))
        s = stats.share(e, n)
        rows.append([_label(month), n, e, stats.percent(s)])
        items.append((_label(month), None if s is None else s * 100, f"{stats.percent(s)}%" if n else "no concerns"))
    total = len(set().union(*every.values())) if every else 0
    total_e = len(set().union(*exploited.values())) if exploited else 0
    exploited_children = {a.child_id for a in arrivals if a.exploitation and not a.withdrawn}
    open_children = {child for _w, child in cases}
    open_e = len(open_children & exploited_children)
    rows.append(["All 12 months", total, total_e, stats.percent(stats.share(total_e, total))])
    headline = (
        f"{total_e} of {total} concerns in the last 12 months were about sexual or criminal exploitation "
        f"({stats.percent(stats.share(total_e, total)) or 'none'}%); {open_e} of {len(open_children)} open cases are "
        f"children who have been the subject of an exploitation concern."
    )
    how = (
        "Concerns received (not withdrawn) whose current version is categorised as child sexual exploitation or child "
        "criminal exploitation, against all concerns received, by month received. Open cases: children with an open "
        "case who have ever been the subject of such a concern."
    )
    return Figure(
        key="exploitation", title="Share of work that is exploitation", headline=headline, how=how,
        headers=["month", "concerns", "exploitation_concerns", "exploitation_percent"], rows=rows,
        chart=charts.bars("chart-exploitation", "Concerns about exploitation, percent of all concerns, by month", items, top=100),
    )


def missing_episodes(arrivals, actions, months, zone, start, now) -> Figure:
    reports: dict[dt.date, set[int]] = defaultdict(set)
    children: dict[dt.date, set[int]] = defaultdict(set)
    for a in arrivals:
        if not a.withdrawn and "missing" in a.codes and start <= a.received_at <= now:
            month = stats.month_of(a.received_at, zone)
            reports[month].add(a.concern_id)
            children[month].add(a.child_id)
    interviews: dict[dt.date, list[bool]] = defaultdict(list)
    for kind, due, closed, status in actions:
        if kind == ActionKind.RETURN_HOME_INTERVIEW:
            interviews[stats.month_of(due, zone)].append(status == ActionStatus.DONE and closed is not None and closed <= due)
    rows, items = [], []
    for month in months:
        n = len(reports.get(month, ()))
        done = interviews.get(month, [])
        rows.append([_label(month), n, len(children.get(month, ())), len(done), sum(done)])
        items.append((_label(month), n, f"{n} report{'s' if n != 1 else ''}"))
    total = sum(len(v) for v in reports.values())
    kids = len(set().union(*children.values())) if children else 0
    all_done = [v for vs in interviews.values() for v in vs]
    rows.append(["All 12 months", total, kids, len(all_done), sum(all_done)])
    headline = (
        f"{total} concerns reported a child missing in the last 12 months, about {kids} children; "
        f"{sum(all_done)} of {len(all_done)} return-home interviews due were held within 72 hours."
    )
    how = (
        "Concerns received (not withdrawn) categorised as missing, by month received, and the distinct children they "
        "were about; return-home interviews (due 72 hours after the child's return) by the month they were due, and "
        "how many were done by then."
    )
    return Figure(
        key="missing", title="Missing episodes", headline=headline, how=how,
        headers=["month", "missing_reports", "children", "return_interviews_due", "return_interviews_on_time"], rows=rows,
        chart=charts.bars("chart-missing", "Concerns reporting a child missing, by month", items),
    )


def mental_health(referrals, months, zone, now) -> Figure:
    seen: dict[tuple[int, dt.date], dt.date | None] = {}
    for child, referred, first_seen in referrals:
        key = (child, referred)
        if first_seen is not None and (seen.get(key) is None or first_seen < seen[key]):
            seen[key] = first_seen
        else:
            seen.setdefault(key, None)
    today = now.astimezone(zone).date()
    by_month: dict[dt.date, list[int]] = defaultdict(list)
    waiting = []
    for (_child, referred), first_seen in seen.items():
        if first_seen is None:
            waiting.append((today - referred).days)
        elif stats.month_of(first_seen, zone) in months:
            by_month[stats.month_of(first_seen, zone)].append((first_seen - referred).days)
    rows, items = [], []
    for month in months:
        waits = by_month.get(month, [])
        med = stats.median(waits)
        rows.append([_label(month), len(waits), stats.one_decimal(med), max(waits) if waits else ""])
        items.append((_label(month), med, _days_text(med) if waits else "nobody seen"))
    every = [w for ws in by_month.values() for w in ws]
    rows.append(["All 12 months", len(every), stats.one_decimal(stats.median(every)), max(every) if every else ""])
    rows.append(["Still waiting now", len(waiting), stats.one_decimal(stats.median(waiting)), max(waiting) if waiting else ""])
    headline = (
        f"{len(every)} children were first seen for mental-health support in the last 12 months after a median wait "
        f"of {_days_text(stats.median(every))}; {len(waiting)} are still waiting"
        + (f", the longest for {max(waiting)} days." if waiting else ".")
    )
    how = (
        "From the children's plans: the date a child was referred for mental-health support and the date they were "
        "first seen, as recorded at their reviews. The wait is the days between the two, counted in the month the child "
        "was first seen; a child referred and not yet seen is still waiting (days from referral to today)."
    )
    return Figure(
        key="mental-health", title="Mental-health waiting times", headline=headline, how=how,
        headers=["month_first_seen", "children_seen", "median_wait_days", "longest_wait_days"], rows=rows,
        chart=charts.bars("chart-mental-health", "Median days waited for mental-health support, by month first seen", items),
    )


def build(now: dt.datetime) -> Dashboard:
    zone = ZoneInfo(settings.JOINEDUP_LOCAL_TIME_ZONE)
    months = stats.last_months(now, zone)
    start = stats.window_start(months, zone)
    arrivals = queries.arrivals()
    actions = queries.actions_due(start, now)
    cases = queries.open_cases()
    load, groups = queries.population()
    figures = [
        time_to_help(arrivals, queries.help_decisions(now), months, start, now, zone),
        on_time(queries.decisions_due(start, now), actions, months, zone, now),
        caseloads(cases, queries.case_holders(), safe_caseload()),
        vacancies(queries.team_posts(), queries.staff_by_team()),
        exploitation_share(arrivals, cases, months, zone, start, now),
        missing_episodes(arrivals, actions, months, zone, start, now),
        mental_health(queries.mental_health_referrals(), months, zone, now),
        equity.figure(arrivals, load, groups, start, now),
    ]
    return Dashboard(now=now, months=months, start=start, figures=figures)
