"""The language checker, rule by rule: what it flags, what it leaves alone, and why (shared/product/DOMAIN.md,
"Language that believes children")."""

import pytest

from joinedup.language import check
from joinedup.language.rules import RULES

# (text, rule, phrase, options): each must produce exactly this finding (among possibly others).
FLAGGED = [
    # putting herself/himself/themselves at risk; risk-taking behaviour: inflections, pronouns, word order
    ("She continues to put herself at risk.", "putting_self_at_risk", "put herself at risk", {}),
    ("Both girls are putting themselves at risk.", "putting_self_at_risk", "putting themselves at risk", {}),
    ("He placed himself at risk by going to the flat.", "putting_self_at_risk", "placed himself at risk", {}),
    ("He puts himself in danger when he goes there.", "putting_self_at_risk", "puts himself in danger", {}),
    ("She places herself in risky situations.", "putting_self_at_risk", "places herself in risky situations", {}),
    ("They are exposing themselves to harm.", "putting_self_at_risk", "exposing themselves to harm", {}),
    ("She is putting herself and her sister at risk.", "putting_self_at_risk", "putting herself and her sister at risk", {}),
    ("There has been an increase in risk-taking behaviour.", "putting_self_at_risk", "risk-taking behaviour", {}),
    ("Her risky behaviours are escalating.", "putting_self_at_risk", "risky behaviours", {}),
    ("Her own behaviour is putting her at risk.", "putting_self_at_risk", "behaviour is putting her at risk", {}),
    ("She is at risk due to her own choices.", "putting_self_at_risk", "at risk due to her own choices", {}),
    ("He takes a lot of risks.", "putting_self_at_risk", "takes a lot of risks", {}),
    ("She is leaving herself open to exploitation.", "putting_self_at_risk", "leaving herself open to exploitation", {}),
    # sexually active, of a child under 13: age from the caller or from the sentence
    ("She is sexually active.", "sexually_active_under_13", "sexually active", {"child_age": 12}),
    ("The 11-year-old is sexually active.", "sexually_active_under_13", "sexually active", {}),
    ("She is 12 and has been having sex with a boy.", "sexually_active_under_13", "been having sex", {}),
    ("She has been sexually active since the age of eleven.", "sexually_active_under_13", "sexually active", {}),
    ("Aged twelve, she has had several sexual partners.", "sexually_active_under_13", "sexual partners", {}),
    # sexual activity of a child with an adult
    ("Jade (15) is sexually active with a 24-year-old man.", "sexual_activity_with_adult", "sexually active", {}),
    ("She is having sex with a man in his thirties.", "sexual_activity_with_adult", "having sex", {}),
    ("She disclosed sexual activity with an adult.", "sexual_activity_with_adult", "sexual activity", {}),
    ("The 19-year-old is having sex with Shannon, who is 14.", "sexual_activity_with_adult", "having sex", {}),
    ("She slept with one of the older men.", "sexual_activity_with_adult", "slept with", {}),
    ("She is sexually active.", "sexual_activity_with_adult", "sexually active", {"adult_mentioned": True, "child_age": 15}),
    ("She was found with a 40-year-old man. She says they are sexually active.",
     "sexual_activity_with_adult", "sexually active", {}),
    # consensual / consented
    ("The sex with the 27-year-old was consensual.", "consent", "consensual", {}),
    ("The sex was consensual.", "consent", "consensual", {}),
    ("She says she consented to sex with the man.", "consent", "consented to sex", {}),
    ("The male, 31, states that she consented.", "consent", "consented", {}),
    ("She was a willing participant.", "consent", "willing participant", {}),
    ("The girls were described as willing participants.", "consent", "willing participants", {}),
    ("She willingly got into the car with the men.", "willing", "willingly", {}),
    ("She agreed to have sex with the 30-year-old.", "willing", "agreed to have sex", {}),
    ("Rhiannon (13) stated that it was consensual.", "consent", "consensual", {}),
    # boyfriend / girlfriend / relationship for an adult: age attached, age in the sentence, older, mentions
    ("Her 32-year-old boyfriend collects her from school.", "adult_boyfriend", "boyfriend", {}),
    ("Her boyfriend, who is 24, has a flat.", "adult_boyfriend", "boyfriend", {}),
    ("Boyfriend aged 24 is known to police.", "adult_boyfriend", "Boyfriend", {}),
    ("She spends weekends with her older boyfriend.", "adult_boyfriend", "boyfriend", {}),
    ("Her boyfriend is much older than her.", "adult_boyfriend", "boyfriend", {}),
    ("The boyfriend is in his late twenties.", "adult_boyfriend", "boyfriend", {}),
    ("Her girlfriend, a 26-year-old woman, buys her alcohol.", "adult_boyfriend", "girlfriend", {}),
    ("Kelsey (14) says her boyfriend Imran is 19.", "adult_boyfriend", "boyfriend", {}),
    ("Dean is her boyfriend.", "adult_boyfriend", "boyfriend",
     {"mentions": [{"kind": "person", "given_name": "Dean", "approx_age": 34}]}),
    ("She says her boyfriend will be angry.", "adult_boyfriend", "boyfriend",
     {"mentions": [{"kind": "person", "role": "described_as_partner", "approx_age": 29}]}),
    ("She says her boyfriend will be angry.", "adult_boyfriend", "boyfriend", {"adult_mentioned": True}),
    ("She was seen with a 30-year-old man. She says he is her boyfriend.", "adult_boyfriend", "boyfriend", {}),
    ("Kayla is in a relationship with a 25-year-old man.", "adult_relationship", "in a relationship", {}),
    ("Mum is worried about her relationship with a man in his forties.", "adult_relationship", "relationship", {}),
    ("She is in a romantic relationship with an older male.", "adult_relationship", "romantic relationship", {}),
    ("She has been in a relationship with Ricky since May.", "adult_relationship", "in a relationship",
     {"mentions": [{"kind": "person", "given_name": "Ricky", "dob": "1990-02-01"}]}),
    # promiscuous
    ("Staff describe her as promiscuous.", "promiscuous", "promiscuous", {}),
    ("A history of promiscuity is noted.", "promiscuous", "promiscuity", {}),
    ("Her mother says she sleeps around.", "promiscuous", "sleeps around", {}),
    ("This is not promiscuous behaviour.", "promiscuous", "promiscuous", {}),
    # child prostitution; prostitute; selling sex
    ("She was recorded as involved in child prostitution.", "child_prostitution", "child prostitution", {}),
    ("She is working as a prostitute.", "child_prostitution", "prostitute", {}),
    ("She is selling sex to pay a debt.", "child_prostitution", "selling sex", {}),
    ("He sold himself to men in the town centre.", "child_prostitution", "sold himself", {}),
    ("Neighbours say she is on the game.", "child_prostitution", "on the game", {}),
    ("She has been exchanging sex for somewhere to stay.", "child_prostitution", "exchanging sex for", {}),
    # lifestyle choice; making choices
    ("She has made a lifestyle choice.", "lifestyle_choice", "lifestyle choice", {}),
    ("Her chaotic lifestyle makes her hard to engage.", "lifestyle_choice", "chaotic lifestyle", {}),
    ("She is making her own choices.", "lifestyle_choice", "making her own choices", {}),
    ("He makes bad choices with the older lads.", "lifestyle_choice", "makes bad choices", {}),
    ("She is choosing to go missing.", "lifestyle_choice", "choosing to go missing", {}),
    ("She went of her own free will.", "lifestyle_choice", "of her own free will", {}),
    ("It is her choice to see these men.", "lifestyle_choice", "her choice to", {}),
    ("She voluntarily returned to the flat.", "lifestyle_choice", "voluntarily returned", {}),
    ("She has chosen this lifestyle.", "lifestyle_choice", "chosen this lifestyle", {}),
    # out of control; beyond parental control: negation does not remove the label
    ("She is out of control.", "out_of_control", "out of control", {}),
    ("Mum says she is out of control.", "out_of_control", "out of control", {}),
    ("She is not out of control.", "out_of_control", "out of control", {}),
    ("He is beyond parental control.", "out_of_control", "beyond parental control", {}),
    ("Parents say she is beyond their control.", "out_of_control", "beyond their control", {}),
    ("Her behaviour is uncontrollable.", "out_of_control", "uncontrollable", {}),
    ("Her behaviour has spiralled out of control.", "out_of_control", "out of control", {}),
    ("Mum can't control her.", "cannot_control_child", "can't control her", {}),
    ("Dad can no longer control his son.", "cannot_control_child", "can no longer control his son", {}),
    # drunk and disorderly, of a child
    ("She was arrested for drunk and disorderly when found with adult males.", "drunk_and_disorderly",
     "drunk and disorderly", {}),
    ("Police arrested her for being drunk and disorderly.", "drunk_and_disorderly", "drunk and disorderly", {}),
    ("She was found with two men and charged with being drunk and disorderly.", "drunk_and_disorderly",
     "drunk and disorderly", {}),
    ("Previous D&D arrest when found with older males.", "drunk_and_disorderly", "D&D", {}),
    ("Officers arrested her for being drunk in a public place.", "drunk_and_disorderly",
     "arrested her for being drunk", {}),
    # contacting adult males / females
    ("She has been contacting adult males online.", "contacting_adults", "contacting adult males", {}),
    ("She contacts older men on Snapchat.", "contacting_adults", "contacts older men", {}),
    ("He messaged adult females through a game.", "contacting_adults", "messaged adult females", {}),
    ("She is seeking out older men in town.", "contacting_adults", "seeking out older men", {}),
    # involved in CSE / involved in crime
    ("She was involved in CSE.", "involved_in_exploitation", "involved in CSE", {}),
    ("He is involved in county lines.", "involved_in_exploitation", "involved in county lines", {}),
    ("Her involvement in crime has grown.", "involved_in_exploitation", "involvement in crime", {}),
    ("He became involved with a gang.", "involved_in_exploitation", "involved with a gang", {}),
    ("He is gang-involved.", "involved_in_exploitation", "gang-involved", {}),
    ("He is involved in the supply of class A drugs.", "involved_in_exploitation", "involved in the supply", {}),
    # keeps going missing; absconding
    ("She keeps going missing.", "going_missing_choice", "keeps going missing", {}),
    ("He kept running away from placement.", "going_missing_choice", "kept running away", {}),
    ("She absconded from the unit.", "going_missing_choice", "absconded", {}),
    ("Another absconding episode last night.", "going_missing_choice", "absconding", {}),
    ("He went AWOL at lunchtime.", "going_missing_choice", "AWOL", {}),
    ("She takes herself off with the older boys.", "going_missing_choice", "takes herself off", {}),
    # associating with / hanging around with (adults of concern)
    ("She is associating with older males.", "associating_with_adults", "associating with", {}),
    ("She hangs around with men in their twenties.", "associating_with_adults", "hangs around with", {}),
    ("He has been hanging out with known gang members.", "associating_with_adults", "hanging out with", {}),
    ("Concerns about her association with adults who use drugs.", "associating_with_adults", "association with", {}),
    ("She spends time with a 23-year-old who deals cannabis.", "associating_with_adults", "spends time with", {}),
    # recruited; runner; money mule; plugging
    ("He was recruited into county lines.", "criminal_exploitation_jargon", "recruited", {}),
    ("He is a runner for a county line.", "criminal_exploitation_jargon", "runner", {}),
    ("She is a drug runner.", "criminal_exploitation_jargon", "drug runner", {}),
    ("She is being used as a money mule.", "criminal_exploitation_jargon", "money mule", {}),
    ("He disclosed plugging drugs.", "criminal_exploitation_jargon", "plugging", {}),
    ("He has been going country.", "criminal_exploitation_jargon", "going country", {}),
    ("He was found running drugs.", "criminal_exploitation_jargon", "running drugs", {}),
]

