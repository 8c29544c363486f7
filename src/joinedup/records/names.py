"""Name and postcode keys for matching children. Plain functions, no database."""

from __future__ import annotations

import re
import unicodedata

# Common English given-name variants and nicknames, each group mapped to one canonical form.
# Data, not code: extend the groups, never special-case in the matcher.
_VARIANT_GROUPS = [
    "katherine catherine kathryn katharine kate katie katy kat kathy cathy kitty",
    "elizabeth liz lizzie lizzy beth betty eliza libby elise",
    "rebecca becky bex becca",
    "jessica jess jessie",
    "victoria vicky vicki tori",
    "samantha sam sammy",
    "alexandra alex alexa lexi sandra",
    "abigail abbie abby abi",
    "charlotte charlie lottie",
    "olivia liv livvy",
    "jennifer jenny jen jenna",
    "margaret maggie meg peggy",
    "kayleigh kayley kaylee kaley kailey",
    "chelsea chelsey chelsie",
    "danielle dani",
    "stephanie steph",
    "natalie nat natalia",
    "nicole nicky nikki",
    "amelia amy millie",
    "emily em emmy",
    "hannah hanna",
    "megan meg meghan",
    "chloe cloe",
    "zoe zoey",
    "leah lea",
    "sophie sophia soph",
    "lucy lu",
    "michael mike mikey mick",
    "mohammed muhammad mohammad mohamed mohamad mo",
    "william will bill billy liam",
    "thomas tom tommy",
    "joseph joe joey",
    "daniel dan danny",
    "jacob jake",
    "james jim jimmy jamie",
    "robert rob bob bobby robbie",
    "christopher chris kit",
    "matthew matt matty",
    "nicholas nick nicky",
    "benjamin ben benny",
    "samuel sammy",
    "joshua josh",
    "callum calum",
    "aidan aiden",
    "connor conor",
    "anthony tony",
    "harry harrison henry",
    "jonathan jon jonny johnny john",
    "richard rich ricky dick",
    "edward ed eddie ted",
    "aleksandra ola",
    "zuzana zuzka",
]
_CANONICAL = {name: group.split()[0] for group in _VARIANT_GROUPS for name in group.split()}

_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})$")


def fold(text: str) -> str:
    """Lower case, accents removed, only letters, digits and single spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return text.strip()


def name_key(name: str) -> str:
    """A family-name key: folded, no spaces or hyphens ("O'Neill" and "ONeill" agree)."""
    return fold(name).replace(" ", "")


def given_key(name: str) -> str:
    """A given-name key: the first given name, folded, mapped through the variant table (the richer
    table of identity.normalise.given_names, which includes every group here)."""
    from joinedup.identity.normalise.given_names import given_key as canonical

    folded = fold(name)
    first = folded.split(" ")[0] if folded else ""
    return canonical(first)


def given_variants(first: str) -> frozenset[str]:
    """Every canonical name a folded first given name may stand for."""
    from joinedup.identity.normalise.given_names import given_groups

    return given_groups(first)


def postcode_key(postcode: str) -> str:
    """A UK postcode in canonical form ("nt4 2qp" -> "NT4 2QP"); anything else folded and upper-cased."""
    compact = re.sub(r"[^A-Za-z0-9]", "", postcode).upper()
    match = _POSTCODE.match(compact)
    if match:
        return f"{match.group(1)} {match.group(2)}"
    return compact[:10]


def postcode_district(key: str) -> str:
    return key.split(" ")[0] if " " in key else ""


def are_variants(a: str, b: str) -> bool:
    first_a, first_b = fold(a).split(" ")[0], fold(b).split(" ")[0]
    return bool(first_a and first_b) and bool(given_variants(first_a) & given_variants(first_b))
