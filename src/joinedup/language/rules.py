"""The victim-blaming language table (shared/product/DOMAIN.md, "Language that believes children") as data.

Each rule is one row of the table: the phrases it matches, why they are a problem and what to write
instead (the table's own wording; a row's "/" alternatives are separate suggestions). The engine in checker.py reads this table and nothing else, so another jurisdiction or a later
edition of the guidance changes this file only.

Fields of a Rule:
- ``when``: the condition under which the phrase is victim-blaming: ``always``; ``under_13`` (the child is
  under 13); ``child_with_adult`` (an adult is in view: in the sentence or the one before, a mention, or
  ``adult_mentioned=True``); ``consent`` (an adult is in view, or the child is under 13);
  ``consent_unless_peer`` (as ``consent``, and also when nothing shows who the other person is: "the sex was
  consensual" in a child's record is flagged unless the sentence shows a peer of similar age); ``adult_partner``
  and ``adult_relationship`` (the boyfriend/girlfriend/partner, or the other party to the relationship, is
  an adult: from an age, "older", a mention).
- ``negation``: ``flag`` when the label stays blaming even if negated ("she is not out of control" still
  measures the child against being out of control, and the record still carries the label);
  ``suppress`` when a negation reverses the meaning ("there is no evidence she consented", "this is not a
  lifestyle choice"); ``noun`` for a person noun, reversed only by a negation of the noun itself ("he is
  not her boyfriend", "she denies being in a relationship", but not "she does not want her boyfriend...").
- ``subject``: ``child`` when the phrase only blames if said of the child: the rule is skipped when the
  subject of the clause is an adult or a professional ("the man absconded", "police contacted adult males");
  ``not_adult`` when it is skipped only for an adult, looking past a professional to the person they act on
  ("Mum was drunk and disorderly", "police arrested the man for being drunk" are skipped; "police arrested
  her for being drunk" is not).
- A Pattern's ``needs`` must also appear in the sentence; ``not_after`` must not match the words just before
  the phrase; ``not_before`` must not match the words just after; ``needs_after`` must match the rest of
  the clause after the phrase.
"""

from __future__ import annotations

from dataclasses import dataclass

REFLEXIVE = r"(?:herself|himself|themselves|themself|yourself|myself|ourselves)"
ADULT_OBJECT = (r"^[^.;]{0,70}?\b(?:adults?|older|men|males?|man|grown|\d{2}[- ]?(?:year|yr)s?[- ]?olds?|known|"
                r"nominals?|gangs?|dealers?|offenders?|criminals|(?:persons?|people|adults?|males?|individuals)\s+of\s+"
                r"concern|of\s+concern|suspected|in\s+(?:their|his|her)\s+(?:\w+\s+)?(?:20s|30s|40s|twenties|"
                r"thirties|forties)|taxi\s+drivers?|drug\s+users)\b")
SEXUAL_CUE = (r"\b(?:sex|sexual\w*|intercourse|touch\w*|kiss\w*|him|men|man|males?|adults?|older|boyfriend|nudes?|images?|"
              r"photos?)\b")
DRUG_CUE = (r"\b(?:gangs?|lines?|drugs?|dealers?|dealing|county|exploit\w*|criminal\w*|crime|OCGs?|cannabis|"
            r"cocaine|heroin|crack|wraps|sell|selling|deal|run|running|carry|carrying|trap|money|men|older|"
            r"parties|sex|sexual|internally|concealed|package|packages)\b")


@dataclass(frozen=True, slots=True)
class Pattern:
    regex: str
    needs: str | None = None
    not_after: str | None = None
    not_before: str | None = None
    needs_after: str | None = None


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    row: str
    patterns: tuple[Pattern | str, ...]
    reason: str
    suggestions: tuple[str, ...]
    when: str = "always"
    negation: str = "flag"
    subject: str = ""


