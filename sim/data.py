"""Word lists for Northtown. Every family name, street, school and business here is invented; given
names are common ones. Data, not code: extend the lists, keep the generator logic elsewhere."""

from __future__ import annotations

TOWN = "Northtown"

# Invented family names: compounds of plant, bird and landscape words that are not real common surnames.
SURNAMES = (
    "Testwood", "Brackenby", "Fernhollow", "Quillfield", "Thistlecombe", "Pebblethorpe", "Nettlebury",
    "Sorrelgate", "Tansywick", "Gorsemere", "Larchholt", "Heronsett", "Plovercott", "Teaselby",
    "Sedgeholt", "Burdockley", "Yarrowby", "Comfreyfield", "Mallowthorpe", "Bilberrow", "Cobblewick",
    "Dunlinford", "Kestrelby", "Whinfold", "Rowanthorpe", "Alderquist", "Brambleholt", "Cloverdyke",
    "Dewhollow", "Eldercombe", "Foxtansley", "Gladwick", "Thistle-Marram", "Ivybrook", "Juniperby",
    "Knapweedby", "Lichenfield", "Marramby", "Nightjarrow", "Oxlipcote", "Pipitwood", "Quincegate",
    "Rushmorrow", "Sloeberry", "Tumblecombe", "Umberholt", "Vetchley", "Wrenhollow", "Yellowdyke",
    "Bramblecott", "Cresswade", "Dapplewick", "Emberholt", "Fennelby", "Gillyflower", "Hartsmallow",
    "Inglenook", "Jackdawson", "Kittiwade", "Lapwingham", "Moorthistle", "Nutbrook", "Orrisfield",
    "Pennywort", "Quailmere", "Reedhollow", "Saxifrith", "Thornquill", "Underbrackle", "Vinegarth",
    "Wheatcombe-Sedge", "Yewbarrow", "Acornly", "Bracklesby", "Curlewby", "Dockenfield", "Elmhollow",
    "Fieldfarrow", "Goldcrestby", "Heathquill", "Inchbrook", "Jaywick-Mallow", "Kelpfield", "Linnetby",
    "Marshwort", "Nettlecombe", "Oatridge", "Parsleigh", "Quarrendon", "Ragwortby", "Samphirecott",
    "Tormentil", "Uplandby", "Valeriancott", "Woadfield", "Yarrowholt", "Asterby", "Burnetwick",
    "Campionby", "Dropwortley", "Eyebrightholt", "Figwortby", "Gromwellby", "Henbaneby", "Irisfold",
    "Kingcupby", "Loosestrife", "Madderby", "Navelwort", "Orpineholt", "Pimpernell", "Rampionby",
    "Scabiousby", "Toadflaxley", "Woundwort", "Adderholt", "Bittercress", "Cowslipby", "Duckweedley",
    "Fleabaneby", "Groundselby", "Harebellwick", "Knotgrassby", "Lovageholt", "Moneywortby", "Nightwort",
    "Pennycressby", "Quakinghurst", "Ribwortley", "Sanicleby", "Tutsanholt", "Vervainby", "Waybread",
    "Brackenthwaite-Quill", "Cindergill", "Drybeckett", "Elvenholt", "Flintcobble", "Glimmerdale",
    "Hobnailby", "Ironquill", "Kettlewade", "Lanternby", "Mistlecombe", "Nockholt", "Oddfellowes",
    "Puddlecombe", "Ravelstone", "Spindlewick", "Tinderby", "Wickerquill",
)

# Heritage of a family: (key, weight, ethnicity as the family would self-describe it).
HERITAGES = (
    ("white_british", 0.655, ("White British",)),
    ("eastern_european", 0.08, ("White - Polish", "White - Romanian", "White - Slovak", "White Other")),
    ("pakistani", 0.08, ("Pakistani",)),
    ("bangladeshi", 0.02, ("Bangladeshi",)),
    ("indian", 0.03, ("Indian",)),
    ("black_african", 0.03, ("Black African",)),
    ("black_caribbean", 0.015, ("Black Caribbean",)),
    ("mixed", 0.045, ("Mixed White and Black Caribbean", "Mixed White and Asian", "Mixed Other")),
    ("middle_eastern", 0.02, ("Kurdish", "Arab", "Any other ethnic group")),
    ("chinese", 0.01, ("Chinese",)),
    ("traveller", 0.015, ("Gypsy/Roma", "Irish Traveller")),
)

