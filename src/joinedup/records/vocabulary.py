"""The interchange vocabulary with plain-English labels (shared/product/DOMAIN.md), and urgency.

Urgency orders the front-door queue; it is derived from what the concern says, never from who the child
is (no protected characteristic is an input).
"""

from __future__ import annotations

CATEGORIES: dict[str, str] = {
    "neglect": "Neglect",
    "physical_abuse": "Physical abuse",
    "emotional_abuse": "Emotional abuse",
    "sexual_abuse": "Sexual abuse",
    "sexual_exploitation": "Child sexual exploitation",
    "criminal_exploitation": "Child criminal exploitation",
    "domestic_abuse": "Domestic abuse",
    "missing": "Missing",
    "mental_health": "Mental health",
    "substance_misuse": "Substance misuse",
    "school_attendance": "School attendance",
    "online_harm": "Online harm",
    "other": "Other",
}

# code: (label, weight class)
INDICATORS: dict[str, tuple[str, str]] = {
    "missing_overnight": ("Going missing overnight or longer", "significant"),
    "missing_repeat": ("Repeated missing episodes", "significant"),
    "controlling_older_person": ("Relationship with a controlling older person", "significant"),
    "vehicles_unknown_adults": ("Getting into vehicles driven by unknown adults", "significant"),
    "unexplained_money_gifts": ("Unexplained money, clothes, phones or other items", "significant"),
    "hotels_taxis_takeaways": ("Unexplained contact with hotels, taxi firms or takeaways", "significant"),
    "places_known_exploitation": ("Seen at places known for exploitation", "significant"),
    "online_grooming": ("Groomed or abused online", "significant"),
    "injuries_unexplained": ("Injuries with no plausible explanation", "significant"),
    "disclosure_withdrawn": ("Reported an assault then withdrew it", "significant"),
    "peers_exploited": ("Friends involved in exploitation", "significant"),
    "staying_out_late": ("Staying out late", "moderate"),
    "multiple_callers": ("Unknown adults calling or collecting", "moderate"),
    "concerning_phone_internet": ("Phone or internet use that causes concern", "moderate"),
    "despair_self_harm": ("Self-harm, overdose, eating disorder or despair", "moderate"),
    "school_absence": ("Exclusion or unexplained absence from school", "moderate"),
    "sti_pregnancy": ("Sexually transmitted infection or pregnancy", "moderate"),
    "alcohol_misuse": ("Alcohol misuse (often supplied by adults)", "moderate"),
    "drug_misuse": ("Drug misuse (often supplied by adults)", "moderate"),
    "abuse_in_family": ("Neglect or abuse by a parent, carer or family member", "vulnerability"),
    "family_breakdown": ("Breakdown of family relationships", "vulnerability"),
    "domestic_abuse_home": ("Domestic abuse, substance misuse or mental ill-health in the family", "vulnerability"),
    "low_self_esteem": ("Low self-esteem", "vulnerability"),
    "unsuitable_accommodation": ("Unsuitable accommodation, looked after or placed out of area", "vulnerability"),
    "isolated": ("Isolated from peers; no protective adult", "vulnerability"),
}

MENTION_ROLES: dict[str, list[str]] = {
    "person": [
        "suspected_abuser", "seen_with", "gave_gifts_or_money", "supplied_alcohol_or_drugs",
        "transported_child", "described_as_partner", "contacted_child", "parent_or_carer", "relative",
        "household_member", "professional", "peer", "other",
    ],
    "vehicle": ["transported_child", "seen_with", "other"],
    "phone": ["contacted_child", "belongs_to_child", "other"],
    "place": ["found_at", "went_missing_to", "taken_to", "lives_at", "attends", "other"],
    "online": ["contacted_child", "other"],
}

MENTION_FIELDS: dict[str, list[str]] = {
    "person": [
        "given_name", "family_name", "nickname", "dob", "approx_age", "sex", "ethnicity", "nationality",
        "description", "phone", "address", "postcode",
    ],
    "vehicle": ["plate", "make", "model", "colour", "taxi_firm"],
    "phone": ["number"],
    "place": ["name", "address", "postcode", "venue_type"],
    "online": ["platform", "handle"],
}

VENUE_TYPES = ["home", "flat", "house", "hotel", "takeaway", "taxi_rank", "school_gate", "park", "shop", "car_park", "other"]

HARM_CATEGORIES = frozenset({"sexual_abuse", "sexual_exploitation", "criminal_exploitation"})
SERIOUS_CATEGORIES = frozenset({"physical_abuse", "missing", "domestic_abuse", "online_harm", "neglect", "emotional_abuse"})


def significant(indicators: list[str]) -> list[str]:
    return [code for code in indicators if INDICATORS.get(code, ("", ""))[1] == "significant"]


def urgency(categories: list[str], indicators: list[str]) -> int:
    """3: sexual abuse or exploitation, or a significant exploitation indicator; 2: other serious harm;
    1: everything else."""
    if HARM_CATEGORIES.intersection(categories) or significant(indicators):
        return 3
    if SERIOUS_CATEGORIES.intersection(categories):
        return 2
    return 1


URGENCY_LABELS = {3: "Possible sexual abuse or exploitation", 2: "Possible serious harm", 1: "Other concern"}


def role_label(role: str) -> str:
    return role.replace("_", " ")
