"""How hurried people write things down: typos, nicknames, swapped dates, misread plates, phone numbers
in every format. Each function takes the generator's `random.Random` and returns the written form."""

from __future__ import annotations

import datetime as dt
import random

from sim import data

_KEYBOARD = {
    "a": "qsz", "b": "vn", "c": "xv", "d": "sf", "e": "wr", "f": "dg", "g": "fh", "h": "gj", "i": "uo",
    "j": "hk", "k": "jl", "l": "k", "m": "n", "n": "bm", "o": "ip", "p": "o", "q": "w", "r": "et", "s": "ad",
    "t": "ry", "u": "yi", "v": "cb", "w": "qe", "x": "zc", "y": "tu", "z": "x",
}


def typo(rng: random.Random, word: str) -> str:
    """One slip of the keyboard: a neighbouring key, two letters swapped, one dropped or doubled."""
    if len(word) < 3:
        return word
    i = rng.randrange(1, len(word) - 1)  # people rarely get the first letter wrong
    op = rng.random()
    if op < 0.35:
        ch = word[i]
        options = _KEYBOARD.get(ch.lower(), "")
        if not options:
            return word
        new = rng.choice(options)
        return word[:i] + (new.upper() if ch.isupper() else new) + word[i + 1:]
    if op < 0.65:
        a, b = word[i], word[i + 1]
        if a == b:
            return word[:i] + word[i + 1:]
        return word[:i] + b + a + word[i + 2:]
    if op < 0.85 and len(word) > 4:
        return word[:i] + word[i + 1:]
    return word[:i] + word[i] + word[i:]


def given_variant(rng: random.Random, name: str) -> str:
    """A nickname or other spelling of a given name, if it has one."""
    options = data.GIVEN_VARIANTS.get(name)
    return rng.choice(options) if options else name


def swap_day_month(dob: dt.date) -> dt.date | None:
    if dob.day > 12 or dob.day == dob.month:
        return None
    return dt.date(dob.year, dob.day, dob.month)


def dob_error(rng: random.Random, dob: dt.date) -> dt.date:
    """A date of birth as it might be mis-keyed: day and month swapped, or one digit wrong."""
    if rng.random() < 0.4:
        swapped = swap_day_month(dob)
        if swapped:
            return swapped
    text = dob.isoformat()
    for _ in range(20):
        i = rng.choice((3, 6, 8, 9))  # the last digit of the year or month, or either digit of the day
        new = text[:i] + str(rng.randrange(10)) + text[i + 1:]
        if new == text:
            continue
        try:
            changed = dt.date.fromisoformat(new)
        except ValueError:
            continue
        if abs((changed - dob).days) < 365 * 3:
            return changed
    return dob + dt.timedelta(days=1)


def format_postcode(rng: random.Random, postcode: str) -> str:
    roll = rng.random()
    if roll < 0.8:
        return postcode
    if roll < 0.9:
        return postcode.replace(" ", "")
    return postcode.lower()


def postcode_typo(rng: random.Random, postcode: str) -> str:
    """A mistake in the district digit or the inward part; the area letters NT are never changed."""
    outward, inward = postcode.split(" ")
    roll = rng.random()
    if roll < 0.3:
        return f"{outward} {inward[0]}{inward[2]}{inward[1]}"
    if roll < 0.6:
        return f"{outward} {rng.choice('123456789')}{inward[1:]}"
    if roll < 0.8:
        return f"{outward} {inward[:2]}{rng.choice(data.POSTCODE_LETTERS)}"
    district = int(outward[2:])
    return f"NT{max(1, min(9, district + rng.choice((-1, 1))))} {inward}"


def format_street(rng: random.Random, street: str) -> str:
    roll = rng.random()
    if roll < 0.15:
        last = street.split(" ")[-1]
        short = data.STREET_ABBREVIATIONS.get(last)
        if short:
            return street[: -len(last)] + short
    if roll < 0.2:
        return street.lower()
    return street


def format_address(rng: random.Random, house: str, street: str, flat: str | None, postcode: str | None) -> str:
    """An address in one of the ways people write it."""
    street_text = format_street(rng, street)
    line = f"{house} {street_text}"
    if flat:
        line = f"{flat}, {line}" if rng.random() < 0.85 else f"{flat.replace('Flat ', '')}/{line}"
    roll = rng.random()
    if roll < 0.55:
        text = f"{line}, {data.TOWN}"
    elif roll < 0.75:
        text = line
    elif roll < 0.85 and postcode:
        text = f"{line}, {data.TOWN}, {postcode}"
    elif roll < 0.93:
        text = f"{house}, {street_text}, {data.TOWN}"
    else:
        text = f"{line} {data.TOWN}".upper()
    return text