# (text, options): nothing may be flagged.
CLEAN = [
    # the word "risk" used correctly
    ("She is at risk of sexual exploitation.", {}),
    ("The risk posed by the adult is high.", {}),
    ("A risk assessment was completed.", {}),
    ("She was placed at risk by the adults who supplied alcohol.", {}),
    ("The men put her at risk by taking her to parties.", {}),
    ("A risk-reduction plan was agreed.", {}),
    # the DOMAIN's own alternatives
    ("The child may have been groomed.", {}),
    ("An adult may be exploiting the child's vulnerability.", {}),
    ("Adults have been contacting the child.", {}),
    ("The child may be under the control of others.", {}),
    ("The child was found intoxicated with adults; alcohol may have been supplied by abusers.", {}),
    ("An adult who is exploiting the child drives a grey Audi.", {}),
    ("The child is a victim of exploitation.", {}),
    ("The child has been criminally exploited.", {}),
    ("The child is missing and may be being trafficked.", {}),
    ("The child described sexual contact.", {}),
    # sentences that blame the adults, or are about adults
    ("Adult males have been contacting her on Snapchat.", {}),
    ("The perpetrators were involved in CSE across three towns.", {}),
    ("The adults involved in her exploitation have not been identified.", {}),
    ("The suspect absconded when officers arrived.", {}),
    ("Mum was arrested for being drunk and disorderly.", {}),
    ("Police arrested the man for being drunk and disorderly.", {}),
    ("Police contacted the adult males seen with her.", {}),
    ("The men have been associating with local girls.", {}),
    ("Mum says her partner gets out of control when drinking.", {}),
    ("Dad is in a relationship with a 30-year-old woman.", {}),
    ("Dean, 34, has been charged with sexual activity with a child.", {}),
    # peers: two 15-year-olds, ages attached to the partner, peer words
    ("Two 15-year-olds are in a relationship and the sex was consensual.", {}),
    ("Her boyfriend is 15.", {}),
    ("Her 16-year-old boyfriend walked her home.", {}),
    ("Amy (14) and her boyfriend (15) went to the clinic.", {}),
    ("She is in a relationship with a boy in her year.", {}),
    ("They are both 15 and call each other boyfriend and girlfriend.", {}),
    ("She is sexually active with her boyfriend, who is the same age.", {"child_age": 15}),
    ("She has a boyfriend.", {}),
    ("She is sexually active and uses contraception.", {"child_age": 15}),
    ("Her boyfriend is 16.", {"adult_mentioned": True}),
    # other people's boyfriends and relationships, professional and family relationships
    ("Mum's boyfriend is 42 and lives with the family.", {}),
    ("Her sister's boyfriend, who is 23, collects her.", {}),
    ("Her mum has a new boyfriend who is 45.", {}),
    ("Her older sister is 19 and has a boyfriend.", {}),
    ("She has a good relationship with her key worker.", {}),
    ("Her relationship with her mother, who is 41, has improved.", {}),
    # negation that reverses the meaning
    ("There is no evidence she was consenting.", {}),
    ("She did not consent.", {}),
    ("A child of 13 cannot consent to sexual activity with an adult.", {}),
    ("There is nothing to suggest the contact with the man was consensual.", {}),
    ("This is not a lifestyle choice; she is being controlled.", {}),
    ("She is not making choices; she is being coerced.", {}),
    ("He is not her boyfriend; he is a 29-year-old man.", {}),
    ("She denies being in a relationship with the 40-year-old.", {}),
    # a negation followed by a correction rejects even a label that a bare negation keeps
    ("She is not a prostitute; she is a child who is being sexually exploited.", {}),
    ("She is not out of control, she is being controlled by adults.", {}),
    ("She is not sexually active.", {"child_age": 12}),
    ("No sexual activity with the man has been disclosed.", {}),
    # the words talked about rather than used
    ("Staff were reminded not to describe her as out of control.", {}),
    ("Avoid terms like promiscuous and child prostitute.", {}),
    ("She is being controlled by others rather than making her own choices.", {}),
    ("The 2009 file should not have called her a child prostitute.", {}),
    ("No one involved in the case has described her as promiscuous.", {}),
    ("A 30-year-old man she describes as her boyfriend collects her.", {}),
    # other senses of the words
    ("She is a keen runner.", {}),
    ("She is a runner for the school athletics team.", {}),
    ("He was runner-up in the art competition.", {}),
    ("The school is recruiting a new teacher.", {}),
    ("The phone was plugged in overnight.", {}),
    ("Mum's diabetes is out of control.", {}),
    ("The car spun out of control on the ice.", {}),
    ("Mum gave consent for the referral.", {}),
    ("She consented to the referral.", {}),
    ("She consented to the police downloading her phone.", {}),
    ("Staff will support her to make informed choices about her sexual health.", {}),
    ("She is choosing to go to college.", {}),
    ("She hangs around with friends from school.", {}),
    ("He is running for the school council.", {}),
]


