import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from joinedup.identity.normalise.plates import plate_key, plate_similarity, plates_compatible


@pytest.mark.parametrize(
    "written",
    ["YK62 HBD", "yk62hbd", "Yk 62 hbd", "YK62HBD", " yk62 hbd ", "YK 62 HBD", "YK62-HBD", "y k 6 2 h b d",
     "YK62 H8D", "YK6Z HBD", "YKG2 HBD", "reg YK62 HBD", "silver prius yk62hbd", "YK62 HBD (taxi)"],
)
def test_it_reads_every_way_of_writing_the_same_current_plate(written):
    key = plate_key(written)
    assert key.text == "YK62 HBD"
    assert key.complete
    assert key.format == "current"


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("YO51 AB0", "YO51 ABO"),  # 0 where a letter goes
        ("AB1I CDE", "AB11 CDE"),  # I where a digit goes
        ("AB5S CDE", "AB55 CDE"),
        ("8A12 CDE", "BA12 CDE"),
        ("AB12 C0E", "AB12 COE"),
        ("AB12 1DE", "AB12 IDE"),
        ("AB12 5DE", "AB12 SDE"),
        ("AB12 2DE", "AB12 ZDE"),
        ("AB12 6DE", "AB12 GDE"),
    ],
)
def test_it_resolves_misread_characters_by_position(written, canonical):
    assert plate_key(written).text == canonical


@pytest.mark.parametrize(
    ("written", "canonical", "fmt"),
    [
        ("A123 BCD", "A123 BCD", "prefix"),
        ("a123bcd", "A123 BCD", "prefix"),
        ("A12 BCD", "A12 BCD", "prefix"),
        ("A1 BCD", "A1 BCD", "prefix"),
        ("ABC 123D", "ABC 123D", "suffix"),
        ("abc123d", "ABC 123D", "suffix"),
        ("ABC 1D", "ABC 1D", "suffix"),
        ("ABC 1234", "ABC 1234", "dateless"),
        ("1234 AB", "1234 AB", "dateless"),
        ("A 1", "A 1", "dateless"),
        ("A1Z3 BCD", "A123 BCD", "prefix"),  # a misread in an older format is resolved too
    ],
)
def test_it_recognises_the_older_formats(written, canonical, fmt):
    key = plate_key(written)
    assert (key.text, key.format) == (canonical, fmt)


@pytest.mark.parametrize(
    ("written", "canonical", "known"),
    [
        ("YK6? H?D", "YK6? H?D", 5),
        ("yk6? h?d", "YK6? H?D", 5),
        ("YK62 H*D", "YK62 H?D", 6),
        ("YK62 H_D", "YK62 H?D", 6),
        ("YK62...", "YK62 ???", 4),
        ("YK62…", "YK62 ???", 4),
        ("...HBD", "???? HBD", 3),
        ("YK62", "YK62 ???", 4),  # the start of a current plate, the rest not said
        ("YK62 H", "YK62 H??", 5),
        ("Y?62 ?8D", "Y?62 ?BD", 5),  # misreads are resolved in partial plates as well
    ],
)
def test_it_keeps_unknown_characters_as_wildcards(written, canonical, known):
    key = plate_key(written)
    assert key.text == canonical
    assert not key.complete
    assert key.known == known
    assert key.pattern == canonical.replace(" ", "").replace("?", "_")


@pytest.mark.parametrize("written", ["", None, "???", "unknown", "Not known", "n/k", "N/A", "none", "didn't see",
                                     "dont know", "?? ???", ["YK62 HBD"]])
def test_it_gives_an_empty_key_when_nothing_was_seen(written):
    key = plate_key(written)
    assert key.text == ""
    assert not key.complete
    assert not plates_compatible(key, "YK62 HBD")


@pytest.mark.parametrize(
    ("written", "canonical"),
    [("Y865 GRZ", "YB65 GRZ"), ("Y505 OBS", "YS05 OBS"), ("y808kob", "YB08 KOB"), ("Y051 AB0", "YO51 ABO")],
)
def test_a_look_alike_after_the_first_letter_is_read_as_a_current_plate_rather_than_a_prefix_one(written, canonical):
    """Prefix plates are a small share of cars; a B misread as 8 is common. So the current format wins."""
    assert plate_key(written).text == canonical
    assert plates_compatible(written, canonical)


@pytest.mark.parametrize(
    ("written", "fmt"),
    [("A123 BCD", "prefix"),  # "AI23" breaks the current rules (no I in a memory tag)
     ("H512 ABC", "current"),  # read as HS12 ABC: a genuine prefix plate keys the same way every time
     ("1234 ABC", "dateless"),  # "IZ34 ABC" breaks the current rules, "I234 ABC" the prefix ones
     ("IQ00 QQQ", "current")],  # no reading keeps the rules: the one needing fewest corrections
)
def test_the_issuing_rules_decide_between_formats(written, fmt):
    assert plate_key(written).format == fmt


