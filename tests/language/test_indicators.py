"""Reading a text for the exploitation indicators its writer may not have ticked."""

import pytest

from joinedup.language import suggest_indicators
from joinedup.language.cues import INDICATOR_CUES
from joinedup.language.evaluation import INDICATOR_SENTENCES, load
from joinedup.records.vocabulary import INDICATORS

# Several phrasings for every code (the labelled set holds more).
PHRASINGS = {
    "missing_overnight": ["She was missing overnight.", "He did not return home last night.",
                          "She stayed out all night.", "Missing from Friday until Sunday."],
    "missing_repeat": ["This is her fourth missing episode.", "She has gone missing again.",
                       "She has been reported missing several times."],
    "controlling_older_person": ["She has an older boyfriend.", "Her boyfriend is 26.",
                                 "She is in a relationship with a 30-year-old man."],
    "vehicles_unknown_adults": ["She got into a car with two men.", "She was picked up by an unknown male in a car.",
                                "She was seen in a van with older males."],
    "unexplained_money_gifts": ["She has a new phone and expensive trainers she couldn't explain.",
                                "She had \u00a3200 in cash and would not say where it came from.",
                                "Older men have been buying her clothes."],
    "hotels_taxis_takeaways": ["She was taken to a hotel.", "She was found at a takeaway on Main Street.",
                               "A taxi collected her from the unit."],
    "places_known_exploitation": ["She was found at an address known to police for drug dealing.",
                                  "She was seen at a known hotspot.", "She was at a cuckooed flat."],
    "online_grooming": ["A man has been contacting her on Snapchat.", "An adult on Instagram asked her for nudes.",
                        "She was groomed online."],
    "injuries_unexplained": ["She had bruises she could not explain.", "Unexplained injuries were noted.",
                             "He had a black eye and refused to say how."],
    "disclosure_withdrawn": ["She withdrew her statement.", "The allegation was retracted.",
                             "She no longer wishes to support a prosecution."],
    "peers_exploited": ["Her friend is also being exploited.", "She introduced her friends to the older men.",
                        "Her peer group is known to be involved in county lines."],
    "staying_out_late": ["She stays out late.", "She came home at 3am.", "She breached her curfew."],
    "multiple_callers": ["Unknown men have been calling at the house.", "She was collected by an unknown adult.",
                         "Her phone rings constantly."],
    "concerning_phone_internet": ["She has a second phone.", "He deletes his messages.",
                                  "She has been sexting."],
    "despair_self_harm": ["She has been self-harming.", "He took an overdose.", "She says she wants to die."],
    "school_absence": ["She has been excluded.", "Her attendance has dropped to 60%.", "He is truanting."],
    "sti_pregnancy": ["She is pregnant.", "She tested positive for chlamydia.", "She asked for the morning-after pill."],
    "alcohol_misuse": ["She was drunk.", "The men gave her vodka.", "He smelt of alcohol."],
    "drug_misuse": ["She smokes cannabis.", "He was given cocaine.", "She appeared to be under the influence of drugs."],
    "abuse_in_family": ["Her stepdad hits her.", "She is on a child protection plan for neglect.",
                        "The children were left home alone."],
    "family_breakdown": ["Her mum kicked her out.", "Her relationship with her father has broken down.",
                         "Her parents have separated."],
    "domestic_abuse_home": ["There is domestic abuse at home.", "Mum drinks heavily.",
                            "Dad has schizophrenia."],
    "low_self_esteem": ["She has low self-esteem.", "She says she is ugly.", "He hates himself."],
    "unsuitable_accommodation": ["She is looked after.", "He lives in a hostel.", "She is placed out of area."],
    "isolated": ["She is isolated.", "She has no friends.", "There is no trusted adult in her life."],
}

NOT_INDICATED = [
    "She has not been missing overnight.",  # negation
    "No missing episodes this term.",
    "She denies self-harm.",
    "There are no concerns about drug use.",
    "No evidence of injuries, self-harm or drug use.",  # a negation over a list
    "If she goes missing overnight, call the police.",  # a plan, not an event
    "Should she be found at the hotel again, a strategy meeting will be held.",
    "Mum bought her a new phone for her birthday.",  # explained
    "School transport takes her home at 3:30pm.",
    "The family went on holiday to a hotel in Spain.",
    "She uses Snapchat to talk to her school friends.",
    "She was dropped off by her dad.",
    "It was an isolated incident.",
]


def test_every_indicator_code_has_cues_and_phrasings():
    assert set(INDICATOR_CUES) == set(INDICATORS) == set(PHRASINGS)


@pytest.mark.parametrize(("code", "text"), [(c, t) for c, ts in PHRASINGS.items() for t in ts])
def test_it_suggests_the_indicator_a_sentence_describes(code, text):
    assert code in {s.code for s in suggest_indicators(text)}


@pytest.mark.parametrize("text", NOT_INDICATED)
def test_it_suggests_nothing_for_negated_hypothetical_or_explained_sentences(text):
    assert suggest_indicators(text) == []


def test_each_code_is_suggested_once_with_its_first_supporting_sentence():
    text = ("Amy was seen at school on Monday. She went missing overnight on Friday. "
            "She was missing overnight again on Saturday.\nShe has a second phone.")
    suggestions = suggest_indicators(text)
    by_code = {s.code: s for s in suggestions}
    assert list(by_code) == [s.code for s in suggestions]  # no duplicates
    overnight = by_code["missing_overnight"]
    assert overnight.evidence_sentence == "She went missing overnight on Friday."
    assert text[overnight.start:overnight.end] == overnight.evidence_sentence
    assert by_code["concerning_phone_internet"].evidence_sentence == "She has a second phone."
    assert [s.start for s in suggestions] == sorted(s.start for s in suggestions)


def test_the_childs_own_words_are_evidence_too():
    [s] = suggest_indicators('She said "he bought me a new phone and I can\'t tell you his name".')
    assert s.code == "unexplained_money_gifts"


def test_the_labelled_indicator_set_covers_every_code_with_several_sentences():
    records = load(INDICATOR_SENTENCES)
    for code in INDICATORS:
        assert sum(code in r["codes"] for r in records) >= 3, code
    assert sum(not r["codes"] for r in records) >= 50
    assert all(set(r["codes"]) <= set(INDICATORS) for r in records)