# For every rule, writing that uses its words without blaming the child (one line each; CLEAN has more).
NOT_FLAGGED_BY_RULE = {
    "putting_self_at_risk": ["She is at risk of exploitation from the men.", "The men put her at risk."],
    "sexually_active_under_13": ["She is not sexually active.", "Her sexual health was discussed."],
    "sexual_activity_with_adult": ["She is sexually active with a boy in her year.", "He was charged with sexual "
                                   "activity with a child."],
    "consent": ["There is no evidence she consented.", "Two 15-year-olds said it was consensual."],
    "willing": ["She willingly engages with her key worker.", "She willingly attends school."],
    "adult_boyfriend": ["Her boyfriend is 15.", "Mum's boyfriend is 40."],
    "adult_relationship": ["She has a good relationship with her 30-year-old key worker.",
                           "Dad is in a relationship with a woman aged 35."],
    "promiscuous": ["Avoid words like promiscuous.", "She said she had been called 'promiscuous'."],
    "child_prostitution": ["The file should not have called her a child prostitute.",
                           "She is not a prostitute; she is a child who is being exploited."],
    "lifestyle_choice": ["This is not a lifestyle choice.", "She is choosing to go to college."],
    "out_of_control": ["The fire was out of control.", "Mum's partner was out of control."],
    "cannot_control_child": ["Mum can't control her temper.", "Staff could not control the crowd."],
    "drunk_and_disorderly": ["Mum was arrested for being drunk and disorderly.",
                             "The custody record says 'drunk and disorderly'."],
    "contacting_adults": ["Adult males have been contacting her.", "Police contacted adult males seen with her."],
    "involved_in_exploitation": ["The men involved in CSE were charged.", "She attends the CSE support service."],
    "going_missing_choice": ["The suspect absconded.", "She is missing and may be being trafficked."],
    "associating_with_adults": ["She hangs around with friends from school.", "The men are associating with girls."],
    "criminal_exploitation_jargon": ["She is a keen runner.", "The charger was plugged in."],
}