# "charged with sexual activity with a child" names an offence (Sexual Offences Act 2003, s.9): not flagged.
OFFENCE = (r"\b(?:charged|arrested|convicted|suspicion|offences?|guilty|cautioned|investigated|investigation|counts?|"
           r"sentenced|accused|allegations?)\s+(?:of\s+|with\s+|for\s+|into\s+)?(?:\w+\s+){0,3}$")
SEXUAL_ACTIVITY = (
    r"\bsexually\s+active\b",
    Pattern(r"\bsexual\s+(?:activity|activities|intercourse|relations)\b", not_after=OFFENCE,
            not_before=r"^\s+(?:with|involving|in\s+the\s+presence\s+of)\s+(?:a\s+)?(?:child|minor)\b"),
    Pattern(r"\bsexual\s+(?:relationships?|partners?)\b"),
    r"\b(?:has|had|have|having|is\s+having|was\s+having|been\s+having)\s+(?:regular\s+|unprotected\s+|"
    r"consensual\s+|oral\s+)?sex\b",
    r"\bsl(?:ept|eeps?|eeping)\s+with\b(?=\s+(?:\w+\s+){0,3}?(?:him|them|older|adults?|men|man|males?|"
    r"\d{2}[- ]?year[- ]?old)\b)",
)

RULES: tuple[Rule, ...] = (
    Rule(
        id="sexually_active_under_13",
        row="sexually active (of a child under 13)",
        patterns=SEXUAL_ACTIVITY,
        reason="A child under 13 cannot consent.",
        suggestions=("the child has been raped", "the child has been sexually abused"),
        when="under_13",
        negation="suppress",
    ),
    Rule(
        id="consent",
        row="consensual / consented (of a child and an adult)",
        patterns=(
            Pattern(r"(?<!non-)(?<!non\s)\bconsensual(?:ly)?\b"),
            r"\bconsent(?:ed|ing|s)?\s+to\s+(?:the\s+|any\s+|all\s+)?(?:sex|sexual|intercourse|having\s+sex|have\s+sex|"
            r"being\s+(?:touched|filmed|photographed)|sleeping\s+with|oral|(?:the\s+)?(?:sexual\s+)?(?:activity|contact|acts?|"
            r"encounter))\b",
            r"\bconsenting\s+(?:partner|participant|party|sexual)\b",
            r"\bwilling\s+(?:participants?|part(?:y|ies)|partners?|victims?)\b",
            Pattern(r"\b(?:was|were|is|are|been|being)\s+(?:a\s+)?(?:fully\s+|willingly\s+)?consenting\b|\bconsented\b",
                    not_before=r"^\s+(?:to|for)\b", needs=SEXUAL_CUE),
            Pattern(r"\b(?:gave|give|gives|giving|given)\s+(?:her|his|their|full|verbal|informed)?\s*consent\b",
                    not_before=r"^\s+(?:for|to\s+(?:share|sharing|the|a|an|be|information|us|police|social|a\s+referral))",
                    needs=SEXUAL_CUE),
        ),
        reason="Implies the child chose it.",
        suggestions=("the child may have been coerced, manipulated or groomed",),
        when="consent_unless_peer",
        negation="suppress",
    ),
    Rule(
        id="willing",
        row="consensual / consented (of a child and an adult)",
        patterns=(
            r"\bwillingly\b",
            r"\bconsent(?:ed|ing|s)?\s+to\s+(?:it|this|that|him|them|meeting)\b",
            r"\bagree(?:d|s|ing)?\s+to\s+(?:have\s+|having\s+)?(?:sex|sexual|sleep\s+with|perform|send\s+(?:him\s+|them\s+)?"
            r"(?:nude|naked|explicit|sexual|intimate|indecent))",
        ),
        reason="Implies the child chose it.",
        suggestions=("the child may have been coerced, manipulated or groomed",),
        when="consent",
        negation="suppress",
        subject="child",
    ),
    Rule(
        id="sexual_activity_with_adult",
        row="sexually active; sexual activity with (of a child under 18 with an adult)",
        patterns=SEXUAL_ACTIVITY,
        reason="Hides abuse.",
        suggestions=("the child described sexual contact",
                     "there are concerns the child was groomed or coerced"),
        when="child_with_adult",
        negation="suppress",
    ),
    Rule(
        id="putting_self_at_risk",
        row="putting herself/himself/themselves at risk; risk-taking behaviour",
        patterns=(
            rf"\b(?:put|puts|putting|place|places|placed|placing|expose|exposes|exposed|exposing)\s+{REFLEXIVE}"
            r"(?:\s+\w+ly)?(?:\s+and\s+(?:her|his|their|other|others|the)(?:\s+\w+){0,2}?)?\s+(?:(?:at|under)\s+(?:(?:serious|"
            r"significant|great|real|high|further|increased|considerable|more|greater|a\s+lot\s+of|huge)\s+)?"
            r"(?:risk|harm|danger)|(?:in|into)\s+(?:(?:serious|real|great|grave|significant|potential|immediate|"
            r"very|extremely|highly)\s+)?(?:danger|harm'?s\s+way|risky|dangerous|vulnerable|unsafe|high[- ]risk|"
            r"compromising|risk|precarious|exploitative)(?:\s+(?:situations?|positions?|places?|circumstances|company))?|"
            r"to\s+(?:risk|harm|danger|exploitation|abuse|risky))",
            rf"\b(?:make|makes|made|making|leave|leaves|left|leaving)\s+{REFLEXIVE}\s+(?:very\s+|extremely\s+|highly\s+)?"
            r"(?:vulnerable|available|an\s+easy\s+target|a\s+target|open\s+to\s+(?:exploitation|abuse|harm))",
            r"\brisk[- ]?taking(?:\s+behaviou?rs?)?\b",
            r"\b(?:risky|high[- ]risk|dangerous|reckless|unsafe)\s+(?:behaviou?rs?|activities|choices|decisions|conduct)\b",
            r"\b(?:take|takes|taking|took|taken)\s+(?:a\s+lot\s+of\s+|many\s+|unnecessary\s+|big\s+|serious\s+|"
            r"significant\s+|more\s+)?risks\b",
            r"\bself[- ]endanger\w*|\bself[- ]placing\b",
            r"\b(?:her|his|their)\s+(?:own\s+)?(?:behaviou?rs?|actions|choices|decisions|conduct|lifestyle)\s+"
            r"(?:is\s+|are\s+|has\s+been\s+|have\s+been\s+|continues?\s+to\s+|will\s+)?(?:put|puts|putting|place|places|"
            r"placing|placed)\s+(?:her|him|them)\s+(?:at|in)\s+(?:\w+\s+)?(?:risk|danger|harm)",
            r"\bat\s+risk\s+(?:because\s+of|due\s+to|as\s+a\s+result\s+of|owing\s+to|from)\s+(?:her|his|their)\s+(?:own\s+)?"
            r"(?:behaviou?rs?|actions|choices|decisions|lifestyle|conduct)",
        ),
        reason="Puts responsibility on the child.",
        suggestions=("the child may have been groomed",
                     "an adult may be exploiting the child's vulnerability",
                     "it is not clear whether the child is under pressure to go missing"),
    ),
    Rule(
        id="adult_boyfriend",
        row="boyfriend / girlfriend / relationship (for an adult exploiting a child)",
        patterns=(
            Pattern(r"\b(?:boy|girl)[- ]?friends?\b",
                    not_after=r"\b(?:mum|mother|mom|dad|father|nan|gran|aunt|auntie|sister|brother|carer|parent|man|"
                              r"male|suspect|offender|driver|adult|uncle|cousin|he|she)'?s?\s+(?:new\s+|current\s+|"
                              r"ex-?\s*|older\s+)?$|\b(?:mum|mother|dad|father|nan|gran|aunt|sister|brother|carer|"
                              r"uncle|cousin)\s+(?:has|had|have|with|and|is\s+seeing|lives\s+with)\s+(?:got\s+)?"
                              r"(?:a|an|her|his)\s+(?:new\s+)?$|\b(?:so-called|supposed|alleged)\s+$|"
                              r"\b(?:calls?|called|calling|describes?|described|describing|refers?\s+to|referred\s+to|"
                              r"sees|saw|views?|considers?|thinks\s+of)\s+(?:\w+\s+){0,3}as\s+(?:her|his|their|a)?\s*$|"
                              r"\b(?:calls?|called|calling)\s+(?:him|her|them)\s+(?:her|his|their)\s+$"),
            Pattern(r"\b(?:partner)\b", needs=r"\b(?:her|his|their)\s+(?:\w+[- ]?)?(?:year[- ]old\s+|older\s+|adult\s+)partner"),
        ),
        reason="Legitimises abuse.",
        suggestions=("an adult who is exploiting the child", "an older person of concern"),
        when="adult_partner",
        negation="noun",
    ),
    Rule(
        id="adult_relationship",
        row="boyfriend / girlfriend / relationship (for an adult exploiting a child)",
        patterns=(
            r"\brelationships?\b(?=\s+with\b)",
            r"\b(?:sexual|romantic|intimate|physical|loving|serious|secret|long[- ]term)\s+relationships?\b",
            r"\bin\s+a\s+relationship\b",
        ),
        reason="Legitimises abuse.",
        suggestions=("an adult who is exploiting the child", "an older person of concern"),
        when="adult_relationship",
        negation="noun",
        subject="child",
    ),
    Rule(
        id="promiscuous",
        row="promiscuous",
        patterns=(r"\bpromiscu(?:ous|ity|ously)\b", r"\bsle(?:eps?|eping|pt)\s+around\b",
                  r"\bsexually\s+(?:provocative|precocious)\b", r"\bprovocatively\s+dressed\b"),
        reason="Blames the child.",
        suggestions=("the child is being sexually exploited", "the child is being sexually abused"),
    ),
    Rule(
        id="child_prostitution",
        row="child prostitution; prostitute; selling sex",
        patterns=(
            r"\bchild\s+prostitut\w*",
            r"\bprostitut(?:e|es|ed|ion|ing)\b",
            rf"\bprostituting\s+{REFLEXIVE}",
            rf"\b(?:sell|sells|selling|sold)\s+(?:sex|sexual\s+services|sexual\s+favours|{REFLEXIVE}|(?:her|his|their)\s+"
            r"bod(?:y|ies))\b",
            r"\bsex\s+work(?:ers?|ing)?\b",
            r"\bon\s+the\s+game\b",
            r"\brent\s+boys?\b",
            r"\b(?:trad|exchang)(?:e|es|ed|ing)\s+sex(?:ual\s+(?:acts|favours|activity))?\s+for\b",
        ),
        reason="Removed from law; a child cannot sell sex.",
        suggestions=("child sexual exploitation", "the child is a victim of exploitation"),
    ),
    Rule(
        id="lifestyle_choice",
        row="lifestyle choice; making choices",
        patterns=(
            r"\blifestyle\s+choices?\b",
            r"\b(?:her|his|their|chosen|chaotic|risky|risk-taking|street|party|partying|sexualised|current)\s+lifestyle\b",
            r"\b(?:chos(?:en|e)|choos(?:e|es|ing)|prefers?|preferred|enjoys?|wants?)\s+(?:this|that|her|his|their|the|a)\s+"
            r"(?:\w+\s+)?lifestyle\b",
            r"\blifestyle\s+(?:that\s+|which\s+)?(?:she|he|they)\s+(?:has\s+|have\s+|had\s+)?(?:chosen|chose|chooses|choose|"
            r"wants|prefers|enjoys)\b",
            Pattern(r"\b(?:make|makes|made|making)\s+(?:(?:her|his|their)\s+own\s+|(?:bad|poor|unwise|wrong|risky|unsafe|"
                    r"negative|the\s+wrong|these|such|certain|her|his|their|dangerous)\s+)?(?:life\s+)?choices?\b",
                    not_before=r"^\s+(?:about|around|regarding)\s+(?:her|his|their)\s+(?:sexual\s+health|contracepti|"
                               r"education|future|care\s+plan|health|career)",
                    not_after=r"\b(?:informed|healthy|positive|safe|good|better)\s+$"),
            r"\b(?:choos(?:e|es|ing)|chose|chosen)\s+to\s+(?:go\s+(?:missing|out\s+with|back|with|to\s+(?:his|their|the)\s+"
            r"(?:flat|house|address|car|hotel))|stay\s+(?:out|away|with\s+(?:him|them|the|older|adult))|be\s+with\s+(?:him|"
            r"them|the|older|these|adult)|spend\s+time\s+with|associate|return\s+to\s+(?:him|them|the\s+(?:flat|house|"
            r"address|men|males|hotel))|run\s+away|leave\s+(?:home|placement|the\s+(?:unit|placement|home))|meet\s+(?:him|"
            r"them|the|older|adult|men|males|up)|see\s+(?:him|them|the\s+(?:men|man|males|adults?))|get\s+(?:in|into)|"
            r"engage\s+in|put|sleep\s+with|drink|take\s+drugs|use\s+drugs|miss\s+school|abscond|hang\s+(?:around|out))",
            r"\bof\s+(?:her|his|their)\s+own\s+(?:free\s+)?(?:will|volition|accord)\b",
            r"\b(?:by|out\s+of)\s+choice\b|\bfreely\s+cho(?:se|oses|osing)\b",
            r"\b(?:her|his|their)\s+(?:own\s+)?choice\s+to\b|\bit\s+is\s+(?:her|his|their)\s+(?:own\s+)?choice\b",
            r"\bvoluntarily\s+(?:went|goes|go|going|returned|returns|got|gets|left|leaves|stays|stayed|engag\w+|"
            r"went\s+back|travelled|attended|associat\w+)",
        ),
        reason="Implies free choice.",
        suggestions=("the child is being controlled", "the child is being coerced"),
        negation="suppress",
    ),
    Rule(
        id="out_of_control",
        row="out of control; beyond parental control",
        patterns=(
            Pattern(r"\bout\s+of\s+(?:(?:parental|(?:her|his|their)\s+(?:mother|mum|parents|father|dad|carers?|"
                    r"family)'?s?|(?:the\s+)?(?:family|carers?|parents|school)'?s?)\s+)?control\b",
                    not_after=r"\b(?:situation|fire|car|vehicle|vehicles|things|party|parties|argument|fight|fighting|"
                              r"spending|debts?|dogs?|temperature|diabetes|epilepsy|seizures|symptoms|bleeding|blood|"
                              r"sugars?|levels|asthma|weight|pain|infection|flames|traffic|costs|bills|drinking|"
                              r"gambling|use|addiction|lorry|van|bike|crowds?|it|events|matters)\b"
                              r"[^,.;]{0,25}$"),
            r"\bbeyond\s+(?:(?:parental|(?:her|his|their)(?:\s+\w+'?s?)?|the\s+(?:\w+'?s?\s+)?)\s*)?control\b",
            r"\b(?:uncontrollable|ungovernable|unmanageable)\b",
        ),
        reason="Blames the child and family.",
        suggestions=("the child may be under the control of others",),
        subject="child",
    ),
    Rule(
        id="cannot_control_child",
        row="out of control; beyond parental control",
        patterns=(r"\b(?:can(?:no|')t|could\s*n[o']t|(?:is|are|was|were)\s+(?:unable|not\s+able)\s+to|struggl\w+\s+to|"
                  r"no\s+longer(?:\s+able\s+to)?)\s+control\s+(?:her|him|them|(?-i:[A-Z][a-z]+)|(?:her|his|their)\s+(?:son|"
                  r"daughter|child|children|boy|girl|kids?))\b(?!\s+(?:own\s+)?(?:temper|anger|emotions?|feelings|drinking|spending|"
                  r"weight|diabetes|breathing|pain|mood|nerves|tears))",),
        reason="Blames the child and family.",
        suggestions=("the child may be under the control of others",),
    ),
    Rule(
        id="drunk_and_disorderly",
        row="drunk and disorderly (of a child found with adults)",
        patterns=(
            r"\b(?:drunk|intoxicated)\s+(?:and|&)\s+(?:disorderly|incapable)\b",
            Pattern(r"(?<![\w&])D\s?&\s?D(?![\w&])"),
            r"\b(?:arrested|detained|charged|cautioned|fined|reported)\s+(?:her|him|them\s+)?\s*for\s+(?:being\s+)?"
            r"(?:drunk|intoxicated|drunkenness|public\s+intoxication)\b(?!\s+(?:and|&))",
        ),
        reason="Criminalises a victim.",
        suggestions=("the child was found intoxicated with adults",
                     "alcohol may have been supplied by abusers"),
        subject="not_adult",
    ),
    Rule(
        id="contacting_adults",
        row="contacting adult males/females",
        patterns=(
            r"\b(?:contact(?:s|ed|ing)?|(?:make|makes|made|making|initiat(?:e|es|ed|ing))\s+contact\s+with|"
            r"messag(?:e|es|ed|ing)|text(?:s|ed|ing)?|approach(?:es|ed|ing)?|seek(?:s|ing)?\s+out|sought\s+out|"
            r"chat(?:s|ted|ting)?\s+(?:to|with)|talk(?:s|ed|ing)?\s+to|ring(?:s|ing)?|rang|call(?:s|ed|ing)?|"
            r"add(?:s|ed|ing)?|befriend(?:s|ed|ing)?|go(?:es|ing)?\s+looking\s+for|look(?:s|ing|ed)\s+for|"
            r"flirt(?:s|ed|ing)?\s+with)\s+(?:(?:unknown|older|adult|grown|random|various|different|several|"
            r"multiple|many|lots\s+of|a\s+number\s+of|numerous|strange|much)\s+){1,2}(?:males?|men|man|females?|"
            r"wom[ae]n|adults|people|guys|lads)\b",
            r"\b(?:contacting|contacts|contacted|messaging|messages|messaged)\s+(?:adult\s+)?(?:men|adults)\b",
        ),
        reason="Reverses who is responsible.",
        suggestions=("adults have been contacting the child",),
        subject="child",
    ),
    Rule(
        id="involved_in_exploitation",
        row="involved in CSE / involved in crime",
        patterns=(
            Pattern(r"\b(?:involved|involvement|engag(?:ed|es|ing)|participat(?:ed|es|ing|ion)|taking\s+part|took\s+"
                    r"part|partaking)\s+in\s+(?:CSE|CCE|child\s+(?:sexual|criminal)\s+exploitation|(?:sexual|criminal)\s+"
                    r"exploitation|exploitation|county\s+lines?|drug\s+(?:dealing|running|supply)|the\s+(?:supply|sale|"
                    r"selling|dealing|movement)\s+of\s+(?:\w+\s+){0,2}?(?:drugs|cannabis|cocaine|heroin|crack)|dealing|crime|criminality|criminal\s+(?:activity|activities|behaviou?r)|offending|"
                    r"gangs?|gang\s+(?:activity|culture|violence)|organised\s+crime|prostitution|sex\s+work|"
                    r"shoplifting|anti-?social\s+behaviou?r)\b",
                    not_before=r"^\s*(?:services?|teams?|workers?|projects?|support|prevention|awareness|sessions?|"
                               r"work|training|meetings?|panels?|screening|tools?|assessments?|police)\b",
                    not_after=r"\b(?:men|adults|males|perpetrators|offenders|abusers|suspects|nominals|people|persons|"
                              r"individuals|those|others|anyone|professionals|agencies|staff)\s+(?:who\s+(?:are|were|"
                              r"have\s+been|has\s+been)\s+|(?:already\s+)?)$"),
            r"\binvolved\s+with\s+(?:a\s+|an\s+|the\s+)?(?:gangs?|county\s+lines?|OCGs?|criminals|drug\s+dealers|dealers)\b",
            r"\bgang[- ]involved\b",
        ),
        reason="Implies participation.",
        suggestions=("the child is a victim of exploitation", "the child has been groomed"),
        subject="child",
    ),
    Rule(
        id="going_missing_choice",
        row="keeps going missing; absconding",
        patterns=(
            r"\b(?:keeps?|kept)\s+(?:on\s+)?(?:going\s+missing|running\s+(?:away|off)|disappearing|absconding|"
            rf"taking\s+{REFLEXIVE}\s+off)\b",
            r"\b(?:self-)?abscond(?:s|ed|ing|er|ers|ence)?\b",
            r"\bAWOL\b",
            rf"\b(?:takes?|took|taking|taken)\s+{REFLEXIVE}\s+off\b",
        ),
        reason="Implies choice.",
        suggestions=("the child is missing", "the child may be being trafficked"),
        subject="child",
    ),
    Rule(
        id="associating_with_adults",
        row="associating with / hanging around with (adults of concern)",
        patterns=(
            Pattern(r"\b(?:associat(?:e|es|ed|ing)|associations?|mix(?:es|ed|ing)?|hang(?:s|ing)?\s+(?:around|round|"
                    r"about|out)|hung\s+(?:around|round|about|out)|spend(?:s|ing)?\s+time|spent\s+time|"
                    r"socialis(?:e|es|ed|ing)|knock(?:s|ing|ed)\s+about|keep(?:s|ing)?\s+company|kept\s+company|"
                    r"frequent(?:s|ing|ed)?\s+the\s+company)\s+with\b",
                    needs_after=ADULT_OBJECT),
        ),
        reason="Implies free association.",
        suggestions=("the child is being groomed by", "the child is being exploited by"),
        subject="child",
    ),
    Rule(
        id="criminal_exploitation_jargon",
        row="recruited; runner; money mule; plugging",
        patterns=(
            Pattern(r"\brecruit(?:ed|ing|s|ment)?\b", needs=DRUG_CUE),
            Pattern(r"\b(?:drug\s+|county\s+lines?\s+)?runners?\b",
                    not_after=r"\b(?:keen|good|fast|cross[- ]country|marathon|long[- ]distance|sprint|club|front|fun|"
                              r"park|track|talented|strong|decent|athletics|school|distance|quick)\s+$",
                    not_before=r"^(?:\s*beans?\b|-up\b|\s+up\b|\s+(?:for|in|with|at)\s+(?:the\s+|a\s+|her\s+|his\s+)?"
                               r"(?:school|club|county\s+(?:team|squad|championships?)|athletics|cross[- ]country|team|park\s?run|"
                               r"marathon|race|charity))"),
            r"\bdrug[- ]running\b",
            r"\brunning\s+(?:drugs|for\s+(?:a|the)\s+(?:line|gang|dealers?|olders|elders|older\s+(?:boys|males|lads)|men))\b",
            r"\brunning\s+(?:a\s+)?county\s+lines?\b",
            r"\b(?:money|drugs?)\s+mul(?:e|es|ing)\b|\bmul(?:ing|ed)\b|\bact(?:s|ed|ing)?\s+as\s+a\s+mule\b",
            Pattern(r"\bplug(?:s|ged|ging)?\b",
                    not_before=r"^\s*(?:in|into|the\s+gaps?|a\s+gap|gaps|away|it\s+in|socket|points?|sockets?|holes?)\b",
                    needs=DRUG_CUE),
            r"\bplugging\b(?=\s*[.,;]|\s+(?:drugs|wraps|packages))",
            r"\b(?:go|goes|going|went|gone)\s+country\b|\bshotting\b",
            r"\bwork(?:s|ed|ing)?\s+(?:on\s+|for\s+)?(?:a|the)\s+(?:county\s+)?line\b",
        ),
        reason="Adopts abusers' framing.",
        suggestions=("the child has been criminally exploited",),
    ),
)


def rule(rule_id: str) -> Rule:
    return next(r for r in RULES if r.id == rule_id)
