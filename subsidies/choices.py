from django.db import models


class SubsidyKind(models.TextChoices):
    LOONKOSTENSUBSIDIE = "loonkostensubsidie", "Loonkostensubsidie (LKS)"
    NO_RISKPOLIS = "no_riskpolis", "No-riskpolis"
    JOBCOACH = "jobcoach", "Jobcoach"
    BEGELEIDINGSVERGOEDING = "begeleidingsvergoeding", "Begeleidingsvergoeding beschut werk"
    WERKPLEKAANPASSING = "werkplekaanpassing", "Werkplekaanpassing"
    PROEFPLAATSING = "proefplaatsing", "Proefplaatsing"
    LKV = "lkv", "Loonkostenvoordeel (LKV)"
    DETACHERINGSVERGOEDING = "detacheringsvergoeding", "Detacheringsvergoeding"


class ApplicationStatus(models.TextChoices):
    CONCEPT = "concept", "Concept"
    INGEDIEND = "ingediend", "Ingediend"
    IN_BEHANDELING = "in_behandeling", "In behandeling"
    TOEGEKEND = "toegekend", "Toegekend"
    AFGEWEZEN = "afgewezen", "Afgewezen"
    LOPEND = "lopend", "Lopend"
    BEEINDIGD = "beeindigd", "Beëindigd"


class AssessmentMethod(models.TextChoices):
    UNIFORM = "uniform", "Uniforme loonwaardemethode (sinds 1-7-2021)"
    FORFAITAIR = "forfaitair", "Forfaitaire loonwaarde (geen meting)"
    DARIUZ = "dariuz", "Dariuz"
    MATCHCARE = "matchcare", "Matchcare"
    TALENT6 = "talent6", "Talent6"
    VTA = "vta", "VTA"
    UWV = "uwv", "UWV"
    COMPETENSYS = "competensys", "CompetenSYS"
    ANDERS = "anders", "Andere gevalideerde methode"
