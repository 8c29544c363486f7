"""What the concerns about a network's victims say, stage by stage: 0 weak signals only, 1 partial
details (a nickname, a car without its full plate, a venue), 2 identifying details and disclosures.
The wording is professional and never graphic; some of it is victim-blaming on purpose, as real records
are, so that the language checker has something to find."""

from __future__ import annotations

from sim.content import Ctx

# Health services used for a network concern by (kind, stage).
SERVICES = {
    ("takeaway_group", 2): ("sexual_health", "ae"), ("boyfriend", 1): ("sexual_health", "gp"),
    ("boyfriend", 2): ("sexual_health",), ("online_groomer", 0): ("camhs", "gp"), ("online_groomer", 2): ("camhs",),
    ("intra_familial", 0): ("gp", "community"), ("intra_familial", 2): ("gp", "ae"), ("landlord", 2): ("ae",),
    ("takeaway_group", 0): ("gp", "community"),
}

_WEAK = (
    ("school_attendance", ("school_absence",), "{N}'s attendance has dropped sharply this half term and {s} is often late."),
    ("missing", ("missing_overnight",), "{N} was missing overnight and came back the next morning; {s} would not say where {s} had been."),
    ("other", ("unexplained_money_gifts",), "{N} has a new phone and expensive trainers and the family cannot explain where they came from."),
    ("other", ("staying_out_late",), "Mum reports {n} is staying out until after midnight most weekends."),
    ("mental_health", ("low_self_esteem",), "{N} seems withdrawn and tired and has fallen out with {p} friends."),
    ("other", ("concerning_phone_internet",), "{N} is on {p} phone constantly and gets very anxious if it is taken away."),
)
_BLAME = (
    "{S} is putting {self} at risk.", "{S} appears to be sexually active.",
    "{S} has a lot of older male friends and seems to be making {p} own choices.", "Mum says {s} is out of control.",
    "{S} keeps going missing.",
)


def _blame(ctx: Ctx, p: float) -> None:
    ctx.blame(p, _BLAME)


def _weak(ctx: Ctx) -> None:
    category, indicators, sentence = ctx.rng.choice(_WEAK)
    ctx.cats(category)
    ctx.inds(*indicators)
    ctx.say(sentence)


def _peer(ctx: Ctx, p: float) -> None:
    net = ctx.draft.network
    others = [v for v in net.victims if v not in ctx.draft.children]
    if others and ctx.rng.random() < p:
        ctx.say(("{S} was with {x}.", "{S} is friends with {x}, who is also known to services.",
                 "{x} was also there."), x=ctx.peer(ctx.rng.choice(others)))
        ctx.inds("peers_exploited")


def render(ctx: Ctx) -> None:
    kind = ctx.draft.network.kind
    globals()[f"_{kind}"](ctx, ctx.draft.stage)


