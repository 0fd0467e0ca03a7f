"""Fixed vocabularies for the demo data set (``manage.py seed_demo``).

Real municipalities of the labour-market region Midden-Utrecht with their CBS
codes, postcode ranges, coordinates and a few real street names; per sector the
kind of employers, vacancies, existing functions and the tasks a job can be
carved from. Pure data, no database access.
"""

REGION_NAME = "Midden-Utrecht"
WSP_NAME = "Werkgeversservicepunt Midden-Utrecht"

# cbs code, name, weight (share of candidates), postcode ranges (4 digits), lat, lon, streets, team key
MUNICIPALITIES = [
    {
        "cbs_code": "GM0344",
        "name": "Utrecht",
        "weight": 55,
        "postcodes": [(3511, 3585)],
        "lat": 52.0907,
        "lon": 5.1214,
        "team": "stad",
        "streets": [
            "Amsterdamsestraatweg", "Kanaalweg", "Oudegracht", "Vleutenseweg", "Biltstraat", "Adelaarstraat",
            "Marnixlaan", "Kardinaal de Jongweg", "Zamenhofdreef", "Kaap Hoorndreef", "Columbusweg",
            "Nicolaas Beetsstraat", "Croeselaan", "Hoograven", "Briljantlaan", "Ondiep-Zuidzijde",
            "Laan van Nieuw-Guinea", "Vasco da Gamalaan", "Smaragdplein", "Verlengde Hoogravenseweg",
        ],
    },
    {
        "cbs_code": "GM0356",
        "name": "Nieuwegein",
        "weight": 20,
        "postcodes": [(3430, 3439)],
        "lat": 52.0292,
        "lon": 5.0806,
        "team": "lekstroom",
        "streets": [
            "Structuurbaan", "Dorpsstraat", "Herenstraat", "Zuidstede", "Batauweg", "Ravenswade",
            "Galecopperdijk", "Wijkersloot", "Muntplein", "Zandveldweg", "Dukatenburg", "Noorderstede",
        ],
    },
    {
        "cbs_code": "GM0321",
        "name": "Houten",
        "weight": 13,
        "postcodes": [(3991, 3998)],
        "lat": 52.0285,
        "lon": 5.1686,
        "team": "lekstroom",
        "streets": [
            "Onderdoor", "Het Rond", "Loerikseweg", "Molenweg", "Binnentuin", "Koppeling", "Meidoornlaan",
            "Schalkwijkseweg", "Lobbendijk", "Rondweg",
        ],
    },
    {
        "cbs_code": "GM0353",
        "name": "IJsselstein",
        "weight": 12,
        "postcodes": [(3400, 3405)],
        "lat": 52.0190,
        "lon": 5.0441,
        "team": "lekstroom",
        "streets": [
            "Benschopperstraat", "Utrechtseweg", "Achtersloot", "Kerkstraat", "Eiteren", "Podium",
            "Poortdijk", "Hazelaar", "Nedereindseweg", "Zenderpark",
        ],
    },
]

TEAMS = {"stad": "Team Utrecht-Stad", "lekstroom": "Team Lekstroom"}

# username, first name, last name, role, team key (None: region only), is_staff
USERS = [
    ("bemiddelaar", "Sanne", "de Boer", "bemiddelaar", "stad", False),
    ("bemiddelaar2", "Mohamed", "El Amrani", "bemiddelaar", "stad", False),
    ("bemiddelaar3", "Lotte", "Verhoeven", "bemiddelaar", "lekstroom", False),
    ("teamleider", "Erik", "Jansen", "teamleider", "stad", False),
    ("beheerder", "Petra", "Smit", "functioneel_beheerder", None, True),
]
DEMO_PASSWORD = "demo-wachtwoord-2026"
EMPLOYER_USERNAME = "werkgever"

# What the functional admin may manage in the admin: organisation, users, rates; no candidate files.
FUNCTIONAL_ADMIN_GROUP = "Functioneel beheer"
FUNCTIONAL_ADMIN_MODELS = [
    ("accounts", "region"), ("accounts", "municipality"), ("accounts", "team"), ("accounts", "user"),
    ("accounts", "apiclient"), ("core", "skill"), ("subsidies", "minimumwagerate"),
    ("subsidies", "youthwagepercentage"), ("subsidies", "employercostallowancerate"),
    ("subsidies", "guidanceallowancerate"), ("subsidies", "loonwaarderule"),
]

