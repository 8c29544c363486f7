"""Vehicle descriptions: make, model and colour folded so that "VW Golf, gray" and "Volkswagen golf grey"
agree. Colours keep their meaning: silver and grey are different colours (a witness who says silver is
evidence, not noise); shades fold into a family ("navy" and "dark blue" are both blue)."""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import JaroWinkler

from joinedup.identity.normalise._text import as_text, compact, fold, group_table

__all__ = ["make_key", "model_key", "colour_key", "colour_family", "vehicle_description_key", "firm_key"]

# First word canonical; '_' joins the words of a multi-word alias.
_MAKE_GROUPS = (
    "volkswagen vw volkswagon volkswagan vollkswagen vdub",
    "mercedes merc mercs mercedes_benz benz mercedez mercedes_bens",
    "bmw beemer beamer bimmer", "vauxhall vauxhal vauxall vaux", "skoda", "toyota", "ford", "nissan",
    "kia", "hyundai hundai hyundia", "peugeot peugot peugeot", "honda", "seat", "audi", "renault renualt",
    "citroen citroën", "fiat", "mazda", "volvo", "land_rover landrover range_rover rangerover",
    "mini", "jaguar jag", "lexus", "mitsubishi", "suzuki", "dacia", "tesla", "porsche", "alfa_romeo alfa",
    "jeep", "chevrolet chevy", "mg", "subaru", "smart", "cupra", "saab", "rover", "proton", "daewoo",
    "chrysler", "dodge", "infiniti", "ssangyong", "isuzu", "lotus", "bentley", "maserati", "ferrari",
    "lamborghini", "polestar", "byd", "ds", "abarth", "opel", "ldv", "iveco",
)
_MAKES = group_table(_MAKE_GROUPS)
_CANONICAL_MAKES = sorted(set(_MAKES.values()))

_COLOUR_GROUPS = (
    "grey gray", "silver", "black", "white", "red", "blue", "green", "yellow", "orange", "purple",
    "brown", "gold", "beige", "cream", "pink", "bronze", "maroon burgundy claret wine",
    "navy navy_blue", "turquoise teal", "dark", "light",
)
_COLOURS = group_table(_COLOUR_GROUPS)
# A shade's family: which base colour a witness would also accept.
_FAMILY = {"maroon": "red", "navy": "blue", "turquoise": "blue", "cream": "white", "beige": "brown",
           "bronze": "brown", "gold": "yellow", "dark": "dark", "light": "light"}
_FINISHES = {"metallic", "met", "pearl", "pearlescent", "matt", "matte", "gloss", "colour", "color",
             "coloured", "colored", "ish", "shade", "effect"}
_SHADES = {"dark", "light", "pale", "bright", "deep", "midnight", "sky", "royal", "baby", "gun", "gunmetal"}
# Words after a firm's name that are not part of its name.
_FIRM_WORDS = {"cars", "car", "taxis", "taxi", "cabs", "cab", "private", "hire", "ltd", "limited", "co",
               "company", "services", "service", "travel", "executive", "minicabs", "minicab", "the"}


@lru_cache(maxsize=4096)
def make_key(make: str) -> str:
    """"VW" -> "volkswagen", "Merc" -> "mercedes", "Toyta" -> "toyota" (a close typo of a known make)."""
    key = compact(make)
    if not key or key in _MAKES:
        return _MAKES.get(key, key)
    if len(key) >= 4:
        found = process.extractOne(key, _CANONICAL_MAKES, scorer=JaroWinkler.normalized_similarity,
                                   score_cutoff=0.9)
        if found:
            return str(found[0])
    return key


@lru_cache(maxsize=4096)
def model_key(model: str, make: str = "") -> str:
    """"C-Class" and "c class" -> "cclass"; a make repeated in the model ("VW Golf") is dropped."""
    words = fold(model).split()
    if len(words) > 1 and _MAKES.get(words[0]) and _MAKES.get(words[0]) == (make_key(make) or _MAKES[words[0]]):
        words = words[1:]
    return "".join(words)


def _colour_words(colour: str) -> list[str]:
    words = [w for w in fold(colour.replace("/", " or ")).split() if w not in _FINISHES]
    return [w for w in words if w not in {"or", "and", "with", "a", "very"}]


@lru_cache(maxsize=4096)
def colour_key(colour: str) -> str:
    """The colour as said, folded: "Gray" -> "grey", "Navy Blue" -> "navy", "dark grey" -> "dark grey".
    Of "silver/grey" the first colour is kept."""
    words = _colour_words(colour)
    out: list[str] = []
    for word in words:
        canonical = _COLOURS.get(word, word) if word not in _SHADES else word
        if word == "blue" and out and out[-1] == "navy":
            continue
        out.append(canonical)
        if canonical not in _SHADES:
            break
    return " ".join(out)


@lru_cache(maxsize=4096)
def colour_family(colour: str) -> str:
    """The base colour, for looser matching: "dark blue", "navy", "blue" -> "blue"; "silver" stays
    "silver" and "light grey" is "grey"."""
    words = colour_key(colour).split()
    bases = [w for w in words if w not in _SHADES]
    if bases:
        base = bases[0]
        return _FAMILY.get(base, base)
    return _FAMILY.get(words[0], words[0]) if words else ""


def vehicle_description_key(make: object = "", model: object = "", colour: object = "") -> str:
    """"make|model|colour family", each part "" when not known: ("VW", "Golf", "gray") ->
    "volkswagen|golf|grey". A blocking key for vehicles seen without a plate."""
    make_text = as_text(make)
    return "|".join((make_key(make_text), model_key(as_text(model), make_text), colour_family(as_text(colour))))


@lru_cache(maxsize=4096)
def firm_key(name: str) -> str:
    """A taxi or private-hire firm: "Star Cars", "STAR TAXIS", "star taxi" -> "star"."""
    words = fold(name).split()
    kept = [w for w in words if w not in _FIRM_WORDS]
    return "".join(kept or words)
