"""Writing an entity into a concern's `mentions[]` the way a hurried reporter would.

`detail` says how much the reporter knew: 2 identifying details (full plate, full name, the handle),
1 partial (a nickname, part of a plate, a venue name), 0 only a description. Each function returns the
mention (a dict valid against the schema) and a short phrase for the summary."""

from __future__ import annotations

import datetime as dt
import random

from sim import data, noise
from sim.timeutil import age_on
from sim.world import Entity


def person(rng: random.Random, ent: Entity, role: str, detail: int, day: dt.date,
           nickname_only: bool = False) -> tuple[dict, str]:
    m: dict = {"kind": "person", "role": role}
    _person_names(rng, ent, detail, nickname_only, m)
    if detail >= 1 or rng.random() < 0.8:
        age = age_on(ent["dob"], day)
        exact = detail >= 2 and rng.random() < 0.7
        m["approx_age"] = age if exact else max(16, age + rng.choice((-5, -3, -2, 0, 0, 0, 2, 3, 5)))
    if detail >= 2 and rng.random() < 0.12:
        m["dob"] = ent["dob"].isoformat()
    m["sex"] = ent["sex"]
    if ent.get("description") and (detail == 0 or rng.random() < 0.35):
        m["description"] = ent["description"]
    if ent.get("role_title"):
        m["description"] = f"{ent['role_title']}, {ent['organisation']}"
    roll = rng.random()
    if ent.get("ethnicity") and roll < 0.3:
        m["ethnicity"] = ent["ethnicity"]
    elif roll < 0.45:
        m["ethnicity"] = "not_recorded"
    phone = ent.get("phone")
    if phone is not None and detail >= 1 and rng.random() < 0.3:
        m["phone"] = noise.phone_format(rng, phone["number"])
    if "family" in ent.attrs and rng.random() < 0.25:
        address = ent["family"].address_on(day)
        m["address"] = noise.format_address(rng, address.house, address.street, address.flat, None)
        if rng.random() < 0.5:
            m["postcode"] = noise.format_postcode(rng, address.postcode)
    return m, _person_phrase(m)


def _person_names(rng: random.Random, ent: Entity, detail: int, nickname_only: bool, m: dict) -> None:
    nickname = ent.get("nickname")
    written_given = ent["given_name"]
    if rng.random() < 0.25:
        written_given = noise.given_variant(rng, written_given)
    if rng.random() < 0.06:
        written_given = noise.typo(rng, written_given)
    if detail >= 2:
        m["given_name"] = written_given
        if rng.random() < 0.65:
            family = ent["family_name"]
            m["family_name"] = noise.typo(rng, family) if rng.random() < 0.08 else family
        if nickname and rng.random() < 0.4:
            m["nickname"] = nickname
    elif detail == 1:
        if nickname and (nickname_only or rng.random() < 0.6):
            m["nickname"] = nickname
        else:
            m["given_name"] = written_given


def _person_phrase(m: dict) -> str:
    name = " ".join(p for p in (m.get("given_name"), m.get("family_name")) if p)
    extras = []
    if m.get("nickname"):
        if name:
            extras.append(f"known as {m['nickname']}")
        else:
            name = f"{'a man' if m.get('sex') == 'male' else 'someone'} known as {m['nickname']}"
    if not name:
        name = f"an adult {'man' if m.get('sex') == 'male' else 'woman'}"
        if m.get("description"):
            extras.append(m["description"])
    if m.get("approx_age") and m["approx_age"] >= 18:
        extras.append(f"about {m['approx_age']}")
    return f"{name} ({', '.join(extras)})" if extras else name


def vehicle(rng: random.Random, ent: Entity, role: str, detail: int) -> tuple[dict, str]:
    m: dict = {"kind": "vehicle", "role": role}
    plate = noise.plate_variant(rng, ent["plate"], detail)
    if plate:
        m["plate"] = plate
    colour = noise.colour_variant(rng, ent["colour"])
    if rng.random() < 0.9:
        m["colour"] = colour
    if detail >= 1 or rng.random() < 0.5:
        m["make"] = noise.make_variant(rng, ent["make"])
        if rng.random() < 0.6:
            m["model"] = ent["model"]
    if ent["taxi_firm"] and (detail >= 1 or rng.random() < 0.4) and rng.random() < 0.8:
        m["taxi_firm"] = noise.taxi_firm_variant(rng, ent["taxi_firm"])
    desc = " ".join(p for p in (m.get("colour"), m.get("make"), m.get("model")) if p) or "car"
    phrase = f"a {desc}"
    if m.get("taxi_firm"):
        phrase += f" ({m['taxi_firm']})"
    if plate:
        phrase += f", registration {plate}" if detail >= 2 else f", partial registration {plate}"
    return m, phrase


def phone(rng: random.Random, ent: Entity, role: str) -> tuple[dict, str]:
    number = noise.phone_format(rng, ent["number"])
    return {"kind": "phone", "role": role, "number": number}, number


def place(rng: random.Random, ent: Entity, role: str, detail: int) -> tuple[dict, str]:
    m: dict = {"kind": "place", "role": role}
    name, venue, street = ent["name"], ent["venue_type"], ent["street"]
    if name and detail >= 1:
        m["name"] = noise.place_name_variant(rng, name, street, venue)
    elif name and rng.random() < 0.4:
        m["name"] = name
    if ent["address"] and (detail >= 2 or not name):
        m["address"] = noise.format_street(rng, ent["address"]) if rng.random() < 0.8 else f"{street}, {data.TOWN}"
    elif rng.random() < 0.25:
        m["address"] = f"{street}, {data.TOWN}"
    if rng.random() < (0.5 if detail >= 2 else 0.15):
        m["postcode"] = noise.format_postcode(rng, ent["postcode"])
    if rng.random() < 0.75:
        m["venue_type"] = venue
    label = m.get("name") or m.get("address") or f"a {venue} on {street}"
    return m, label


def online(rng: random.Random, ent: Entity, role: str, detail: int) -> tuple[dict, str]:
    m: dict = {"kind": "online", "role": role}
    platform = rng.choice(ent["platforms"])
    if rng.random() < 0.9:
        m["platform"] = rng.choice(data.PLATFORMS[platform])
    if detail >= 1:
        handle = noise.handle_variant(rng, ent["handle"])
        if detail == 1 and rng.random() < 0.4:
            handle = handle[: max(3, len(handle) // 2)] + "..."
        m["handle"] = handle
    phrase = f"{m.get('handle', 'an account')} on {m.get('platform', 'social media')}"
    return m, phrase


def child_as_peer(rng: random.Random, peer, day: dt.date) -> tuple[dict, str]:
    """Another child named as a friend (the truth id is the child's own id)."""
    given = noise.given_variant(rng, peer.given) if rng.random() < 0.3 else peer.given
    m: dict = {"kind": "person", "role": "peer", "given_name": given}
    if rng.random() < 0.4:
        m["family_name"] = peer.family_name
    if rng.random() < 0.6:
        m["approx_age"] = peer.age_on(day)
    m["sex"] = peer.sex
    return m, " ".join(p for p in (given, m.get("family_name")) if p)