# How schools write ethnicity (DfE census codes), used by some school systems.
DFE_CODES = {
    "White British": "WBRI", "White - Polish": "WOTH", "White - Romanian": "WOTH", "White - Slovak": "WOTH",
    "White Other": "WOTH", "Pakistani": "APKN", "Bangladeshi": "ABAN", "Indian": "AIND",
    "Black African": "BAFR", "Black Caribbean": "BCRB", "Mixed White and Black Caribbean": "MWBC",
    "Mixed White and Asian": "MWAS", "Mixed Other": "MOTH", "Kurdish": "OOTH", "Arab": "OOTH",
    "Any other ethnic group": "OOTH", "Chinese": "CHNE", "Gypsy/Roma": "WROM", "Irish Traveller": "WIRT",
}
# How social care writes it (census categories).
CENSUS_LABELS = {
    "White British": "White - English/Welsh/Scottish/Northern Irish/British",
    "Pakistani": "Asian or Asian British - Pakistani", "Bangladeshi": "Asian or Asian British - Bangladeshi",
    "Indian": "Asian or Asian British - Indian", "Black African": "Black or Black British - African",
    "Black Caribbean": "Black or Black British - Caribbean", "Chinese": "Asian or Asian British - Chinese",
}

_WB_GIRLS = (
    "Olivia", "Amelia", "Isla", "Ava", "Mia", "Lily", "Grace", "Sophie", "Emily", "Ella", "Chloe",
    "Jessica", "Charlotte", "Katherine", "Rebecca", "Hannah", "Megan", "Lauren", "Abigail", "Kayleigh",
    "Chelsea", "Danielle", "Jade", "Paige", "Courtney", "Shannon", "Leah", "Zoe", "Holly", "Amber",
    "Ellie", "Evie", "Poppy", "Ruby", "Freya", "Isabelle", "Madison", "Natasha", "Georgia", "Elizabeth",
    "Victoria", "Samantha", "Nicole", "Stephanie", "Natalie", "Bethany", "Tia", "Niamh", "Caitlin",
    "Demi", "Eleanor", "Alexandra", "Jennifer", "Lucy", "Summer", "Skye", "Millie", "Harriet",
)
_WB_BOYS = (
    "Oliver", "George", "Harry", "Jack", "Jacob", "Noah", "Charlie", "Thomas", "Oscar", "William",
    "James", "Joshua", "Daniel", "Callum", "Connor", "Kyle", "Liam", "Ryan", "Lewis", "Jordan", "Aidan",
    "Tyler", "Bradley", "Reece", "Jake", "Alfie", "Archie", "Leo", "Harvey", "Mason", "Ethan", "Samuel",
    "Benjamin", "Joseph", "Matthew", "Christopher", "Michael", "Robert", "Nathan", "Luke", "Kieran",
    "Jamie", "Dylan", "Jayden", "Kai", "Riley", "Frederick", "Edward", "Nicholas", "Anthony", "Logan",
)
CHILD_NAMES = {
    "white_british": {"female": _WB_GIRLS, "male": _WB_BOYS},
    "eastern_european": {
        "female": ("Zuzana", "Aleksandra", "Katarzyna", "Magdalena", "Natalia", "Wiktoria", "Julia", "Maja",
                   "Zofia", "Oliwia", "Alicja", "Anastasia", "Daria", "Elena", "Ioana", "Andreea", "Bianca",
                   "Roxana", "Kristina", "Weronika", "Milena", "Malgorzata", "Denisa"),
        "male": ("Jakub", "Kacper", "Szymon", "Filip", "Mateusz", "Bartosz", "Dawid", "Oskar", "Tomasz",
                 "Piotr", "Andrei", "Alexandru", "Mihai", "Ionut", "Luca", "Stefan", "Marek", "Lukas",
                 "Dominik", "Patryk", "Adrian", "Aleksander"),
    },
    "pakistani": {
        "female": ("Aisha", "Ayesha", "Fatima", "Zainab", "Maryam", "Amina", "Sana", "Hira", "Iqra", "Aleena",
                   "Noor", "Safa", "Hafsa", "Khadija", "Mehreen", "Nadia", "Samira", "Zara", "Inaya", "Alisha"),
        "male": ("Mohammed", "Muhammad", "Ali", "Hamza", "Ibrahim", "Yusuf", "Ayaan", "Zayn", "Bilal", "Imran",
                 "Adnan", "Rayyan", "Umar", "Usman", "Zain", "Haris", "Faisal", "Ahmed", "Hassan", "Musa"),
    },
    "bangladeshi": {
        "female": ("Sumaiya", "Tahmina", "Nusrat", "Fatima", "Ayesha", "Rumana", "Sadia", "Tasnim", "Jannat"),
        "male": ("Mohammed", "Abdul", "Rahim", "Sayeed", "Tanvir", "Rafiq", "Shahid", "Arif", "Ibrahim"),
    },
    "indian": {
        "female": ("Priya", "Simran", "Jaspreet", "Amrit", "Anaya", "Diya", "Harleen", "Kiran", "Navneet",
                   "Ananya", "Pooja"),
        "male": ("Arjun", "Rohan", "Harpreet", "Gurpreet", "Sahil", "Aarav", "Jaskaran", "Vikram", "Kabir",
                 "Manpreet", "Dev"),
    },
    "black_african": {
        "female": ("Amara", "Chidinma", "Adaeze", "Blessing", "Precious", "Favour", "Abena", "Ama", "Esther",
                   "Faith", "Hodan", "Ayan", "Ikram", "Grace"),
        "male": ("Chidi", "Emeka", "Tobi", "Kwame", "Kofi", "Samuel", "David", "Isaac", "Elijah", "Abdi",
                 "Mahad", "Daniel", "Joshua"),
    },
    "black_caribbean": {
        "female": ("Nia", "Imani", "Tamara", "Shanice", "Aaliyah", "Keisha", "Jada", "Tiana", "Chantelle"),
        "male": ("Tyrone", "Marcus", "Jermaine", "Malachi", "Andre", "Kayden", "Jerome", "Devon", "Tyrese"),
    },
    "mixed": {
        "female": ("Aaliyah", "Leah", "Mia", "Layla", "Jasmine", "Nia", "Amber", "Maya", "Lola", "Zara"),
        "male": ("Kayden", "Jayden", "Kai", "Tyler", "Elijah", "Zack", "Isaac", "Jordan", "Malik", "Rio"),
    },
    "middle_eastern": {
        "female": ("Layla", "Yasmin", "Mariam", "Rania", "Shilan", "Dilan", "Noor", "Huda", "Sara"),
        "male": ("Omar", "Ahmed", "Karwan", "Rebin", "Yusuf", "Khalid", "Aram", "Hussein", "Zana"),
    },
    "chinese": {
        "female": ("Mei", "Lin", "Jia", "Xinyi", "Jasmine", "Yan", "Ling"),
        "male": ("Wei", "Hao", "Jun", "Kevin", "Zihan", "Ming", "Jason"),
    },
    "traveller": {
        "female": ("Shannon", "Bridget", "Mary", "Kathleen", "Margaret", "Denisa", "Shirley", "Roseanne"),
        "male": ("Patrick", "John", "Johnny", "Thomas", "Michael", "Florin", "Levi", "Tom"),
    },
}