NAME_PREFIXES = ["van der", "van den", "van de", "van 't", "in 't", "op de", "in de", "van het", "van", "de",
                 "den", "der", "ter", "ten", "te", "'t"]
# Utrecht is a city of many origins; Faker's nl_NL lists are mostly Dutch.
EXTRA_FIRST_NAMES_F = ["Fatima", "Aisha", "Samira", "Elif", "Noor", "Priya", "Semhar", "Olena", "Yasmina", "Hiba"]
EXTRA_FIRST_NAMES_M = ["Mohamed", "Yusuf", "Ahmed", "Mehmet", "Ali", "Rahul", "Tesfay", "Dmytro", "Bilal", "Omar"]
EXTRA_LAST_NAMES = ["El Amrani", "Yilmaz", "Bouzid", "Öztürk", "Haddou", "Kaya", "Tahiri", "Demir", "Ahmadi",
                    "Tesfamariam", "Kovalenko", "Singh", "Benali", "Aydın"]

SKILLS = [
    "Schoonmaken", "Orderpicken", "Kassawerk", "Vakken vullen", "Afwassen", "Groenonderhoud", "Administratie",
    "Klantcontact", "Koken", "Inpakken", "Heftruck rijden", "Magazijnbeheer", "Sorteren", "Computervaardigheden",
    "Post rondbrengen", "Gastvrijheid", "Wasserij", "Montage", "Schilderen", "Timmeren", "Zorg voor dieren",
    "Ondersteuning bij dagelijkse verzorging", "Kinderen begeleiden", "Rijbewijs B", "Nederlandse taal (B1)",
    "Archiveren", "Documenten scannen", "Fietsen repareren", "Bediening", "Productiewerk",
]

WORK_NEEDS = [
    "Een rustige werkplek zonder veel drukte",
    "Eén instructie tegelijk, stap voor stap",
    "Vaste werktijden en een vast rooster",
    "Een vaste begeleider of buddy op de werkvloer",
    "Korte werkdagen (maximaal 4 uur achter elkaar)",
    "Taken op papier of met pictogrammen uitgelegd",
    "Geen werk in ploegendiensten",
    "Pauzes op vaste momenten",
    "Een langere inwerkperiode",
    "Vooraf weten wat er die dag gaat gebeuren",
    "Mogelijkheid om even af te zonderen bij overprikkeling",
    "Geen zwaar tilwerk (maximaal 10 kg)",
]

INTERESTS = [
    "Werken met de handen", "Buiten werken", "Koken en eten", "Dieren", "Techniek en fietsen", "Mensen helpen",
    "Computers", "Opruimen en ordenen", "Muziek", "Sport", "Tuinieren", "Auto's",
]

MOTIVATIONS = [
    "Wil graag een vaste baan en een eigen inkomen.",
    "Wil onder de mensen zijn en iets betekenen.",
    "Wil na jaren thuis weer aan het werk, in een rustig tempo.",
    "Wil het vak leren en een certificaat halen.",
    "Wil doorgroeien vanuit dagbesteding naar betaald werk.",
    "Zoekt structuur en regelmaat in de week.",
]

EXPERIENCES = [
    "Stage in de keuken van een verpleeghuis (VSO).",
    "Twee jaar vakkenvuller bij een supermarkt.",
    "Dagbesteding op een zorgboerderij, drie dagen per week.",
    "Vrijwilligerswerk in de kringloopwinkel.",
    "Productiewerk bij het SW-bedrijf.",
    "Magazijnmedewerker via een uitzendbureau.",
    "Schoonmaakwerk in kantoren, avonduren.",
    "Werkervaringsplaats bij de gemeentelijke groenvoorziening.",
    "Geen recente werkervaring.",
]