def plate(rng: random.Random) -> str:
    year = rng.randrange(5, 24)
    age = year if rng.random() < 0.5 else year + 50
    letters = "".join(rng.choice(data.PLATE_LETTERS) for _ in range(3))
    return f"{rng.choice(data.PLATE_AREAS)}{age:02d} {letters}"


_MISREAD = {"O": "0", "0": "O", "I": "1", "1": "I", "S": "5", "5": "S", "B": "8", "8": "B"}


def plate_variant(rng: random.Random, plate_text: str, detail: int) -> str | None:
    """The plate as a witness wrote it. detail 2: full (sometimes misread or spaced oddly); 1: partial
    with '?' for the characters not seen; 0: none."""
    if detail <= 0:
        return None
    chars = list(plate_text)
    if detail == 1:
        positions = [i for i, ch in enumerate(chars) if ch != " "]
        for i in rng.sample(positions, rng.choice((1, 2, 2, 3))):
            chars[i] = "?"
        text = "".join(chars)
        return text if rng.random() < 0.7 else text.split(" ")[0] + " " + text.split(" ")[1][:1] + "??"
    roll = rng.random()
    if roll < 0.2:
        candidates = [i for i, ch in enumerate(chars) if ch in _MISREAD]
        if candidates:
            i = rng.choice(candidates)
            chars[i] = _MISREAD[chars[i]]
    text = "".join(chars)
    roll = rng.random()
    if roll < 0.2:
        return text.replace(" ", "")
    if roll < 0.28:
        return text.lower()
    return text


def colour_variant(rng: random.Random, colour: str) -> str:
    options = data.COLOUR_VARIANTS.get(colour)
    if options and rng.random() < 0.3:
        return rng.choice(options)
    return colour


def make_variant(rng: random.Random, make: str) -> str:
    options = data.MAKE_VARIANTS.get(make)
    if options and rng.random() < 0.35:
        return rng.choice(options)
    return make


def taxi_firm_variant(rng: random.Random, firm: str) -> str:
    roll = rng.random()
    if roll < 0.6:
        return firm
    if roll < 0.7:
        return firm.upper()
    if roll < 0.8:
        return firm.replace("Cars", "Taxis") if "Cars" in firm else firm + " taxis"
    if roll < 0.9:
        return firm.lower()
    return firm.split(" ")[0] + " taxi"


def phone_format(rng: random.Random, number: str) -> str:
    """`number` is "07700 900461"; written as people write it."""
    digits = number.replace(" ", "")
    tail = digits[1:]
    return rng.choice(
        (
            number, number, number, digits, digits, f"+44 {tail[:4]} {tail[4:]}", f"+44{tail}",
            f"{digits[:5]} {digits[5:8]} {digits[8:]}", f"({digits[:5]}) {digits[5:]}", f"0044 {tail[:4]} {tail[4:]}",
        )
    )


def handle_variant(rng: random.Random, handle: str) -> str:
    """An online handle with different capitalisation or punctuation, or an @ in front."""
    roll = rng.random()
    if roll < 0.45:
        text = handle
    elif roll < 0.6:
        text = handle.upper() if rng.random() < 0.3 else handle.capitalize()
    elif roll < 0.75:
        text = handle.replace("_", ".") if "_" in handle else handle.replace(".", "_")
    elif roll < 0.85:
        text = handle.replace("_", "").replace(".", "")
    else:
        text = "".join(ch.upper() if rng.random() < 0.3 else ch for ch in handle)
    return "@" + text if rng.random() < 0.25 else text


def place_name_variant(rng: random.Random, name: str, street: str, venue: str) -> str:
    roll = rng.random()
    if roll < 0.35:
        return name
    if roll < 0.5:
        return f"the {name}"
    if roll < 0.6:
        return name.upper()
    if roll < 0.75:
        return f"{name}, {street}"
    if roll < 0.85 and venue in ("takeaway", "hotel"):
        return f"{name} {venue}"
    if roll < 0.93:
        return typo(rng, name)
    return f"{venue} on {street}"