def _takeaway_group(ctx: Ctx, stage: int) -> None:
    net, rng = ctx.draft.network, ctx.rng
    takeaway = net.places[0]
    if stage == 0:
        _weak(ctx)
        if rng.random() < 0.5:
            ctx.say(("{S} mentioned getting free food from a takeaway in town.", "Seen getting into a taxi outside school at lunchtime."))
            if rng.random() < 0.4:
                ctx.vehicle(rng.choice(net.vehicles), "transported_child", detail=0)
                ctx.inds("vehicles_unknown_adults")
        _blame(ctx, 0.05)
        return
    ctx.cats("sexual_exploitation")
    man = rng.choice(net.people)
    car = rng.choice(net.vehicles)
    if stage == 1:
        ctx.cats(rng.choice(("missing", "sexual_exploitation")))
        ctx.inds("hotels_taxis_takeaways", "vehicles_unknown_adults", "unexplained_money_gifts", "staying_out_late", k=2)
        place = ctx.place(takeaway, rng.choice(("found_at", "went_missing_to", "other")), detail=1)
        v = ctx.vehicle(car, "transported_child" if rng.random() < 0.6 else "seen_with", detail=1)
        ctx.say(("{N} was seen outside {x} late at night getting into {v}.", "Youth workers saw {n} hanging around {x}; {s} left in {v}.",
                 "A neighbour saw {n} being dropped off by {v} after midnight; {s} said {s} had been at {x}."), x=place, v=v)
        if rng.random() < 0.6:
            ctx.say("{S} talked about {x}, who gives {o} lifts and cigarettes.", x=ctx.person(man, rng.choice(("seen_with", "gave_gifts_or_money")), detail=1))
        _peer(ctx, 0.25)
        _blame(ctx, 0.08)
        return
    ctx.cats("missing")
    ctx.inds("missing_overnight", "vehicles_unknown_adults", "hotels_taxis_takeaways", "alcohol_misuse", "multiple_callers",
             "places_known_exploitation", k=3)
    v = ctx.vehicle(car, "transported_child", detail=2)
    who = ctx.person(man, "transported_child" if car["taxi_firm"] else "suspected_abuser", detail=2)
    ctx.say(("Found at {t} in {v} with {m} and another adult man; {n} was intoxicated.",
             "{N} was stopped by officers at {t} in {v}; the driver was {m}.",
             "{N} disclosed that {m} drives {o} and friends around in {v} and gives them vodka."), v=v, m=who)
    if len(net.places) > 1 and rng.random() < 0.5:
        ctx.say("{S} said {s} had been taken to {x}.", x=ctx.place(net.places[1], "taken_to", detail=2))
    else:
        ctx.say("{S} had been at {x} earlier in the evening.", x=ctx.place(takeaway, "found_at", detail=2))
    if net.phones and rng.random() < 0.6:
        ctx.say("Messages on {p} phone from {x}.", x=ctx.phone(rng.choice(net.phones)))
    if ctx.agency.type == "health":
        ctx.inds("sti_pregnancy")
        ctx.say("Attended the sexual health clinic; treated for an STI.")
    _peer(ctx, 0.35)
    ctx.words(0.4, ("They're my mates, they look after me.", "He said I owe him for the phone.",
                    "We just go there to chill, they give us free food.", "I don't want to get anyone in trouble."))
    _blame(ctx, 0.06)


def _boyfriend(ctx: Ctx, stage: int) -> None:
    net, rng = ctx.draft.network, ctx.rng
    man = net.people[0]
    if stage == 0:
        _weak(ctx)
        if rng.random() < 0.6:
            ctx.say("{S} has talked about an older boyfriend who picks {o} up from school.")
            ctx.inds("controlling_older_person")
        return
    ctx.cats("sexual_exploitation")
    ctx.inds("controlling_older_person", "missing_overnight", "isolated", "unexplained_money_gifts", k=2)
    who = ctx.person(man, "described_as_partner", detail=stage)
    if stage == 1:
        ctx.say(("{N} says {s} is in a relationship with {m}.", "{N}'s boyfriend is {m}; he collects {o} in his car.",
                 "Friends say {n} is seeing {m}, who is much older."), m=who)
        if rng.random() < 0.5:
            ctx.vehicle(net.vehicles[0], "transported_child", detail=1)
        if ctx.agency.type == "health":
            ctx.inds("sti_pregnancy")
            ctx.say("Requested emergency contraception.")
        _blame(ctx, 0.15)
        return
    v = ctx.vehicle(net.vehicles[0], "transported_child", detail=2)
    if ctx.agency.type == "health":
        ctx.say(("Attended the clinic; {s} said {p} boyfriend {m} brought {o} in {v}.",
                 "Seen at the clinic with {m}, who waited outside in {v} and answered questions for {o}."), v=v, m=who)
        ctx.say("{S} has been staying at {x}.", x=ctx.place(net.places[0], "taken_to", detail=2))
    else:
        ctx.say(("{N} was found at {x} at {t}; {m} was present.", "Officers found {n} in {v} with {m} at {t}.",
                 "{N} disclosed that {m} has been having sex with {o} since {s} was 14 and controls who {s} sees."),
                x=ctx.place(net.places[0], "taken_to", detail=2), v=v, m=who)
    if net.phones and rng.random() < 0.7:
        ctx.say("He contacts {o} on {x}.", x=ctx.phone(net.phones[0]))
    if ctx.agency.type == "health":
        ctx.inds("sti_pregnancy")
        ctx.say("Positive pregnancy test.")
    ctx.words(0.5, ("He's not old, he's only 22.", "He loves me, he said we'd get a flat together.",
                    "He gets angry if I don't answer straight away."))
    _blame(ctx, 0.1)