ADULT_NAMES = {
    "white_british": {
        "female": ("Sarah", "Claire", "Emma", "Lisa", "Michelle", "Joanne", "Kelly", "Nicola", "Gemma",
                   "Stacey", "Donna", "Tracey", "Leanne", "Karen", "Rachel", "Amanda", "Dawn", "Kerry"),
        "male": ("Paul", "Mark", "Lee", "Darren", "Craig", "Wayne", "Gary", "Dean", "Stuart", "Steven",
                 "Andrew", "Carl", "Shaun", "Jason", "Neil", "Scott", "Ian", "Kevin", "Daniel", "Ryan",
                 "David", "Richard", "Anthony", "Michael"),
    },
    "eastern_european": {
        "female": ("Agnieszka", "Anna", "Monika", "Ewa", "Joanna", "Katarzyna", "Iwona", "Elena", "Mariana",
                   "Simona", "Jana"),
        "male": ("Marek", "Piotr", "Tomasz", "Krzysztof", "Pawel", "Grzegorz", "Andrei", "Ion", "Florin",
                 "Bogdan", "Tomas", "Lukasz"),
    },
    "pakistani": {
        "female": ("Nazia", "Shazia", "Rubina", "Samina", "Farzana", "Nasreen", "Shabana", "Parveen",
                   "Rukhsana", "Tasleem"),
        "male": ("Mohammed", "Imran", "Asif", "Tariq", "Khalid", "Zahid", "Shahid", "Naveed", "Aamir",
                 "Rizwan", "Sajid", "Kamran"),
    },
    "bangladeshi": {
        "female": ("Rehana", "Shirin", "Nasima", "Salma", "Rokeya"),
        "male": ("Abdul", "Jamal", "Kamal", "Mizanur", "Shafiq", "Mohammed"),
    },
    "indian": {
        "female": ("Sunita", "Harjit", "Kulwinder", "Rupinder", "Meena", "Anita"),
        "male": ("Jaswinder", "Rajesh", "Sukhdev", "Sanjay", "Balvinder", "Amit"),
    },
    "black_african": {
        "female": ("Patience", "Ngozi", "Funmi", "Abena", "Joy", "Fadumo", "Hawa"),
        "male": ("Emmanuel", "Samuel", "Chukwuemeka", "Kwabena", "Tunde", "Abdirahman", "Joseph"),
    },
    "black_caribbean": {
        "female": ("Charmaine", "Marcia", "Sandra", "Beverley", "Yvonne"),
        "male": ("Delroy", "Winston", "Clive", "Leroy", "Trevor", "Michael"),
    },
    "mixed": {
        "female": ("Kelly", "Leanne", "Jodie", "Natalie", "Sasha"),
        "male": ("Jermaine", "Dean", "Marcus", "Lee", "Ryan"),
    },
    "middle_eastern": {
        "female": ("Nasrin", "Layla", "Amal", "Shirin", "Huda"),
        "male": ("Hassan", "Aram", "Dilshad", "Ahmed", "Karzan", "Mohamed"),
    },
    "chinese": {"female": ("Li", "Ying", "Mei"), "male": ("Wei", "Jian", "Chen")},
    "traveller": {"female": ("Bridget", "Mary", "Margaret", "Nora"), "male": ("Patrick", "John", "Martin", "Joe")},
}

