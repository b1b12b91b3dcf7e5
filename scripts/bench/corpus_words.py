"""The words of the synthetic corpus (scripts/bench/corpus.py), in its three languages.

Data only: section and home titles, title patterns per document type, topics with their tags,
issuers, section headings, table headers and an everyday vocabulary of each language with its
diacritics, each given as (sq, sr, en) or keyed by language, so that the corpus's pages look like
the real ones to the build and the search.
"""

LANGUAGES = ("sq", "sr", "en")  # the languages the synthetic word lists below are written in, in this order

SECTION_TITLES = {
    "law": {"sq": "Ligjet", "sr": "Zakoni", "en": "Laws"},
    "regulation": {"sq": "Rregulloret", "sr": "Uredbe", "en": "Regulations"},
    "decision": {"sq": "Vendimet", "sr": "Odluke", "en": "Decisions"},
    "strategy": {"sq": "Strategjitë", "sr": "Strategije", "en": "Strategies"},
    "guide": {"sq": "Udhëzuesit", "sr": "Vodiči", "en": "Guides"},
}
HOME_TITLE = {"sq": "Ballina", "sr": "Početna", "en": "Home"}

TITLE_PATTERNS = {
    "law": {"sq": "Ligji nr. {number} për {topic}", "sr": "Zakon br. {number} o {topic}", "en": "Law No. {number} on {topic}"},
    "regulation": {
        "sq": "Rregullorja nr. {number} për {topic}",
        "sr": "Uredba br. {number} o {topic}",
        "en": "Regulation No. {number} on {topic}",
    },
    "decision": {
        "sq": "Vendimi nr. {number} për {topic}",
        "sr": "Odluka br. {number} o {topic}",
        "en": "Decision No. {number} on {topic}",
    },
    "strategy": {
        "sq": "Strategjia {years} për {topic}",
        "sr": "Strategija {years} za {topic}",
        "en": "Strategy {years} for {topic}",
    },
    "guide": {"sq": "Udhëzues: {topic}", "sr": "Vodič: {topic}", "en": "Guide: {topic}"},
}

# (sq, sr, en) topics, tags and communities they concern.
TOPICS = [
    (("mbrojtjen nga diskriminimi", "zaštiti od diskriminacije", "protection against discrimination"), "discrimination"),
    (("përdorimin e gjuhëve", "upotrebi jezika", "the use of languages"), "language"),
    (("arsimin në gjuhën amtare", "obrazovanju na maternjem jeziku", "education in the mother tongue"), "education"),
    (("strehimin social", "socijalnom stanovanju", "social housing"), "housing"),
    (("kthimin e personave të zhvendosur", "povratku raseljenih lica", "the return of displaced persons"), "return"),
    (("punësimin e të rinjve", "zapošljavanju mladih", "youth employment"), "employment"),
    (("pjesëmarrjen në vendimmarrje", "učešću u odlučivanju", "participation in decision-making"), "participation"),
    (("mbrojtjen e fëmijëve", "zaštiti dece", "child protection"), "children"),
    (("zyrat komunale për komunitete", "opštinske kancelarije za zajednice", "municipal offices for communities"), "participation"),
    (("regjistrimin civil", "građanskoj registraciji", "civil registration"), "return"),
    (("ujësjellësin dhe kanalizimin", "vodovodu i kanalizaciji", "water supply and sanitation"), "housing"),
    (("aftësimin profesional", "stručnom osposobljavanju", "vocational training"), "employment"),
]
COMMUNITY_CHOICES = ("all", "roma", "ashkali", "egyptian", "serb", "bosniak", "turkish", "gorani")

ISSUERS = {
    "law": ("Kuvendi i Republikës së Kosovës", "Skupština Republike Kosovo", "Assembly of the Republic of Kosovo"),
    "regulation": ("Qeveria e Republikës së Kosovës", "Vlada Republike Kosovo", "Government of the Republic of Kosovo"),
    "decision": ("Zyra e Kryeministrit", "Kancelarija premijera", "Office of the Prime Minister"),
    "strategy": ("Ministria e Punëve të Brendshme", "Ministarstvo unutrašnjih poslova", "Ministry of Internal Affairs"),
}