def _online_groomer(ctx: Ctx, stage: int) -> None:
    net, rng = ctx.draft.network, ctx.rng
    account, man = net.accounts[0], net.people[0]
    if stage == 0:
        _weak(ctx)
        ctx.maybe(0.6, "{S} is talking to someone online late at night and is secretive about it.")
        ctx.inds("concerning_phone_internet")
        return
    ctx.cats("online_harm")
    ctx.inds("online_grooming", "concerning_phone_internet", "low_self_esteem", k=2)
    handle = ctx.online(account, "contacted_child", detail=stage)
    if stage == 1:
        ctx.say(("{N} has been chatting to {x}, who says he is {a}.", "Parent found messages on {n}'s phone from {x} asking for photos.",
                 "{N} told a friend that {x} wants to meet up."), x=handle, a=str(man["claimed_age"]))
        if rng.random() < 0.4:
            ctx.person(man, "contacted_child", detail=1, nickname_only=True)
        return
    ctx.cats("sexual_exploitation")
    ctx.say(("{N} disclosed that {x} persuaded {o} to send images and is now threatening to share them.",
             "{N} was asked by {x} to meet in person; a parent intercepted the messages.",
             "Report of sextortion: {x} demanded money from {n} after images were shared."), x=handle)
    if net.phones and rng.random() < 0.5:
        ctx.say("He also messaged {o} on WhatsApp from {x}.", x=ctx.phone(net.phones[0]))
    if rng.random() < 0.3:
        ctx.person(man, "contacted_child", detail=1, nickname_only=True)
    if rng.random() < 0.3:
        ctx.inds("despair_self_harm")
    ctx.words(0.5, ("He said he was {a}.".replace("{a}", str(man["claimed_age"])), "He said he'd send the pictures to everyone if I didn't.",
                    "I thought he was my friend."))


def _intra_familial(ctx: Ctx, stage: int) -> None:
    net, rng = ctx.draft.network, ctx.rng
    uncle = net.people[0]
    if stage == 0:
        ctx.cats(rng.choice(("emotional_abuse", "other")))
        ctx.inds("low_self_esteem", "despair_self_harm", k=1)
        ctx.say(("{N} has become withdrawn and is wetting the bed again.", "{N} told staff {s} does not like going to a relative's house at weekends.",
                 "{N} has shown knowledge of sexual matters unusual for {p} age.", "{N} has nightmares and does not want to be left alone."))
        return
    ctx.cats("sexual_abuse")
    ctx.inds("abuse_in_family", "low_self_esteem", k=1)
    who = ctx.person(uncle, "relative" if stage == 1 else "suspected_abuser", detail=stage)
    if stage == 1:
        ctx.say(("{N} became upset when told {s} was staying with {m} this weekend.", "{N} said {m} 'plays games' that {s} does not like.",
                 "Mum says {n} refuses to go to the house of {m}."), m=who)
        if rng.random() < 0.4:
            ctx.place(net.places[0], "other", detail=1)
        return
    x = ctx.place(net.places[0], "taken_to", detail=2)
    if ctx.plural:
        ctx.say(("Strategy discussion for {n}: both children have made disclosures of sexual abuse against {m}.",
                 "Joint visit: {n} each described abuse by {m} at {x}."), m=who, x=x)
    else:
        ctx.say(("{N} disclosed to a teacher that {m} has been touching {o} when {s} stays at his house.",
                 "Strategy discussion: {N} has made a disclosure of sexual abuse against {m}.",
                 "Achieving Best Evidence interview: {n} described abuse by {m} at {x}."), m=who, x=x)
    if net.vehicles and rng.random() < 0.3:
        ctx.vehicle(net.vehicles[0], "transported_child", detail=2)
    ctx.words(0.6, ("{m} said it's our secret.".replace("{m}", uncle.get("nickname") or "He"),
                    "I don't want to go there when he's there.", "He said nobody would believe me."))