# Twins with similar names (hard negatives for matching) and ordinary twin pairs.
SIMILAR_TWIN_NAMES = {
    "female": (("Lily", "Lila"), ("Tia", "Mia"), ("Ellie", "Elle"), ("Jade", "Jodie"), ("Amber", "Amba")),
    "male": (("Jayden", "Kayden"), ("Harvey", "Harley"), ("Aidan", "Adam"), ("Reece", "Rees"), ("Kai", "Kye")),
}

# Other forms of a given name. Many are in the matcher's variant table, some deliberately are not.
GIVEN_VARIANTS = {
    "Katherine": ("Katie", "Kate", "Kat", "Cathy"), "Elizabeth": ("Liz", "Lizzie", "Beth", "Libby"),
    "Rebecca": ("Becky", "Bex", "Becca"), "Jessica": ("Jess", "Jessie"), "Victoria": ("Vicky", "Tori"),
    "Samantha": ("Sam", "Sammie"), "Alexandra": ("Alex", "Lexi"), "Abigail": ("Abbie", "Abby", "Abi"),
    "Charlotte": ("Lottie", "Charlie"), "Olivia": ("Liv", "Livvy"), "Jennifer": ("Jenny", "Jen"),
    "Kayleigh": ("Kayley", "Kaylee", "Kaley"), "Chelsea": ("Chelsey", "Chelsie"), "Danielle": ("Dani",),
    "Stephanie": ("Steph",), "Natalie": ("Nat",), "Nicole": ("Nikki", "Nicky"), "Amelia": ("Millie", "Mel"),
    "Emily": ("Em", "Emmy"), "Hannah": ("Hanna",), "Megan": ("Meg", "Meghan"), "Chloe": ("Cloe",),
    "Zoe": ("Zoey",), "Leah": ("Lea",), "Sophie": ("Sophia", "Soph"), "Lucy": ("Lu",),
    "Michael": ("Mike", "Mikey"), "Mohammed": ("Muhammad", "Mohammad", "Mo", "Mohd"),
    "Muhammad": ("Mohammed", "Mo"), "William": ("Will", "Billy"), "Thomas": ("Tom", "Tommy"),
    "Joseph": ("Joe", "Joey"), "Daniel": ("Dan", "Danny"), "Jacob": ("Jake",), "James": ("Jamie", "Jim"),
    "Robert": ("Rob", "Robbie", "Bobby"), "Christopher": ("Chris",), "Matthew": ("Matt", "Matty"),
    "Nicholas": ("Nick",), "Benjamin": ("Ben",), "Samuel": ("Sam", "Sammy"), "Joshua": ("Josh",),
    "Callum": ("Calum",), "Aidan": ("Aiden",), "Connor": ("Conor",), "Anthony": ("Tony", "Ant"),
    "Edward": ("Eddie", "Ed"), "Aleksandra": ("Ola", "Aleks"), "Zuzana": ("Zuzka",),
    # not in the matcher's table
    "Katarzyna": ("Kasia",), "Malgorzata": ("Gosia",), "Natasha": ("Tasha", "Tash"), "Isabelle": ("Izzy", "Bella"),
    "Eleanor": ("Ellie", "Nell"), "Madison": ("Maddie",), "Bethany": ("Beth",), "Georgia": ("Georgie",),
    "Aleksander": ("Olek",), "Dominik": ("Dom",), "Jakub": ("Kuba",), "Szymon": ("Simon",),
    "Wiktoria": ("Viktoria", "Vicky"), "Zofia": ("Zosia",), "Anastasia": ("Nastya", "Stacey"),
    "Daria": ("Dasha",), "Alfie": ("Alf",), "Archie": ("Arch",), "Tyler": ("Ty",), "Bradley": ("Brad",),
    "Frederick": ("Freddie", "Fred"), "Nathan": ("Nate",), "Ibrahim": ("Ibby",), "Yusuf": ("Yousef", "Yusef"),
    "Ayesha": ("Aisha",), "Aisha": ("Ayesha", "Aysha"), "Zara": ("Zarah",), "Jaspreet": ("Jas",),
    "Gurpreet": ("Preet",), "Chidinma": ("Chi",), "Adaeze": ("Ada",), "Alexandru": ("Alex",),
    "Courtney": ("Court",), "Shannon": ("Shan",), "Caitlin": ("Katelyn", "Cait"), "Harriet": ("Hattie",),
    "Logan": ("Lo",), "Jayden": ("Jaden",), "Kayden": ("Kaden",), "Tyrese": ("Tyreece",),
}

