import pytest
from hypothesis import given
from hypothesis import strategies as st

from joinedup.identity.normalise.phones import phone_key, phone_similarity


@pytest.mark.parametrize(
    "written",
    ["07700 900461", "+44 7700 900461", "0044 7700 900461", "07700900461", "(07700) 900 461", "447700900461",
     "+447700900461", "+44 (0)7700 900461", "07700-900-461", "07700 900 461", "7700 900461", "44 7700 900461",
     "mob: 07700 900461", "07700 900461 (mum's phone)", 7700900461],
)
def test_it_reads_every_way_of_writing_a_uk_mobile(written):
    key = phone_key(written)
    assert (key.key, key.e164, key.valid, key.kind) == ("+447700900461", "+447700900461", True, "mobile")
    assert key.digits == "07700900461"


@pytest.mark.parametrize(
    ("written", "e164"),
    [("0114 496 0123", "+441144960123"), ("(0114) 4960123", "+441144960123"), ("020 7946 0123", "+442079460123"),
     ("+44 20 7946 0123", "+442079460123"), ("01632 960123", "+441632960123")],
)
def test_it_reads_landlines(written, e164):
    key = phone_key(written)
    assert (key.key, key.valid, key.kind) == (e164, True, "landline")


def test_it_reads_real_numbers_as_well_as_ofcom_drama_numbers():
    assert phone_key("07911 123456").e164 == "+447911123456"
    assert phone_key("+33 6 12 34 56 78").e164 == "+33612345678"


@pytest.mark.parametrize("written", ["0770090046", "07700 90046", "900461", "077009004611"])
def test_partial_or_impossible_numbers_are_kept_and_marked_invalid(written):
    key = phone_key(written)
    assert not key.valid
    assert key.e164 == ""
    assert key.key.startswith("?")  # can never collide with an E.164 key
    assert phone_key(written) == key


@pytest.mark.parametrize("written", ["", None, "no phone", "12345", "n/k", [], "ring me"])
def test_it_gives_an_empty_key_when_there_is_no_number(written):
    assert phone_key(written).key == ""


def test_the_first_of_two_numbers_is_taken():
    assert phone_key("07700 900461 / 07700 900462").key == "+447700900461"


def test_a_fragment_that_ends_a_number_is_partly_similar_and_different_numbers_are_not():
    assert phone_similarity("07700 900461", "+44 7700 900461") == 1.0
    assert phone_similarity("900461", "07700 900461") == pytest.approx(0.6)
    assert phone_similarity("07700 900461", "07700 900462") == 0.0
    assert phone_similarity("", "07700 900461") == 0.0


mobiles = st.integers(0, 999).map(lambda n: f"07700 900{n:03d}")
formats = st.sampled_from([
    lambda d: d, lambda d: d.replace(" ", ""), lambda d: "+44 " + d[1:], lambda d: "0044" + d[1:].replace(" ", ""),
    lambda d: f"({d[:5]}) {d[6:]}", lambda d: "44" + d[1:].replace(" ", ""), lambda d: d.replace(" ", "-"),
])


@given(mobiles, formats)
def test_every_format_of_a_number_gives_the_same_e164(number, fmt):
    assert phone_key(fmt(number)).e164 == phone_key(number).e164 != ""


@given(mobiles)
def test_a_canonical_number_normalises_to_itself(number):
    key = phone_key(number)
    assert phone_key(key.e164) == key


@given(st.text(max_size=40))
def test_it_never_raises_on_any_text(text):
    key = phone_key(text)
    assert phone_key(key.e164).e164 == key.e164
