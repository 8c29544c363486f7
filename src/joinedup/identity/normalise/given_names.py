"""Given-name variants and nicknames: data, not code. Each group is one name's spellings and short forms,
the first word canonical. A form may sit in several groups ("sam": Samantha and Samuel); the person's sex,
when known, picks the group for the blocking key, and similarity accepts any shared group.

A superset of the children's table in `joinedup.records.names`, extended with adult names, the spellings
of names from South Asian, Arabic and Eastern European communities, and common nicknames.
Extend the groups; never special-case a name in code.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["given_forms", "given_groups", "given_key"]

_FEMALE = (
    "katherine catherine kathryn katharine kathleen kate katie katy kat kathy cathy kitty cath katarzyna",
    "elizabeth liz lizzie lizzy beth betty eliza libby elise bess bessie betsy",
    "rebecca becky bex becca", "jessica jess jessie", "victoria vicky vicki vickie tori wiktoria viktoria",
    "samantha sam sammy sammie", "alexandra alex alexa lexi lexie sandra sasha aleksandra ola aleks",
    "abigail abbie abby abi", "charlotte charlie lottie lotte", "olivia liv livvy livia",
    "jennifer jenny jen jenna jenni", "margaret maggie meg peggy mags maisie malgorzata gosia",
    "kayleigh kayley kaylee kaley kailey kaylie kayleigh", "chelsea chelsey chelsie chelsy",
    "danielle dani daniella", "stephanie steph stephie", "natalie nat natalia natalya",
    "nicole nicky nikki nicola nic nicki", "amelia amy millie mel milly", "emily em emmy emmie",
    "emma em emmy", "hannah hanna", "megan meg meghan meagan", "chloe cloe", "zoe zoey",
    "leah lea leia", "sophie sophia soph sofia zofia zosia", "lucy lu lucie",
    "isabelle isabel isabella izzy izzie issy bella", "eleanor ellie nell nellie elle elinor",
    "ellen ellie nell", "ella ellie", "madison maddie maddy", "bethany beth", "georgia georgie georgina",
    "natasha tasha tash", "anastasia nastya stacey stacy", "daria dasha", "katarzyna kasia kasha",
    "zuzana zuzka zuza", "ayesha aisha aysha aishah ayisha aesha", "zara zarah", "jaspreet jas jass",
    "gurpreet preet", "courtney court", "shannon shan", "caitlin katelyn cait kaitlyn caitlyn kaitlin",
    "harriet hattie", "amanda mandy", "deborah debbie debs deb debra", "susan sue susie suzy",
    "patricia pat patty trish tricia", "jacqueline jackie jacqui", "christine chris chrissie christina kirsty",
    "michelle shell shelly", "melissa mel missy lissa", "melanie mel", "kimberley kim kimberly",
    "sarah sara sally", "rachel rach", "leanne leeanne leanna", "paige page", "jade jayde",
    "tiffany tiff", "ashleigh ashley ash ashlee", "brittany britney britt brittney",
    "jasmine jasmin yasmin yasmine jaz jazz", "fatima fatimah fatma", "maryam mariam miriam marium",
    "khadija khadijah", "nadia nadiya", "zainab zaynab", "amina aminah ameena", "sana sanaa",
    "julia julie jules", "gemma jemma", "kerry kerri keri", "antonia toni", "roxanne roxy",
    "louise lou lulu louisa", "alice ali ally", "alison allison ali ally", "theresa teresa tess tessa terri",
    "francesca fran frankie", "frances fran fanny", "dorothy dot dotty dolly", "mary molly polly",
    "anne ann annie anna", "kirsten kirsty", "tyra tyrah", "demi demie", "kelly kelli kellie",
    "lauren loren", "amber ambar", "skye sky", "summer sumer", "holly hollie", "mollie molly",
    "evie eve eva", "grace gracie", "ruby rubie", "poppy pop", "layla leila laila lailah",
    "aaliyah aliyah aliya", "nia niah", "tia tiya", "keeley keely", "sadia saadia", "parveen perveen",
    "nasreen nasrin", "samina sameena", "shazia shaziya", "rukhsana ruksana", "farzana farzanah",
    "chidinma chi dinma", "adaeze ada daeze", "ifeoma ife", "nkechi kechi", "ngozi ngo", "oluwaseun seun",
    "folasade sade shade", "temitope tope temi", "olamide lami", "abimbola bimbo", "oluwatoyin toyin",
)
_MALE = (
    "michael mike mikey mick micky mickey michal", "mohammed muhammad mohammad mohamed mohamad muhammed "
    "mohammod mohamud mahomed mohd mo moe", "ahmed ahmad ahmet", "hussain hussein husain hossain hussian",
    "hassan hasan", "omar umar omer", "usman osman uthman othman", "yusuf yousef yusef yousuf yousaf",
    "ibrahim ibrahem ebrahim ibby", "imran imraan", "tariq tarik tareq", "khalid khaled",
    "zubair zubeir", "shabir shabbir", "waseem wasim", "naveed navid", "sajid sajjid", "zahid zaheed",
    "asif aasif", "adil adeel", "kashif kash", "shahid shaheed", "rashid rasheed", "javed javaid",
    "nadeem nadim", "faisal faysal feisal", "suleiman sulaiman sulayman", "ismail ismael",
    "yasir yasser yaser", "amir ameer", "zeeshan zishan", "qasim kasim qassim", "rizwan rizwaan riz",
    "mustafa mustapha mostafa", "abdullah abdulla", "arif aarif", "jamal jamaal", "shafiq shafique",
    "mahmood mahmud mehmood", "nasir nasser naseer", "saeed said sayed syed", "aziz azeez",
    "william will bill billy liam willy wills", "thomas tom tommy tommo tomasz tomek",
    "joseph joe joey", "daniel dan danny dani", "jacob jake jakub kuba", "james jim jimmy jamie jimbo",
    "robert rob bob bobby robbie bert", "christopher chris kit krzysztof krzys",
    "matthew matt matty mat mateusz", "nicholas nick nicky nic", "benjamin ben benny benji",
    "samuel sam sammy", "joshua josh", "callum calum", "aidan aiden aden", "connor conor",
    "anthony tony ant", "harry harrison henry hal", "jonathan jon jonny johnny john",
    "richard rich ricky dick rick richie", "edward ed eddie ted teddy ned",
    "david dave davey davie dai", "stephen steven steve stevie", "peter pete piotr piotrek",
    "andrew andy drew andrzej", "alexander alex alec sandy aleksander olek alexandru sasha",
    "frederick freddie fred freddy", "alfred alfie alf fred", "nathan nate nathaniel",
    "dominic dominik dom", "simon szymon si", "kevin kev", "gary gaz gazza", "gareth gaz",
    "barry baz", "darren daz", "karl carl", "sean shaun shawn", "kieran ciaran keiran kieron",
    "declan dec", "patrick pat paddy", "terence terry tel", "lawrence laurence larry",
    "philip phillip phil pip", "raymond ray", "ronald ron ronnie", "donald don donny",
    "gerald gerry jerry", "jeremy jez", "kenneth ken kenny", "charles charlie chas chaz",
    "archibald archie arch", "archie arch", "tyler ty", "bradley brad", "jayden jaden jaiden jaydon",
    "kayden kaden kaiden", "tyrese tyreece tyrees", "mark marc", "neil neal", "stuart stewart stu",
    "martin marty", "vincent vince vinny", "jason jase", "ryan rian", "lewis louis",
    "paul pawel", "gregory greg grzegorz", "bartosz bartek", "rafal rafael raphael rafa",
    "wojciech wojtek", "lukasz lukas", "marek", "dean deano", "leon", "lee", "craig", "wayne",
    "shane", "jordan jordon", "jack jak", "oliver ollie olly", "george georgie", "oscar ozzy",
    "luke luc", "adam", "kyle kyle", "reece rhys reese", "marcus", "troy", "jermaine", "dwayne duane",
    "ashley ash", "ali", "hamza hamzah", "zain zayn zane", "ayaan ayan", "shahzad shehzad shazad",
    "haroon harun haroun", "zulfiqar zulfi", "liaqat liaquat", "shoaib shoeb", "sohail suhail",
    "majid maajid", "tahir taheer", "jamil jameel", "nazir nazeer", "bashir basheer", "mohsin mohsen",
    "chukwuemeka emeka", "obinna obi", "chinonso nonso", "oluwafemi femi", "oluwatobi tobi",
    "oluwadamilare dami", "babatunde tunde", "olumide mide", "adebayo bayo", "oluwaseun seun",
)


def _index() -> dict[str, tuple[tuple[str, str], ...]]:
    """name -> ((canonical, sex), ...) in table order."""
    index: dict[str, list[tuple[str, str]]] = {}
    for sex, groups in (("f", _FEMALE), ("m", _MALE)):
        for group in groups:
            words = group.split()
            for word in dict.fromkeys(words):
                index.setdefault(word, []).append((words[0], sex))
    return {name: tuple(dict.fromkeys(entries)) for name, entries in index.items()}


_INDEX = _index()
_FORMS = {words[0]: frozenset(words) for words in (g.split() for g in _FEMALE + _MALE)}


@lru_cache(maxsize=16384)
def given_groups(name: str) -> frozenset[str]:
    """Every canonical name this folded given name may stand for ({name} itself if not in the table)."""
    entries = _INDEX.get(name)
    return frozenset(canonical for canonical, _ in entries) if entries else frozenset({name} if name else ())


@lru_cache(maxsize=16384)
def given_forms(name: str) -> frozenset[str]:
    """Every written form of every group this folded given name belongs to ("rob" -> robert, bob, ...)."""
    forms = {name} if name else set()
    for canonical in given_groups(name):
        forms |= _FORMS.get(canonical, frozenset())
    return frozenset(forms)


@lru_cache(maxsize=16384)
def given_key(name: str, sex: str = "") -> str:
    """The canonical form of a folded given name, preferring a group of the person's sex ("f", "m") when
    the form is shared: given_key("sam", "m") == "samuel", given_key("sam", "f") == "samantha"."""
    entries = _INDEX.get(name)
    if not entries:
        return name
    for canonical, group_sex in entries:
        if group_sex == sex:
            return canonical
    return entries[0][0]