STREETS = (
    "Mill Lane", "Wellgate", "Tanner Street", "Chapel Road", "Albert Terrace", "Victoria Road",
    "Bridge Street", "Canal Side", "Station Road", "Church Lane", "Moorside Avenue", "Heron Close",
    "Foundry Walk", "Kiln Street", "Weavers Court", "Orchard Grove", "Beck Road", "Ropewalk",
    "Cobden Street", "Larch Drive", "Quarry Hill", "Spinner Row", "Dyehouse Lane", "Market Street",
    "Northgate", "Castle View", "Pit Lane", "Furnace Road", "Colliery Road", "Sandbed Lane",
    "Whinfield Road", "Bracken Way", "Fern Close", "Thistle Grove", "Sorrel Drive", "Gorse Avenue",
    "Nettle Street", "Elm Terrace", "Ash Grove", "Oak Avenue", "Birch Close", "Holly Bank", "Ivy Street",
    "Rowan Crescent", "Hawthorn Road", "Meadow Way", "Brook Street", "Riverside Walk", "Lock Street",
    "Wharf Road", "Cooper Lane", "Potter Street", "Smithy Lane", "Cross Street", "King Street",
    "Queen Street", "Park Road", "Park View", "Hill Top", "Low Road", "High Street", "Back Lane",
    "Greenside", "Well Lane", "Spring Gardens", "Albion Street", "Garden Street", "Prospect Place",
    "Union Street", "Regent Street", "Cemetery Road", "Vicarage Lane", "School Lane", "Cliff Road",
    "Vale Road", "Mount Pleasant", "Belle Vue Road", "Clarence Street", "Nelson Street", "Tenter Lane",
)
FLAT_BLOCKS = (
    ("Kestrel House", "Fernhollow Estate"), ("Plover House", "Fernhollow Estate"),
    ("Merlin Court", "Canal Side"), ("Heron Court", "Wharf Road"), ("Linnet House", "Quarry Hill"),
)
STREET_ABBREVIATIONS = {
    "Lane": "Ln", "Street": "St", "Road": "Rd", "Avenue": "Ave", "Close": "Cl", "Drive": "Dr",
    "Terrace": "Terr", "Crescent": "Cres", "Court": "Ct", "Grove": "Gr", "Place": "Pl",
}
# Postcode inward letters never use C I K M O V.
POSTCODE_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"

