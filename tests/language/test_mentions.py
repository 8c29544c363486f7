"""Number plates, phone numbers, postcodes and online handles found in a text, with their offsets."""

import pytest

from joinedup.language import suggest_mentions

CASES = [
    ("A black Golf, registration YX19 ABC, collected her.", "vehicle", "YX19 ABC"),
    ("Partial plate YX1? A?C seen by a neighbour.", "vehicle", "YX1? A?C"),
    ("The car (plate AB12CDE) was parked outside.", "vehicle", "AB12 CDE"),
    ("An older Ford, P123 ABC, was seen.", "vehicle", "P123 ABC"),
    ("A suffix plate ABC 123D was noted.", "vehicle", "ABC 123D"),
    ("First letters only: ?X19 ??? according to CCTV.", "vehicle", "?X19 ???"),
    ("Call him on 07700 900123.", "phone", "07700900123"),
    ("His number is 07700-900-456.", "phone", "07700900456"),
    ("Messages came from +44 7700 900789.", "phone", "07700900789"),
    ("Landline 0114 496 0123 rang twice.", "phone", "01144960123"),
    ("Partial number 07700 900??? from her phone.", "phone", "07700900???"),
    ("She was found at a flat in S60 2TH.", "place", "S60 2TH"),
    ("The takeaway is at 12 High St, Rotherham S65 1AA.", "place", "S65 1AA"),
    ("London address: SW1A 1AA.", "place", "SW1A 1AA"),
    ("He messages her as @tommy_k99 on Snapchat.", "online", "@tommy_k99"),
    ("Instagram account @big.dave.official has been following her.", "online", "@big.dave.official"),
    ("His Snapchat name is dazzler_01 and he adds girls from school.", "online", "@dazzler_01"),
]


@pytest.mark.parametrize(("text", "kind", "value"), CASES)
def test_it_finds_the_mention_with_its_offsets(text, kind, value):
    found = [m for m in suggest_mentions(text) if m.kind == kind]
    assert [m.value for m in found] == [value]
    m = found[0]
    assert text[m.start:m.end].replace(" ", "").replace("-", "").replace("+44", "0").upper().startswith(
        value.replace(" ", "").replace("@", "")[:3].upper()) or text[m.start:m.end].lstrip("@") == value.lstrip("@")


def test_handles_know_their_platform():
    [m] = suggest_mentions("He messages her as @tommy_k99 on Snapchat.")
    assert m.platform == "Snapchat"


@pytest.mark.parametrize("text", [
    "Email her at amy.smith@example.com about the meeting.",  # an email address is not a handle
    "Attendance is 96% and she scored 12 out of 20.",
    "The meeting is at 10:30 on 12/03/2024.",
    "Her NHS number is 943 476 5919.",
    "CAMHS and MASH were both informed.",
    "She is in Year 10 and likes maths.",
])
def test_it_does_not_mistake_ordinary_text_for_mentions(text):
    assert suggest_mentions(text) == []


def test_several_mentions_come_back_in_order():
    text = "Seen in YX19 ABC near S60 2TH; he texted from 07700 900123 and is @dazz on Instagram."
    assert [m.kind for m in suggest_mentions(text)] == ["vehicle", "place", "phone", "online"]
