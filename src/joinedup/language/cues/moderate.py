"""Cues for the moderate indicators (staying out late, callers, phone and internet use, self-harm and
despair, school absence, STI or pregnancy, alcohol, drugs)."""

from __future__ import annotations

from joinedup.language.cues.common import NOT_CHILD, PARENT, Cue

PARENT_HAS = rf"\b{PARENT}(?:'s)?\s+{NOT_CHILD}{{0,3}}"
PARENT_USES = rf"\b{PARENT}(?:'s)?\s+{NOT_CHILD}{{0,2}}(?:uses?|using|used|smokes?|smoking|takes?|taking|injects?|injecting)"

MODERATE: dict[str, tuple[Cue | str, ...]] = {
    "staying_out_late": (
        r"\b(?:stays?|stayed|staying|is|was|been|being)\s+out\s+(?:\w+\s+)?(?:late|until\s+(?:after\s+)?(?:midnight|\d{1,2}"
        r"(?::\d\d)?\s*(?:am|pm)?|the\s+early\s+hours|late|one|two|three|four|the\s+small\s+hours)|past\s+(?:her|his|their)?"
        r"\s*curfew|after\s+(?:dark|midnight|curfew|\d))",
        r"\b(?:returns?|returned|returning|coming|comes|came|come|got|gets|getting)\s+(?:back\s+|home\s+|in\s+|to\s+"
        r"(?:placement|the\s+(?:unit|home))\s+)?(?:\w+\s+)?(?:late\b|after\s+(?:midnight|curfew|\d)|at\s+(?:[1-5](?::\d\d)?"
        r"\s*(?:am|a\.m\.|in\s+the\s+morning)|midnight)|in\s+the\s+(?:early|small)\s+hours)",
        r"\bout\s+late\b|\blate\s+(?:nights?\s+out|at\s+night)\b",
        r"\bnot\s+(?:home|back|in)\s+(?:until|till|before)\s+(?:after\s+)?(?:midnight|\d|late|the\s+early|one|two|three|four)",
        r"\b(?:breach\w*|broke|breaks|breaking|ignor\w+|missed|misses)\s+(?:her|his|their)?\s*curfew",
        r"\b(?:did\s+not|didn't|does\s+not|doesn't)\s+(?:return|come|get)\s+(?:back\s+|home\s+|in\s+)(?:\w+\s+)?until\s+"
        r"(?:after\s+)?(?:midnight|late|\d|the\s+early|one|two|three|four)",
        r"\bout\s+(?:until|till)\s+(?:after\s+)?(?:midnight|\d{1,2}\s*(?:am|pm)|the\s+early\s+hours|late)",
        r"\b(?:found|seen|located|spotted|traced|returned|returns|came\s+(?:home|back|in)|got\s+(?:home|back|in)|picked\s+up|"
        r"dropped\s+(?:off|back)|out|outside|stopped|with)\s+(?:[\w,']+\s+){0,8}?(?:at|around|about|until|till|after)\s+"
        r"(?:11(?::\d\d)?\s*pm|midnight|[1-4](?:[:.]\d\d)?\s*(?:am|a\.m\.))",
    ),
    "multiple_callers": (
        r"\b(?:unknown|different|various|older|several|many|numerous|a\s+number\s+of|adult|strange)\s+(?:\w+\s+)?(?:men|"
        r"males?|adults|people|callers|visitors|lads|boys|youths|cars|vehicles)\s+(?:\w+\s+){0,3}?(?:call(?:s|ed|ing)?|"
        r"ring(?:s|ing)?|rang|phon\w+|collect\w*|pick(?:s|ed|ing)?\s+(?:her|him)\s+up|turn(?:s|ed|ing)?\s+up|knock\w*|"
        r"com(?:e|es|ing)\s+to\s+the\s+(?:house|door|home|unit|school)|wait(?:s|ed|ing)?\s+(?:outside|for\s+(?:her|him))|"
        r"at\s+the\s+(?:door|gates?|school\s+gates?)|outside\s+the\s+(?:house|home|school|unit|placement)|ask(?:s|ed|ing)\s+"
        r"for\s+(?:her|him))",
        r"\b(?:calls?|messages|texts)\s+from\s+(?:unknown|withheld|private|different|various|numerous|multiple|several)\s+"
        r"(?:numbers|men|males|adults|people|callers)",
        Cue((r"\bcollect(?:s|ed|ing)?\b|\bpick(?:s|ed|ing)?\s+(?:her|him|them)\s+up\b",
             r"\b(?:unknown|unidentified|different|various|older)\s+(?:\w+\s+)?(?:adults?|men|males?|man|people|person|drivers?)\b")),
        r"\b(?:collected|picked\s+up)\s+(?:\w+\s+){0,4}by\s+(?:an?\s+)?(?:unknown|older|different|various|adult|unidentified)"
        r"\s+(?:\w+\s+)?(?:men|males?|man|adults?|people|person|lads|youths|boys)",
        r"\b(?:phone|mobile)\s+(?:\w+\s+){0,3}(?:constantly|always|keeps|continually|repeatedly)\s+(?:ringing|buzzing|going)",
        r"\b(?:phone|mobile)\s+(?:\w+\s+){0,2}?(?:rings|ringing|buzzes|buzzing|goes\s+off)\s+(?:constantly|all\s+the\s+time|"
        r"all\s+night|continually|non-?stop|repeatedly)",
        r"\b(?:man|men|males?|adults?|someone|people)\s+(?:[\w'\u2019]+\s+){0,4}?(?:keeps?|kept|has\s+been|have\s+been|are|is)\s+"
        r"(?:ringing|calling|phoning|texting|messaging)\s+(?:the\s+(?:house|landline|home|door)|for\s+(?:her|him))",
        r"\b(?:men|males?|adults|lads|older\s+boys)\s+(?:have\s+been\s+|keep\s+|kept\s+|are\s+|were\s+)?(?:calling|ringing|"
        r"phoning|coming|knocking)\s+(?:to\s+the\s+(?:house|door|home|unit)|for\s+(?:her|him)|at\s+the\s+(?:house|door|home|"
        r"unit)|round)",
    ),
    "concerning_phone_internet": (
        r"\b(?:second|secret|another|hidden|spare|extra|burner|two|multiple|several|different)\s+(?:mobile\s+)?(?:phones?|"
        r"mobiles?|sim\s+cards?|sims?|handsets?)\b",
        r"\b(?:secretive|protective|guarded|defensive)\s+(?:about|of|over|with)\s+(?:her|his|their)\s+(?:phone|mobile|"
        r"messages|social\s+media|online)",
        r"\b(?:hides|hid|hiding|deletes|deleted|deleting|wipes|wiped|clears|cleared|locks|locked|password[- ]protect\w*)\s+"
        r"(?:her|his|their|the|all)?\s*(?:phone|mobile|messages|texts|chats|browsing|history|search\s+history|apps?|photos|"
        r"conversations)",
        r"\b(?:on|using|glued\s+to)\s+(?:her|his|their)\s+(?:phone|mobile|tablet|laptop|xbox|console)\s+(?:all\s+night|until|"
        r"late|constantly|through\s+the\s+night|into\s+the\s+early|at\s+all\s+hours)",
        r"\b(?:excessive|obsessive|compulsive|problematic|secretive|late[- ]night|night-?time)\s+(?:phone|internet|online|"
        r"screen|social\s+media|gaming)\s+(?:use|usage|activity)",
        r"\b(?:multiple|several|secret|fake|second|hidden|private)\s+(?:social\s+media|snapchat|instagram|tiktok|online|"
        r"facebook)\s+(?:accounts?|profiles?)",
        r"\b(?:sending|sent|sends|shared|sharing|shares|received|receiving|receives|posting|posted|posts)\s+(?:\w+\s+){0,2}"
        r"(?:nude|naked|explicit|sexual|indecent|intimate|inappropriate|sexualised)\s+(?:images?|photos?|pictures?|selfies|"
        r"videos?|content|messages)",
        r"\b(?:nude|naked|explicit|sexual|indecent|intimate)\s+(?:images?|photos?|pictures?|videos?)\s+(?:\w+\s+){0,3}?"
        r"(?:shared|sent|posted|circulated|shown|leaked)\b",
        r"\bsexting\b|\b(?:inappropriate|adult|pornograph\w+|explicit)\s+(?:websites?|sites|content|material|apps?)",
        r"\b(?:won't|will\s+not|refuses\s+to)\s+let\s+(?:anyone|staff|her\s+\w+|us|carers?)\s+(?:see|look\s+at|check)\s+"
        r"(?:her|his)\s+phone",
        r"\bup\s+(?:all\s+night|late|until\s+\w+)\s+(?:on|using)\s+(?:her|his)\s+(?:phone|tablet|laptop)",
        r"\b(?:calls?|messages|texts)\s+(?:from|to)\s+(?:unknown|withheld|private)\s+numbers",
    ),
    "despair_self_harm": (
        Cue((r"\bself[- ]?harm\w*|\bself[- ]injur\w+|\bcutting\s+(?:herself|himself|themselves|(?:her|his)\s+(?:arms?|wrists?|"
             r"legs?|thighs?))|\b(?:cut|cuts|burnt|burned|hurt|hurting|harm|harming|harmed|hit|hits|scratch\w*)\s+(?:herself|"
             r"himself|themselves)\b",), (PARENT_HAS + r"self[- ]?harm",)),
        r"\b(?:superficial|self-inflicted)\s+(?:cuts|wounds|injuries|scratches|burns)\b|\bcuts\s+(?:to|on)\s+(?:her|his|their)\s+"
        r"(?:arms?|wrists?|thighs?|stomach)\b",
        Cue((r"\boverdos\w+|\b(?:took|taken|swallowed)\s+(?:an\s+)?(?:(?:a\s+handful\s+of|a\s+lot\s+of|\d+|several|all\s+"
             r"(?:her|his|the))\s+(?:tablets|pills|paracetamol))",), (PARENT_HAS + r"overdos",)),
        Cue((r"\bsuicid\w+|\b(?:kill|killing|end|ending)\s+(?:herself|himself|themselves|my\s*self|(?:her|his|their|my)\s+"
             r"(?:own\s+)?lives?|it\s+all)\b|\bligatures?\b",), (PARENT_HAS + r"suicid",)),
        r"\b(?:wants?|wanted|wanting|wished|wishes)\s+to\s+(?:die|be\s+dead|not\s+(?:be\s+here|exist|wake\s+up))|\bbetter\s+"
        r"off\s+dead\b|\bnothing\s+to\s+live\s+for\b|\bno\s+point\s+(?:in\s+)?(?:living|going\s+on|anything)\b",
        Cue((r"\b(?:hopeless(?:ness)?|despair\w*|desperately\s+(?:unhappy|low|sad)|eating\s+disorder|anorexi\w+|bulimi\w+|"
             r"(?:has\s+)?stopped\s+eating|starving\s+(?:herself|himself)|making\s+(?:herself|himself)\s+sick|purging|"
             r"mak(?:es|ing|e|ed)\s+(?:herself|himself|themselves)\s+sick|"
             r"(?:very\s+|persistently\s+|extremely\s+)?low\s+(?:in\s+)?mood|depress(?:ed|ion)|tearful|lost\s+(?:a\s+lot\s+of\s+|"
             r"significant\s+|a\s+significant\s+amount\s+of\s+)?weight|concern\w*\s+(?:about|around|regarding)\s+(?:her|his)\s+"
             r"eating)\b",),
            (PARENT_HAS + r"(?:depress|low\s+mood|eating)",)),
    ),
    "school_absence": (
        Cue((r"\b(?:absent|absence|absences|missing|missed|misses|skipp\w+|skips|bunk\w*|truant\w*|off)\s+(?:from\s+)?"
             r"(?:school|lessons|classes|college|education|registration|(?:the\s+)?(?:afternoon|morning)\s+(?:session|"
             r"lessons|registration))\b",), (r"\bthe\s+off\s+school\b",)),
        r"\b(?:(?:not|n't|never)\s+(?:been\s+)?(?:attend(?:ed|ing)?|in|at|gone\s+to|been\s+to|going\s+to)\s+(?:school|college)|non-?attendance|poor\s+attendance|low\s+attendance|"
        r"attendance\s+(?:has\s+|is\s+|was\s+)?(?:dropped|fallen|declined|decreased|deteriorated|poor|low|sporadic|erratic|"
        r"irregular|below|\d{1,2}\s*%|down\s+to)|truancy|truanting|persistent(?:ly)?\s+absent|suspended\s+from\s+school|"
        r"off[- ]rolled|part[- ]time\s+timetable|out\s+of\s+(?:school|education)|missing\s+(?:from\s+)?education|children\s+missing\s+education|not\s+on\s+(?:a\s+)?(?:school\s+)?roll|NEET|"
        r"(?:leaves?|left|leaving)\s+school\s+(?:at\s+lunch\w*|early|during\s+the\s+day|without\s+permission)|"
        r"(?:unauthorised|unexplained)\s+absences?)\b",
        r"\b(?:fixed[- ]term\s+|permanent(?:ly)?\s+|internal\s+)?exclu(?:ded|sions?)\b(?!\s+(?:by|from\s+(?:her|his|the)\s+"
        r"(?:friend|peer|group)))",
    ),
    "sti_pregnancy": (
        Cue((r"\b(?:pregnan\w+|STIs?|STDs?|sexually\s+transmitted|chlamydia|gonorrh\w+|herpes|syphilis|HIV|genital\s+warts|"
             r"trichomon\w+|morning[- ]after\s+pill|(?:had|having|requested|booked|referred\s+for)\s+(?:a\s+)?termination|emergency\s+(?:hormonal\s+)?contracepti\w+|termination\s+of\s+pregnancy|"
             r"abortion|miscarri\w+|sexual\s+health\s+clinic|GUM\s+clinic)\b",),
            (r"\b(?:mum|mother|sister|aunt|step-?mum|stepmother|carer|nan)(?:'s)?\s+(?:is\s+|was\s+|'s\s+|has\s+|had\s+)?"
             r"(?:\w+\s+)?(?:pregnan|miscarri|termination|abortion)",)),
    ),
    "alcohol_misuse": (
        Cue((r"\b(?:drunk|intoxicated|inebriated|tipsy|hungover|hung\s+over|paralytic|smell(?:ed|t|ing|s)?\s+(?:strongly\s+)?"
             r"of\s+(?:alcohol|drink)|under\s+the\s+influence\s+of\s+alcohol|alcohol|vodka|cider|lager|beer|wine|spirits|"
             r"alcopops|drinking|binge[- ]drink\w*|passed\s+out)\b",),
            (rf"\b{PARENT}(?:'s)?\s+{NOT_CHILD}{{0,2}}(?:drinks?|drinking|alcohol\w*|drunk|intoxicated)",
             r"\bdrinking\s+(?:water|tea|coffee|juice|fluids)|\bparental\s+(?:alcohol|substance|drug)",
             rf"\b{PARENT}\b[^.;]*\bwhen\s+(?:he|she|they)\s+(?:has|have|had|is|was|gets|got)?\s*(?:been\s+)?(?:drinking|drunk)")),
    ),
    "drug_misuse": (
        Cue((r"\b(?:us(?:e|es|ed|ing)|tak(?:e|es|ing|en)|took|smok(?:e|es|ed|ing)|snort\w*|inject\w*|tried|trying|experiment\w*"
             r"\s+with|addicted\s+to|given|supplied\s+(?:with\s+)?|offered)\s+(?:\w+\s+){0,2}?(?:drugs|cannabis|weed|skunk|spice|"
             r"cocaine|coke|crack|heroin|ketamine|ket|MDMA|ecstasy|pills|nitrous|xanax|substances|joints?|spliffs?)\b",),
            (PARENT_USES,)),
        Cue((r"\b(?:drug|substance|cannabis)\s+(?:use|misuse|abuse|taking)\b|\bsmell(?:ed|t|s|ing)?\s+(?:strongly\s+)?of\s+"
             r"(?:cannabis|weed|skunk)|\b(?:stoned|high\s+on\s+\w+|(?:was|appeared|seemed|looked|got|getting|appearing)\s+"
             r"(?:to\s+be\s+)?high\b|under\s+the\s+influence\s+of\s+(?:drugs|a\s+substance|substances|cannabis|\w+\s+drugs))|"
             r"\bnitrous\s+oxide|\blaughing\s+gas|\bsniffing\s+(?:glue|solvents|gas)",),
            (PARENT_USES, r"\bparental\s+(?:substance|drug)")),
        Cue((r"\b(?:cannabis|weed|skunk|spice|cocaine|ketamine|MDMA|ecstasy|xanax|benzos?)\b",),
            (r"\b(?:carry\w*|hold\w*|sell\w*|deal\w*|deliver\w*|run\w*|transport\w*|plug\w*|stash\w*|conceal\w*|supply\w*|"
             r"moving)\s+(?:\w+\s+)?(?:cannabis|weed|skunk|spice|cocaine|ketamine|MDMA|ecstasy|xanax|benzos?)",
             PARENT_USES)),
    ),
}