def _landlord(ctx: Ctx, stage: int) -> None:
    net, rng = ctx.draft.network, ctx.rng
    flat, landlord = net.places[0], net.people[0]
    if stage == 0:
        _weak(ctx)
        ctx.maybe(0.5, ("{S} says {s} has been staying at a friend's flat.", "{N} came in smelling of alcohol on a Monday morning."))
        _blame(ctx, 0.05)
        return
    ctx.cats("criminal_exploitation" if rng.random() < 0.5 else "sexual_exploitation", "substance_misuse")
    ctx.inds("places_known_exploitation", "alcohol_misuse", "drug_misuse", "missing_overnight", "peers_exploited", k=2)
    place = ctx.place(flat, rng.choice(("went_missing_to", "taken_to", "found_at")), detail=stage)
    if stage == 1:
        ctx.say(("There are parties at {x} and several teenagers go there.", "{N} was seen going into {x} with older men.",
                 "Neighbours complain of young people coming and going from {x} at all hours."), x=place)
        if rng.random() < 0.5:
            ctx.person(landlord, "supplied_alcohol_or_drugs", detail=1)
        _peer(ctx, 0.3)
        return
    who = ctx.person(landlord, rng.choice(("suspected_abuser", "supplied_alcohol_or_drugs")), detail=2)
    ctx.say(("Officers found {n} and other young people at {x}; {m}, who rents the flat, had supplied cannabis and vodka.",
             "Housing visit to {x}: the tenant {m} had four teenagers staying; {n} was one of them.",
             "{N} disclosed that {m} lets them stay at {x} in return for 'favours' and for holding drugs."), x=place, m=who)
    if net.phones and rng.random() < 0.5:
        ctx.say("{N}'s phone shows calls from {x}.", x=ctx.phone(rng.choice(net.phones)))
    if len(net.people) > 1 and rng.random() < 0.4:
        ctx.person(net.people[1], "seen_with", detail=rng.choice((1, 2)))
    if net.vehicles and rng.random() < 0.3:
        ctx.vehicle(net.vehicles[0], "seen_with", detail=rng.choice((1, 2)))
    _peer(ctx, 0.35)
    ctx.words(0.4, ("It's just a party flat, everyone goes.", "He said we could stay as long as we wanted.",
                    "I owe him money now."))
    ctx.blame(0.06, ("{S} is involved in crime at the flat.",))


def _school_gate(ctx: Ctx, stage: int) -> None:
    net, rng = ctx.draft.network, ctx.rng
    gate, car, man = net.places[0], rng.choice(net.vehicles), rng.choice(net.people)
    if stage == 0:
        ctx.cats("other")
        ctx.inds("vehicles_unknown_adults", "multiple_callers", k=1)
        ctx.say(("Staff noticed {n} talking to men in a car parked near the school gate at home time.",
                 "A parent reported a car waiting near the gates and {n} chatting to the driver."))
        if rng.random() < 0.5:
            ctx.vehicle(car, "seen_with", detail=0)
        return
    ctx.cats("sexual_exploitation")
    ctx.inds("vehicles_unknown_adults", "unexplained_money_gifts", "multiple_callers", k=2)
    v = ctx.vehicle(car, rng.choice(("seen_with", "transported_child")), detail=stage)
    at = ctx.place(gate, "other", detail=1) if rng.random() < 0.6 else "the school gate"
    if stage == 1:
        ctx.say(("{N} was seen getting into {v} outside {x}.", "Men in {v} have been giving pupils free vapes at {x}; {n} took one."),
                v=v, x=at)
        if rng.random() < 0.5:
            ctx.person(man, "gave_gifts_or_money", detail=1)
        _peer(ctx, 0.3)
        return
    who = ctx.person(man, rng.choice(("gave_gifts_or_money", "transported_child", "suspected_abuser")), detail=2)
    ctx.say(("{N} disclosed that {m} picks {o} up from {x} in {v} and takes {o} to parties.",
             "Police stopped {v} near {x} with {n} in the back; the driver was {m}."), m=who, v=v, x=at)
    if net.phones and rng.random() < 0.6:
        ctx.say("He gave {o} his number, {x}.", x=ctx.phone(rng.choice(net.phones)))
    _peer(ctx, 0.3)
    ctx.words(0.4, ("They just offer us lifts.", "He gave me vapes for free.", "He said I was mature for my age."))
