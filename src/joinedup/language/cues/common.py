"""The Cue type and the phrase fragments the indicator cue tables share."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Cue:
    all_of: tuple[str, ...]
    none_of: tuple[str, ...] = ()


# "can't", "couldn't", "won't", "does not"... (curly apostrophes are read as straight ones)
NOT_VERB = r"(?:can't|cannot|won't|(?:can|could|would|will|did|does|is|was)\s*(?:n't|not))"
ADULT = (r"\b(?:men|man|males?|adults?|older|unknown|unidentified|strangers?|(?:1[89]|[2-7]\d)[- ]?(?:year[- ]?olds?|yo)|"
         r"in\s+(?:his|their)\s+(?:20s|30s|40s|50s|twenties|thirties|forties|fifties)|drivers?|guys)\b")
VEHICLE = (r"\b(?:cars?|vehicles?|vans?|taxis?|cabs?|minicabs?|BMW|Audi|Mercedes|VW|Golf|Corsa|Range\s+Rover|"
           r"motorbikes?|mopeds?|4x4|hatchback|saloon|people\s+carrier)\b")
HER = r"(?:her|his|their)"
PARENT = r"(?:mum|mother|mom|dad|father|parents?|step-?(?:dad|father|mum|mother)|carers?|(?:mum|mother)'s\s+(?:partner|boyfriend))"
EXPLAINED = (rf"\b{PARENT}\s+(?:\w+\s+){{0,2}}(?:bought|gave|paid|got)\b|\bfor\s+{HER}\s+(?:birthday|christmas)|"
             r"\bpocket\s+money\b|\bpaper\s+round\b|\bwages\b|\bsaved\s+up\b")
NOT_CHILD = r"(?:(?!her\b|him\b|she\b|he\b|they\b|them\b)\w+\s+)"
ITEMS = (r"\b(?:phones?|iphones?|mobiles?|trainers|clothes|clothing|jewellery|jewelry|money|cash|£\s?\d+|\d+\s?(?:pounds|"
         r"quid)|designer|gifts?|presents?|nails|vapes?|air\s?pods|handbags?|bags?|jackets?|coats?|perfume|make-?up|"
         r"watch|necklace|earrings|rings?|cigarettes|top[- ]?ups?|topped\s+up|credit|items|hair\s+extensions|takeaways?|"
         r"food|drinks?|meals?|lifts|rides|iPhone)\b")
UNEXPLAINED = (r"\b(?:unexplained|unaccounted|" + NOT_VERB + r"\s+(?:able\s+to\s+|willing\s+"
               r"to\s+)?(?:explain|account|say|tell)|cannot\s+(?:explain|account|say)|unable\s+to\s+(?:explain|account|say)|"
               r"no\s+explanation|refus\w+\s+to\s+(?:say|explain|tell)|(?:where|how)\s+(?:she|he|they)\s+(?:got|obtained|"
               r"came\s+by|can\s+afford)|can't\s+afford|beyond\s+(?:her|his|the\s+family's)\s+means|gifts?\s+from|presents?"
               r"\s+from|expensive|(?:he|she|they)\s+(?:bought|buys|gave|gives)\s+(?:me|her|him)\b|large\s+(?:amounts?|sums?)|wads?\s+of|rolls?\s+of|no\s+money\s+of\s+(?:her|his|their)\s+own|"
               r"free\s+(?:food|drinks?|meals?|taxis?|rides?|lifts?|credit|alcohol|cigarettes|vapes?)|given\s+(?:free\s+)?"
               r"(?:food|money|cash|gifts|clothes|alcohol|cigarettes|vapes?)|(?:a|her|his)\s+friend\s+(?:paid|bought|gave)|"
               r"(?:says|said|claims?|claimed)\s+(?:that\s+)?(?:she|he|they)\s+(?:found|won)\b|new\s+designer|"
               r"(?:given|bought|paid\s+for|buys|buying|"
               r"bought\s+for)\s+(?:to\s+)?(?:her|him|them)?\s*(?:\w+\s+){0,3}(?:by|from)\s+(?:an?\s+|the\s+|these\s+|two\s+|"
               r"older\s+)?(?:men|man|males?|adults?|older|unknown|someone|friends?|boyfriend|him)|(?:men|man|males?|"
               r"adults?|older\s+\w+|boyfriend|friends?\s+of\s+\w+)\s+(?:\w+\s+)?(?:bought|buys|gave|gives|giving|buying|"
               r"paid|pays|tops?\s+up|topped\s+up|sends?|sent))\b")
