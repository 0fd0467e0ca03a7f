from django.db import models


class CandidateStatus(models.TextChoices):
    AANMELDING = "aanmelding", "Aanmelding"
    VERKENNING = "verkenning", "Verkenning"
    BEMIDDELBAAR = "bemiddelbaar", "Bemiddelbaar"
    IN_TRAJECT = "in_traject", "In traject (voorgesteld/proefplaatsing)"
    GEPLAATST = "geplaatst", "Geplaatst"
    WACHTLIJST = "wachtlijst", "Wachtlijst beschut werk"
    GEPAUZEERD = "gepauzeerd", "Tijdelijk niet beschikbaar"
    AFGESLOTEN = "afgesloten", "Dossier afgesloten"


class TargetGroup(models.TextChoices):
    DOELGROEPREGISTER = "doelgroepregister", "Doelgroepregister banenafspraak"
    PARTICIPATIEWET = "participatiewet", "Participatiewet (bijstand)"
    WAJONG = "wajong", "Wajong"
    WIA = "wia", "WIA"
    BESCHUT_WERK = "beschut_werk", "Advies beschut werk"
    WSW_INDICATIE = "wsw_indicatie", "Wsw-indicatie"
    STATUSHOUDER = "statushouder", "Statushouder"
    VSO_PRO = "vso_pro", "Schoolverlater VSO/PrO"
    OUDERE_WERKZOEKENDE = "oudere_werkzoekende", "Oudere werkzoekende"


class BeschutWerkStage(models.TextChoices):
    VERMOEDEN = "vermoeden", "Vermoeden beschut werk"
    ADVIES_AANGEVRAAGD = "advies_aangevraagd", "Advies aangevraagd"
    POSITIEF = "positief", "Positief advies"
    NEGATIEF = "negatief", "Negatief advies"
    WACHTLIJST = "wachtlijst", "Wachtlijst"


class Benefit(models.TextChoices):
    GEEN = "geen", "Geen uitkering"
    BIJSTAND = "bijstand", "Bijstand (Participatiewet)"
    WAJONG = "wajong", "Wajong"
    WW = "ww", "WW"
    WIA = "wia", "WIA/WGA"
    ANDERS = "anders", "Anders"


class EducationLevel(models.IntegerChoices):
    GEEN = 0, "Geen afgeronde opleiding"
    VSO_PRO = 1, "VSO / praktijkonderwijs"
    VMBO = 2, "VMBO / entreeopleiding (mbo-1)"
    MBO_2 = 3, "MBO-2"
    MBO_3_4 = 4, "MBO-3/4 / havo / vwo"
    HBO_WO = 5, "HBO / WO"


class Mobility(models.TextChoices):
    LOPEN = "lopen", "Te voet"
    FIETS = "fiets", "Fiets"
    OV = "ov", "Openbaar vervoer"
    AUTO = "auto", "Eigen auto"
    VERVOER_REGELING = "vervoer_regeling", "Aangepast vervoer"


class WorkFitStatus(models.TextChoices):
    NIET_WERKFIT = "niet_werkfit", "Nog niet werkfit"
    BIJNA = "bijna", "Bijna werkfit"
    WERKFIT = "werkfit", "Werkfit"


class LoadLevel(models.IntegerChoices):
    """Work capacity (belastbaarheid) of a person and load of a task on the same scale."""

    LAAG = 1, "Laag"
    GEMIDDELD = 2, "Gemiddeld"
    HOOG = 3, "Hoog"


class ConsentScope(models.TextChoices):
    PROFIEL_DELEN = "profiel_delen", "Profiel (met naam) delen met werkgever"
    WERKBEHOEFTEN_DELEN = "werkbehoeften_delen", "Werkrelevante behoeften delen met werkgever"
    CONTACT_NETWERK = "contact_netwerk", "Contact met familie of zorgorganisatie"
    GEGEVENS_GEMEENTE = "gegevens_gemeente", "Gegevens uitwisselen met gemeente/UWV"
