"""Normalise every mention so that entity resolution can join them up: small pure functions, no database,
no Django. `mention_keys` is the single entry point; the modules hold the detail:

- `plates`: number plates (`plate_key`, `plates_compatible`, `plate_similarity`);
- `vehicles`: make, model, colour, taxi firm (`vehicle_description_key`);
- `phones`: E.164 through phonenumbers (`phone_key`);
- `handles`: online accounts (`handle_key`, `platform_key`);
- `postcodes`, `addresses`, `places`: places (`postcode_key`, `address_key`, `place_similarity`);
- `given_names`, `ages`, `people`: people (`person_features`, `person_similarity`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from joinedup.identity.normalise._score import Outcome
from joinedup.identity.normalise._text import as_text
from joinedup.identity.normalise.addresses import address_key
from joinedup.identity.normalise.handles import handle_key, handle_similarity, platform_key
from joinedup.identity.normalise.people import person_features, person_similarity
from joinedup.identity.normalise.phones import phone_key, phone_similarity
from joinedup.identity.normalise.places import place_features, place_name_key, place_similarity
from joinedup.identity.normalise.plates import plate_key, plate_similarity, plates_compatible
from joinedup.identity.normalise.postcodes import postcode_key
from joinedup.identity.normalise.vehicles import (
    colour_family,
    colour_key,
    firm_key,
    make_key,
    model_key,
    vehicle_description_key,
)

__all__ = [
    "KINDS", "Outcome", "mention_keys", "plate_key", "plates_compatible", "plate_similarity",
    "vehicle_description_key", "phone_key", "phone_similarity", "handle_key", "handle_similarity",
    "platform_key", "postcode_key", "address_key", "place_name_key", "place_features", "place_similarity",
    "person_features", "person_similarity",
]

KINDS = ("person", "vehicle", "phone", "place", "online")
_HEAD = 4  # a plate's first four characters (memory tag and age) and a handle's first four letters


def _vehicle(m: Mapping[str, Any]) -> dict[str, Any]:
    plate = plate_key(m.get("plate"))
    make_text = as_text(m.get("make"))
    make, model = make_key(make_text), model_key(as_text(m.get("model")), make_text)
    colour = as_text(m.get("colour"))
    blocks = []
    if plate.complete:
        blocks.append(f"plate:{plate.compact}")
    if plate.format == "current":
        head, tail = plate.compact[:_HEAD], plate.compact[_HEAD:]
        blocks += [f"plate_head:{head}"] * ("?" not in head) + [f"plate_tail:{tail}"] * ("?" not in tail)
    description = f"{make}|{model}|{colour_family(colour)}"
    if make and model:
        blocks.append(f"vehicle:{description}")
    return {"plate": plate.text, "plate_compact": plate.compact, "plate_pattern": plate.pattern,
            "plate_complete": plate.complete, "plate_format": plate.format, "plate_known": plate.known,
            "plate_skeleton": plate.skeleton, "make": make, "model": model, "colour": colour_key(colour),
            "colour_family": colour_family(colour), "vehicle_key": description,
            "taxi_firm": firm_key(as_text(m.get("taxi_firm"))), "block_keys": blocks}


def _phone(m: Mapping[str, Any]) -> dict[str, Any]:
    phone = phone_key(m.get("number", m.get("phone")))
    return {"phone": phone.key, "phone_e164": phone.e164, "phone_valid": phone.valid, "phone_kind": phone.kind,
            "phone_digits": phone.digits, "block_keys": [f"phone:{phone.key}"] if phone.key else []}


def _online(m: Mapping[str, Any]) -> dict[str, Any]:
    handle = handle_key(m.get("handle"), m.get("platform"))
    blocks = [f"handle:{handle.loose}"] * bool(handle.loose and not handle.partial)
    if len(handle.handle) >= _HEAD and not handle.phone:
        blocks.append(f"handle_head:{handle.handle[:_HEAD]}")
    if handle.phone:
        blocks.append(f"phone:{handle.phone}")
    return {"platform": handle.platform, "handle": handle.handle, "handle_key": handle.key,
            "handle_partial": handle.partial, "phone": handle.phone, "block_keys": blocks}


def _place(m: Mapping[str, Any]) -> dict[str, Any]:
    place = place_features(m)
    blocks = [f"place:{place.name}"] * bool(place.name) + [f"postcode:{place.postcode}"] * bool(place.postcode)
    if place.house_number or place.building:
        blocks.append(f"address:{place.address}")
    return place._asdict() | {"block_keys": blocks}


def _person(m: Mapping[str, Any], received_at: Any) -> dict[str, Any]:
    p = person_features(m, received_at)
    blocks = []
    if p.given_key and p.family_key:
        blocks.append(f"name:{p.given_key}|{p.family_key}")
    elif p.given_key:  # "Mo, about 35": only the given name to go on
        blocks.append(f"given:{p.given_key}")
    if p.dob:
        blocks += [f"family_dob:{p.family_key}|{p.dob}"] * bool(p.family_key)
        blocks += [f"given_dob:{p.given_key}|{p.dob}"] * bool(p.given_key)
    if len(p.nickname_key) >= 2:
        blocks.append(f"nickname:{p.nickname_key}")
    if p.phone and not p.phone.startswith("?"):
        blocks.append(f"phone:{p.phone}")
    address = address_key(m.get("address"))
    if address.number or address.building:
        blocks.append(f"address:{p.address}")  # the same key as a place at that address
    return p._asdict() | {"block_keys": blocks}


def mention_keys(kind: str, mention: Mapping[str, Any], received_at: Any = None) -> dict[str, Any]:
    """The normalised columns of one mention (`kind` as in the interchange format: person, vehicle, phone,
    place, online), plus `block_keys`: strings ("plate:YK62HBD", "phone:+447700900461") that two mentions
    share when they are worth comparing. Every value is a str, int or bool except `block_keys`, a list.
    Never raises: an unknown kind or a malformed mention gives empty columns."""
    if not isinstance(mention, Mapping):
        mention = {}
    if kind == "vehicle":
        return _vehicle(mention)
    if kind == "phone":
        return _phone(mention)
    if kind == "online":
        return _online(mention)
    if kind == "place":
        return _place(mention)
    if kind == "person":
        return _person(mention, received_at)
    return {"block_keys": []}
