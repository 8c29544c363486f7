"""Cues for the significant indicators (missing, older person, vehicles, gifts, hotels/taxis/takeaways,
places, online grooming, injuries, withdrawn disclosure, exploited peers)."""

from __future__ import annotations

from joinedup.language.cues.common import ADULT, EXPLAINED, ITEMS, NOT_VERB, PARENT, UNEXPLAINED, VEHICLE, Cue

SIGNIFICANT: dict[str, tuple[Cue | str, ...]] = {
    "missing_overnight": (
        r"\bmissing\s+(?:overnight|all\s+night|over\s*night|for\s+(?:the\s+)?(?:night|(?:two|three|four|five|several|"
        r"\d+)\s+(?:nights|days)|a\s+day|(?:the\s+|a\s+)?(?:whole\s+)?weekend|(?:over\s+)?24\s+hours)|since\s+(?:yesterday|"
        r"last\s+night|monday|tuesday|wednesday|thursday|friday|saturday|sunday|the\s+weekend))",
        r"\b(?:did\s+not|didn't|failed\s+to|has\s+not|hasn't|had\s+not|hadn't)\s+(?:return|come|go|get)\s+(?:back\s+)?"
        r"(?:home|to\s+(?:placement|(?:her|his|the)\s+(?:placement|unit|home|foster\s+home)))(?:\s+\w+){0,3}?\s+"
        r"(?:overnight|last\s+night|all\s+night|that\s+night|at\s+all|until\s+(?:the\s+)?(?:next|following)\s+"
        r"(?:day|morning|afternoon)|until\s+(?:morning|monday|tuesday|wednesday|thursday|friday|saturday|sunday))",
        r"\b(?:stayed|stays|staying|was|been|out)\s+(?:out|away)\s+(?:all\s+night|overnight|until\s+the\s+(?:next|following)\s+"
        r"(?:day|morning))",
        r"\breturned\s+(?:home\s+|to\s+(?:placement|the\s+(?:unit|home))\s+)?(?:at\s+\w+\s+)?(?:the\s+)?(?:next|following)\s+"
        r"(?:day|morning|afternoon|evening)",
        r"\b(?:away|gone|out)\s+(?:overnight|all\s+night)\b|\bovernight\s+missing\b",
        r"\bstayed\s+(?:the\s+night|overnight)\s+(?:at|with|in)\s+(?:an?\s+|the\s+)?(?:unknown|unidentified|adult|man|"
        r"men|older|his|their|flat|hotel|address)",
        r"\bfound\s+(?:\w+\s+){0,4}(?:the\s+)?(?:next|following)\s+(?:day|morning)",
        Cue((r"\b(?:missing|not\s+(?:found|located|traced|seen)|did\s*n[o']t\s+(?:return|come\s+(?:home|back)))\b",
             r"\buntil\s+(?:[\w:.]+\s+){0,2}?(?:(?:the\s+)?(?:next|following)\s+(?:day|morning|afternoon)|(?:monday|tuesday|"
             r"wednesday|thursday|friday|saturday|sunday)|(?:the\s+)?morning)\b")),
        r"\bmissing\s+(?:from|since)\s+(?:\w+\s+){0,2}?(?:until|till|to)\s+(?:\w+\s+)?(?:monday|tuesday|wednesday|thursday|"
        r"friday|saturday|sunday|the\s+(?:next|following)|(?:the\s+)?morning)",
        r"\bmissing\s+(?:\w+\s+){0,2}?(?:weekends?|over\s+the\s+weekend)\b",
        r"\b(?:away|absent|gone)\s+(?:from\s+(?:home|placement|(?:her|his|the)\s+\w+)\s+)?for\s+(?:\w+\s+)?(?:nights?|days)\b",
    ),
    "missing_repeat": (
        r"\bmissing\s+(?:again|on\s+(?:\w+\s+)?(?:several|multiple|numerous|many|repeated|\d+|two|three|four|five|six|"
        r"seven|eight|nine|ten)\s+occasions|(?:several|multiple|numerous|many|\d+|two|three|four|five|six|seven|"
        r"eight|nine|ten|a\s+number\s+of)\s+times)",
        r"\b(?:repeated(?:ly)?|frequent(?:ly)?|regular(?:ly)?|persistent(?:ly)?|multiple|numerous|several|recurr\w+|"
        r"\d+|two|three|four|five|six|seven|eight|nine|ten|second|third|fourth|fifth|\w+th)\s+(?:further\s+)?"
        r"(?:missing\s+(?:person\s+)?(?:episodes?|incidents?|reports?|from\s+(?:home|care|placement))|episodes\s+of\s+"
        r"(?:being\s+)?missing)",
        Cue((r"\bmissing\b", r"\b(?:twice|(?:three|four|five|six|several|multiple|numerous|many|\d+)\s+(?:times|occasions)|"
             r"again|repeatedly|(?:every|most)\s+weekends?|regularly|frequently|(?:second|third|fourth|fifth|sixth|seventh|"
             r"eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+time)\b")),
        r"\b(?:another|further|latest)\s+missing\s+(?:episode|incident|report|from)",
        r"\b(?:reported|been)\s+missing\s+(?:again|(?:\w+\s+)?times|(?:for\s+the\s+)?(?:second|third|fourth|fifth|sixth|"
        r"\d+(?:st|nd|rd|th))\s+time)",
        r"\b(?:keeps?|kept)\s+(?:on\s+)?(?:going\s+missing|running\s+away|disappearing)",
        r"\b(?:goes|went|gone|going|go)\s+missing\s+(?:again|regularly|frequently|often|most\s+(?:weekends|nights|days)|"
        r"every\s+(?:weekend|night|week|few\s+days)|repeatedly|(?:several|many|a\s+number\s+of)\s+times)",
        r"\b(?:regularly|frequently|often|repeatedly|persistently)\s+(?:goes|went|going|been|reported)\s+missing",
        r"\b(?:history|pattern)\s+of\s+(?:going\s+)?missing|\bmissing\s+episodes\b",
        r"\babscond\w*\s+(?:\w+\s+){0,3}(?:again|times|occasions|repeatedly|regularly)",
    ),
    "controlling_older_person": (
        r"\b(?:older|adult)\s+(?:boy|girl)[- ]?friends?\b",
        r"\b(?:boy|girl)[- ]?friend\s*[,(]?\s*(?:who\s+is\s+|aged\s+|is\s+)?(?:about\s+)?(?:1[89]|[2-7]\d)\b(?![:.]\d)",
        r"\b(?:1[89]|[2-7]\d)[- ]?year[- ]?old\s+(?:boy|girl)[- ]?friend",
        r"\b(?:relationship|in\s+love)\s+with\s+(?:an?\s+)?(?:much\s+)?(?:older|adult|(?:1[89]|[2-7]\d)[- ]?year[- ]?old|"
        r"man|grown)",
        Cue((r"\b(?:boy|girl)[- ]?friends?\b|\brelationship\b|\bpartner\b",
             r"\b(?:1[89]|[2-7]\d)[- ]?(?:year|yr)s?[- ]?old\b|\bin\s+(?:his|her)\s+(?:early\s+|mid[- ]?|late\s+)?(?:20s|30s|40s|"
             r"50s|twenties|thirties|forties|fifties)|\bolder\s+(?:man|male|men|woman|adult)|\b(?:aged|is|was)\s+"
             r"(?:1[89]|[2-7]\d)\b(?![:.]\d)"),
            (rf"\b{PARENT}'?s\s+(?:new\s+)?(?:boy|girl)[- ]?friend|\brelationship\s+with\s+(?:her|his|their)\s+(?:\w+\s+)?(?:mum|"
             r"mother|dad|father|nan|gran|grandmother|grandfather|grandad|grandparents?|aunt|auntie|uncle|sister|brother|"
             r"cousin|carers?|foster|key\s*worker|social\s+worker|teacher|family)|\b(?:mum|mother|dad|father|sister|brother)\s+(?:has|is\s+in)\s+"
             r"(?:a|an)\s+(?:new\s+)?(?:boyfriend|girlfriend|relationship|partner)",)),
        r"\b(?:man|male|adult|older\s+\w+)\s+(?:whom?\s+|that\s+)?(?:she|he|[a-z]+)\s+(?:calls|describes\s+as|refers\s+to\s+as|"
        r"says\s+is|considers)\s+(?:her|his)\s+(?:boy|girl)[- ]?friend",
        Cue((r"\b(?:controls|controlling|possessive|jealous|tells\s+(?:her|him)\s+(?:what\s+to|where\s+to|who\s+(?:she|he)"
             r"\s+can)|decides\s+(?:who|where|what)|(?:won't|will\s+not|doesn't|does\s+not)\s+(?:let|allow)\s+(?:her|him)|"
             r"checks\s+(?:her|his)\s+(?:phone|location)|monitors\s+(?:her|his)|tracks\s+(?:her|his))", ADULT)),
    ),
    "vehicles_unknown_adults": (
        Cue((r"\b(?:g[eo]t(?:s|ting)?|climb(?:s|ed|ing)?|jump(?:s|ed|ing)?|seen\s+getting|put|bundled|pulled|sitting|sat|"
             r"seen)\s+(?:in|into|out\s+of|inside)\s+(?:an?\s+|the\s+|their\s+|his\s+)?(?:\w+\s+){0,3}" + VEHICLE[2:],
             ADULT)),
        Cue((VEHICLE + r"\s+with\s+(?:\w+\s+){0,3}(?:men|males?|adults?|older)\b",)),
        Cue((r"\b(?:pick(?:s|ed|ing)?\s+(?:(?:her|him|them)\s+)?up|collect(?:s|ed|ing)?)\b", r"\b(?:taxis?|cabs?|minicabs?|"
             r"private\s+hire)\b"), ("school transport", r"\barranged\s+by")),
        Cue((r"\b(?:pick(?:s|ed|ing)?\s+(?:(?:her|him|them)\s+)?up|collect(?:s|ed|ing)?|dropped\s+(?:(?:her|him|them)\s+)?(?:off|back)|driven|drove\s+(?:her|him|them)|giv(?:e|es|en|ing)\s+"
             r"(?:her|him|them)\s+(?:free\s+)?lifts?|lifts?\s+(?:from|with))\b", VEHICLE + r"|\bdriv(?:er|en|ing)\b|\blifts?\b",
             ADULT), ("school transport",)),
        Cue((VEHICLE + r"\s+(?:\w+\s+){0,3}(?:pull(?:s|ed|ing)?\s+up|wait(?:s|ed|ing)|park(?:ed|s|ing)?|outside|circling|"
             r"turn(?:s|ed|ing)\s+up|arriv\w+)", r"\b(?:men|males?|adults?|older|unknown|different|various|several|"
             r"driver|collect\w*|pick\w*|get\s+in)\b")),
        Cue((r"\b(?:in|inside|from)\s+(?:an?\s+|the\s+)?(?:\w+\s+){0,3}" + VEHICLE[2:] + r"\s+(?:with|driven\s+by|belonging\s+"
             r"to|owned\s+by)\s+(?:\w+\s+){0,3}(?:men|man|males?|adults?|older|unknown|\d{2}[- ]?year)",)),
        r"\bdriven\s+(?:around|about|to|away|off)?\s*(?:\w+\s+){0,4}by\s+(?:an?\s+|the\s+|two\s+|three\s+|several\s+)?"
        r"(?:\w+\s+)?(?:men|man|males?|adults?|older|unknown|driver)",
    ),
    "unexplained_money_gifts": (
        Cue((ITEMS, UNEXPLAINED), (EXPLAINED,)),
        Cue((ITEMS, r"\b(?:buy|buys|bought|buying|gives?|gave|giving|pays?\s+for|paid\s+for|treats?|sends?|sending|sent|"
             r"transfer\w*)\s+(?:her|him|them)\b",
             ADULT), (EXPLAINED,)),
        r"\b(?:a\s+lot\s+of|lots\s+of|large\s+(?:amounts?|sums?)\s+of|wads?\s+of|rolls?\s+of)\s+(?:cash|money|notes)\b",
        Cue((r"\b(?:came|comes|come|returned|returns|turned\s+up|arrived|arrives)\s+(?:back\s+|home\s+)?with\s+(?:a\s+|an\s+|"
             r"some\s+)?(?:new|expensive|designer|brand[- ]new|lots\s+of|large)\s+\w+",), (EXPLAINED,)),
    ),
    "hotels_taxis_takeaways": (
        Cue((r"\b(?:hotels?|motels?|B\s?&\s?B|bed\s+and\s+breakfast|travelodge|premier\s+inn|guest\s?houses?|air\s?bnb|"
             r"taxis?|cabs?|minicabs?|private\s+hire|uber|takeaways?|take-aways?|kebab\s+(?:shop|house)s?|pizza\s+"
             r"(?:shop|place)s?|chip\s+shops?|chippy|fast[- ]food\s+(?:shop|outlet|restaurant)s?|shisha\s+(?:bar|lounge)s?)\b",),
            (r"\bschool\s+transport|\b(?:arranged|booked|paid\s+for|organised|provided)\s+by\s+(?:the\s+|her\s+|his\s+)?"
             r"(?:school|council|local\s+authority|LA|social|carers?|placement|unit|mum|mother|dad|father|parents?)|"
             r"\bfamily\s+(?:holiday|wedding|party|celebration|trip|event|funeral)|\bon\s+holiday\b|\bordered\s+(?:a\s+)?"
             r"takeaway|\btakeaway\s+(?:night|order|meal|dinner|tea)\b|\b(?:treat\w*|family)\s+(?:\w+\s+){0,4}takeaway",
             rf"\b{PARENT}\s+(?:works|worked|runs|owns|drives)\b")),
    ),
    "places_known_exploitation": (
        r"\bknown\s+(?:location|place|venue|address|area|spot|haunt)\s+for\b",
        r"\b(?:address|location|premises|property|flat|house|venue|park|area|hotel|takeaway|car\s+park|garage|shop|estate|"
        r"street|road|place|spot|underpass|alley\w*|flats|houses|addresses)\s+(?:\w+\s+){0,3}?(?:that\s+is\s+|which\s+is\s+|"
        r"is\s+|was\s+)?(?:known|identified|flagged|reported)\s+(?:to\s+(?:the\s+)?(?:police|us|partners)\s+)?(?:as\s+|for\s+|"
        r"to\s+be\s+)"
        r"(?:an?\s+)?(?:\w+\s+){0,3}(?:exploitation|CSE|CCE|drugs?|dealing|sex|sexual|prostitution|parties|party|"
        r"hotspot|trap|cuckoo\w*|brothel|crack|concern|county\s+lines?|gangs?|ASB|grooming)",
        r"\b(?:address|location|premises|property|flat|house|venue|park|area|hotel|takeaway|car\s+park|places?)\s+"
        r"(?:of\s+concern|(?:\w+\s+){0,4}?(?:which\s+is\s+|that\s+is\s+|is\s+|was\s+|are\s+|has\s+been\s+)?(?:linked|"
        r"associated|connected)\s+(?:to|with)\s+(?:\w+\s+){0,3}"
        r"(?:exploitation|CSE|CCE|drugs?|dealing|county\s+lines?|gangs?|OCGs?|adults?\s+of\s+concern|offenders?|"
        r"nominals?|men|males))",
        r"\b(?:hot\s?spots?|trap\s+houses?|crack\s+houses?|cuckoo(?:ed|ing)|brothels?|party\s+(?:flats?|houses?)|drug\s+dens?)\b",
        r"\bparties\s+(?:at|in)\s+(?:an?\s+|the\s+)?(?:\w+\s+){0,2}(?:flats?|houses?|hotels?|address|property)",
        r"\b(?:flat|house|address|property|premises|park|garage|flats)\s+(?:\w+\s+){0,2}(?:used|frequented|occupied|rented|"
        r"visited)\s+by\s+(?:\w+\s+){0,2}(?:older|adults?|men|males|drug|known|nominals|gangs?|dealers)",
    ),
    "online_grooming": (
        r"\bonline\s+grooming\b|\bgroomed\s+(?:\w+\s+)?online\b|\bsextortion\b|\bsexually\s+(?:abused|exploited)\s+online",
        Cue((r"\b(?:snap\s?chat|snap|instagram|insta|tik\s?tok|whats\s?app|facebook|messenger|discord|kik|telegram|roblox|"
             r"xbox|playstation|fortnite|omegle|wizz|yubo|tinder|grindr|dating\s+(?:app|site)s?|onlyfans|online|social\s+"
             r"media|chat\s?rooms?|gaming\s+(?:site|platform|chat)|video\s+calls?|facetime|webcam)\b",
             r"\b(?:men|man|males?|adults?|older|(?:1[89]|[2-7]\d)[- ]?(?:year[- ]?old|yo)|strangers?|someone\s+(?:she|he)\s+"
             r"(?:met|has\s+never\s+met|does\s+not\s+know|doesn't\s+know)|claim\w*\s+to\s+be|pretend\w*|posing\s+as|"
             r"fake\s+(?:profile|account)|groom\w*|nudes?|naked|indecent|explicit|sexual(?:ised)?|sext\w*|meet\s+(?:up|him|"
             r"them|in\s+person)|blackmail\w*|threaten\w*\s+to\s+(?:share|post|send))\b"),
            (r"\b(?:online\s+safety|e-?safety)\s+(?:session|work|lesson|advice)",)),
    ),
    "injuries_unexplained": (
        Cue((r"\b(?:bruis\w+|injur\w+|cuts?|marks?|black\s+eyes?|burns?|bite\s+marks?|scratch\w*|swelling|swollen|fractur\w+|"
             r"broken\s+(?:arm|wrist|nose|finger|rib)s?|grazes?|wounds?|lacerations?|welts?|love\s+bites?)\b",
             r"\b(?:unexplained|no\s+(?:plausible\s+|clear\s+|credible\s+)?explanation|" + NOT_VERB +
             r"\s+(?:explain|say|tell|remember|recall)|cannot\s+(?:explain|say|remember)|unable\s+to\s+(?:explain|"
             r"say|account)|refus\w+\s+to\s+(?:say|explain|tell|discuss)|implausible|inconsistent|not\s+(?:plausible|"
             r"consistent)|unclear\s+how|unknown\s+(?:cause|origin)|(?:vague|changing)\s+(?:explanation|account)|"
             r"(?:doesn't|does\s+not|didn't|did\s+not)\s+know\s+how|refus\w+\s+to\s+talk|(?:did|does)\s*(?:n't|\s+not)\s+"
             r"(?:match|fit)|would\s*(?:n't|\s+not)\s+(?:say|talk))\b")),
    ),
    "disclosure_withdrawn": (
        r"\b(?:withdr(?:ew|awn|aws|awing)|retract(?:ed|s|ing)?|recant(?:ed|s|ing)?|took\s+back|taken\s+back)\s+(?:(?:her|his|"
        r"their|the|an?|this)\s+)?(?:\w+\s+)?(?:statement|allegation|complaint|disclosure|account|support|evidence|report|"
        r"claim)s?\b",
        r"\b(?:statement|allegation|complaint|disclosure|account)\s+(?:was|has\s+been|had\s+been)\s+(?:withdrawn|retracted)",
        r"\b(?:no\s+longer|does\s+not|doesn't|did\s+not|didn't|will\s+not|won't|refus\w+\s+to|declin\w+\s+to|unwilling\s+to|"
        r"not\s+willing\s+to)\s+(?:want\s+to\s+|wish\s+to\s+|wishes\s+to\s+)?(?:support|pursue|proceed|continue|provide|"
        r"give|make|sign)\s+(?:with\s+)?(?:an?\s+|the\s+|her\s+|his\s+|any\s+)?(?:police\s+)?(?:complaint|statement|"
        r"prosecution|investigation|allegation|evidence|ABE|interview|case|charges)",
        r"\bnow\s+(?:says|states|claims|denies|insists)\s+(?:that\s+)?(?:(?:it|this|nothing|he|the\s+assault|the\s+incident)\s+"
        r"(?:did\s+not|didn't|never)\s+happen|(?:she|he)\s+(?:made\s+it\s+up|lied|was\s+lying|made\s+a\s+mistake)|"
        r"(?:the|her|his)\s+(?:earlier|previous|original)\s+(?:account|allegation|disclosure))",
        r"\bchanged\s+(?:her|his|their)\s+(?:account|story|statement)",
        r"\bnow\s+(?:says|states|claims|insists)\s+(?:that\s+)?(?:nothing|it\s+(?:never|did\s*n[o']t))\s+happen",
    ),
    "peers_exploited": (
        r"\b(?:friends?|peers?|sister|cousin|associates?|classmates?|friendship\s+group|peer\s+group)\s+(?:\w+\s+){0,5}?(?:"
        r"(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+(?:also\s+|both\s+|all\s+|previously\s+|already\s+|"
        r"currently\s+)?(?:being\s+)?(?:sexually\s+|criminally\s+)?(?:exploited|groomed|trafficked|known\s+to\s+(?:the\s+)?"
        r"(?:CSE|CCE|exploitation)|open\s+to\s+(?:the\s+)?(?:CSE|CCE|exploitation)|subject\s+to\s+(?:CSE|CCE|exploitation)|"
        r"victims?\s+of\s+(?:CSE|CCE|exploitation|grooming)|taken\s+to\s+(?:parties|flats?|hotels?|the\s+(?:flat|house|hotel))|"
        r"picked\s+up\s+by\s+(?:the\s+)?(?:same\s+)?(?:men|males|adults)|abused|raped)|involved\s+in\s+(?:CSE|CCE|exploitation|county\s+lines|drug)|"
        r"running\s+drugs|missing\s+with\s+(?:her|him))",
        r"\bintroduced\s+to\s+(?:the\s+|an?\s+|some\s+|older\s+)?(?:\w+\s+){0,2}(?:men|males?|adults?|man|group)\s+by\s+"
        r"(?:a|an|her|his|another|one\s+of\s+(?:her|his))\s+(?:\w+\s+)?(?:friends?|girl|boy|peer|classmate|pupil)",
        r"\bintroduced\s+(?:her|him|them)\s+to\s+(?:the\s+|an?\s+|some\s+|older\s+|these\s+)?(?:\w+\s+){0,2}(?:men|males?|"
        r"adults?|older|man|guys|lads)",
        Cue((r"\b(?:recruit(?:s|ed|ing)?|bring(?:s|ing)?|brought|introduc\w+|taking|takes|took)\s+(?:other|younger|more|new|"
             r"her|his)\s+(?:\w+\s+)?(?:girls|boys|children|young\s+people|pupils|friends)",
             r"\b(?:flats?|house|parties|party|men|older|adults?|hotel|line|gang|exploit\w*|groom\w*)\b")),
        r"\b(?:exploited|groomed)\s+(?:peers?|friends)\b|\bpeer[- ](?:on[- ]peer\s+)?(?:exploitation|recruitment)\b",
        r"\bpeer\s+(?:group|network)\s+(?:\w+\s+){0,3}(?:exploit\w*|CSE|CCE|county\s+lines|gangs?|of\s+concern|known\s+to)",
    ),
}
