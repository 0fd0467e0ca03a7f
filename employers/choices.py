from django.db import models


class SizeClass(models.TextChoices):
    KLEIN = "lt20", "Minder dan 20 medewerkers"
    MIDDEL = "lt50", "20 tot 50 medewerkers"
    GROOT = "lt250", "50 tot 250 medewerkers"
    ZEER_GROOT = "gte250", "250 of meer medewerkers"


class PsoLevel(models.TextChoices):
    GEEN = "geen", "Geen PSO-certificaat"
    AANLOOP = "aanloop", "Aanloopniveau"
    TREDE_1 = "trede_1", "Trede 1"
    TREDE_2 = "trede_2", "Trede 2"
    TREDE_3 = "trede_3", "Trede 3"
    PSO_30_PLUS = "pso_30_plus", "PSO 30+"


class BanenafspraakStance(models.TextChoices):
    SO_WHAT = "so_what", "So what"
    HELP_ME = "help_me", "Help me"
    SOCIAL_HEART = "social_heart", "Sociaal hart"


class InclusionStage(models.TextChoices):
    ORIENTATIE = "orientatie", "Oriëntatie"
    EERSTE_PLAATSING = "eerste_plaatsing", "Eerste plaatsing"
    ERVAREN = "ervaren", "Ervaren"
    INCLUSIEF = "inclusief", "Inclusieve organisatie"
    AMBASSADEUR = "ambassadeur", "Ambassadeur"


class ServiceStyle(models.TextChoices):
    VACATURES_VERVULLEN = "vacatures_vervullen", "Vacatures vervullen"
    ONTZORGING = "ontzorging", "Ontzorging"
    STRATEGISCH_PARTNERSCHAP = "strategisch_partnerschap", "Strategisch partnerschap"


class Scope(models.TextChoices):
    LOKAAL = "lokaal", "Lokaal"
    REGIONAAL = "regionaal", "Regionaal"
    LANDELIJK = "landelijk", "Landelijk"


class ContactLayer(models.TextChoices):
    DIRECTIE = "directie", "Directie"
    HR = "hr", "HR"
    LEIDINGGEVENDE = "leidinggevende", "Leidinggevende"
    WERKBEGELEIDER = "werkbegeleider", "Werkbegeleider / buddy"
    OVERIG = "overig", "Overig"


class ContactChannel(models.TextChoices):
    BEZOEK = "bezoek", "Bezoek"
    TELEFOON = "telefoon", "Telefoon"
    EMAIL = "email", "E-mail"
    WHATSAPP = "whatsapp", "WhatsApp"
    VIDEO = "video", "Videogesprek"


class ContactWith(models.TextChoices):
    KANDIDAAT = "kandidaat", "Kandidaat"
    WERKGEVER = "werkgever", "Contactpersoon werkgever"
    WERKBEGELEIDER = "werkbegeleider", "Werkbegeleider"
    FAMILIE = "familie", "Familie"
    ZORGORGANISATIE = "zorgorganisatie", "Zorgorganisatie"
    JOBCOACH = "jobcoach", "Jobcoach"


class JobKind(models.TextChoices):
    REGULIER = "regulier", "Reguliere vacature"
    GECREEERD = "gecreeerd", "Gecreëerde baan"


class CreationMethod(models.TextChoices):
    JOBCARVING = "jobcarving", "Jobcarving"
    FUNCTIECREATIE = "functiecreatie", "Functiecreatie"
    IHW = "ihw", "Inclusief herontwerp van werk"
    TEAMCRAFTING = "teamcrafting", "Teamcrafting"
    WERKAANPASSING = "werkaanpassing", "Werkaanpassing"
    STAPELBAAN = "stapelbaan", "Stapelbaan"


class JobStatus(models.TextChoices):
    CONCEPT = "concept", "Concept"
    OPEN = "open", "Open"
    VERVULD = "vervuld", "Vervuld"
    GESLOTEN = "gesloten", "Gesloten"


class Complexity(models.IntegerChoices):
    EENVOUDIG = 1, "Eenvoudig"
    GEMIDDELD = 2, "Gemiddeld"
    COMPLEX = 3, "Complex"