# Per sector: employer name templates ({x} = a surname or place), size weights, whether public,
# regular vacancies, an existing function with its task inventory (description, hours, complexity,
# physical, mental, pace, stimuli, quiet spot possible, skill), the carved job title, requirements
# (description, hard?, skill or None), and the skills that fit.
SECTORS = {
    "zorg": {
        "employers": ["Zorggroep {x}", "Woonzorgcentrum {x}", "{x} Thuiszorg", "Verpleeghuis De {x}hof"],
        "public": 0.1,
        "vacancies": ["Medewerker facilitaire dienst", "Gastvrouw/gastheer restaurant", "Helpende zorg en welzijn"],
        "function": ("Verzorgende IG", [
            ("Bedden opmaken en kamers opruimen", 6, 1, 2, 1, 2, 1, False, "Schoonmaken"),
            ("Koffie en thee rondbrengen", 5, 1, 1, 1, 1, 2, False, "Gastvrijheid"),
            ("Linnenkasten aanvullen", 3, 1, 1, 1, 1, 1, True, "Wasserij"),
            ("Maaltijden klaarzetten en afruimen", 5, 1, 1, 2, 2, 2, False, "Afwassen"),
            ("Medicatie aftekenen en rapporteren", 6, 3, 1, 3, 2, 2, True, None),
            ("Cliënten wassen en aankleden", 10, 3, 3, 2, 2, 2, False, "Ondersteuning bij dagelijkse verzorging"),
        ]),
        "carved": "Zorgassistent facilitair",
        "requirements": [("Verklaring omtrent het gedrag (VOG)", True, None),
                         ("Ervaring in de zorg", False, None), ("Klantvriendelijk en geduldig", False, "Gastvrijheid")],
        "skills": ["Gastvrijheid", "Schoonmaken", "Ondersteuning bij dagelijkse verzorging", "Wasserij"],
    },
    "kinderopvang": {
        "employers": ["Kinderopvang {x}", "KDV De {x}", "BSO {x}"],
        "public": 0.0,
        "vacancies": ["Pedagogisch medewerker", "Groepshulp kinderdagverblijf"],
        "function": ("Pedagogisch medewerker", [
            ("Fruit snijden en tafels dekken", 4, 1, 1, 1, 1, 2, False, "Koken"),
            ("Speelgoed schoonmaken en opruimen", 4, 1, 1, 1, 1, 1, True, "Schoonmaken"),
            ("Was draaien en vouwen", 3, 1, 1, 1, 1, 1, True, "Wasserij"),
            ("Observeren en verslagleggen", 5, 3, 1, 3, 2, 2, True, None),
            ("Groepsactiviteiten leiden", 12, 3, 2, 3, 3, 3, False, "Kinderen begeleiden"),
        ]),
        "carved": "Groepshulp (facilitair)",
        "requirements": [("Taaleis 3F (Wet kinderopvang)", True, None),
                         ("Verklaring omtrent het gedrag (VOG)", True, None),
                         ("Affiniteit met kinderen", False, "Kinderen begeleiden")],
        "skills": ["Kinderen begeleiden", "Schoonmaken", "Wasserij"],
        "legal": "Taaleis 3F voor pedagogisch medewerkers (Wet kinderopvang)",
    },
    "horeca": {
        "employers": ["Restaurant {x}", "Grand Café {x}", "Lunchroom {x}", "Hotel {x}"],
        "public": 0.0,
        "vacancies": ["Afwasmedewerker", "Medewerker bediening", "Keukenhulp"],
        "function": ("Zelfstandig werkend kok", [
            ("Groenten snijden en mise-en-place", 8, 1, 2, 1, 2, 2, False, "Koken"),
            ("Afwassen en keuken schoonmaken", 8, 1, 2, 1, 2, 2, False, "Afwassen"),
            ("Goederen ontvangen en wegzetten", 3, 1, 2, 1, 1, 1, True, "Magazijnbeheer"),
            ("Gerechten bereiden à la carte", 14, 3, 2, 3, 3, 3, False, "Koken"),
            ("Menu en inkoop plannen", 4, 3, 1, 3, 2, 1, True, "Administratie"),
        ]),
        "carved": "Keukenassistent",
        "requirements": [("Kunnen werken in avond- en weekenddiensten", False, None),
                         ("Hygiënecode (HACCP) kennen", False, "Koken"), ("Staand werk kunnen doen", True, None)],
        "skills": ["Koken", "Afwassen", "Bediening", "Gastvrijheid"],
    },
    "detailhandel": {
        "employers": ["Supermarkt {x}", "{x} Bouwmarkt", "Tuincentrum {x}", "Kringloop {x}"],
        "public": 0.0,
        "vacancies": ["Vakkenvuller", "Kassamedewerker", "Medewerker versafdeling"],
        "function": ("Medewerker vers", [
            ("Vakken vullen en spiegelen", 10, 1, 2, 1, 2, 2, False, "Vakken vullen"),
            ("Houdbaarheidsdatum controleren", 4, 1, 1, 1, 1, 1, True, "Sorteren"),
            ("Lege dozen en emballage afvoeren", 3, 1, 2, 1, 1, 1, True, None),
            ("Klanten adviseren", 8, 2, 1, 2, 2, 3, False, "Klantcontact"),
            ("Bestellingen plaatsen", 4, 3, 1, 2, 2, 1, True, "Administratie"),
        ]),
        "carved": "Winkelassistent",
        "requirements": [("Klantvriendelijk", False, "Klantcontact"), ("Kunnen rekenen met geld", False, None),
                         ("Zaterdag beschikbaar", False, None)],
        "skills": ["Vakken vullen", "Kassawerk", "Klantcontact", "Sorteren"],
    },
    "logistiek": {
        "employers": ["{x} Logistics B.V.", "Transportbedrijf {x}", "Distributiecentrum {x}"],
        "public": 0.0,
        "vacancies": ["Orderpicker", "Magazijnmedewerker", "Chauffeur bestelbus"],
        "function": ("Allround magazijnmedewerker", [
            ("Orders verzamelen (orderpicken)", 12, 1, 3, 1, 2, 2, False, "Orderpicken"),
            ("Retouren sorteren", 5, 1, 2, 1, 1, 1, True, "Sorteren"),
            ("Pallets wikkelen en labelen", 4, 1, 2, 1, 1, 1, True, "Inpakken"),
            ("Heftruck rijden", 8, 2, 2, 2, 2, 2, False, "Heftruck rijden"),
            ("Voorraad tellen in het WMS", 4, 3, 1, 2, 2, 1, True, "Computervaardigheden"),
        ]),
        "carved": "Medewerker retourverwerking",
        "requirements": [("Heftruckcertificaat", False, "Heftruck rijden"), ("Veiligheidsschoenen dragen", True, None),
                         ("Kunnen werken in ploegendienst", False, None)],
        "skills": ["Orderpicken", "Heftruck rijden", "Inpakken", "Magazijnbeheer", "Sorteren"],
    },
    "schoonmaak": {
        "employers": ["{x} Schoonmaakdiensten", "Facilitair Bedrijf {x}", "Glazenwasserij {x}"],
        "public": 0.0,
        "vacancies": ["Schoonmaakmedewerker", "Medewerker facilitair"],
        "function": ("Allround schoonmaker", [
            ("Prullenbakken legen", 4, 1, 1, 1, 1, 1, True, "Schoonmaken"),
            ("Sanitair reinigen", 6, 1, 2, 1, 2, 1, True, "Schoonmaken"),
            ("Vloeren machinaal reinigen", 6, 2, 3, 1, 2, 2, False, None),
            ("Planning en materiaalbeheer", 3, 3, 1, 2, 2, 1, True, "Administratie"),
        ]),
        "carved": "Medewerker interieurverzorging",
        "requirements": [("Zelfstandig kunnen werken", False, None), ("Vroeg beginnen (06.00 uur)", False, None)],
        "skills": ["Schoonmaken", "Wasserij"],
    },
    "groen": {
        "employers": ["Hoveniersbedrijf {x}", "Kwekerij {x}", "Groenvoorziening {x}"],
        "public": 0.15,
        "vacancies": ["Medewerker groenonderhoud", "Hovenier"],
        "function": ("Hovenier", [
            ("Blad blazen en vegen", 6, 1, 2, 1, 1, 2, True, "Groenonderhoud"),
            ("Onkruid wieden", 8, 1, 3, 1, 1, 1, True, "Groenonderhoud"),
            ("Gazon maaien", 5, 2, 2, 1, 2, 3, False, "Groenonderhoud"),
            ("Tuinontwerp met klant bespreken", 4, 3, 1, 2, 2, 2, False, "Klantcontact"),
        ]),
        "carved": "Medewerker groen (licht onderhoud)",
        "requirements": [("Buiten werken in alle seizoenen", True, None), ("Rijbewijs B", False, "Rijbewijs B")],
        "skills": ["Groenonderhoud", "Zorg voor dieren"],
    },
    "industrie": {
        "employers": ["{x} Metaalbewerking B.V.", "Drukkerij {x}", "{x} Verpakkingen", "Bakkerij {x}"],
        "public": 0.0,
        "vacancies": ["Productiemedewerker", "Inpakker", "Operator"],
        "function": ("Operator productielijn", [
            ("Producten inpakken", 8, 1, 2, 2, 1, 2, False, "Inpakken"),
            ("Kwaliteitscontrole visueel", 5, 2, 1, 2, 2, 2, False, "Sorteren"),
            ("Machine omstellen", 6, 3, 2, 3, 2, 3, False, "Montage"),
            ("Werkplek opruimen (5S)", 3, 1, 1, 1, 1, 1, True, "Schoonmaken"),
            ("Grondstoffen aanvoeren", 4, 1, 3, 1, 1, 2, False, "Heftruck rijden"),
        ]),
        "carved": "Productieassistent inpak",
        "requirements": [("VCA-basis", False, None), ("Veiligheidsschoenen dragen", True, None),
                         ("Ervaring met productiewerk", False, "Productiewerk")],
        "skills": ["Productiewerk", "Inpakken", "Montage"],
    },
    "bouw": {
        "employers": ["Bouwbedrijf {x}", "{x} Installatietechniek", "Schildersbedrijf {x}"],
        "public": 0.0,
        "vacancies": ["Bouwplaatsassistent", "Magazijnmedewerker installatie"],
        "function": ("Monteur installatietechniek", [
            ("Materiaal klaarzetten en bus laden", 5, 1, 3, 1, 1, 2, False, "Magazijnbeheer"),
            ("Bouwplaats opruimen", 4, 1, 2, 1, 1, 2, False, None),
            ("Leidingwerk aanleggen", 16, 3, 3, 2, 2, 2, False, "Montage"),
            ("Werkbonnen invoeren", 3, 2, 1, 1, 1, 1, True, "Computervaardigheden"),
        ]),
        "carved": "Assistent werkvoorbereiding en magazijn",
        "requirements": [("VCA-basis", True, None), ("Rijbewijs B", False, "Rijbewijs B")],
        "skills": ["Timmeren", "Schilderen", "Montage", "Magazijnbeheer"],
    },
    "overheid": {
        "employers": ["Gemeente {m}", "Waterschap {x}", "Belastingsamenwerking {x}"],
        "public": 1.0,
        "vacancies": ["Medewerker postkamer", "Medewerker digitaliseren archief", "Baliemedewerker"],
        "function": ("Medewerker documentaire informatievoorziening", [
            ("Post sorteren en rondbrengen", 6, 1, 2, 1, 1, 1, True, "Post rondbrengen"),
            ("Documenten scannen", 8, 1, 1, 1, 1, 1, True, "Documenten scannen"),
            ("Archiefdozen ordenen", 4, 1, 2, 1, 1, 1, True, "Archiveren"),
            ("Informatieverzoeken behandelen", 10, 3, 1, 3, 2, 2, True, "Administratie"),
        ]),
        "carved": "Medewerker digitalisering",
        "requirements": [("Nederlandse taal op B1-niveau", False, "Nederlandse taal (B1)"),
                         ("Nauwkeurig werken", False, None)],
        "skills": ["Administratie", "Post rondbrengen", "Documenten scannen", "Archiveren"],
    },
    "onderwijs": {
        "employers": ["Basisschool De {x}", "{x} College", "ROC Midden Nederland – locatie {m}"],
        "public": 0.9,
        "vacancies": ["Conciërge", "Onderwijsassistent"],
        "function": ("Leerkracht", [
            ("Lokalen klaarzetten", 3, 1, 2, 1, 1, 1, True, None),
            ("Kopiëren en lesmateriaal sorteren", 4, 1, 1, 1, 1, 1, True, "Sorteren"),
            ("Toezicht op het schoolplein", 3, 1, 1, 2, 2, 3, False, "Kinderen begeleiden"),
            ("Lesgeven", 20, 3, 1, 3, 3, 3, False, None),
        ]),
        "carved": "Klassenassistent facilitair",
        "requirements": [("Verklaring omtrent het gedrag (VOG)", True, None),
                         ("Affiniteit met kinderen", False, "Kinderen begeleiden")],
        "skills": ["Kinderen begeleiden", "Sorteren", "Administratie"],
    },
    "zakelijk": {
        "employers": ["{x} Administratiekantoor", "Verzekeringen {x}", "{x} & Partners Advocaten"],
        "public": 0.0,
        "vacancies": ["Administratief medewerker", "Receptionist"],
        "function": ("Boekhouder", [
            ("Facturen scannen en inboeken", 6, 2, 1, 2, 1, 1, True, "Documenten scannen"),
            ("Post openen en verdelen", 3, 1, 1, 1, 1, 1, True, "Post rondbrengen"),
            ("Jaarrekening opstellen", 16, 3, 1, 3, 2, 1, True, "Administratie"),
            ("Klanten telefonisch te woord staan", 5, 2, 1, 2, 2, 3, False, "Klantcontact"),
        ]),
        "carved": "Administratief assistent",
        "requirements": [("Kunnen werken met de computer", True, "Computervaardigheden"),
                         ("Nederlandse taal op B1-niveau", False, "Nederlandse taal (B1)")],
        "skills": ["Administratie", "Computervaardigheden", "Klantcontact"],
    },
    "ict": {
        "employers": ["{x} IT Services", "Datacenter {x}", "{x} Software B.V."],
        "public": 0.0,
        "vacancies": ["Testmedewerker software", "Medewerker hardware-uitgifte"],
        "function": ("Servicedeskmedewerker", [
            ("Laptops klaarmaken en uitgeven", 6, 2, 1, 1, 1, 1, True, "Computervaardigheden"),
            ("Kabels en hardware inventariseren", 4, 1, 1, 1, 1, 1, True, "Magazijnbeheer"),
            ("Meldingen oplossen", 16, 3, 1, 3, 3, 2, False, "Computervaardigheden"),
        ]),
        "carved": "Medewerker hardwarebeheer",
        "requirements": [("Interesse in computers", False, "Computervaardigheden"),
                         ("Engels lezen", False, None)],
        "skills": ["Computervaardigheden", "Magazijnbeheer"],
    },
    "agrarisch": {
        "employers": ["Zorgboerderij {x}", "Fruitteeltbedrijf {x}", "Melkveebedrijf {x}"],
        "public": 0.0,
        "vacancies": ["Medewerker fruitteelt", "Medewerker dierverzorging"],
        "function": ("Bedrijfsleider teelt", [
            ("Fruit sorteren", 8, 1, 2, 1, 1, 1, True, "Sorteren"),
            ("Kisten stapelen en schoonmaken", 5, 1, 3, 1, 1, 1, True, None),
            ("Dieren voeren", 6, 1, 2, 1, 1, 1, True, "Zorg voor dieren"),
            ("Teeltplanning maken", 8, 3, 1, 2, 2, 1, True, "Administratie"),
        ]),
        "carved": "Medewerker sorteren en verzorgen",
        "requirements": [("Buiten werken in alle seizoenen", True, None),
                         ("Houdt van dieren", False, "Zorg voor dieren")],
        "skills": ["Zorg voor dieren", "Sorteren", "Groenonderhoud"],
    },
}
# Share of employers per sector (the local labour market of Midden-Utrecht, roughly).
SECTOR_WEIGHTS = {
    "zorg": 14, "kinderopvang": 5, "horeca": 10, "detailhandel": 12, "logistiek": 10, "schoonmaak": 7,
    "groen": 6, "industrie": 8, "bouw": 6, "overheid": 5, "onderwijs": 5, "zakelijk": 6, "ict": 3, "agrarisch": 3,
}
EMPLOYER_NAME_WORDS = [
    "Lindehof", "Vecht", "Kromme Rijn", "Domstad", "Lekzicht", "Galecop", "Oudegracht", "Maliebaan",
    "Amelisweerd", "Rijnhuizen", "Hollandse IJssel", "Schalkwijk", "Vreeswijk", "Zuilen", "Lunetten",
    "Hoograven", "Overvecht", "Kanaleneiland", "Papendorp", "Nedereind", "Fort Vechten", "Eiteren",
    "Rhijnhof", "Vleuterweide", "Linschoten", "Stadsbaan", "Merwede", "Leidsche Rijn", "Wittevrouwen",
]

