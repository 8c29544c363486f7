"""Give the demo town children's plans, a local child population and teams' funded posts, so the child's
page and the service outcomes page show something. Called by sim/demo_casework.py; synthetic throughout:
the goals and views are stock phrases, the measures drift by simple rules. Idempotent."""

from __future__ import annotations

import datetime as dt
import random

from sim import data

GOALS = (
    "I want to stop going to the flats on Mill Street.",
    "I want to go back to school properly and do my GCSEs.",
    "I want my mum to stop worrying about me.",
    "I want someone to talk to when it gets bad.",
    "I want to see my little brother more.",
    "I don't want to be scared walking home.",
    "I want a phone that's mine, not one he gave me.",
    "I want to get into the football team.",
)
VIEWS = (
    "It's alright. Better than before.",
    "School is boring but I'm going more.",
    "I still get messages from them sometimes. I blocked two.",
    "I don't like having to keep telling my story to new people.",
    "I feel safer at home now. Nan's been good.",
    "The counsellor is OK, I didn't think I'd like it.",
    "Bad week. I went out when I shouldn't have.",
    "I want you to stop asking about my friends.",
)
SCALES = (
    (10, "0 is scared all the time, 10 is safe as houses"),
    (5, "five stars is totally safe"),
    (3, "sad face, OK face, happy face"),
)
PLANS = 40
REVIEW_EVERY = dt.timedelta(weeks=6)
CHILDREN_IN_TOWN = 52_000
AGE_BAND_YEARS = {"0-4": 5, "5-9": 5, "10-13": 4, "14-15": 2, "16-17": 2}
GROUP_NAMES = {"WOTH": "White Other", "OOTH": "Any other ethnic group"}


def population_rows():
    """The demo town's children by age band, sex and ethnic group (one group per school census code,
    with the other ways agencies write it), in proportion to the town's heritages."""
    from joinedup.outcomes.population import PopulationRow

    weights: dict[str, float] = {}
    names: dict[str, str] = {}
    aliases: dict[str, set[str]] = {}
    for _key, weight, ethnicities in data.HERITAGES:
        for ethnicity in ethnicities:
            code = data.DFE_CODES[ethnicity]
            weights[code] = weights.get(code, 0.0) + weight / len(ethnicities)
            names.setdefault(code, GROUP_NAMES.get(code, ethnicity))
            aliases.setdefault(code, {code}).update({ethnicity, data.CENSUS_LABELS.get(ethnicity, ethnicity)})
    rows = []
    for band, years in AGE_BAND_YEARS.items():
        for sex in ("female", "male"):
            for code, weight in sorted(weights.items()):
                count = round(CHILDREN_IN_TOWN * years / 18 * 0.5 * weight)
                rows.append(PopulationRow(band, sex, names[code], count, tuple(sorted(aliases[code] - {names[code]}))))
    return rows


def _review_measures(rng: random.Random, step: int, scale: tuple[int, str], referral: tuple | None, held_on: dt.date):
    from joinedup.outcomes.models import MentalHealthSupport
    from joinedup.outcomes.services import Measures

    top, words = scale
    safe = min(top, max(0, round(top * (0.3 + 0.1 * step + rng.uniform(-0.15, 0.15)))))
    measures = Measures(
        missing_episodes=max(0, 4 - step + rng.randint(-1, 1)),
        attendance_percent=min(100, 55 + 6 * step + rng.randint(-8, 8)),
        safe_score=safe, safe_scale_top=top, safe_scale_words=words,
    )
    if referral is not None:
        referred, seen = referral
        if referred <= held_on:
            measures.mental_health_referred_on = referred
            if seen <= held_on:
                measures.mental_health_first_seen_on = seen
                measures.mental_health_support = MentalHealthSupport.RECEIVING
            else:
                measures.mental_health_support = MentalHealthSupport.WAITING
    return measures


def add_plans(worker, rng: random.Random) -> int:
    from joinedup.casework.models import Case
    from joinedup.core import clock
    from joinedup.outcomes import services
    from joinedup.outcomes.models import Goal

    if Goal.objects.exists():
        return 0
    now = clock.now()
    cases = list(Case.objects.filter(closed_at__isnull=True, created_at__lt=now - REVIEW_EVERY,
                                     created_at__gt=now - dt.timedelta(days=420)).order_by("pk"))
    chosen = rng.sample(cases, min(PLANS, len(cases)))
    for case in chosen:
        child = case.child
        start = case.created_at + dt.timedelta(days=rng.randint(3, 12))
        with clock.frozen(start):
            for words in rng.sample(GOALS, rng.randint(1, 3)):
                services.add_goal(worker, child, words)
        scale = rng.choice(SCALES)
        referral = None
        if rng.random() < 0.5:
            referred = start.date() + dt.timedelta(days=rng.randint(0, 20))
            referral = (referred, referred + dt.timedelta(days=rng.randint(20, 200)))
        at, step = start + REVIEW_EVERY, 0
        while at < now:
            with clock.frozen(at):
                services.record_review(worker, child, held_on=at.date(), child_view=rng.choice(VIEWS),
                                       measures=_review_measures(rng, step, scale, referral, at.date()))
            at, step = at + REVIEW_EVERY, step + 1
        if step >= 2:
            goal = Goal.objects.filter(child=child, replaced_by__isnull=True).order_by("pk").first()
            with clock.frozen(min(at - REVIEW_EVERY, now)):
                services.revise_goal(worker, goal, words=goal.words, state="achieved", reason="Agreed at the review: done.")
    return len(chosen)


def add_outcomes(users: dict, rng: random.Random) -> None:
    from joinedup.core.models import Team
    from joinedup.outcomes import services
    from joinedup.outcomes.models import PopulationLoad, TeamPosts

    admin = users["admin"]
    plans = add_plans(users["socialworker"], rng)
    if not PopulationLoad.objects.exists():
        services.load_population(admin, population_rows(), source="Synthetic population of the demo town")
    if not TeamPosts.objects.exists():
        for name, posts in (("Child protection team", 8), ("Front door (MASH)", 5), ("Leadership team", 2)):
            team = Team.objects.filter(agency__name="Northtown Children's Social Care", name=name).first()
            if team is not None:
                services.set_posts(admin, team, posts, "Demo establishment")
    print(f"demo plans for {plans} children; population and funded posts set")