def _found(text, **options):
    return [(f.rule, f.phrase) for f in check(text, **options)]


@pytest.mark.parametrize(("text", "rule", "phrase", "options"), FLAGGED, ids=[c[0][:60] for c in FLAGGED])
def test_it_flags_victim_blaming_phrases(text, rule, phrase, options):
    start = text.index(phrase)
    end = start + len(phrase)
    hits = [f for f in check(text, **options) if f.rule == rule and f.start < end and start < f.end]
    assert hits, _found(text, **options)


@pytest.mark.parametrize(("text", "options"), CLEAN, ids=[c[0][:60] for c in CLEAN])
def test_it_leaves_professional_and_child_centred_writing_alone(text, options):
    assert _found(text, **options) == []


@pytest.mark.parametrize(("rule", "text"), [(r, t) for r, ts in NOT_FLAGGED_BY_RULE.items() for t in ts])
def test_each_rules_words_can_be_used_without_being_flagged(rule, text):
    assert rule not in {f.rule for f in check(text)}


def test_every_rule_in_the_table_has_a_flagged_case():
    assert {r.id for r in RULES} <= {rule for _, rule, _, _ in FLAGGED}
    assert {r.id for r in RULES} == set(NOT_FLAGGED_BY_RULE)


def test_every_finding_carries_the_tables_reason_and_alternatives():
    by_id = {r.id: r for r in RULES}
    for text, _rule, _phrase, options in FLAGGED:
        for finding in check(text, **options):
            table = by_id[finding.rule]
            assert finding.reason == table.reason and finding.suggestions == list(table.suggestions)
            assert finding.suggestions, finding.rule


