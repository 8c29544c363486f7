"""Everyday safeguarding concerns: the bulk of any town's history, and the benign confounders (parents,
professionals, schools, parks, the shopping centre, council school transport) that surround many
children without any network behind them."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from sim.content import Ctx

BLAME_MISSING = (
    "{S} is putting {self} at risk by staying out late.", "{S} keeps going missing and will not engage.",
    "Mum describes {o} as out of control.", "{S} seems to be making lifestyle choices that worry staff.",
    "{S} has been associating with older youths in town.",
)


def domestic_abuse(ctx: Ctx) -> None:
    ctx.cats("domestic_abuse")
    ctx.inds("domestic_abuse_home")
    kind = ctx.agency.type
    if kind == "police":
        ctx.say(("Police attended {day} at {t} following a 999 call reporting shouting and banging at the address.",
                 "Officers attended a domestic incident at the family home at {t}.",
                 "Call from mother at {t} reporting that her partner had assaulted her; officers attended."))
    elif kind == "education":
        ctx.say(("Operation Encompass notification: police attended a domestic incident at home last night.",
                 "Notification received this morning of a domestic incident at home overnight.",
                 "{N} told staff there was 'a big fight' at home last night and police came."))
    elif kind == "public":
        ctx.say(("I live next door and hear shouting and things being thrown most weekends.",
                 "Worried about the children next door, there is a lot of shouting and the mum had a black eye."))
    else:
        ctx.say(("Referral following a domestic incident at the family home.",
                 "Mother disclosed ongoing domestic abuse from her partner during a visit."))
    ctx.say(("{N} {was} in the house at the time.", "{N} {was} present and witnessed the incident.",
             "{N} {was} upstairs during the incident.", "{N} {was} reported to be hiding in the bedroom."))
    abuser = ctx.carer("male")
    victim = ctx.carer("female")
    if victim is not None and ctx.rng.random() < 0.6:
        ctx.person(victim, "parent_or_carer")
    if abuser is not None and ctx.rng.random() < 0.55:
        ctx.person(abuser, ctx.rng.choice(("suspected_abuser", "parent_or_carer", "household_member")))
        ctx.maybe(0.5, ("The alleged perpetrator was arrested at the scene.", "The alleged perpetrator had left before police arrived.",
                        "Father has been asked to stay elsewhere."))
    if ctx.rng.random() < 0.3:
        ctx.place(ctx.home(), "lives_at")
    if kind in ("police", "social_care"):
        ctx.maybe(0.4, ("This is the third incident at the address this year.", "No previous incidents known.",
                        "DASH risk assessment completed: medium."))
    ctx.words(0.2, ("I put my headphones on so I don't hear them.", "Dad was shouting at Mum again.",
                    "I don't want to go home tonight.", "I look after my little brother when they fight."))


def neglect(ctx: Ctx) -> None:
    ctx.cats("neglect")
    ctx.inds("abuse_in_family", "family_breakdown", "isolated", k=ctx.rng.randrange(0, 2))
    ctx.say_as({
        "education": ("{N} came into school hungry again and said there was no food at home.",
                      "{N} {has} been wearing the same clothes all week and {is} often unkempt.",
                      "{N} arrived with untreated head lice and a persistent cough."),
        "health": ("{N} {has} missed three health appointments and the dental referral was not followed up.",
                   "Health visitor found the home cold and {n} underweight for {p} age.",
                   "{N} {was} brought to the GP with an untreated infection that had been present for weeks."),
        "public": ("{N} {is} often out alone late in the evening in the {street} area.",
                   "The children next door never seem to have proper food and are out in all weathers without coats."),
        "police": ("Officers attending the address found the house cold and dirty with little food for {n}.",
                   "{N} {was} found wandering alone in the {street} area late at night."),
    }, ("Home visit: the house was cold, there was little food and the children's bedroom had no bedding.",
        "Concerns about home conditions: dog mess on the floor and a strong smell in the house.",
        "{N} {has} missed three health appointments and the dental referral was not followed up."),
        street=ctx.child.family.address_on(ctx.day).street)
    ctx.maybe(0.5, ("Mum says she is struggling since she lost her job.", "Parents did not respond to calls from school.",
                    "Previous concerns about neglect were closed in the last year.", "Early help has been offered before."))
    carer = ctx.carer()
    if carer is not None and ctx.rng.random() < 0.55:
        ctx.person(carer, "parent_or_carer")
    if ctx.rng.random() < 0.25:
        ctx.place(ctx.home(), "lives_at")
    if ctx.rng.random() < 0.15:
        ctx.person(ctx.rng.choice(ctx.town.professionals), "professional")
    ctx.words(0.15, ("There's no food in the house.", "Mum is always asleep when I get home.", "I make my own tea."))


def school_attendance(ctx: Ctx) -> None:
    ctx.cats("school_attendance")
    ctx.inds("school_absence")
    rate = ctx.rng.randrange(55, 88)
    ctx.say((f"Attendance has fallen to {rate}% this term.", f"Persistent absence: {rate}% attendance, mostly Mondays and Fridays.",
             "{N} has not been in school for eight days and the family are not answering calls.",
             "{N} is regularly late and misses the first lesson."))
    ctx.maybe(0.5, ("Home visit by the attendance officer: no answer.", "Mum says {s} has been poorly but no medical evidence.",
                    "Parent says {s} refuses to come.", "A fixed penalty warning letter has been sent."))
    if ctx.rng.random() < 0.4 and (carer := ctx.carer()) is not None:
        ctx.person(carer, "parent_or_carer")
    if ctx.rng.random() < 0.25:
        ctx.person(ctx.rng.choice(ctx.town.professionals), "professional")
    if ctx.rng.random() < 0.2 and (school := ctx.school()):
        ctx.place(ctx.town.school_place(school), "attends")


def mental_health(ctx: Ctx) -> None:
    ctx.cats("mental_health")
    ctx.inds("despair_self_harm", "low_self_esteem", "isolated", k=ctx.rng.randrange(1, 3))
    ctx.say_as({
        "health": ("Seen at A&E after taking an overdose of paracetamol; medically fit for discharge.",
                   "Referral to CAMHS: anxiety, panic attacks and not sleeping.",
                   "{N} attended the GP with low mood and disclosed cutting {p} arms."),
        "police": ("Officers were called to the bridge where {n} was threatening to jump; taken to A&E under section 136.",
                   "{N} was found in distress in the park after sending goodbye messages to friends."),
    }, ("{N} disclosed self-harm (cutting) to a member of staff; fresh marks on {p} forearm.",
        "{N} has been very low in mood and said {s} does not see the point any more.",
        "{N} has stopped eating at lunchtime and staff are worried about {p} weight."))
    ctx.maybe(0.4, ("Parents informed and safety plan agreed.", "CAMHS referral made; waiting list is 14 weeks.",
                    "{S} has been referred to the school counsellor."))
    ctx.words(0.35, ("I just want it all to stop.", "Nobody listens to me.", "I'm fine, I just get sad sometimes.",
                     "I do it because it helps me feel something."))
    if ctx.rng.random() < 0.2:
        ctx.person(ctx.rng.choice(ctx.town.professionals), "professional")


def physical_abuse(ctx: Ctx) -> None:
    ctx.cats("physical_abuse")
    ctx.inds("injuries_unexplained", "abuse_in_family", k=1)
    ctx.say_as({
        "health": ("Attended A&E with a fractured wrist; account of how it happened changed twice.",
                   "Bruising to {n}'s upper arm in the shape of fingermarks noted at a GP appointment.",
                   "Delay of three days in seeking treatment for a burn to {n}'s hand."),
        "education": ("PE teacher noticed bruises on {n}'s back.",
                      "{N} had a mark on {p} cheek and said Dad hit {o} with a slipper.",
                      "Bruising to {n}'s upper arm in the shape of fingermarks; {s} said {s} fell over."),
        "public": ("I saw the dad hit {n} hard across the head outside the shop.",),
    }, ("{N} had a mark on {p} cheek and said Dad hit {o} with a slipper.",
        "Bruising to {n}'s upper arm in the shape of fingermarks; {s} said {s} fell over."))
    ctx.maybe(0.4, ("Body map completed.", "Parents say {s} bruises easily.", "Photographs taken with consent."))
    carer = ctx.carer()
    if carer is not None and ctx.rng.random() < 0.5:
        ctx.person(carer, ctx.rng.choice(("parent_or_carer", "suspected_abuser")))
    ctx.words(0.3, ("Dad gets angry when I don't listen.", "I fell off my bike.", "Please don't tell Mum I told you."))


def emotional_abuse(ctx: Ctx) -> None:
    ctx.cats("emotional_abuse")
    ctx.inds("abuse_in_family", "low_self_esteem", k=1)
    ctx.say(("Staff overheard mum calling {n} stupid and worthless at pick-up.",
             "{N} says {s} is constantly shouted at and blamed for things at home.",
             "Neighbour reports the children are locked out of the house for hours as punishment.",
             "{N} is very anxious about going home and flinches when {p} name is called."))
    if ctx.rng.random() < 0.4 and (carer := ctx.carer()) is not None:
        ctx.person(carer, "parent_or_carer")
    ctx.words(0.3, ("They say I ruin everything.", "I'm not allowed in the living room.", "I just keep out of the way."))


def missing(ctx: Ctx) -> None:
    ctx.cats("missing")
    ctx.inds("missing_overnight", "missing_repeat", "staying_out_late", k=ctx.rng.randrange(1, 3))
    ctx.say(("{N} was reported missing by mum at {t} after not coming home from school.",
             "Missing from home overnight; returned at 07:30 and would not say where {s} had been.",
             "Missing from care placement since yesterday evening.",
             "{N} did not return home by the agreed time of 21:00; found later by officers."))
    place = ctx.public_place()
    if ctx.rng.random() < 0.5:
        found = ctx.place(place, "found_at", detail=1)
        ctx.say(("Found at {x} with friends.", "Located at {x} at about {t}.", "Seen on CCTV at {x}."), x=found)
    if ctx.rng.random() < 0.06:
        takeaway = ctx.rng.choice(ctx.town.places["takeaway"])
        ctx.say("Friends said they had been to get food at {x}.", x=ctx.place(takeaway, "other", detail=1))
    if ctx.rng.random() < 0.25 and (friend := ctx.friend()) is not None:
        ctx.say("{S} was with {x}.", x=ctx.peer(friend))
    if ctx.rng.random() < 0.35 and (carer := ctx.carer()) is not None:
        ctx.person(carer, "parent_or_carer")
    if ctx.rng.random() < 0.12:
        ctx.phone(ctx.child_phone(), "belongs_to_child")
    ctx.maybe(0.5, ("Return home interview offered.", "No injuries seen on return.", "This is the second missing episode this month."))
    ctx.blame(0.06, BLAME_MISSING)


def substance_misuse(ctx: Ctx) -> None:
    ctx.cats("substance_misuse")
    ctx.inds("alcohol_misuse", "drug_misuse", k=1)
    ctx.say(("{N} was found drunk in {x} with a group of friends.", "Smelt strongly of cannabis in the youth club.",
             "{N} told a worker {s} is smoking cannabis most days.", "Brought to A&E intoxicated after drinking vodka in {x}."),
            x=ctx.public_place()["name"])
    if ctx.rng.random() < 0.3:
        ctx.unknown_person("supplied_alcohol_or_drugs", "male", ctx.rng.randrange(18, 26), "older lads, not known")
        ctx.say("{S} said older lads bought the alcohol.")
    if ctx.rng.random() < 0.35 and (friend := ctx.friend()) is not None:
        ctx.peer(friend)
    ctx.blame(0.04, ("{S} was arrested for being drunk and disorderly.", "{S} is making poor choices around alcohol."))


def online_harm(ctx: Ctx) -> None:
    ctx.cats("online_harm")
    ctx.inds("concerning_phone_internet")
    friend = ctx.friend()
    ctx.say(("{N} is being bullied in a group chat; messages shared with staff.",
             "An image of {n} has been shared around Year 9 without consent.",
             "{N} has been up all night gaming and is exhausted in lessons.",
             "Parent reports {n} was sent unkind messages by classmates."))
    if friend is not None and ctx.rng.random() < 0.5:
        ctx.online(ctx.child_account(friend), "contacted_child", detail=2)
        ctx.peer(friend)
    elif ctx.rng.random() < 0.3:
        ctx.online(ctx.town.account(), "contacted_child", detail=2)
    ctx.words(0.2, ("Everyone has seen it.", "I just want them to stop.", "I deleted the app."))


def housing(ctx: Ctx) -> None:
    ctx.cats("neglect")
    ctx.inds("unsuitable_accommodation", "family_breakdown", k=1)
    ctx.say(("Tenancy visit: severe damp and mould in the children's bedroom.",
             "Family of five living in a one-bedroom flat; children sleeping on the sofa.",
             "Rent arrears; notice served and the family may be evicted.",
             "Repairs not done for months; no heating and broken windows."))
    if ctx.rng.random() < 0.75:
        ctx.place(ctx.home(), "lives_at")
    if ctx.rng.random() < 0.6 and (carer := ctx.carer()) is not None:
        ctx.person(carer, "parent_or_carer")


def young_carer(ctx: Ctx) -> None:
    ctx.cats("other")
    ctx.inds("domestic_abuse_home", "isolated", k=1)
    ctx.say(("{N} is caring for mum, who has MS, and is often late and tired.",
             "{N} looks after younger siblings most evenings while dad works nights.",
             "Mum's mental health has deteriorated and {n} is doing the shopping and cooking."))
    if ctx.rng.random() < 0.4 and (carer := ctx.carer()) is not None:
        ctx.person(carer, "parent_or_carer")
    if ctx.rng.random() < 0.2:
        ctx.person(ctx.rng.choice(ctx.town.professionals), "professional")


def criminal_light(ctx: Ctx) -> None:
    ctx.cats("criminal_exploitation")
    ctx.inds("unexplained_money_gifts", "staying_out_late", "peers_exploited", k=ctx.rng.randrange(1, 3))
    ctx.say(("{N} was stopped with £300 in cash and two phones and would not explain them.",
             "Seen handing small packages to people near {x}.", "Has new designer clothes and trainers; family cannot explain them."),
            x=ctx.public_place()["name"])
    ctx.unknown_person("seen_with", "male", ctx.rng.randrange(17, 24), ctx.rng.choice(("older lads on bikes", "older youths, not known")))
    ctx.blame(0.08, ("{S} appears to be a runner for older youths.", "{S} is involved in crime locally."))


def transport(ctx: Ctx) -> None:
    """Children at the special school travel on council transport: the same vehicles around many children."""
    ctx.cats(ctx.rng.choice(("physical_abuse", "emotional_abuse", "other")))
    vehicle = ctx.child.transport or ctx.rng.choice(ctx.town.transport)
    v = ctx.vehicle(vehicle, "transported_child", detail=ctx.rng.choice((1, 2, 2)))
    ctx.say(("{N} arrived home on school transport ({v}) very distressed.", "Escort on the school minibus ({v}) reported a bruise on {n}'s arm.",
             "{N} was left on the school transport ({v}) for 40 minutes after the run ended.",
             "Parent complains that the driver of {v} shouted at {n}."), v=v)
    if ctx.rng.random() < 0.3:
        ctx.person(ctx.rng.choice(ctx.town.professionals), "professional")


def peer_harm(ctx: Ctx) -> None:
    ctx.cats("sexual_abuse")
    ctx.inds("concerning_phone_internet", "low_self_esteem", k=1)
    friend = ctx.friend()
    ctx.say(("{N} reported that a boy in {p} year touched {o} inappropriately on the bus.",
             "Harmful sexual behaviour between pupils reported at lunchtime; both pupils' parents informed.",
             "{N} was pressured by a classmate to send a nude image."))
    if friend is not None:
        ctx.peer(friend)


@dataclasses.dataclass(frozen=True)
class Scenario:
    key: str
    weight: float
    ages: tuple[int, int]
    agencies: dict[str, float]  # police, social_care, school, health, youth, public, housing
    siblings: float
    render: Callable[[Ctx], None]
    services: tuple[str, ...] = ("gp",)


SCENARIOS = (
    Scenario("domestic_abuse", 16, (4, 17), {"police": 6, "school": 3, "social_care": 2, "health": 0.5, "public": 0.7}, 0.45,
             domestic_abuse, ("gp", "community")),
    Scenario("neglect", 12, (4, 15), {"school": 4, "health": 2, "public": 2, "social_care": 2, "housing": 1, "police": 1}, 0.35,
             neglect, ("community", "gp")),
    Scenario("school_attendance", 9, (5, 16), {"school": 8, "social_care": 1}, 0.12, school_attendance),
    Scenario("mental_health", 10, (10, 17), {"health": 4, "school": 4, "youth": 2, "police": 1, "social_care": 1}, 0.0,
             mental_health, ("camhs", "ae", "gp")),
    Scenario("physical_abuse", 7, (4, 15), {"school": 4, "health": 3, "police": 2, "public": 1, "social_care": 1}, 0.1,
             physical_abuse, ("ae", "gp", "community")),
    Scenario("emotional_abuse", 5, (4, 17), {"school": 3, "social_care": 2, "public": 2, "youth": 1}, 0.2, emotional_abuse),
    Scenario("missing", 9, (11, 17), {"police": 7, "social_care": 2, "youth": 1}, 0.0, missing),
    Scenario("substance_misuse", 5, (12, 17), {"youth": 3, "police": 3, "health": 2, "school": 1}, 0.0, substance_misuse, ("ae", "gp")),
    Scenario("online_harm", 5, (9, 17), {"school": 5, "police": 1, "public": 1}, 0.0, online_harm),
    Scenario("housing", 4, (4, 17), {"housing": 6, "social_care": 1}, 0.5, housing),
    Scenario("young_carer", 3, (8, 17), {"school": 2, "health": 1, "youth": 1}, 0.0, young_carer, ("community",)),
    Scenario("criminal_light", 2, (13, 17), {"police": 3, "youth": 2, "school": 1}, 0.0, criminal_light),
    Scenario("peer_harm", 2, (11, 17), {"school": 3, "police": 2, "health": 1}, 0.0, peer_harm, ("sexual_health", "gp")),
)
TRANSPORT = Scenario("transport", 0, (4, 17), {"social_care": 2, "health": 1, "public": 1, "police": 1}, 0.0, transport,
                     ("community",))
