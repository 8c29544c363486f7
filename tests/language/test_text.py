"""Quotations are never flagged, offsets are character offsets into the original text, and sentences are
split where a writer would expect."""

import pytest

from joinedup.language import check
from joinedup.language.evaluation import SENTENCES, load
from joinedup.language.text import quoted_spans, sentences

QUOTED = [
    'She said "I know I put myself at risk".',
    "Mum said: \u201cShe\u2019s out of control and I can\u2019t do anything.\u201d",
    "She told me \u2018I keep going missing because home is boring\u2019.",
    "Kayleigh said 'he's my boyfriend and he's 27, it's none of your business'.",
    "She said 'I don't care, I'm out of control' and walked off.",
    "The 2008 assessment called her 'promiscuous' and 'beyond parental control'.",
    "He said: \"I'm not a runner, I just do favours.\"",
    'She said "I chose to go with them. Nobody made me. I am not a kid."',
    "Her words were (\u2018I was consenting\u2019) according to the custody record.",
    'She wrote in her diary "I am putting myself at risk',  # unclosed: runs to the end of the line
]


@pytest.mark.parametrize("text", QUOTED)
def test_the_words_inside_quotation_marks_are_never_flagged(text):
    assert check(text, adult_mentioned=True) == []


def test_the_writers_own_words_around_a_quotation_are_still_checked():
    text = 'She said "I\'m fine" but she is putting herself at risk.'
    [finding] = check(text)
    assert finding.phrase == "putting herself at risk"
    assert text[finding.start:finding.end] == finding.phrase


def test_apostrophes_are_not_quotation_marks():
    text = "The girls' phones were seized; she is out of control and won't engage."
    assert quoted_spans(text) == []
    assert [f.phrase for f in check(text)] == ["out of control"]


def test_an_unclosed_quotation_ends_at_the_end_of_its_line():
    text = 'She wrote "I am out of control\nShe is putting herself at risk.'
    assert [f.phrase for f in check(text)] == ["putting herself at risk"]


def test_offsets_are_character_offsets_into_the_original_text():
    text = ("\U0001f600 \u0130stanbul caf\u00e9 note \u2014 \u201cquoted\u201d. She KEEPS going missing.\n"
            "Mum: she is out of control.")
    findings = check(text)
    assert [f.phrase for f in findings] == ["KEEPS going missing", "out of control"]
    for f in findings:
        assert text[f.start:f.end] == f.phrase


def test_offsets_hold_for_every_finding_in_a_long_document():
    records = [r for r in load(SENTENCES) if r["should_flag"] and "child_age" not in r and "mentions" not in r
               and "adult_mentioned" not in r]
    document, bases = "", []
    for r in records:
        bases.append(len(document))
        document += r["text"] + ("\n" if len(bases) % 3 == 0 else " ")
    findings = check(document)
    assert findings
    for f in findings:
        assert document[f.start:f.end] == f.phrase
    alone = {(b + f.start, f.rule) for b, r in zip(bases, records, strict=True) for f in check(r["text"])}
    together = {(f.start, f.rule) for f in findings}
    assert len(alone & together) >= 0.9 * len(alone)  # the sentence before can add context, rarely remove it


def test_sentences_split_on_full_stops_and_lines_but_not_abbreviations():
    text = "Seen by Dr. Patel at 10.30 today. Mr. J. Smith attended!\nNext line here? Yes."
    spans = [text[s.start:s.end] for s in sentences(text)]
    assert spans == ["Seen by Dr. Patel at 10.30 today.", "Mr. J. Smith attended!", "Next line here?", "Yes."]