def test_every_row_of_the_domain_table_is_covered():
    rows = {r.row.split(" (")[0] for r in RULES}
    for row in ("putting herself/himself/themselves at risk; risk-taking behaviour", "sexually active",
                "sexually active; sexual activity with", "consensual / consented", "boyfriend / girlfriend / relationship",
                "promiscuous", "child prostitution; prostitute; selling sex", "lifestyle choice; making choices",
                "out of control; beyond parental control", "drunk and disorderly", "contacting adult males/females",
                "involved in CSE / involved in crime", "keeps going missing; absconding",
                "associating with / hanging around with", "recruited; runner; money mule; plugging"):
        assert row in rows


def test_the_age_decides_between_rape_and_abuse_and_nothing():
    text = "She is sexually active."
    assert _found(text, child_age=12) == [("sexually_active_under_13", "sexually active")]
    assert _found(text, child_age=15, adult_mentioned=True) == [("sexual_activity_with_adult", "sexually active")]
    assert _found(text, child_age=15) == []
    assert _found(text, child_age=19, adult_mentioned=True) == []  # not a child: the child-only rules do not apply


def test_a_mentioned_person_of_the_same_age_is_a_peer_and_an_adult_is_not():
    text = "Jordan is her boyfriend."
    assert _found(text, mentions=[{"kind": "person", "given_name": "Jordan", "approx_age": 15}]) == []
    assert _found(text, mentions=[{"kind": "person", "given_name": "Jordan", "approx_age": 27}]) == [
        ("adult_boyfriend", "boyfriend")]


def test_mentions_can_be_objects_as_well_as_dicts():
    class Mention:
        kind, role, given_name, nickname, name, approx_age, dob, age = "person", "", "Ricky", "", "", 31, None, None

    assert _found("Ricky is her boyfriend.", mentions=[Mention()]) == [("adult_boyfriend", "boyfriend")]


def test_it_never_changes_the_text():
    text = "She is putting herself at risk and is out of control."
    before = str(text)
    findings = check(text)
    assert text == before and len(findings) == 2


def test_empty_and_blank_text_have_no_findings():
    assert check("") == [] and check("   \n\n ") == []