JOBCOACH_ORGANISATIONS = [
    ("Jobcoach Lekstroom", "info@jobcoach-lekstroom.example"),
    ("Werkwijs Jobcoaching", "planning@werkwijs.example"),
    ("SOB Midden-Utrecht (interne jobcoach)", "jobcoach@sob-midden-utrecht.example"),
    ("Begeleid Werken Utrecht", "contact@begeleidwerken.example"),
]
SOB_NAME = "SOB Midden-Utrecht"

ASSESSORS = ["M. de Vries (Dariuz)", "J. Bakker (Matchcare)", "A. Yilmaz (gemeente Utrecht)", "R. Koster (Talent6)"]

END_STATUS_NOTES = {
    "geen_match": "Na de kennismaking paste het werktempo niet bij wat de kandidaat aankan.",
    "proef_niet_geslaagd": "Proefplaatsing gestopt: de taken bleken te veel prikkels te geven.",
    "contract_niet_verlengd": "Werkgever verlengt niet wegens reorganisatie van de afdeling.",
    "uitval_gezondheid": "Langdurig uitgevallen; re-integratie loopt via de gemeente.",
    "werkbegeleider_weg": "Werkbegeleider met pensioen; geen vervanger gevonden.",
    "taken_verdwenen": "De inpaktaken zijn geautomatiseerd.",
    "prive": "Verhuisd naar een andere regio.",
    "eigen_verzoek": "Kandidaat wilde ander werk dichter bij huis.",
    "anders": "Afgesproken met werkgever en kandidaat.",
    "doorstroom": "Doorgestroomd naar een reguliere baan met meer uren bij een andere werkgever.",
}