def test_it_keeps_text_that_is_no_plate_format_as_written():
    key = plate_key("hello")
    assert (key.text, key.format, key.complete) == ("HELLO", "unknown", True)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("YK6? H?D", "YK62 HBD"),
        ("YK62 ???", "yk62hbd"),
        ("YK62...", "YK62 HBD"),
        ("???? HBD", "YK62 HBD"),
        ("Y?62 H?D", "YK6? HBD"),  # two partial plates that agree where both are known
        ("YK62 H8D", "YK62 HBD"),
        ("Y5?5 OBS", "YS05 OBS"),  # a look-alike in a partial plate still agrees
    ],
)
def test_a_partial_plate_matches_a_full_plate_whose_known_characters_agree(a, b):
    assert plates_compatible(a, b)
    assert plates_compatible(b, a)
    assert 0 < plate_similarity(a, b) <= 1


@pytest.mark.parametrize(
    ("a", "b"),
    [("YK62 HBD", "YK62 HBE"), ("YK62 HBD", "YK63 HBD"), ("YK62 HBD", "YL62 HBD"), ("YK62 HBD", "HBD YK62"),
     ("A123 BCD", "A123 BCE"), ("YK62 HBD", "YK62 HDB"), ("YK62 HBD", "A123 BCD")],
)
def test_two_different_full_plates_never_match(a, b):
    """Even one character apart they are different cars: a near miss is not evidence."""
    assert not plates_compatible(a, b)
    assert plate_similarity(a, b) == 0.0


def test_plates_written_alike_share_a_skeleton_for_looser_searches():
    assert plate_key("A812 CDE").skeleton == plate_key("AB12 CDE").skeleton == "A812CDE"
    assert plate_key("YK62 HBD").skeleton != plate_key("YK62 HBE").skeleton


@pytest.mark.parametrize(
    ("a", "b"),
    [("YK6? H?D", "YK52 HBD"), ("YK62 ???", "YL62 HBD"), ("YK62 ???", "A123 BCD"), ("???? HBD", "YK62 HBE")],
)
def test_a_partial_plate_does_not_match_a_plate_it_contradicts(a, b):
    assert not plates_compatible(a, b)
    assert plate_similarity(a, b) == 0.0


def test_the_same_full_plate_scores_one_and_a_partial_plate_scores_its_share_of_known_characters():
    assert plate_similarity("yk62 hbd", "YK62HBD") == 1.0
    assert plate_similarity("YK6? H?D", "YK62 HBD") == pytest.approx(5 / 7)
    assert plate_similarity("YK62 ???", "YK62 HBD") < plate_similarity("YK62 H??", "YK62 HBD")


LETTERS = "ABCDEFGHJKLMNOPRSTUVWXYZ"  # no I or Q on current plates
current_plates = st.builds(
    lambda a, d, r: f"{a} {d} {r}".replace(" ", "", 1),
    st.text(LETTERS, min_size=2, max_size=2), st.text(string.digits, min_size=2, max_size=2),
    st.text(LETTERS, min_size=3, max_size=3),
)
older_plates = st.one_of(
    st.builds(lambda a, d, r: f"{a}{d} {r}", st.text(LETTERS, min_size=1, max_size=1),
              st.text(string.digits, min_size=1, max_size=3), st.text(LETTERS, min_size=3, max_size=3)),
    st.builds(lambda r, d, a: f"{r} {d}{a}", st.text(LETTERS, min_size=3, max_size=3),
              st.text(string.digits, min_size=1, max_size=3), st.text(LETTERS, min_size=1, max_size=1)),
)
plates = st.one_of(current_plates, older_plates)


@given(plates)
def test_a_canonical_plate_normalises_to_itself(plate):
    key = plate_key(plate)
    assert key.complete
    assert plate_key(key.text) == key


@given(st.text(max_size=30))
def test_normalising_is_idempotent_on_any_text(text):
    key = plate_key(text)
    assert plate_key(key.text) == key


@given(plates, st.data())
def test_case_and_spacing_do_not_change_a_plate(plate, data):
    compact = plate.replace(" ", "")
    cuts = sorted(data.draw(st.sets(st.integers(1, len(compact) - 1), max_size=3)))
    spaced = "".join(" " + ch if i in cuts else ch for i, ch in enumerate(compact))
    assert plate_key(spaced.lower()) == plate_key(plate)


@given(plates, st.data())
def test_a_partial_plate_derived_from_a_full_plate_is_always_compatible_with_it(plate, data):
    chars = list(plate_key(plate).compact)
    hidden = data.draw(st.sets(st.integers(0, len(chars) - 1), max_size=len(chars) - 1))
    partial = "".join("?" if i in hidden else ch for i, ch in enumerate(chars))
    assert plates_compatible(partial, plate)
    assert plates_compatible(plate, partial)
    assert plate_similarity(partial, plate) > 0


@given(st.text(max_size=40), st.text(max_size=40))
def test_it_never_raises_and_compatibility_is_symmetric(a, b):
    assert plates_compatible(a, b) == plates_compatible(b, a)
    assert plate_similarity(a, b) == plate_similarity(b, a)


@pytest.mark.parametrize("text", ["N.I.L", "n i l", "N/A", "n.k.", "N-O-N-E"])
def test_a_non_answer_written_with_stops_or_spaces_is_no_plate(text):
    """Found by the idempotence property in CI: "N.I.L" became the plate "NIL", which is itself a non-answer."""
    assert plate_key(text).text == ""
