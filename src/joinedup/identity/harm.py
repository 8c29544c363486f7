"""Which links between a child and an entity count towards an alert. Plain data and functions.

A link counts when what the concern says makes it a possible sign of abuse or exploitation; benign hubs
(schools, parks, shops, professionals, a child's own family and household, school transport) do not
raise alerts by themselves. No protected characteristic (ethnicity, religion, nationality) is ever an
input here: the rule reads only categories, indicators, the mention's kind and role, and the venue type.
"""

from __future__ import annotations

from rapidfuzz.distance import JaroWinkler

from joinedup.identity.normalise.addresses import address_key, address_similarity
from joinedup.identity.normalise.places import numbered_address
from joinedup.records.names import fold
from joinedup.records.vocabulary import significant

HARM_CATEGORIES = frozenset({"sexual_abuse", "sexual_exploitation", "criminal_exploitation"})
SEXUAL_HARM = frozenset({"sexual_abuse", "sexual_exploitation"})

# Roles that are themselves a sign of exploitation, whatever the concern's categories.
EXPLOITATION_ROLES = frozenset({"gave_gifts_or_money", "supplied_alcohol_or_drugs", "described_as_partner"})
# Roles that count when the concern carries harm signals (sexual abuse or exploitation categories, or a
# significant exploitation indicator). Contact alone is not enough: gaming and chat accounts contact
# many children for ordinary reasons. "other" never counts: it says nothing about what happened.
SIGNAL_ROLES = frozenset({"suspected_abuser", "transported_child", "seen_with", "found_at", "went_missing_to", "taken_to", "contacted_child"})
# A child's family and household count only where the concern is about sexual abuse or exploitation
# (intra-familial abuse). So does an adult who shares the child's family name, whatever their role: a
# parent suspected of hitting two of their children is a family's harm, not a pattern across children.
FAMILY_ROLES = frozenset({"relative", "parent_or_carer", "household_member"})
# Never by themselves: professionals, peers, the child's own phone, where the child lives or studies.
BENIGN_ROLES = frozenset({"professional", "peer", "belongs_to_child", "lives_at", "attends"})
# Public places where many children are seen for ordinary reasons; and private places (where a child
# being found or taken is itself a sign).
PUBLIC_VENUES = frozenset({"park", "shop", "school_gate", "taxi_rank", "car_park"})
PRIVATE_VENUES = frozenset({"home", "flat", "house", "hotel", "takeaway"})


def implied_venue(name: str, address: str) -> str:
    """A place given only as a street address with a house or flat number is somebody's home."""
    return "house" if not name and numbered_address(address) else ""


def harm_signals(categories, indicators) -> bool:
    return bool(HARM_CATEGORIES.intersection(categories)) or bool(significant(list(indicators)))


def same_family(adult: str, children) -> bool:
    """Whether an adult's family name is one of the children's, as hurried people write names: a typo,
    a double-barrelled name against one of its parts ("Brackenthwaite-Quill", "Brackenthwaite")."""
    mine = fold(adult)
    if not mine:
        return False
    key, parts = mine.replace(" ", ""), {p for p in mine.split() if len(p) >= 3}
    for child in children:
        theirs = fold(child)
        if not theirs:
            continue
        other = theirs.replace(" ", "")
        if other == key or parts & set(theirs.split()) or JaroWinkler.similarity(key, other) >= 0.92:
            return True
    return False


def same_home(adult: str, children) -> bool:
    """Whether an adult's address is one of the children's own homes: the same numbered address (and
    flat, if either gives one). A street alone says nothing."""
    mine = address_key(adult)
    return bool(mine.number) and any(address_similarity(mine, address_key(theirs)) == "exact" for theirs in children)


def counts(kind: str, role: str, venue_type: str, categories, indicators, family: bool = False) -> bool:
    """Whether a mention of this kind and role, in a concern with these categories and indicators,
    counts as evidence linking the concern's children to the entity. `family`: the mention is a person
    of the child's own family (by name), whatever role the writer gave them."""
    if role in BENIGN_ROLES:
        return False
    if family and kind == "person":
        return bool(SEXUAL_HARM.intersection(categories))
    if kind == "place":
        # A child found at the bus station or the library is not, by itself, linked to anyone; a child
        # found at, or taken to, a flat, house, hotel or takeaway is.
        if venue_type in PUBLIC_VENUES:
            return False
        if venue_type not in PRIVATE_VENUES and role != "taken_to":
            return False
        if role == "other":
            # A private address named in a concern about sexual abuse or exploitation is where it may be
            # happening, whatever the writer called its part ("the house of a relative").
            return bool(SEXUAL_HARM.intersection(categories))
    if role in EXPLOITATION_ROLES:
        return True
    if role in FAMILY_ROLES:
        return bool(SEXUAL_HARM.intersection(categories))
    if role in SIGNAL_ROLES:
        return harm_signals(categories, indicators)
    return False
