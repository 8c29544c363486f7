import pytest
from hypothesis import given
from hypothesis import strategies as st

from joinedup.identity.normalise.handles import handle_key, handle_similarity, platform_key


@pytest.mark.parametrize(
    ("written", "platform"),
    [("Snap", "snapchat"), ("Snapchat", "snapchat"), ("snap chat", "snapchat"), ("SC", "snapchat"),
     ("insta", "instagram"), ("IG", "instagram"), ("Instagram", "instagram"), ("FB", "facebook"),
     ("Facebook Messenger", "facebook"), ("TikTok", "tiktok"), ("Tik Tok", "tiktok"), ("WhatsApp", "whatsapp"),
     ("Whats App", "whatsapp"), ("X", "twitter"), ("Xbox Live", "xbox"), ("Snapchat app", "snapchat"),
     ("My Space", "myspace"), ("", "")],
)
def test_it_folds_platform_names(written, platform):
    assert platform_key(written) == platform


@pytest.mark.parametrize(
    "written",
    ["@Jay_Dee.99", "jaydee99", "JAYDEE99", "jay.dee.99", "jay_dee_99", "Jay-Dee-99", " @jaydee99 ", "@JayDee99",
     "jáydee99"],
)
def test_it_folds_case_at_signs_and_punctuation_in_handles(written):
    key = handle_key(written, "Snap")
    assert (key.platform, key.handle, key.key, key.loose) == ("snapchat", "jaydee99", "snapchat:jaydee99", "jaydee99")


@pytest.mark.parametrize(
    ("handle", "platform", "key"),
    [("instagram.com/jay_dee99", "", "instagram:jaydee99"), ("https://www.tiktok.com/@jay.dee99", "", "tiktok:jaydee99"),
     ("snap: jaydee99", "", "snapchat:jaydee99"), ("IG - @jay_dee99", "", "instagram:jaydee99"),
     ("jaydee99 on insta", "", "instagram:jaydee99"), ("jaydee99", "", ":jaydee99")],
)
def test_it_reads_the_platform_when_it_was_written_with_the_handle(handle, platform, key):
    assert handle_key(handle, platform).key == key


@pytest.mark.parametrize(
    ("handle", "platform"),
    [("07700 900461", "WhatsApp"), ("+44 7700 900461", "whatsapp"), ("wa.me/447700900461", ""),
     ("07700900461", "Snapchat"), ("+447700900461", "")],
)
def test_a_handle_that_is_a_phone_number_is_keyed_as_that_number(handle, platform):
    key = handle_key(handle, platform)
    assert key.phone == key.handle == key.loose == "+447700900461"


def test_a_truncated_handle_is_a_fragment_that_matches_the_handles_it_starts():
    fragment = handle_key("jay_de...", "snap")
    assert fragment.partial and fragment.handle == "jayde"
    assert handle_similarity(fragment, handle_key("@Jay_Dee.99", "Snapchat")) == pytest.approx(0.8)
    assert handle_similarity(fragment, handle_key("kaz_247", "Snapchat")) == 0.0


def test_the_same_handle_on_another_platform_is_a_weaker_match_and_different_handles_differ():
    snap, insta = handle_key("jaydee99", "snap"), handle_key("jay_dee99", "IG")
    assert handle_similarity(snap, handle_key("JAYDEE99", "")) == 1.0
    assert handle_similarity(snap, insta) == pytest.approx(0.9)
    assert snap.loose == insta.loose and snap.key != insta.key
    assert handle_similarity(snap, handle_key("kaz247", "snap")) < 0.6


@pytest.mark.parametrize(("handle", "platform"), [("", ""), ("@", "IG"), (None, None), ("...", "snap"), ("!!!", "")])
def test_it_gives_an_empty_handle_when_none_was_written(handle, platform):
    key = handle_key(handle, platform)
    assert key.handle == key.key == key.loose == ""


handles = st.from_regex(r"[a-z]{2,8}[._]?[a-z0-9]{0,6}", fullmatch=True)


@given(handles)
def test_case_punctuation_and_at_signs_do_not_change_a_handle(handle):
    expected = handle_key(handle, "snap")
    assert handle_key("@" + handle.upper(), "Snapchat") == expected
    assert handle_key(handle.replace(".", "_"), "snap chat").key == expected.key
    assert handle_key(expected.handle, "snapchat") == expected


@given(st.text(max_size=40), st.text(max_size=20))
def test_it_never_raises_on_any_text(handle, platform):
    key = handle_key(handle, platform)
    assert handle_key(key.handle, key.platform).handle == key.handle or key.partial or key.phone
    assert 0.0 <= handle_similarity(key, handle_key(platform, handle)) <= 1.0
