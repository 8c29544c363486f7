"""What a sentence says about the people in it: ages, adults, peers, and who the subject of a clause is.

The checker asks these questions only when a rule that depends on them matches, so they cost nothing for
the great majority of sentences.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from joinedup.language.text import Sentence

_UNITS = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70}
NUMBER_WORDS = {w: i + 1 for i, w in enumerate(_UNITS)} | {w: i + 10 for i, w in enumerate(_TEENS)} | _TENS
NUM = (r"(\d{1,2}|(?:twenty|thirty|forty|fifty|sixty|seventy)(?:[- ](?:" + "|".join(_UNITS) + r"))?|"
       + "|".join(_TEENS + _UNITS) + r")")
DECADE = r"(twenties|thirties|forties|fifties|sixties|seventies|20s|30s|40s|50s|60s|70s|teens)"
_DECADES = {"twenties": 25, "thirties": 35, "forties": 45, "fifties": 55, "sixties": 65, "seventies": 75}
_NOT_AN_AGE = (r"(?!\s*(?:miles?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|times?|%|percent|am|pm|"
               r"o'?clock|metres?|feet|kg|stone|pounds?|calls?|episodes?|incidents?|occasions?|pupils?|"
               r"children|students|people|of|older|younger|years?\s+(?:older|younger|ago|later|earlier))\b)(?![:./]\d)"
               r"(?!\s+(?-i:[A-Z][a-z]))")

AGE_PATTERNS = [re.compile(p, re.IGNORECASE) for p in (
    rf"\b{NUM}[- ]?(?:year|yr)s?[- ]?olds?\b",
    rf"\b{NUM}\s?(?:yo|y/o)\b",
    rf"\baged?\s+(?:about\s+|around\s+|approximately\s+|approx\.?\s+|roughly\s+|only\s+|just\s+)?{NUM}\b",
    rf"\bage\s+of\s+(?:about\s+|around\s+)?{NUM}\b",
    r"(?<=[A-Za-z] )\((?:aged?\s+)?(?:about\s+|approx\.?\s+|c\.\s*)?([5-9]|\d{2})(?:\s*(?:years|yrs|yo))?\)",
    r"(?<=[A-Za-z]),\s+(?:aged\s+)?(\d{1,2})(?=\s*(?:,|\.|;|$|\s+(?:and|who|was|is|were|has|had|from|of|with)\b))",
    rf"\b(?:who\s+is|who's|who\s+was|he\s+is|she\s+is|he\s+was|she\s+was|he's|she's|is|was|being|turned|"
    rf"turns)\s+(?:only\s+|just\s+|now\s+|about\s+|around\s+|nearly\s+|almost\s+)?{NUM}"
    rf"(?:\s+years(?:\s+(?:old|of\s+age))?)?\b{_NOT_AN_AGE}",
    rf"\bin\s+(?:his|her|their)\s+(?:early|mid|late)?[\s-]*{DECADE}",
)]
OLDER_BY = re.compile(rf"\b{NUM}\s+years?\s+older\b|\b(?:much|significantly|considerably|far|a\s+lot)\s+older\b",
                      re.IGNORECASE)

# An age right after one of these words belongs to them, not to a partner or an abuser.
_PARENT = (r"(?:mum|mother|mom|dad|father|parents?|carers?|step-?(?:mum|mother|dad|father)|nan|gran|grandmother|"
           r"grandfather|grandparents?)")
_FAMILY = _PARENT[:-1] + r"|brother|sister|siblings?|cousin|son|daughter|baby|niece|nephew)"
_PROFESSIONAL = (r"(?:teacher|(?:key\s*|social\s+|youth\s+|support\s+|family\s+)?workers?|officers?|nurse|doctor|gp|"
                 r"manager|staff|mentor|coach|therapist|counsellor|practitioner|professionals?|school|college)")
_ATTACHED_TO_PARENT = re.compile(r"\b" + _PARENT + r"'?s?\W{0,3}(?:\w+\W{1,3})?$", re.IGNORECASE)
_ATTACHED_TO_FAMILY = re.compile(r"\b" + _FAMILY + r"'?s?\W{0,3}(?:\w+\W{1,3})?$", re.IGNORECASE)

ADULT_WORDS = re.compile(
    r"\b(?:(?<!trusted\s)(?<!safe\s)(?<!protective\s)(?<!appropriate\s)(?<!responsible\s)(?<!supportive\s)"
    r"(?<!positive\s)(?<!safe\s)(?<!caring\s)(?<!young\s)adults?(?!\s+(?:social\s+care|services|mental\s+health|"
    r"education|learning|safeguarding|team))|grown[- ](?:men|man|ups?)|over[- ]18s?|"
    r"(?:older|elderly)\s+(?:\w+\s+)?(?:man|men|males?|wom[ae]n|females?|boyfriends?|girlfriends?|partners?|"
    r"persons?|people|friends?|lads|guys|associates)|(?<!young\s)(?<!young\s\s)(?:man|men)|landlords?|"
    r"(?:taxi|cab|minicab|delivery)\s+drivers?|(?:takeaway|shop|restaurant)\s+(?:owners?|workers?|staff|managers?)|"
    r"shopkeepers?|suspects?|offenders?|perpetrators?|abusers?)\b",
    re.IGNORECASE,
)
PEER_WORDS = re.compile(
    r"\b(?:peers?|peer[- ]on[- ]peer|same\s+age|both\s+(?:aged\s+)?1[0-7]\b|(?:her|his|their)\s+(?:own\s+)?age|similar\s+age|"
    r"in\s+(?:her|his|their|the\s+same)\s+(?:year|class|form)|classmates?|fellow\s+pupils?|"
    r"(?:boy|girl|lad|pupil|student)s?\s+(?:from|at|in)\s+(?:her|his|their|the\s+same)\s+(?:school|year|class|college))\b",
    re.IGNORECASE,
)
_PARTNER_WORDS = r"(?:boyfriends?|girlfriends?|partners?|friends?|boys?|girls?|lads?|pupils?)"


@dataclass(frozen=True, slots=True)
class Age:
    value: int | None  # None: "in his teens" (a child or a young adult)
    start: int
    end: int


def _number(token: str) -> int:
    token = token.lower()
    if token.isdigit():
        return int(token)
    if token in _DECADES:
        return _DECADES[token]
    if token.endswith("0s") and token[:-1].isdigit():
        return int(token[:-1]) + 5
    if token == "teens":
        return -1
    parts = re.split(r"[- ]", token)
    return sum(NUMBER_WORDS.get(p, 0) for p in parts)


def find_ages(text: str, start: int, end: int) -> list[Age]:
    """Ages written in text[start:end], with their offsets."""
    found: list[Age] = []
    seen: set[int] = set()
    chunk = text[start:end]
    for pattern in AGE_PATTERNS:
        for m in pattern.finditer(chunk):
            g = next(i for i in range(1, (m.lastindex or 0) + 1) if m.group(i))
            if m.start(g) in seen:
                continue
            seen.add(m.start(g))
            value = _number(m.group(g))
            if 0 < value < 100 or value == -1:
                found.append(Age(None if value == -1 else value, start + m.start(), start + m.end()))
    return found


@dataclass
class Person:
    """A person the caller knows about (a mention): the names to look for, their age and role."""

    names: tuple[str, ...]
    age: int | None
    role: str = ""


def _get(obj, name: str):
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)


def people_from_mentions(mentions: Iterable | None, today: dt.date | None = None) -> list[Person]:
    """Mentions (interchange dicts or Mention-like objects) as Persons; other kinds are ignored."""
    out: list[Person] = []
    today = today or dt.date.today()
    for m in mentions or ():
        if (_get(m, "kind") or "person") != "person":
            continue
        age = _age(_get(m, "approx_age") if _get(m, "approx_age") is not None else _get(m, "age"), _get(m, "dob"), today)
        given, family = _get(m, "given_name") or "", _get(m, "family_name") or ""
        names = [n for n in (given, _get(m, "nickname") or "", _get(m, "name") or "",
                             f"{given} {family}".strip() if given and family else "") if n]
        out.append(Person(tuple(names), age, _get(m, "role") or ""))
    return out


def _age(age, dob, today: dt.date) -> int | None:
    """An age from a number or a date of birth; None when neither is usable."""
    try:
        if age is not None:
            return int(age)
        if dob:
            born = dt.date.fromisoformat(dob) if isinstance(dob, str) else dob
            return today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    except (TypeError, ValueError):
        pass
    return None


@dataclass
class Facts:
    """What one sentence says about ages and the people in it."""

    ages: list[Age]
    adult: bool  # an adult of concern appears (an adult age, "older man", a named adult)
    adult_age: bool  # an adult's age is written
    peer: bool  # the people in it are children of similar ages
    under_13: bool  # a child's age under 13 appears
    partner_adult: bool = False  # as adult, leaving out ages that belong to relatives


@dataclass
class Context:
    """A text with its blanked quotations, sentences and what the caller knows about the people."""

    text: str
    masked: str
    spans: list[Sentence]
    child_age: int | None = None
    adult_mentioned: bool | None = None
    people: list[Person] = field(default_factory=list)
    _facts: dict[int, Facts] = field(default_factory=dict)

    def facts(self, i: int) -> Facts:
        if i not in self._facts:
            self._facts[i] = self._read(self.spans[i])
        return self._facts[i]

    def _read(self, sent: Sentence) -> Facts:
        text = self.text
        ages = find_ages(text, sent.start, sent.end)

        def attached(pattern: re.Pattern, age: Age) -> bool:
            return bool(pattern.search(text[max(sent.start, age.start - 30):age.start]))

        adult_ages = [a for a in ages if a.value is not None and a.value >= 18 and not attached(_ATTACHED_TO_PARENT, a)]
        child_ages = [a for a in ages if a.value is not None and a.value < 18]
        young = [a for a in child_ages if a.value is not None and a.value < 13 and not attached(_ATTACHED_TO_FAMILY, a)]
        chunk = text[sent.start:sent.end]
        words = bool(ADULT_WORDS.search(chunk) or OLDER_BY.search(chunk))
        named = any(p.age is not None and p.age >= 18 and _names_in(p, chunk) for p in self.people)
        adult = bool(adult_ages) or words or named
        # "her older sister is 19 and has a boyfriend": a relative's age says nothing about a partner
        partner_adult = words or named or any(not attached(_ATTACHED_TO_FAMILY, a) for a in adult_ages)
        plural = any(text[a.start:a.end].lower().endswith("olds") for a in child_ages)  # "two 15-year-olds"
        peer = bool(PEER_WORDS.search(chunk)) or len(child_ages) >= 2 or plural
        peer = peer and not adult_ages
        return Facts(ages, adult, bool(adult_ages), peer, bool(young), partner_adult)

    def adult_in_view(self, i: int) -> bool:
        """An adult is in this sentence, in the one before it, or the caller says one is involved."""
        now = self.facts(i)
        if now.adult:
            return True
        if now.peer:
            return False
        return bool(self.adult_mentioned) or (i > 0 and self.facts(i - 1).adult)

    def peer_in_view(self, i: int) -> bool:
        """The people in this sentence (or the one before) are children of similar age."""
        return self.facts(i).peer or (i > 0 and self.facts(i - 1).peer and not self.facts(i).adult)

    def under_13(self, i: int) -> bool:
        if self.child_age is not None:
            return self.child_age < 13
        return self.facts(i).under_13

    def is_adult_child(self) -> bool:
        """The person the record is about is 18 or over: the child-only rules do not apply."""
        return self.child_age is not None and self.child_age >= 18


def object_is_parent(ctx: Context, i: int, end: int) -> bool:
    """The "with X" after end names a parent or carer (an adult relative)."""
    after = ctx.text[end:ctx.spans[i].end]
    return bool(re.match(r"\s*with\s+(?:her|his|their|the|an?)?\s*(?:\w+\s+)?" + _PARENT + r"\b", after, re.IGNORECASE)
                or re.match(r"\s*with\s+(?:her|his|their|the|an?)?\s*(?:uncle|step-?\w+|(?:mum|mother)'s\s+partner)\b",
                            after, re.IGNORECASE))


def _names_in(person: Person, chunk: str) -> bool:
    return any(re.search(rf"\b{re.escape(n)}\b", chunk) for n in person.names)


_BEFORE_PARTNER = [
    (re.compile(rf"\b{NUM}[- ]?(?:year|yr)s?[- ]?old\s+(?:\w+\s+)?$", re.IGNORECASE), "age"),
    (re.compile(r"\b(?:older|much\s+older|adult|grown[- ]up|elderly|middle-aged)\s+(?:\w+\s+)?$", re.IGNORECASE),
     "adult"),
    (re.compile(r"\b(?:teenage|teen|young|school|same[- ]age|underage)\s+$", re.IGNORECASE), "peer"),
]
_AFTER_PARTNER = [
    (re.compile(rf"^[\s,(]*(?:who\s+is\s+|who's\s+|who\s+was\s+|is\s+|was\s+|aged?\s+|now\s+)?(?:about\s+|around\s+|"
                rf"approximately\s+|only\s+|just\s+)?{NUM}\b{_NOT_AN_AGE}", re.IGNORECASE), "age"),
    (re.compile(rf"^[\s,(]*(?:who\s+is\s+|is\s+|was\s+)?(?:a|an)\s+{NUM}[- ]?(?:year|yr)s?[- ]?old", re.IGNORECASE),
     "age"),
    (re.compile(rf"^[\s,(]*(?:who\s+is\s+|is\s+|was\s+)?in\s+(?:his|her|their)\s+(?:early|mid|late)?[\s-]*{DECADE}",
                re.IGNORECASE), "age"),
    (re.compile(r"^[\s,(]*(?:who\s+is\s+|is\s+|was\s+)?(?:much\s+|significantly\s+|considerably\s+|a\s+lot\s+|"
                r"\w+\s+years\s+)?older\b|^[\s,(]*(?:who\s+is\s+|is\s+|was\s+)?(?:an?\s+)?(?:adult|grown\s+man|"
                r"older\s+\w+|man|(?:taxi\s+)?driver|landlord)\b", re.IGNORECASE), "adult"),
    (re.compile(r"^[\s,(]*(?:who\s+is\s+|is\s+|was\s+|also\s+)*(?:a\s+)?(?:fellow\s+)?(?:pupil|student|classmate|peer|"
                r"in\s+(?:her|his|the\s+same)\s+(?:year|class|form)|the\s+same\s+age|(?:her|his)\s+age|"
                r"from\s+(?:her|his|the\s+same)\s+school)", re.IGNORECASE), "peer"),
]


def _attached(kind: str, m: re.Match) -> str:
    if kind != "age":
        return kind
    value = _number(m.group(1))
    return "adult" if value >= 18 else ("peer" if value > 0 else "")


def partner_status(ctx: Context, i: int, start: int, end: int) -> str | None:
    """Whether the boyfriend/girlfriend/partner at text[start:end] is an adult ("adult"), a child of similar
    age ("peer"), or unknown (None)."""
    sent, text = ctx.spans[i], ctx.text
    before, after = text[max(sent.start, start - 40):start], text[end:min(sent.end, end + 60)]
    for pattern, kind in _BEFORE_PARTNER:
        if m := pattern.search(before):
            return _attached(kind, m) or None
    for pattern, kind in _AFTER_PARTNER:
        if m := pattern.search(after):
            return _attached(kind, m) or None
    return _sentence_status(ctx, i)


def relationship_status(ctx: Context, i: int, start: int, end: int) -> str | None:
    """Like partner_status for "relationship (with X)": X is read from the words after "with". "family" when X
    is a relative or a professional ("her relationship with her mother")."""
    sent, text = ctx.spans[i], ctx.text
    after = text[end:sent.end]
    m = re.match(r"\s*with\s+(.{0,70})", after, re.IGNORECASE | re.DOTALL)
    if m:
        obj = re.split(r"[;.]|\bbut\b|\band\s+(?:she|he|they)\b", m.group(1))[0]
        if re.match(r"(?:her|his|their|the|an?)?\s*(?:own\s+)?(?:[\w-]+\s+){0,2}?(?:" + _FAMILY + "|" + _PROFESSIONAL
                    + r")\b", obj, re.IGNORECASE):
            return "family"
        ages = [a.value for a in find_ages(obj, 0, len(obj)) if a.value]
        if any(a >= 18 for a in ages) or ADULT_WORDS.search(obj) or OLDER_BY.search(obj):
            return "adult"
        if ages or PEER_WORDS.search(obj) or re.search(rf"\b{_PARTNER_WORDS}\b", obj, re.IGNORECASE):
            return "peer" if ages or PEER_WORDS.search(obj) else _sentence_status(ctx, i)
        if any(p.age is not None and _names_in(p, obj) for p in ctx.people):
            person = next(p for p in ctx.people if p.age is not None and _names_in(p, obj))
            return "adult" if person.age is not None and person.age >= 18 else "peer"
    return _sentence_status(ctx, i)


def _sentence_status(ctx: Context, i: int) -> str | None:
    sent = ctx.spans[i]
    chunk = ctx.text[sent.start:sent.end]
    for person in ctx.people:
        if person.age is not None and _names_in(person, chunk):
            return "adult" if person.age >= 18 else "peer"
    facts = ctx.facts(i)
    if facts.peer:
        return "peer"
    if facts.partner_adult or ctx.adult_mentioned:
        return "adult"
    partners = [p for p in ctx.people if p.role == "described_as_partner" and p.age is not None]
    if partners:
        return "adult" if any(p.age is not None and p.age >= 18 for p in partners) else "peer"
    if i > 0 and ctx.facts(i - 1).partner_adult:
        return "adult"
    return None
