from django.db import models


class ProposalStatus(models.TextChoices):
    CONCEPT = "concept", "Concept"
    VOORGESTELD = "voorgesteld", "Voorgesteld aan werkgever"
    GEACCEPTEERD = "geaccepteerd", "Kennismaking geaccepteerd"
    AFGEWEZEN = "afgewezen", "Afgewezen door werkgever"
    INGETROKKEN = "ingetrokken", "Ingetrokken"


class Origin(models.TextChoices):
    """The five ways a placement arises (003 §4.2)."""

    SCHOOLSTAGE = "schoolstage", "Stage vanuit VSO/PrO wordt de baan"
    NETWERK = "netwerk", "Netwerk van de bemiddelaar"
    WERKGEVERSVRAAG = "werkgeversvraag", "Op verzoek van de werkgever"
    EIGEN_WERKGEVER = "eigen_werkgever", "Kandidaat brengt werkgever mee"
    ONDERHANDELDE_VACATURE = "onderhandelde_vacature", "Reguliere vacature omgebouwd tot passende baan"


class IntroductionRoute(models.TextChoices):
    GEEN = "geen", "Direct in dienst"
    PROEFPLAATSING = "proefplaatsing", "Proefplaatsing"
    VERLENGDE_PROEFPLAATSING = "verlengde_proefplaatsing", "Verlengde proefplaatsing"
    STAGE = "stage", "Stage"
    WERKERVARINGSPLAATS = "werkervaringsplaats", "Werkervaringsplaats"
    DETACHERING = "detachering", "Detachering vanuit het SW-bedrijf"
    OPBOUW_DAGBESTEDING = "opbouw_dagbesteding", "Opbouw vanuit dagbesteding"


class Arrangement(models.TextChoices):
    DIRECT = "direct", "Direct dienstverband bij de werkgever"
    DETACHERING = "detachering", "Detachering (SOB is juridisch werkgever)"
    SOB_INTERN = "sob_intern", "Baan bij het sociaal ontwikkelbedrijf"
    HYBRIDE = "hybride", "Hybride met dagbesteding"


class PlacementStatus(models.TextChoices):
    VOORGESTELD = "voorgesteld", "Voorgesteld"
    KENNISMAKING = "kennismaking", "Kennismaking"
    PROEFPLAATSING = "proefplaatsing", "Proefplaatsing"
    IN_DIENST = "in_dienst", "In dienst / gedetacheerd"
    NAZORG = "nazorg", "Nazorg"
    BEEINDIGD = "beeindigd", "Beëindigd"
    DOORSTROOM = "doorstroom", "Doorstroom naar ander werk"


class EndReason(models.TextChoices):
    GEEN_MATCH = "geen_match", "Geen match na kennismaking"
    PROEF_NIET_GESLAAGD = "proef_niet_geslaagd", "Proefplaatsing niet geslaagd"
    CONTRACT_NIET_VERLENGD = "contract_niet_verlengd", "Contract niet verlengd"
    UITVAL_GEZONDHEID = "uitval_gezondheid", "Uitval (gezondheid)"
    WERKBEGELEIDER_WEG = "werkbegeleider_weg", "Werkbegeleider of kartrekker vertrokken"
    TAKEN_VERDWENEN = "taken_verdwenen", "Taken verdwenen"
    PRIVE = "prive", "Privéomstandigheden"
    EIGEN_VERZOEK = "eigen_verzoek", "Op eigen verzoek"
    DOORSTROOM = "doorstroom", "Doorstroom naar ander werk"
    ANDERS = "anders", "Anders"


class ContractKind(models.TextChoices):
    TIJDELIJK = "tijdelijk", "Tijdelijk"
    VAST = "vast", "Vast"


class DevelopmentProfile(models.TextChoices):
    P1 = "p1", "P1 – op het leerplafond"
    P2 = "p2", "P2 – groeit met blijvende begeleiding"
    P3 = "p3", "P3 – loonwaarde stijgt, begeleiding daalt"
    P4 = "p4", "P4 – kwetsbaar, privé zet baan onder druk"


class SupervisorStatus(models.TextChoices):
    ACTIEF = "actief", "Actief"
    GEWISSELD = "gewisseld", "Gewisseld"
    VERTREKT = "vertrekt", "Vertrekt binnenkort"
    MET_PENSIOEN = "met_pensioen", "Gaat met pensioen"


class AdjustmentType(models.TextChoices):
    TAKEN = "taken", "Takenpakket"
    UREN = "uren", "Uren of rooster"
    WERKPLEK = "werkplek", "Werkplek of hulpmiddel"
    INSTRUCTIE = "instructie", "Instructie of begeleiding"
    TECHNOLOGIE = "technologie", "Technologie"


class TaskStatus(models.TextChoices):
    OPEN = "open", "Open"
    AFGEROND = "afgerond", "Afgerond"
    GEANNULEERD = "geannuleerd", "Geannuleerd"


class TaskKind(models.TextChoices):
    HANDMATIG = "handmatig", "Handmatig"
    NAZORG = "nazorg", "Nazorgcontact"
    LOONWAARDE = "loonwaarde", "Loonwaardemeting"
    FORFAITAIR_EINDE = "forfaitair_einde", "Einde forfaitaire LKS"
    BESCHIKKING_EINDE = "beschikking_einde", "Einde beschikking"
    PROEFPLAATSING_EINDE = "proefplaatsing_einde", "Einde proefplaatsing"
    CONTRACT_EINDE = "contract_einde", "Einde contract"
    KETENREGELING = "ketenregeling", "Ketenregeling"
    TRANSITIEPLAN = "transitieplan", "Transitieplan"
    JOBCOACH = "jobcoach", "Jobcoach"
    KARTREKKER = "kartrekker", "Kartrekker of accounthouder gewijzigd"
    WERKBEGELEIDER = "werkbegeleider", "Werkbegeleider gewijzigd"
    GEEN_CONTACT = "geen_contact", "Geen contact"
    DUURZAAMHEID = "duurzaamheid", "Duurzaamheidsmoment"
    SIGNAAL = "signaal", "Signaal van werkgever"
    OVERDRACHT = "overdracht", "Overdracht accounthouder"
    WERKGEVERSVRAAG = "werkgeversvraag", "Vraag van werkgever"


class SignalKind(models.TextChoices):
    LOONWAARDE_GEDAALD = "loonwaarde_gedaald", "Loonwaarde gedaald"
    VERZUIM = "verzuim", "Verzuim"
    ZORG = "zorg", "Zorg of onrust"
    TEAMWIJZIGING = "teamwijziging", "Verandering in het team"
    KARTREKKER_VERTREKT = "kartrekker_vertrekt", "Kartrekker vertrekt"
    WERKBEGELEIDER_VERTREKT = "werkbegeleider_vertrekt", "Werkbegeleider vertrekt"
    TAKEN_VERDWIJNEN = "taken_verdwijnen", "Taken verdwijnen"
    PRIVE = "prive", "Privéomstandigheden"