# Schools: name, short code for references, phase, is it an agency that sends concerns.
SCHOOLS = (
    ("Northtown Academy", "NA", "secondary", True),
    ("Riverside High School", "RH", "secondary", True),
    ("Holy Cross Catholic College", "HC", "secondary", False),
    ("St Hilda's Primary School", "SHP", "primary", True),
    ("Wellgate Primary School", "WP", "primary", True),
    ("Moorside Primary School", "MP", "primary", False),
    ("Canal Side Primary School", "CS", "primary", False),
    ("Beckfield Primary School", "BP", "primary", False),
)
COLLEGE = "Northtown College"
SPECIAL_SCHOOL = "Ashgrove School"
SCHOOL_SHORT_FORMS = {
    "Northtown Academy": ("Northtown Acad.", "NTA", "Northtown Academy (Y9)", "northtown academy"),
    "Riverside High School": ("Riverside High", "Riverside", "RHS"),
    "Holy Cross Catholic College": ("Holy Cross", "Holy Cross RC College"),
    "St Hilda's Primary School": ("St Hildas", "St. Hilda's Primary", "St Hilda's"),
    "Wellgate Primary School": ("Wellgate Primary", "Wellgate Pri"),
    "Moorside Primary School": ("Moorside Primary", "Moorside"),
    "Canal Side Primary School": ("Canalside Primary", "Canal Side"),
    "Beckfield Primary School": ("Beckfield", "Beckfield Primary"),
    COLLEGE: ("Northtown Coll", "the college"),
    SPECIAL_SCHOOL: ("Ashgrove", "Ashgrove Special School"),
}

# Shared places around many children (benign confounders): name, venue type, street.
PUBLIC_PLACES = (
    ("Northgate Shopping Centre", "shop", "Northgate"), ("Northtown Park", "park", "Park Road"),
    ("Wellgate Rec", "park", "Wellgate"), ("Beck Woods", "park", "Beck Road"),
    ("Northtown Leisure Centre", "other", "Station Road"), ("the bus station", "taxi_rank", "Station Road"),
    ("Quarry Street car park", "car_park", "Quarry Hill"), ("Canal towpath", "park", "Canal Side"),
    ("Northtown Library", "other", "Market Street"), ("the skate park", "park", "Park View"),
)
# Businesses a network may use (and that ordinary children visit too).
TAKEAWAYS = (
    "Golden Spice", "Sunrise Grill", "Dragon Garden", "Wellgate Kebab House", "Mr Chips", "Cluckers Chicken",
    "Pizza Roma Northtown", "Spice Lounge", "Bosphorus Grill", "Lucky Star", "The Frying Squad", "Tikka Hut",
)
HOTELS = ("Northtown Lodge", "Station Hotel", "Riverside Inn", "Moorview Guest House", "The Beacon Hotel")
TAXI_FIRMS = (
    "Star Cars", "Beacon Cars", "Wellgate Private Hire", "Swift Cars", "Northtown Cabs", "Riverside Taxis",
    "Castle Cars", "Blue Line Taxis",
)
SCHOOL_TRANSPORT_FIRM = "Northtown Council school transport"