CONTACT_SUMMARIES = {
    "placement": [
        "Nazorgbezoek: gaat goed, werkt inmiddels zelfstandig aan de inpaklijn.",
        "Evaluatie met werkbegeleider: tempo neemt toe, instructies op papier helpen.",
        "Telefonisch contact met werkgever over verlenging van het contract.",
        "Driegesprek kandidaat, werkbegeleider en bemiddelaar; afspraken over pauzes gemaakt.",
        "Werkgever meldt meer verzuim de laatste weken; vervolggesprek ingepland.",
        "Jobcoach: begeleiding afgebouwd naar 1 uur per week.",
        "Bezoek op de werkvloer: nieuwe taak (retouren) toegevoegd, gaat goed.",
    ],
    "candidate": [
        "Intakegesprek: wensen, mogelijkheden en beschikbaarheid doorgenomen.",
        "Cv bijgewerkt en profiel besproken.",
        "Telefonisch contact: kandidaat heeft interesse in werk in de groenvoorziening.",
        "Gesprek met begeleider van de zorgorganisatie over opbouw uren.",
        "WhatsApp: afspraak voor werkbezoek bevestigd.",
    ],
    "employer": [
        "Kennismakingsgesprek met directie over de banenafspraak.",
        "Werkbezoek: taken geïnventariseerd voor jobcarving.",
        "Telefonisch contact met HR over openstaande vacatures.",
        "Netwerkbijeenkomst inclusieve werkgevers: werkgever vertelt over ervaringen.",
        "Evaluatie samenwerking: werkgever wil maandelijks een bezoek.",
    ],
}