# Section headings, (sq, sr, en); a page uses several, each once.
HEADINGS = [
    ("Çfarë thotë akti", "Šta kaže akt", "What the act says"),
    ("Kush ka të drejtë", "Ko ima pravo", "Who is entitled"),
    ("Çfarë mund të bëni", "Šta možete da uradite", "What you can do"),
    ("Kush mund të ndihmojë", "Ko može da pomogne", "Who can help"),
    ("Afatet dhe dokumentet", "Rokovi i dokumenti", "Deadlines and documents"),
    ("Zbatimi në komunë", "Sprovođenje u opštini", "Implementation in the municipality"),
    ("Përgjegjësitë e institucioneve", "Nadležnosti institucija", "Responsibilities of institutions"),
    ("Ankesat dhe mjetet juridike", "Žalbe i pravni lekovi", "Complaints and remedies"),
    ("Raportimi dhe monitorimi", "Izveštavanje i praćenje", "Reporting and monitoring"),
    ("Buxheti dhe financimi", "Budžet i finansiranje", "Budget and funding"),
]
TABLE_HEADERS = (
    ("Institucioni", "Detyra", "Afati"),
    ("Institucija", "Zadatak", "Rok"),
    ("Institution", "Task", "Deadline"),
)
RELATED_LABEL = ("Shih edhe", "Vidi i", "See also")

# Everyday vocabulary of each language, with its diacritics (ë ç; č ć š ž đ).
WORDS = {
    "sq": """komuniteti komunitetet të drejtat çështje çështjet zbatimi përfaqësimi arsimi punësimi strehimi kthimi gjuha
        bashkëpunimi komuna zyra ligji rregullorja vendimi strategjia qeveria ministria pjesëmarrja diskriminimi mbrojtja
        qytetarët shërbimet përgjegjësia raporti monitorimi vendore kombëtare në dhe për të me nga që është janë duhet mund
        sipas nëpërmjet çdo përmes fëmijët shkolla mësimi uji kanalizimi banimi puna trajnimi profesional ankesa avokati
        popullit çështjeve komuniteteve riatdhesimi romët ashkalinjtë egjiptianët serbët boshnjakët turqit goranët buxheti
        plani veprimi këshilli kuvendi ndihmë informacion kërkesë afati ditë muaj vit dokumenti regjistrimi certifikata
        lindja shëndetësia kujdesi barazia gjinore mundësi pengesë hapësirë takimi dëgjimi publik konsultimi zyrtare
        qendrore lokale personat familjet shtëpia lagjja fshati qyteti nxënësit mësuesit bursa punëdhënësi paga
        siguria drejtësia gjykata procedura vendimmarrja zgjedhjet përkthimi shqip serbisht dokumentet formularët
        aplikimi pranimi refuzimi shqyrtimi afatshkurtër afatgjatë qëndrueshëm mbështetje ndihmës këshilltar""",
    "sr": """zajednica zajednice prava zaštita opština kancelarija povratak obrazovanje zapošljavanje stanovanje diskriminacija
        učešće jezik službeni građani žalba ombudsman zakon uredba odluka strategija vlada ministarstvo sprovođenje izveštaj
        praćenje lokalni akcioni plan deca škola voda kanalizacija stručno osposobljavanje pomoć informacija zahtev rok dan
        mesec godina dokument upis uverenje rođenje zdravstvo nega jednakost mogućnost prepreka sastanak javna rasprava
        konsultacija i u za na sa od koji je su mora može prema putem svaki Romi Aškalije Egipćani Srbi Bošnjaci Turci
        Goranci budžet skupština savet održiv društvo međunarodni obaveza nadležnost usluga ravnopravnost čovek ljudska
        posebno ugrožen porodica život trošak ključni šira većina manjina podrška smeštaj naselje ćirilica latinica đak
        međuopštinski učenik nastavnik stipendija poslodavac plata bezbednost pravda sud postupak odlučivanje izbori
        prevod albanski srpski obrazac prijava prihvatanje odbijanje razmatranje kratkoročan dugoročan savetnik
        opštinski državni kuća selo grad komšiluk žena muškarac mladi starije pristup""",
    "en": """community communities rights protection municipality office return education employment housing discrimination
        participation language official citizens complaint ombudsperson law regulation decision strategy government
        ministry implementation report monitoring local action plan children school water sanitation vocational training
        help information request deadline day month year document registration certificate birth health care equality
        opportunity barrier meeting public hearing consultation and in for on with from which is are must can under
        through every Roma Ashkali Egyptian Serb Bosniak Turkish Gorani budget assembly council sustainable society
        international obligation competence service equal person especially vulnerable family life cost key wider
        majority minority support shelter settlement pupil teacher scholarship employer salary safety justice court
        procedure decision-making elections translation Albanian Serbian form application acceptance refusal review
        short-term long-term adviser municipal central house village town neighbourhood women men young older access""",
}
VOCABULARY = {language: tuple(text.split()) for language, text in WORDS.items()}