VEHICLES = (
    ("Toyota", "Prius"), ("Skoda", "Octavia"), ("Volkswagen", "Golf"), ("Volkswagen", "Passat"),
    ("Ford", "Focus"), ("Ford", "Fiesta"), ("Vauxhall", "Astra"), ("Vauxhall", "Corsa"),
    ("Vauxhall", "Insignia"), ("BMW", "3 Series"), ("BMW", "5 Series"), ("Audi", "A3"), ("Audi", "A4"),
    ("Mercedes", "C-Class"), ("Mercedes", "E-Class"), ("Nissan", "Qashqai"), ("Kia", "Sportage"),
    ("Hyundai", "Tucson"), ("Peugeot", "308"), ("Honda", "Civic"), ("Seat", "Leon"),
)
MAKE_VARIANTS = {"Volkswagen": ("VW", "Volkswagon"), "Mercedes": ("Merc", "Mercedes-Benz"), "BMW": ("Beemer",),
                 "Vauxhall": ("Vauxhal",), "Skoda": ("Škoda",)}
COLOURS = ("silver", "black", "white", "grey", "dark blue", "red", "blue")
COLOUR_VARIANTS = {"silver": ("grey", "silver/grey", "light grey"), "grey": ("silver", "dark grey"),
                   "dark blue": ("navy", "blue"), "black": ("dark", "black/dark grey"), "white": ("cream",),
                   "red": ("maroon",), "blue": ("dark blue",)}
# DVLA memory tags for a northern town, mostly Yorkshire (Y..) with some neighbours.
PLATE_AREAS = ("YA", "YB", "YC", "YD", "YE", "YF", "YG", "YH", "YJ", "YK", "YL", "YM", "YN", "YP", "YR",
               "YS", "YT", "YX", "YY", "MA", "MF", "ND", "NA", "SF")
PLATE_LETTERS = "ABCDEFGHJKLMNOPRSTUVWXYZ"

PLATFORMS = {
    "Snapchat": ("Snapchat", "snapchat", "Snap", "SC"), "Instagram": ("Instagram", "insta", "IG"),
    "TikTok": ("TikTok", "tiktok", "Tik Tok"), "Discord": ("Discord",), "Roblox": ("Roblox",),
    "Xbox": ("Xbox Live", "Xbox"), "Facebook": ("Facebook", "FB"), "WhatsApp": ("WhatsApp",),
}
HANDLE_PARTS = (
    ("jay", "dan", "kaz", "tee", "rico", "zed", "ace", "leon", "max", "riz", "sully", "deano", "kev", "tommo",
     "stretch", "moz", "lil", "big", "real", "its"),
    ("_x", "xx", "_the_", ".", "_official", "_uk", "_nt", "123", "_", "boi", "_vibes"),
    ("99", "01", "x", "247", "uk", "og", "fresh", "king", "vibez", "83", "2k"),
)

NICKNAMES_ADULT = ("Big Mo", "Dee", "Tee", "Shifty", "Baz", "Smithy", "J", "Ricky", "Kaz", "Boss", "Tiny",
                   "Spider", "Ace", "Stretch", "Bruv", "Uncle D", "Ghost", "Kingy", "Sully", "Pops")
DESCRIPTIONS = (
    "tall, slim build, short dark hair", "stocky, shaved head, beard", "medium build, grey tracksuit",
    "short beard, glasses", "tattoo on his neck", "older man, greying hair", "wears a black North Face jacket",
    "heavy build, bald", "thin, goatee beard, cap", "gold chain, designer clothes", "scar on left cheek",
    "well dressed, expensive watch",
)
PROFESSIONAL_ROLES = (
    ("social worker", "Children's Social Care"), ("school nurse", "Northtown Health"),
    ("PCSO", "Northtown Police"), ("family support worker", "Early Help"), ("youth worker", "Safe Harbour"),
    ("CAMHS practitioner", "Northtown Health"), ("head of year", "school"), ("attendance officer", "school"),
)