TASK_TITLES = [
    "Bel werkgever over verlenging contract",
    "Plan evaluatiegesprek proefplaatsing",
    "Vraag loonwaardemeting aan",
    "Stuur cv naar werkgever (met toestemming)",
    "Bereid werkbezoek voor",
    "Vraag vervolgbeschikking LKS aan",
    "Bespreek jobcoachuren met jobcoachorganisatie",
    "Neem contact op met kandidaat (lang geen contact)",
    "Zoek nieuwe werkbegeleider met werkgever",
    "Werk profiel van kandidaat bij",
]

SIGNALS = [
    ("werkbegeleider_vertrekt", "Werkbegeleider gaat per volgende maand met pensioen."),
    ("verzuim", "Drie keer kort ziek gemeld in vier weken."),
    ("teamwijziging", "Nieuwe leidinggevende op de afdeling."),
    ("kartrekker_vertrekt", "HR-manager die de plaatsing trok vertrekt."),
    ("zorg", "Werkgever maakt zich zorgen over de concentratie."),
    ("prive", "Thuissituatie is onrustig door een verhuizing."),
]

ADJUSTMENTS = [
    ("taken", "Retourverwerking toegevoegd aan het takenpakket.", "Meer afwisseling gewenst."),
    ("uren", "Uren uitgebreid van 20 naar 24 per week.", "Kandidaat kan meer aan."),
    ("werkplek", "Eigen werkplek in een rustige hoek met koptelefoon.", "Te veel prikkels op de werkvloer."),
    ("instructie", "Werkinstructies met foto's gemaakt.", "Mondelinge instructies werden vergeten."),
    ("technologie", "Scanner met spraakondersteuning.", "Lezen van labels kost veel tijd."),
]
