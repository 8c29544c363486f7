"""Who a clause is about: the child, or an adult or professional ("the man absconded", "Mum was drunk").

A rough reading that is good enough for case notes: split the words before a phrase into clauses at
punctuation, conjunctions and reporting verbs ("Mum says | she is out of control"), and take the first
person word of the nearest clause that has one. Words after a preposition ("found with two men") are
objects and are skipped; "her"/"his" before a person word ("her mother") belong to that word.
"""

from __future__ import annotations

import re

from joinedup.language.text import last_match

_BREAK = re.compile(
    r"[,;:()\u2014]|\s-\s|\b(?:and|but|that|as|because|when|while|after|although|though|if|before|since|so|"
    r"whereas)\b",
    re.IGNORECASE,
)
# The words before a reporting verb are the reporter ("Mum says | ..."), never the subject of what follows.
_REPORTING = re.compile(
    r"\b(?:says?|said|saying|reports?|reported|reporting|states?|stated|stating|told|tells|feels?|felt|thinks?|"
    r"thought|believes?|believed|describes?|described|describing|claims?|claimed|explained|disclosed|considers?|"
    r"considered|views?|viewed|sees?|saw|called|calls|labelled|recorded|records|wrote|writes|noted|notes|maintains?|"
    r"maintained|insists?|insisted|alleges?|alleged|admits?|admitted|accepts?|accepted|suggests?|suggested|"
    r"indicates?|indicated|confirms?|confirmed)\b",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")
_CHILD = frozenset(
    "she he they her him them girl girls boy boys child children yp cyp pupil pupils student students daughter son "
    "teenager teenagers victim victims teen teens juvenile juveniles friend friends peers peer sister".split()
)
_ADULT = frozenset(
    "man men male males adult adults suspect suspects offender offenders perpetrator perpetrators abuser abusers "
    "driver drivers mum mother mom dad father stepfather stepdad step-dad step-father stepmother stepmum parent "
    "parents carer carers partner uncle aunt grandfather grandmother nan gran landlord owner nominal nominals "
    "gang gangs ocg dealer dealers boyfriend brother cousin neighbour neighbours associate associates "
    "individual individuals people person".split()
)
_PROFESSIONAL = frozenset(
    "police officer officers pc dc ds sgt staff school teacher teachers worker workers nurse doctor we i "
    "manager professionals agencies".split()
)
_POSSESSIVE = frozenset({"her", "his", "their", "its"})
_PREPOSITIONS = frozenset("with by from to for of about at near towards against alongside among".split())
_FUNCTION_AFTER_HER = frozenset(
    "as to and with at in for on from was is were are has had been being out of up off".split()
)


def word_kind(word: str) -> str:
    """"child", "adult", "professional" or "" for one word ("Mum's" is "adult")."""
    return _kind(word)


def _kind(word: str) -> str:
    word = word.lower().replace("\u2019", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if word in _CHILD:
        return "child"
    if word in _ADULT:
        return "adult"
    if word in _PROFESSIONAL:
        return "professional"
    return ""


def _first_person(clause: str, past_professionals: bool) -> str:
    tokens = [t.lower() for t in _TOKEN.findall(clause)]
    for n, token in enumerate(tokens):
        if past_professionals and _kind(token) == "professional":
            continue
        if any(t in _PREPOSITIONS for t in tokens[max(0, n - 3):n]):
            continue
        if token in _POSSESSIVE:
            nxt = tokens[n + 1] if n + 1 < len(tokens) else ""
            if _kind(nxt):
                return _kind(nxt)
            if nxt and nxt not in _FUNCTION_AFTER_HER:
                continue  # "her behaviour": a determiner, not a person
            if token in ("her", "their"):
                return "child"
            continue
        if kind := _kind(token):
            return kind
    return ""


def subject_kind(text: str, floor: int, start: int, past_professionals: bool = False) -> str:
    """What the clause that text[start:] belongs to is about: "child", "adult", "professional" or "" (not
    known). With past_professionals, a professional subject is passed over for the person they act on
    ("police arrested the man for...": "adult")."""
    prefix = text[floor:start]
    last = last_match(_REPORTING, prefix)
    parts = _BREAK.split(prefix[last.end():] if last else prefix)
    for clause in reversed(parts):
        if kind := _first_person(clause, past_professionals):
            return kind
    return "child" if past_professionals else ""
