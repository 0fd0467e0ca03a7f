"""Load a realistic Dutch demo data set: one region, its municipalities and teams,
demo users, and per unit 200 candidates, 40 employers, 60 jobs and 80 placements
with their contracts, loonwaarde assessments, subsidy applications, tasks and
contact moments.

    manage.py seed_demo                       # one unit, seed 2026, dates relative to today
    manage.py seed_demo --scale 50            # 50 units (10 000 candidates) for benchmarks
    manage.py seed_demo --seed 7 --today 2026-03-01
    manage.py seed_demo --if-empty            # nothing when users exist (scripts/dev.sh)

The same seed and ``--today`` give the same data (names, BSNs, dates, statuses);
only UUIDs and the encrypted BSN (random IV) differ. Each unit consumes the random
stream the same way, so ``--scale 2`` holds the ``--scale 1`` data plus one more unit.
Rows are written with ``bulk_create`` in chunks of ten units, so memory stays bounded
and ``--scale 500`` (100 000 candidates) is feasible on PostgreSQL. Seeding writes no
audit trail: it is not a user's action.
"""

import datetime
import hashlib
import hmac
import random
import time
import unicodedata
from collections import Counter, defaultdict
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

from cryptography.fernet import Fernet
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, reset_queries, transaction
from django.utils import timezone

from candidates.models import Candidate, Consent, TargetGroupStatus, WorkNeed
from employers.models import (
    ContactMoment,
    ContactPerson,
    Employer,
    EmployerLocation,
    FunctiecreatieConversation,
    Function,
    FunctionTask,
    Job,
    JobRequirement,
    JobTask,
)
from placements.models import (
    Contract,
    Placement,
    PlacementStatusChange,
    Proposal,
    Signal,
    Task,
    WorkAdjustment,
)
from subsidies.models import AssessmentTaskScore, LoonwaardeAssessment, SubsidyApplication, SubsidyPayment
from wsp_platform.accounts.models import Municipality, Region, Role, Team, User
from wsp_platform.core import demo_data as D
from wsp_platform.core import geo
from wsp_platform.core.models import Skill
from wsp_platform.core.validators import is_valid_bsn

CANDIDATES_PER_UNIT = 200
EMPLOYERS_PER_UNIT = 40
JOBS_PER_UNIT = 60
CARVED_JOBS_PER_UNIT = 21
PLACEMENTS_PER_UNIT = 80
# Every placement status in each unit; the first five go to the portal's demo employer.
PLACEMENT_STATUS_COUNTS = {
    "voorgesteld": 8, "kennismaking": 8, "proefplaatsing": 12, "in_dienst": 22, "nazorg": 14,
    "beeindigd": 10, "doorstroom": 6,
}
FIRST_EMPLOYER_STATUSES = ["in_dienst", "proefplaatsing", "nazorg", "kennismaking", "voorgesteld"]
UNITS_PER_FLUSH = 10
BATCH_SIZE = 2000
TZ = ZoneInfo("Europe/Amsterdam")
CENT = Decimal("0.01")
# Used for demo amounts only; real calculations read the dated rate table.
DEMO_WML_PER_HOUR = Decimal("14.40")
DEMO_ALLOWANCE = Decimal("1.235")
CREATION_METHODS = ["jobcarving", "functiecreatie", "ihw", "teamcrafting", "werkaanpassing", "stapelbaan"]

# Write order: a model's foreign keys point only at models earlier in this list.
FLUSH_ORDER = [
    Employer, EmployerLocation, ContactPerson, Function, FunctiecreatieConversation, FunctionTask,
    Job, JobTask, JobRequirement, Candidate, TargetGroupStatus, WorkNeed, Consent, Proposal, Placement,
    PlacementStatusChange, Contract, WorkAdjustment, Signal, LoonwaardeAssessment, AssessmentTaskScore,
    SubsidyApplication, SubsidyPayment, ContactMoment, Task,
]


def add_months(day: datetime.date, months: int) -> datetime.date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    last = [31, 29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28, 31, 30, 31, 30, 31, 31, 30,
            31, 30, 31][month - 1]
    return day.replace(year=year, month=month, day=min(day.day, last))


def days(n: int) -> datetime.timedelta:
    return datetime.timedelta(days=n)


def money(value) -> Decimal:
    return Decimal(value).quantize(CENT, ROUND_HALF_UP)


def ascii_slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in plain.lower() if ch.isalnum() or ch == ".")


def split_prefix(last_name: str) -> tuple[str, str]:
    """'van der Berg' → ('van der', 'Berg')."""
    for prefix in D.NAME_PREFIXES:
        if last_name.startswith(prefix + " "):
            return prefix, last_name[len(prefix) + 1:]
    return "", last_name


class DemoBuilder:
    """Generates the demo rows unit by unit and writes them in dependency order."""

    def __init__(self, *, seed: int, today: datetime.date, faker_class):
        self.rng = random.Random(seed)
        self.today = today
        fake = faker_class("nl_NL")
        fake.seed_instance(seed)
        self.first_f = list(dict.fromkeys(fake.first_name_female() for _ in range(600))) + D.EXTRA_FIRST_NAMES_F
        self.first_m = list(dict.fromkeys(fake.first_name_male() for _ in range(600))) + D.EXTRA_FIRST_NAMES_M
        self.last_names = list(dict.fromkeys(fake.last_name() for _ in range(1500)))
        # One Fernet instance and one keyed HMAC for all BSNs: creating them per value is the slow part.
        self.fernet = Fernet(settings.BSN_ENCRYPTION_KEY.encode())
        self.bsn_hmac = hmac.new(settings.BSN_HASH_KEY.encode(), digestmod=hashlib.sha256)
        self.used_bsn_hashes = set(Candidate.objects.values_list("bsn_hash", flat=True))
        self.used_kvk = set(Employer.objects.values_list("kvk_number", flat=True))
        self.pending: dict[type, list] = defaultdict(list)
        self.pending_m2m: list[tuple] = []
        self.counts: Counter = Counter()
        self.reference_seq = 0
        self.first_employer = None
        self.candidates_pending = 0

    # --- organisation ------------------------------------------------------------

    def setup_organisation(self) -> None:
        self.region, _ = Region.objects.get_or_create(name=D.REGION_NAME, defaults={"wsp_name": D.WSP_NAME})
        self.municipalities = []
        for spec in D.MUNICIPALITIES:
            municipality, _ = Municipality.objects.get_or_create(
                cbs_code=spec["cbs_code"], defaults={"name": spec["name"], "region": self.region}
            )
            self.municipalities.append((municipality, spec))
        self.municipality_weights = [spec["weight"] for _, spec in self.municipalities]
        self.teams = {
            key: Team.objects.get_or_create(region=self.region, name=name)[0] for key, name in D.TEAMS.items()
        }
        existing = dict(Skill.objects.values_list("name", "pk"))
        missing = [Skill(name=name) for name in D.SKILLS if name not in existing]
        Skill.objects.bulk_create(missing)
        self.skill_ids = dict(Skill.objects.filter(name__in=D.SKILLS).values_list("name", "pk"))

        password = make_password(D.DEMO_PASSWORD)
        self.users = {}
        for username, first, last, role, team_key, is_staff in D.USERS:
            user, created = User.objects.get_or_create(
                username=username,
                defaults={
                    "first_name": first, "last_name": last, "role": role, "is_staff": is_staff,
                    "team": self.teams[team_key] if team_key else None, "region": self.region,
                    "email": f"{ascii_slug(first)}.{ascii_slug(last)}@wsp-midden-utrecht.example",
                    "phone": f"030-{2860000 + len(self.users):07d}", "password": password,
                },
            )
            self.counts["gebruikers"] += int(created)
            self.users[username] = user
        group, _ = Group.objects.get_or_create(name=D.FUNCTIONAL_ADMIN_GROUP)
        perms = [
            p for p in Permission.objects.select_related("content_type")
            if (p.content_type.app_label, p.content_type.model) in set(D.FUNCTIONAL_ADMIN_MODELS)
        ]
        group.permissions.add(*perms)
        self.users["beheerder"].groups.add(group)
        self.password_hash = password
        self.bemiddelaars = [self.users["bemiddelaar"], self.users["bemiddelaar2"], self.users["bemiddelaar3"]]
        self.bemiddelaars_by_team = {"stad": self.bemiddelaars[:2], "lekstroom": self.bemiddelaars[2:]}

    def finish_organisation(self) -> None:
        """The employer user belongs to the first demo employer (exists after the first flush)."""
        if User.objects.filter(username=D.EMPLOYER_USERNAME).exists() or self.first_employer is None:
            return
        contact = self.first_employer_contact
        first, _, last = contact.name.partition(" ")
        User.objects.create(
            username=D.EMPLOYER_USERNAME, first_name=first, last_name=last, role=Role.WERKGEVER,
            employer=self.first_employer, email=contact.email, password=self.password_hash,
        )
        self.counts["gebruikers"] += 1

    # --- small generators ---------------------------------------------------------

    def add(self, obj):
        self.pending[type(obj)].append(obj)
        return obj

    def pick_municipality(self):
        return self.rng.choices(self.municipalities, weights=self.municipality_weights)[0]

    def postcode(self, spec) -> str:
        low, high = self.rng.choice(spec["postcodes"])
        letters = "ABCDEFGHJKLMNPRSTVWXZ"
        while True:
            pair = self.rng.choice(letters) + self.rng.choice(letters)
            if pair not in ("SA", "SD", "SS"):
                return f"{self.rng.randint(low, high)} {pair}"

    def address(self, spec) -> tuple[str, str, float, float]:
        street = f"{self.rng.choice(spec['streets'])} {self.rng.randint(1, 240)}"
        lat = round(spec["lat"] + self.rng.uniform(-0.02, 0.02), 5)
        lon = round(spec["lon"] + self.rng.uniform(-0.03, 0.03), 5)
        postcode = self.postcode(spec)
        # The same PC4 centroid the app itself uses (wsp_platform/core/data/pc4.csv), so
        # distances in the demo match what a saved record would get.
        known = geo.centroid(postcode)
        if known:
            lat, lon = known
        return street, postcode, lat, lon

    def person_name(self) -> tuple[str, str, str]:
        first = self.rng.choice(self.first_f if self.rng.random() < 0.5 else self.first_m)
        last = self.rng.choice(D.EXTRA_LAST_NAMES) if self.rng.random() < 0.12 else self.rng.choice(self.last_names)
        prefix, last = split_prefix(last)
        return first, prefix, last

    def full_name(self) -> str:
        first, prefix, last = self.person_name()
        return " ".join(p for p in (first, prefix, last) if p)

    def mobile(self) -> str:
        return f"06-{self.rng.randint(10000000, 99999999)}"

    def new_bsn(self) -> str:
        """A random valid BSN (11-proef): eight digits, the ninth computed; unique."""
        while True:
            body = [self.rng.randint(1, 3)] + [self.rng.randint(0, 9) for _ in range(7)]
            check = sum(w * d for w, d in zip(range(9, 1, -1), body, strict=True)) % 11
            if check == 10:
                continue
            bsn = "".join(map(str, body)) + str(check)
            digest = self.bsn_hmac.copy()
            digest.update(bsn.encode())
            bsn_hash = digest.hexdigest()
            if bsn_hash in self.used_bsn_hashes or not is_valid_bsn(bsn):
                continue
            self.used_bsn_hashes.add(bsn_hash)
            return bsn, bsn_hash

    def new_kvk(self) -> str:
        while True:
            kvk = str(self.rng.randint(10000000, 99999999))
            if kvk not in self.used_kvk:
                self.used_kvk.add(kvk)
                return kvk

    def moment(self, day: datetime.date) -> datetime.datetime:
        return datetime.datetime.combine(
            day, datetime.time(self.rng.randint(8, 16), self.rng.choice((0, 15, 30, 45))), tzinfo=TZ
        )

    def reference(self, cbs_code: str, kind: str, year: int) -> str:
        self.reference_seq += 1
        return f"{cbs_code}-{kind}-{year}-{self.reference_seq:06d}"

    # --- one unit -------------------------------------------------------------------

    def build_unit(self, unit: int) -> None:
        employers = [self.make_employer(unit, i) for i in range(EMPLOYERS_PER_UNIT)]
        carved_slots = set(self.rng.sample(range(2, JOBS_PER_UNIT), CARVED_JOBS_PER_UNIT - 1)) | {1}
        jobs = []
        for j in range(JOBS_PER_UNIT):
            employer = employers[0] if j < 2 else self.rng.choice(employers)
            method = CREATION_METHODS[len([x for x in jobs if x["carved"]]) % len(CREATION_METHODS)]
            jobs.append(self.make_job(employer, carved=j in carved_slots, method=method))
        candidates = [self.make_candidate() for _ in range(CANDIDATES_PER_UNIT)]

        statuses = [s for s, n in PLACEMENT_STATUS_COUNTS.items() for _ in range(n)]
        for status in FIRST_EMPLOYER_STATUSES:
            statuses.remove(status)
        self.rng.shuffle(statuses)
        statuses = FIRST_EMPLOYER_STATUSES + statuses
        # Per unit, some situations are forced so every unit shows them: loonwaarde
        # reassessments due soon and overdue, a trial ending soon, every application status.
        self.forced_due = ["soon", "overdue", "soon", "overdue"]
        self.forced_app = ["afgewezen", "ingediend", "in_behandeling", "toegekend", "concept"]
        self.first_trial_done = False
        placements = []
        for index, status in enumerate(statuses):
            job = jobs[index % 2] if index < len(FIRST_EMPLOYER_STATUSES) else self.rng.choice(jobs)
            placements.append(self.make_placement(status, candidates[index], job))
        for cand in candidates[PLACEMENTS_PER_UNIT:]:
            self.assign_free_candidate(cand)
        self.make_open_proposals(candidates[PLACEMENTS_PER_UNIT:], jobs)
        self.finish_jobs(jobs, placements)
        self.make_tasks(candidates, employers, placements)
        self.make_contact_moments(candidates, employers, placements)
        self.candidates_pending += len(candidates)

    # --- employers ------------------------------------------------------------------

    def make_employer(self, unit: int, index: int) -> dict:
        rng = self.rng
        sector = rng.choices(list(D.SECTOR_WEIGHTS), weights=list(D.SECTOR_WEIGHTS.values()))[0]
        spec = D.SECTORS[sector]
        municipality, mspec = self.pick_municipality()
        template = rng.choice(spec["employers"])
        word = rng.choice(D.EMPLOYER_NAME_WORDS)
        if "De {x}" not in template and rng.random() < 0.5:
            word = split_prefix(rng.choice(self.last_names))[1]
        name = template.format(x=word, m=municipality.name)
        is_public = rng.random() < spec["public"]
        size = rng.choices(["lt20", "lt50", "lt250", "gte250"], weights=[35, 25, 25, 15] if not is_public
                           else [0, 10, 40, 50])[0]
        holder = self.bemiddelaars[0] if unit == 0 and index == 0 else rng.choice(
            self.bemiddelaars_by_team[mspec["team"]] + self.bemiddelaars
        )
        deputy = rng.choice([u for u in self.bemiddelaars if u != holder])
        employer = self.add(Employer(
            name=name,
            kvk_number=self.new_kvk(),
            sector=sector,
            size_class=size,
            is_public=is_public,
            region=self.region,
            pso_level=rng.choices(["geen", "aanloop", "trede_1", "trede_2", "trede_3", "pso_30_plus"],
                                  weights=[60, 10, 12, 8, 5, 5])[0],
            banenafspraak_obligation=size in ("lt250", "gte250") or (size == "lt50" and rng.random() < 0.5),
            banenafspraak_stance=rng.choice(["so_what", "help_me", "social_heart", ""]),
            is_social_enterprise=rng.random() < 0.08,
            inclusion_stage=rng.choices(["orientatie", "eerste_plaatsing", "ervaren", "inclusief", "ambassadeur"],
                                        weights=[25, 30, 25, 13, 7])[0],
            service_style=rng.choices(["vacatures_vervullen", "ontzorging", "strategisch_partnerschap"],
                                      weights=[50, 30, 20])[0],
            scope=rng.choices(["lokaal", "regionaal", "landelijk"], weights=[45, 40, 15])[0],
            legal_requirements=spec.get("legal", ""),
            preferred_visit_interval_days=rng.choice([None, None, 14, 30, 30, 60, 90]),
            account_holder=holder,
            deputy=deputy,
            account_holder_since=self.today - days(rng.randint(30, 1500)),
            past_experiences=rng.choice([
                "", "", "Eerdere plaatsing liep stuk toen de werkbegeleider vertrok.",
                "Goede ervaring met een proefplaatsing via het SW-bedrijf.",
                "Heeft eerder te veel ongeschikte kandidaten gekregen van verschillende organisaties.",
            ]),
        ))
        self.counts["werkgevers"] += 1
        locations = []
        for n in range(1 if rng.random() < 0.8 else 2):
            m, ms = (municipality, mspec) if n == 0 else self.pick_municipality()
            street, postcode, lat, lon = self.address(ms)
            locations.append(self.add(EmployerLocation(
                employer=employer, name="Hoofdvestiging" if n == 0 else f"Vestiging {m.name}",
                street=street, postcode=postcode, city=m.name, latitude=lat, longitude=lon,
            )))
        domain = ascii_slug(word) or "werkgever"
        layers = [("directie", "Directeur"), ("leidinggevende", "Teamleider")]
        if size != "lt20":
            layers.insert(1, ("hr", "HR-adviseur"))
        layers += [("werkbegeleider", "Werkbegeleider")] * rng.randint(1, 2)
        champion_index = rng.randrange(len(layers) - 1) if rng.random() < 0.75 else None
        contacts = []
        for n, (layer, title) in enumerate(layers):
            name = self.full_name()
            leaving = rng.random()
            contacts.append(self.add(ContactPerson(
                employer=employer, name=name, job_title=title, layer=layer,
                email=f"{ascii_slug(name.split(' ')[0])}@{domain}.example",
                phone=f"030-{rng.randint(1000000, 9999999)}",
                is_champion=n == champion_index,
                left_on=self.today - days(rng.randint(5, 200)) if leaving < 0.05 else None,
                leaving_on=self.today + days(rng.randint(10, 60)) if 0.05 <= leaving < 0.09 else None,
            )))
        meta = {
            "obj": employer, "sector": sector, "municipality": municipality, "mspec": mspec,
            "locations": locations, "contacts": contacts,
            "supervisors": [c for c in contacts if c.layer == "werkbegeleider" and c.left_on is None],
            "function": None, "conversation": None,
        }
        if unit == 0 and index == 0:
            self.first_employer = employer
            self.first_employer_contact = next(c for c in contacts if c.layer in ("hr", "directie"))
        return meta

    def source_function(self, employer: dict):
        """The existing function a carved job is taken from, with its task inventory (once per employer)."""
        if employer["function"] is None:
            rng = self.rng
            name, tasks = D.SECTORS[employer["sector"]]["function"]
            function = self.add(Function(
                employer=employer["obj"], name=name, fte_count=Decimal(rng.randint(2, 30)),
                hourly_wage=money(Decimal(rng.randint(1700, 2600)) / 100),
            ))
            task_objs = []
            for description, hours, complexity, physical, mental, pace, stimuli, quiet, skill in tasks:
                task = self.add(FunctionTask(
                    function=function, description=description, hours_per_week=Decimal(hours),
                    frequency=rng.choice(["dagelijks", "dagelijks", "wekelijks", "meerdere keren per week"]),
                    complexity=complexity, physical_load=physical, mental_load=mental, pace=pace,
                    stimuli=stimuli, quiet_spot_possible=quiet,
                ))
                if skill:
                    self.pending_m2m.append((FunctionTask.capabilities.through,
                                             {"functiontask": task, "skill_id": self.skill_ids[skill]}))
                task_objs.append((task, complexity, physical, mental, pace, stimuli, quiet, skill))
            employer["function"] = task_objs
        return employer["function"]

    def make_job(self, employer: dict, *, carved: bool, method: str) -> dict:
        rng = self.rng
        spec = D.SECTORS[employer["sector"]]
        chosen = []
        conversation = None
        if carved:
            inventory = self.source_function(employer)
            simple = [t for t in inventory if t[1] == 1] or inventory
            chosen = rng.sample(simple, min(len(simple), rng.randint(2, 3)))
            title = spec["carved"]
            hours = sum((t[0].hours_per_week for t in chosen), Decimal(0))
            hours = min(max(hours, Decimal(8)), Decimal(36))
            if method in ("functiecreatie", "ihw"):
                if employer["conversation"] is None:
                    employer["conversation"] = self.add(FunctiecreatieConversation(
                        employer=employer["obj"], held_on=self.today - days(rng.randint(30, 400)),
                        staffing_problem="Vaste medewerkers komen niet toe aan hun kerntaken.",
                        employee_problems="Hoge werkdruk en overwerk in drukke weken.",
                        repetitive_tasks=", ".join(t[0].description.lower() for t in inventory if t[1] == 1),
                        solves_problem="Ja, het vrijmaken van deze uren geeft lucht aan het team.",
                        gains="Minder overwerk, meer tijd voor vakwerk, een nieuwe collega.",
                        candidates_and_costs="Twee kandidaten uit het bestand; LKS en jobcoach mogelijk.",
                        decision="Werkgever start met één gecreëerde baan en evalueert na zes maanden.",
                    ))
                conversation = employer["conversation"]
        else:
            title = rng.choice(spec["vacancies"])
            hours = Decimal(rng.choice([16, 20, 24, 24, 28, 32, 36]))
        job = self.add(Job(
            employer=employer["obj"],
            location=employer["locations"][0],
            title=title,
            description=(f"Gecreëerde baan ({method}) uit taken van {spec['function'][0].lower()}."
                         if carved else f"{title} bij {employer['obj'].name}."),
            kind="gecreeerd" if carved else "regulier",
            creation_method=method if carved else "",
            sector=employer["sector"],
            hours_per_week=hours,
            min_hours_per_week=Decimal(min(int(hours), rng.choice([8, 12, 16]))) if rng.random() < 0.5 else None,
            hourly_wage=money(Decimal(rng.randint(1471, 1950)) / 100),
            education_level=rng.choice([0, 0, 1]) if carved else rng.choice([0, 1, 2, 3]),
            is_generic=(rng.random() < 0.6) if carved else True,
            functiecreatie=conversation,
            open_since=self.today - days(rng.randint(5, 240)),
        ))
        self.counts["banen"] += 1
        self.counts["gecreëerde banen"] += int(carved)
        job_tasks = []
        if carved:
            for task, _, physical, mental, pace, stimuli, quiet, skill in chosen:
                self.pending_m2m.append((Job.source_tasks.through, {"job": job, "functiontask": task}))
                job_tasks.append((self.add(JobTask(
                    job=job, source_task=task, description=task.description, hours_per_week=task.hours_per_week,
                    physical_load=physical, mental_load=mental, pace=pace, stimuli=stimuli,
                    quiet_spot_possible=quiet,
                )), skill))
        else:
            inventory = spec["function"][1]
            for description, task_hours, _, physical, mental, pace, stimuli, quiet, skill in rng.sample(
                inventory, min(len(inventory), rng.randint(2, 3))
            ):
                job_tasks.append((self.add(JobTask(
                    job=job, description=description, hours_per_week=Decimal(task_hours),
                    physical_load=physical, mental_load=mental, pace=pace, stimuli=stimuli,
                    quiet_spot_possible=quiet,
                )), skill))
        for task, skill in job_tasks:
            if skill:
                self.pending_m2m.append(
                    (JobTask.capabilities.through, {"jobtask": task, "skill_id": self.skill_ids[skill]})
                )
        requirements = list(spec["requirements"])
        if rng.random() < 0.3 and not any(r[0] == "Rijbewijs B" for r in requirements):
            requirements.append(("Rijbewijs B", False, "Rijbewijs B"))
        for description, hard, skill in requirements:
            # Carving makes requirements negotiable, except legal ones (VOG, taaleis).
            is_hard = hard and (not carved or "VOG" in description or "Taaleis" in description)
            self.add(JobRequirement(job=job, description=description, is_hard=is_hard,
                                    skill_id=self.skill_ids.get(skill) if skill else None))
        return {"obj": job, "employer": employer, "carved": carved, "tasks": [t for t, _ in job_tasks]}

    # --- candidates -----------------------------------------------------------------

    def make_candidate(self) -> dict:
        rng = self.rng
        first, prefix, last = self.person_name()
        municipality, mspec = self.pick_municipality()
        street, postcode, lat, lon = self.address(mspec)
        age = rng.choices([rng.randint(17, 22), rng.randint(23, 35), rng.randint(36, 50), rng.randint(51, 64)],
                          weights=[25, 35, 25, 15])[0]
        birth = add_months(self.today, -12 * age) - days(rng.randint(0, 364))
        groups = self.target_groups(age)
        benefit = ("wajong" if "wajong" in groups else "bijstand" if "participatiewet" in groups
                   else "wia" if "wia" in groups else rng.choice(["geen", "bijstand", "ww", "geen"]))
        bsn, bsn_hash = self.new_bsn()
        cand = self.add(Candidate(
            bsn_encrypted=self.fernet.encrypt(bsn.encode()).decode(),
            bsn_hash=bsn_hash,
            bsn_last4=bsn[-4:],
            first_name=first,
            name_prefix=prefix,
            last_name=last,
            birth_date=birth,
            email=f"{ascii_slug(first)}.{ascii_slug(prefix + last)}{rng.randint(1, 999)}@mail.example",
            phone=self.mobile(),
            street=street,
            postcode=postcode,
            city=municipality.name,
            latitude=lat,
            longitude=lon,
            municipality=municipality,
            benefit=benefit,
            team=self.teams[mspec["team"]],
            experience=rng.choice(D.EXPERIENCES),
            education_level=rng.choices([0, 1, 2, 3, 4, 5], weights=[15, 20 if age < 30 else 5, 30, 20, 12, 3])[0],
            hours_available_per_week=rng.choice([8, 12, 16, 20, 20, 24, 24, 28, 32, 36]),
            available_days=", ".join(sorted(rng.sample(["ma", "di", "wo", "do", "vr"], rng.randint(2, 5)),
                                            key=["ma", "di", "wo", "do", "vr"].index)),
            available_from=self.today + days(rng.randint(-60, 60)) if rng.random() < 0.5 else None,
            travel_radius_km=rng.choice([3, 5, 10, 10, 15, 20, 25, 40]),
            mobility=rng.choices(["lopen", "fiets", "ov", "auto", "vervoer_regeling"], weights=[5, 45, 30, 12, 8])[0],
            capacity_physical=rng.choice([1, 2, 2, 3]),
            capacity_mental=rng.choice([1, 1, 2, 2, 3]),
            capacity_pace=rng.choice([1, 1, 2, 2, 3]),
            capacity_stimuli=rng.choice([1, 1, 2, 3]),
            needs_quiet_workplace=rng.random() < 0.3,
            interests=", ".join(rng.sample(D.INTERESTS, 2)),
            wished_sectors=rng.sample(list(D.SECTOR_WEIGHTS), rng.randint(1, 3)),
            motivation=rng.choice(D.MOTIVATIONS),
            support_needed=rng.choice(["", "Jobcoach in de eerste maanden.", "Vaste werkbegeleider.",
                                       "Hulp bij reizen met het ov.", ""]),
        ))
        self.counts["kandidaten"] += 1
        wished_skills = {s for sector in cand.wished_sectors for s in D.SECTORS[sector]["skills"]}
        skills = rng.sample(sorted(wished_skills), min(len(wished_skills), rng.randint(1, 3)))
        skills += rng.sample(D.SKILLS, rng.randint(0, 2))
        for skill in dict.fromkeys(skills):
            self.pending_m2m.append((Candidate.skills.through, {"candidate": cand, "skill_id": self.skill_ids[skill]}))
        for group, start in groups.items():
            self.add(TargetGroupStatus(
                candidate=cand, group=group, start_date=start,
                end_date=None if rng.random() < 0.9 else min(self.today - days(1), start + days(rng.randint(1, 400))),
                beschut_werk_stage=rng.choice(["positief", "positief", "wachtlijst", "advies_aangevraagd"])
                if group == "beschut_werk" else "",
                source={"doelgroepregister": "UWV doelgroepregister", "wajong": "UWV",
                        "beschut_werk": "UWV advies beschut werk"}.get(group, "Gemeente"),
            ))
        consents = {}
        given = self.today - days(rng.randint(10, 700))
        for scope, share in (("gegevens_gemeente", 0.9), ("profiel_delen", 0.7), ("werkbehoeften_delen", 0.5),
                             ("contact_netwerk", 0.2)):
            if rng.random() < share:
                withdrawn = given + days(rng.randint(1, 9)) if rng.random() < 0.04 else None
                consents[scope] = withdrawn is None
                self.add(Consent(candidate=cand, scope=scope, given_on=given, withdrawn_on=withdrawn,
                                 note="Besproken tijdens intake." if rng.random() < 0.3 else ""))
        for need in rng.sample(D.WORK_NEEDS, rng.choice([0, 1, 1, 2, 2, 3])):
            self.add(WorkNeed(candidate=cand, description=need,
                              shareable_with_employer=consents.get("werkbehoeften_delen", False)))
        return {"obj": cand, "groups": groups, "team_key": self.team_key(cand)}

    def team_key(self, cand) -> str:
        return "stad" if cand.team is self.teams["stad"] else "lekstroom"

    def target_groups(self, age: int) -> dict:
        rng = self.rng
        pool = ["doelgroepregister", "participatiewet", "wajong", "wia", "beschut_werk", "wsw_indicatie",
                "statushouder", "oudere_werkzoekende"]
        weights = [30, 30, 12, 4, 8, 4, 8, 4 if age >= 50 else 0]
        if age <= 21:
            pool.append("vso_pro")
            weights.append(25)
        groups = {}
        for group in rng.choices(pool, weights=weights, k=rng.choice([1, 1, 2])):
            groups[group] = self.today - days(rng.randint(30, 2000))
        return groups

    def owner_for(self, cand: dict):
        return self.rng.choice(self.bemiddelaars_by_team[cand["team_key"]])

    def assign_free_candidate(self, cand: dict) -> None:
        rng = self.rng
        obj = cand["obj"]
        status = rng.choices(["aanmelding", "verkenning", "bemiddelbaar", "gepauzeerd", "afgesloten", "in_traject"],
                             weights=[15, 20, 40, 8, 12, 5])[0]
        if "beschut_werk" in cand["groups"] and rng.random() < 0.5:
            status = "wachtlijst"
        obj.status = status
        obj.owner = None if status == "aanmelding" and rng.random() < 0.6 else self.owner_for(cand)
        obj.work_fit_status = {"aanmelding": "niet_werkfit", "bemiddelbaar": "werkfit", "in_traject": "werkfit"}.get(
            status, rng.choice(["niet_werkfit", "bijna", "werkfit"]))
        if status == "afgesloten":
            obj.closed_on = self.today - days(rng.randint(1, 900))

    # --- placements -----------------------------------------------------------------

    def make_placement(self, status: str, cand: dict, job: dict) -> dict:
        rng = self.rng
        t = self.today
        c = cand["obj"]
        employer = job["employer"]
        owner = self.owner_for(cand)
        c.owner = owner
        c.status = {"in_dienst": "geplaatst", "nazorg": "geplaatst", "beeindigd": "bemiddelbaar",
                    "doorstroom": "afgesloten"}.get(status, "in_traject")
        c.work_fit_status = "werkfit"
        beschut = "beschut_werk" in cand["groups"]
        origin = "schoolstage" if "vso_pro" in cand["groups"] and rng.random() < 0.7 else rng.choices(
            ["netwerk", "werkgeversvraag", "onderhandelde_vacature", "schoolstage", "eigen_werkgever"],
            weights=[30, 25, 20, 10, 10])[0]
        arrangement = rng.choices(["direct", "detachering", "sob_intern", "hybride"],
                                  weights=[50, 30, 20, 0] if beschut else [60, 20, 8, 12])[0]
        hours = min(Decimal(c.hours_available_per_week or 20), job["obj"].hours_per_week)
        p = Placement(
            candidate=c, job=job["obj"], employer=employer["obj"], owner=owner, origin=origin,
            arrangement=arrangement, status=status, is_beschut_werk=beschut, hours_per_week=hours,
            introduction_route=rng.choices(
                ["proefplaatsing", "verlengde_proefplaatsing", "stage", "werkervaringsplaats", "detachering",
                 "opbouw_dagbesteding", "geen"], weights=[45, 8, 12, 10, 8, 7, 10])[0],
        )
        if arrangement in ("detachering", "sob_intern"):
            p.legal_employer = D.SOB_NAME
            if arrangement == "detachering":
                p.detachering_fee_monthly = money(DEMO_WML_PER_HOUR * hours * Decimal("4.33") * Decimal("0.30"))
        path = ["voorgesteld"]
        proposal_status = "voorgesteld"
        lks = None
        if status == "voorgesteld":
            pass
        elif status == "kennismaking":
            proposal_status = "geaccepteerd"
            p.introduction_start_date = t + days(rng.randint(-10, 14))
            path.append("kennismaking")
        elif status == "proefplaatsing":
            proposal_status = "geaccepteerd"
            if p.introduction_route == "geen":
                p.introduction_route = "proefplaatsing"
            weeks = 12 if p.introduction_route == "verlengde_proefplaatsing" else 8
            # The first trial of a unit ends in ten days: a decision is due soon.
            start = t - days(weeks * 7 - 10) if not self.first_trial_done else t - days(
                rng.randint(3, weeks * 7 + 12))
            self.first_trial_done = True
            p.introduction_start_date = start
            p.trial_end_date = start + days(weeks * 7 - 1)
            path += ["kennismaking", "proefplaatsing"]
        else:
            proposal_status = "geaccepteerd"
            lks = self.employment_dates(p, status)
            path += ["kennismaking"] + (["proefplaatsing"] if p.introduction_start_date else [])
            if status in ("in_dienst", "nazorg") or p.start_date:
                path.append("in_dienst")
            if status == "nazorg":
                path.append("nazorg")
            if status in ("beeindigd", "doorstroom"):
                path.append(status)
        if status != "voorgesteld" and status != "kennismaking":
            self.guidance(p, employer)
        proposal = self.add(Proposal(
            candidate=c, job=job["obj"], status=proposal_status, proposed_by=owner,
            proposed_on=(p.introduction_start_date or p.start_date or t) - days(rng.randint(7, 30)),

            match_score=rng.randint(55, 95),
            motivation="Betrouwbaar, werkt graag met de handen en heeft ervaring met vergelijkbare taken.",
        ))
        if proposal_status == "geaccepteerd":
            proposal.responded_on = min(t, proposal.proposed_on + days(rng.randint(1, 7)))
        p.proposal = proposal
        self.add(p)
        self.counts["plaatsingen"] += 1
        for previous, current in zip([""] + path[:-1], path, strict=True):
            self.add(PlacementStatusChange(
                placement=p, from_status=previous, to_status=current, changed_by=owner,
                reason=D.END_STATUS_NOTES.get(p.end_reason, "") if current in ("beeindigd", "doorstroom") else "",
            ))
        meta = {"obj": p, "candidate": cand, "job": job, "employer": employer, "owner": owner, "status": status}
        self.subsidies(meta, lks)
        if status in ("in_dienst", "nazorg"):
            if rng.random() < 0.2:
                kind, text, reason = rng.choice(D.ADJUSTMENTS)
                self.add(WorkAdjustment(placement=p, adjustment_type=kind, description=text, reason=reason,
                                        made_on=max(p.start_date, t - days(rng.randint(10, 300))),
                                        owner=owner.get_full_name(), outcome=rng.choice(["", "Werkt goed."])))
            if p.supervisor_status in ("vertrekt", "met_pensioen") or rng.random() < 0.08:
                kind, message = (D.SIGNALS[0] if p.supervisor_status in ("vertrekt", "met_pensioen")
                                 else rng.choice(D.SIGNALS[1:]))
                self.add(Signal(placement=p, kind=kind, message=message, raised_on=t - days(rng.randint(0, 20)),
                                raised_by_employer=rng.random() < 0.5, raised_by=owner))
        return meta

    def employment_dates(self, p: Placement, status: str):
        """Start, trial, contract chain and end; returns the loonwaarde plan (or None)."""
        rng = self.rng
        t = self.today
        employed = status in ("in_dienst", "nazorg")
        never_started = status == "beeindigd" and rng.random() < 0.4
        lks = None
        if never_started:
            p.end_reason = rng.choice(["geen_match", "proef_niet_geslaagd"])
            p.end_date = t - days(rng.randint(5, 300))
            if p.end_reason == "proef_niet_geslaagd":
                p.introduction_route = "proefplaatsing"
                p.introduction_start_date = p.end_date - days(rng.randint(20, 50))
                p.trial_end_date = p.introduction_start_date + days(55)
            p.status_note = D.END_STATUS_NOTES[p.end_reason]
            return None
        has_lks = rng.random() < 0.7 and not (status == "doorstroom" and rng.random() < 0.5)
        category = None
        if employed and has_lks:
            category = self.forced_due.pop(0) if self.forced_due else None
        if category:
            next_due = t + days(rng.randint(7, 50)) if category == "soon" else t - days(rng.randint(5, 45))
            last = add_months(next_due, -12)
            prior = rng.randint(0, 1) + (1 if status == "nazorg" else 0)
            first = add_months(last, -12 * prior)
            start = first - days(rng.randint(0, 20))
            lks = {"start": start, "measured": [add_months(first, 12 * k) for k in range(prior + 1)],
                   "next_due": next_due, "forfaitair": False}
        else:
            low, high = {"in_dienst": (14, 900), "nazorg": (200, 1400)}.get(status, (200, 1300))
            start = t - days(rng.randint(low, high))
        p.start_date = start
        if p.introduction_route not in ("geen", "detachering") and rng.random() < 0.8:
            weeks = 12 if p.introduction_route == "verlengde_proefplaatsing" else 8
            p.introduction_start_date = start - days(weeks * 7)
            p.trial_end_date = start - days(1)
            p.trial_decision = f"Positief: in dienst per {start:%d-%m-%Y}."
        until = t
        if status in ("beeindigd", "doorstroom"):
            p.end_date = min(t - days(rng.randint(1, 120)), start + days(rng.randint(60, 900)))
            p.end_date = max(p.end_date, start)
            p.end_reason = "doorstroom" if status == "doorstroom" else rng.choice(
                ["contract_niet_verlengd", "uitval_gezondheid", "werkbegeleider_weg", "taken_verdwenen", "prive",
                 "eigen_verzoek", "anders"])
            p.status_note = D.END_STATUS_NOTES[p.end_reason]
            until = p.end_date
        self.contract_chain(p, start, until, ended=status in ("beeindigd", "doorstroom"))
        if employed:
            p.development_profile = rng.choices(["p1", "p2", "p3", "p4"], weights=[30, 50, 10, 10])[0]
            if rng.random() < 0.2:
                p.nazorg_interval_days = rng.choice([14, 30])
        if has_lks and lks is None:
            if employed and (t - start).days < 150 and rng.random() < 0.6:
                lks = {"start": start, "measured": [], "next_due": add_months(start, 6) - days(1),
                       "forfaitair": True}
            else:
                first = min(start + days(rng.randint(0, 30)), until)
                measured = [first]
                while add_months(measured[-1], 12) <= until:
                    measured.append(add_months(measured[-1], 12))
                lks = {"start": start, "measured": measured, "next_due": add_months(measured[-1], 12),
                       "forfaitair": False}
        return lks

    def contract_chain(self, p: Placement, start: datetime.date, until: datetime.date, *, ended: bool) -> None:
        rng = self.rng
        legal = p.legal_employer or p.employer.name
        wage = p.job.hourly_wage
        cstart, seq = start, 1
        contract = None
        while True:
            permanent = seq > 3 or (seq >= 2 and rng.random() < 0.3)
            end = None if permanent else add_months(cstart, rng.choice([6, 7, 12]) if seq == 1 else 12) - days(1)
            contract = self.add(Contract(
                placement=p, sequence=seq, kind="vast" if permanent else "tijdelijk", start_date=cstart,
                end_date=end, hours_per_week=p.hours_per_week, hourly_wage=wage, employer_name=legal,
            ))
            if permanent or end >= until:
                break
            cstart, seq = end + days(1), seq + 1
            wage = money(wage * Decimal("1.02"))
        if ended:
            contract.end_date = min(contract.end_date or until, until) if contract.end_date else until
            contract.end_date = max(contract.end_date, contract.start_date)
        p.contract_end_date = contract.end_date
        if contract.kind == "vast":
            p.permanent_contract_decision = f"Vast contract per {contract.start_date:%d-%m-%Y}."
        elif seq == 3 and not ended and rng.random() < 0.5:
            p.transition_plan = "Gesprek over vast contract gepland; alternatief: detachering via het SOB."

    def guidance(self, p: Placement, employer: dict) -> None:
        rng = self.rng
        supervisor = rng.choice(employer["supervisors"]).name if employer["supervisors"] else self.full_name()
        p.supervisor_name = supervisor
        p.supervisor_guidance_hours_per_day = Decimal(str(rng.choice([0.5, 1, 1, 1.5, 2, 3, 4, 6])))
        p.supervisor_status = rng.choices(["actief", "gewisseld", "vertrekt", "met_pensioen"],
                                          weights=[85, 5, 6, 4])[0]
        if p.supervisor_status != "actief":
            p.supervisor_changed_on = self.today - days(rng.randint(3, 60))
        if rng.random() < 0.6:
            organisation, email = rng.choice(D.JOBCOACH_ORGANISATIONS)
            p.jobcoach_name = self.full_name()
            p.jobcoach_organisation = organisation
            p.jobcoach_phone = self.mobile()
            p.jobcoach_email = email

    # --- loonwaarde and subsidies -----------------------------------------------------

    def lks_amount(self, loonwaarde: int, hours: Decimal, start: datetime.date, end: datetime.date) -> Decimal:
        weeks = Decimal((end - start).days + 1) / 7
        return money(DEMO_WML_PER_HOUR * (100 - loonwaarde) / 100 * hours * weeks * DEMO_ALLOWANCE)

    def application(self, meta: dict, kind: str, status: str, start, end, *, previous=None, depth=0, **fields):
        rng = self.rng
        cand = meta["candidate"]["obj"]
        if status != "concept":
            fields.setdefault("submitted_on", start - days(rng.randint(10, 40)))
        if status in ("toegekend", "lopend", "beeindigd", "afgewezen"):
            fields.setdefault("decision_date", fields["submitted_on"] + days(rng.randint(10, 40)))
        if status in ("toegekend", "lopend", "beeindigd"):
            code = {"loonkostensubsidie": "LKS", "jobcoach": "JC", "no_riskpolis": "NRP"}.get(kind, "SUB")
            fields.setdefault("decision_reference", self.reference(cand.municipality.cbs_code, code, start.year))
        if status == "afgewezen":
            fields.setdefault("refusal_reason", "Niet noodzakelijk: de werkgever kan de aanpassing zelf treffen.")
        if status == "beeindigd":
            fields.setdefault("end_reason", "Periode verstreken.")
        paid_on = min(self.today, end or self.today)
        if fields.get("amount_paid") and fields["decision_date"] > paid_on:
            fields["amount_paid"] = Decimal("0")  # nothing can have been paid before the beschikking
        app = self.add(SubsidyApplication(
            placement=meta["obj"], municipality=cand.municipality, kind=kind, status=status, previous=previous,
            period_start=start, period_end=end, created_by=meta["owner"], **fields,
        ))
        app._demo_depth = depth
        self.counts["subsidieaanvragen"] += 1
        if app.amount_paid:
            # One payment for what has been paid so far: the ledger behind amount_paid.
            self.add(SubsidyPayment(application=app, paid_on=paid_on, amount=app.amount_paid,
                                    description=f"Uitbetaling t/m {paid_on:%d-%m-%Y}",
                                    reference=f"{fields['decision_reference']}-B1"))
        return app

    def subsidies(self, meta: dict, lks: dict | None) -> None:
        rng = self.rng
        t = self.today
        p = meta["obj"]
        status = meta["status"]
        hours = p.hours_per_week
        if status == "proefplaatsing" and rng.random() < 0.6:
            extended = p.introduction_route == "verlengde_proefplaatsing"
            details = {"weeks": 8, "extension_weeks": 4 if extended else 0}
            if extended:
                details["extension_reason"] = "Meer tijd nodig om het werktempo op te bouwen."
            self.application(meta, "proefplaatsing", "lopend" if p.introduction_start_date <= t else "toegekend",
                             p.introduction_start_date, p.trial_end_date, details=details)
        if lks:
            self.loonwaarde(meta, lks)
        if not p.start_date:
            return
        employed = status in ("in_dienst", "nazorg")
        until = p.end_date or t
        if p.jobcoach_organisation and rng.random() < 0.7:
            end = add_months(p.start_date, 12) - days(1)
            state = "lopend" if end >= until and p.start_date <= t else "beeindigd"
            self.application(meta, "jobcoach", state, p.start_date, end, hours_per_week=hours,
                             amount_requested=money(96 * 65), amount_granted=money(96 * 65),
                             amount_paid=money(96 * 65) if state == "beeindigd" else money(48 * 65),
                             details={"provider": p.jobcoach_organisation, "hours_per_week": "2.0",
                                      "hours_total": "96.0", "end_date": end.isoformat(),
                                      "tapering_plan": "2 uur per week in het eerste half jaar, daarna 1 uur."})
        if "doelgroepregister" in meta["candidate"]["groups"] and rng.random() < 0.6:
            self.application(meta, "no_riskpolis", "toegekend", p.start_date, add_months(p.start_date, 60) - days(1),
                             details={"registration_date": p.start_date.isoformat(),
                                      "registration_reference": f"NRP-{rng.randint(100000, 999999)}"})
        if p.is_beschut_werk and employed:
            self.application(meta, "begeleidingsvergoeding", "lopend", p.start_date,
                             add_months(p.start_date, 12) - days(1), hours_per_week=hours,
                             details={"contract_hours": str(hours)})
        if p.arrangement == "detachering" and p.detachering_fee_monthly and employed:
            self.application(meta, "detacheringsvergoeding", "lopend", p.start_date, None,
                             details={"legal_employer": D.SOB_NAME, "monthly_fee": str(p.detachering_fee_monthly),
                                      "percentage_of_wml": "30.0"})
        if employed and (self.forced_app or rng.random() < 0.15):
            state = self.forced_app.pop(0) if self.forced_app else rng.choice(
                ["ingediend", "in_behandeling", "toegekend", "afgewezen"])
            start = max(p.start_date, t - days(rng.randint(0, 60)))
            cost = money(rng.randint(250, 4000))
            kind = "werkplekaanpassing" if state != "concept" else "lkv"
            details = ({"description": "Zit-sta-werkplek en koptelefoon met ruisonderdrukking.",
                        "cost": str(cost), "quote_reference": f"Offerte Ergo BV {rng.randint(1000, 9999)}"}
                       if kind == "werkplekaanpassing" else
                       {"employer_deadline": add_months(p.start_date, 3).isoformat(),
                        "lkv_kind": "LKV doelgroep banenafspraak"})
            self.application(meta, kind, state, start, start if kind == "werkplekaanpassing" else None,
                             amount_requested=cost if kind == "werkplekaanpassing" else None,
                             amount_granted=cost if state == "toegekend" else None, details=details)

    def loonwaarde(self, meta: dict, lks: dict) -> None:
        rng = self.rng
        t = self.today
        p = meta["obj"]
        job = meta["job"]
        hours = p.hours_per_week
        profile = p.development_profile
        percentage = rng.randint(30, 80)
        previous = None
        depth = 0
        plan = []
        if lks["forfaitair"]:
            plan.append((lks["start"], "forfaitair", 50, lks["next_due"]))
        measured = lks["measured"]
        for n, assessed in enumerate(measured):
            due = measured[n + 1] if n + 1 < len(measured) else lks["next_due"]
            plan.append((assessed, rng.choice(["uniform", "uniform", "dariuz", "matchcare", "talent6", "competensys"]),
                         percentage, due))
            step = {"p3": rng.randint(5, 10), "p4": -rng.randint(0, 8), "p1": 0}.get(profile, rng.randint(0, 5))
            percentage = max(10, min(95, percentage + step))
        for assessed, method, pct, due in plan:
            assessment = self.add(LoonwaardeAssessment(
                placement=p, assessed_on=assessed, method=method, percentage=pct, normfunctie=job["obj"].title,
                functieloon_per_hour=job["obj"].hourly_wage, next_due_on=due,
                assessor="" if method == "forfaitair" else rng.choice(D.ASSESSORS),
                notes="Forfaitaire loonwaarde van 50% in de eerste zes maanden." if method == "forfaitair" else "",
                recorded_by=meta["owner"],
            ))
            self.counts["loonwaardemetingen"] += 1
            if method != "forfaitair":
                for task in job["tasks"]:
                    self.add(AssessmentTaskScore(
                        assessment=assessment, job_task=task, description=task.description,
                        performance_percentage=max(0, min(100, pct + rng.randint(-15, 15))),
                    ))
            # One beschikking per assessment period.
            end = due - days(1) if due > assessed else due
            if p.end_date:
                end = min(end, p.end_date)
            end = max(end, assessed)
            running = assessed <= t <= end
            state = "lopend" if running else "beeindigd" if end < t else "toegekend"
            granted = self.lks_amount(pct, hours, assessed, end)
            elapsed = Decimal(max(0, min((t - assessed).days, (end - assessed).days + 1)))
            paid = granted if state == "beeindigd" else money(granted * elapsed / ((end - assessed).days + 1))
            extra = {"employment_start": lks["start"].isoformat()} if method == "forfaitair" else {}
            previous = self.application(
                meta, "loonkostensubsidie", state, assessed, end, previous=previous, depth=depth,
                hours_per_week=hours, is_forfaitair=method == "forfaitair", amount_requested=granted,
                amount_granted=granted, amount_paid=paid, details=extra,
                end_reason="Periode verstreken; nieuwe meting nodig." if state == "beeindigd" else "",
            )
            depth += 1
        # Overdue reassessment: the follow-up application waits for the new measurement.
        if lks["next_due"] < t and not p.end_date:
            self.application(meta, "loonkostensubsidie", rng.choice(["ingediend", "concept"]), lks["next_due"],
                             add_months(lks["next_due"], 12) - days(1), previous=previous, depth=depth,
                             hours_per_week=hours,
                             employer_todo="Ondertekend aanvraagformulier en loonstrook van de laatste maand.")

    # --- proposals, jobs, tasks, timeline ------------------------------------------------

    def make_open_proposals(self, free: list, jobs: list) -> None:
        rng = self.rng
        pool = [c for c in free if c["obj"].status in ("bemiddelbaar", "in_traject")]
        statuses = ["voorgesteld", "voorgesteld", "afgewezen", "ingetrokken", "concept", "voorgesteld"] * 2
        for n, cand in enumerate(pool[:len(statuses)]):
            job = jobs[n % 2] if n < 2 else rng.choice(jobs)
            status = statuses[n]
            proposed = self.today - days(rng.randint(1, 40))
            self.add(Proposal(
                candidate=cand["obj"], job=job["obj"], status=status, proposed_by=cand["obj"].owner,
                proposed_on=proposed, match_score=rng.randint(50, 92),
                responded_on=proposed + days(rng.randint(1, 10)) if status == "afgewezen" else None,
                response_reason="Uren sluiten niet aan bij het rooster." if status == "afgewezen" else "",
                motivation="Kandidaat heeft ervaring met vergelijkbaar werk en woont dichtbij.",
            ))
            self.counts["voorstellen (los)"] += 1

    def finish_jobs(self, jobs: list, placements: list) -> None:
        rng = self.rng
        by_job = defaultdict(list)
        for meta in placements:
            by_job[id(meta["job"])].append(meta["status"])
        for job in jobs:
            statuses = by_job.get(id(job), [])
            obj = job["obj"]
            if any(s in ("in_dienst", "nazorg") for s in statuses):
                obj.status = "vervuld"
            elif any(s in ("voorgesteld", "kennismaking", "proefplaatsing") for s in statuses):
                obj.status = "open"
            else:
                obj.status = rng.choices(["open", "concept", "gesloten"], weights=[70, 10, 20])[0]
            if any(s in ("beeindigd", "doorstroom") for s in statuses):
                obj.survived_first_holder = obj.is_generic or rng.random() < 0.3

    def make_tasks(self, candidates: list, employers: list, placements: list) -> None:
        rng = self.rng
        t = self.today
        active = [m for m in placements if m["status"] not in ("beeindigd", "doorstroom")]
        for n in range(25):
            due = t + days(rng.randint(-21, 30))
            status = rng.choices(["open", "afgerond", "geannuleerd"], weights=[80, 15, 5])[0]
            task = Task(title=rng.choice(D.TASK_TITLES), kind="handmatig", status=status, due_date=due)
            if n % 3 == 0 and active:
                meta = rng.choice(active)
                task.placement, task.candidate = meta["obj"], meta["candidate"]["obj"]
                task.employer, task.assignee = meta["employer"]["obj"], meta["owner"]
            elif n % 3 == 1:
                # Assigned to the candidate's own bemiddelaar, who can open the file.
                owned = [c for c in candidates if c["obj"].owner_id] or candidates
                cand = rng.choice(owned)["obj"]
                task.candidate, task.assignee = cand, cand.owner or self.bemiddelaars[0]
            else:
                employer = rng.choice(employers)["obj"]
                task.employer, task.assignee = employer, employer.account_holder
            task.created_by = task.assignee
            if status == "afgerond":
                task.completed_at = self.moment(min(due, t))
                task.completion_note = "Afgehandeld."
            self.add(task)
            self.counts["taken"] += 1

    def make_contact_moments(self, candidates: list, employers: list, placements: list) -> None:
        rng = self.rng
        t = self.today
        for meta in placements:
            p = meta["obj"]
            if meta["status"] == "voorgesteld":
                continue
            begin = p.introduction_start_date or p.start_date or t - days(30)
            last = min(t, p.end_date or t)
            if begin > last:
                begin = last
            span = max(0, (last - begin).days)
            for _ in range(rng.randint(1, 3)):
                with_whom = rng.choices(["werkgever", "werkbegeleider", "kandidaat", "jobcoach"],
                                        weights=[35, 30, 25, 10 if p.jobcoach_name else 0])[0]
                contact = None
                if with_whom in ("werkgever", "werkbegeleider"):
                    layer = "werkbegeleider" if with_whom == "werkbegeleider" else None
                    options = [c for c in meta["employer"]["contacts"] if layer is None or c.layer == layer]
                    contact = rng.choice(options) if options else None
                channel = rng.choices(["bezoek", "telefoon", "email", "whatsapp"], weights=[45, 30, 15, 10])[0]
                day = begin + days(rng.randint(0, span))
                self.add(ContactMoment(
                    occurred_at=self.moment(day), channel=channel, with_whom=with_whom, contact_person=contact,
                    candidate=meta["candidate"]["obj"], employer=meta["employer"]["obj"], placement=p,
                    summary=rng.choice(D.CONTACT_SUMMARIES["placement"]),
                    follow_up_date=day + days(rng.choice([14, 28, 42])) if rng.random() < 0.4 else None,
                    shared_with_employer=channel == "bezoek" and rng.random() < 0.5,
                    is_jobcoach_contact=with_whom == "jobcoach", author=meta["owner"],
                ))
                self.counts["contactmomenten"] += 1
        for cand in candidates[PLACEMENTS_PER_UNIT:]:
            obj = cand["obj"]
            for _ in range(rng.choice([0, 1, 1, 2])):
                self.add(ContactMoment(
                    occurred_at=self.moment(t - days(rng.randint(0, 120))),
                    channel=rng.choice(["bezoek", "telefoon", "whatsapp", "email"]),
                    with_whom=rng.choices(["kandidaat", "familie", "zorgorganisatie"], weights=[85, 8, 7])[0],
                    candidate=obj, summary=rng.choice(D.CONTACT_SUMMARIES["candidate"]),
                    author=obj.owner, follow_up_date=t + days(rng.randint(1, 30)) if rng.random() < 0.3 else None,
                ))
                self.counts["contactmomenten"] += 1
        for employer in employers:
            obj = employer["obj"]
            for _ in range(rng.randint(1, 2)):
                self.add(ContactMoment(
                    occurred_at=self.moment(t - days(rng.randint(0, 200))),
                    channel=rng.choice(["bezoek", "telefoon", "email"]), with_whom="werkgever",
                    contact_person=rng.choice(employer["contacts"]), employer=obj,
                    summary=rng.choice(D.CONTACT_SUMMARIES["employer"]), author=obj.account_holder,
                ))
                self.counts["contactmomenten"] += 1

    # --- writing ------------------------------------------------------------------------

    def flush(self) -> None:
        for model in FLUSH_ORDER:
            objs = self.pending.pop(model, [])
            if not objs:
                continue
            if model is SubsidyApplication:
                # A follow-up application points at its predecessor: write generation by generation.
                for depth in sorted({o._demo_depth for o in objs}):
                    model.objects.bulk_create([o for o in objs if o._demo_depth == depth], batch_size=BATCH_SIZE)
            else:
                model.objects.bulk_create(objs, batch_size=BATCH_SIZE)
        assert not self.pending, f"models missing from FLUSH_ORDER: {list(self.pending)}"
        through_rows = defaultdict(list)
        for through, values in self.pending_m2m:
            row = {key: (value.pk if hasattr(value, "pk") else value) for key, value in values.items()}
            through_rows[through].append(through(**{(k if k.endswith("_id") else f"{k}_id"): v
                                                    for k, v in row.items()}))
        for through, rows in through_rows.items():
            through.objects.bulk_create(rows, batch_size=BATCH_SIZE)
        self.pending_m2m = []
        self.candidates_pending = 0
        # With DEBUG on, Django keeps the last 9 000 SQL statements; ours are huge bulk inserts.
        reset_queries()


class Command(BaseCommand):
    help = "Laad een realistische demodataset (regio Midden-Utrecht), deterministisch met --seed."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2026, help="Startwaarde van de toevalsgenerator (2026).")
        parser.add_argument("--scale", type=int, default=1,
                            help="Aantal eenheden van 200 kandidaten, 40 werkgevers, 60 banen, 80 plaatsingen.")
        parser.add_argument("--today", type=datetime.date.fromisoformat, default=None,
                            help="Peildatum JJJJ-MM-DD (standaard vandaag); alle data liggen relatief hiervan.")
        parser.add_argument("--if-empty", action="store_true",
                            help="Doe niets als er al gebruikers zijn (voor scripts/dev.sh).")

    def handle(self, *args, seed, scale, today, if_empty, **options):
        if scale < 1:
            raise CommandError("--scale is minimaal 1.")
        if if_empty and User.objects.exists():
            self.stdout.write("Er zijn al gebruikers; de demodata wordt niet opnieuw geladen.")
            return
        try:
            from faker import Faker
        except ImportError as exc:  # Faker is a development dependency
            raise CommandError("seed_demo heeft Faker nodig: .venv/bin/pip install -e '.[dev]'") from exc
        today = today or timezone.localdate()
        started = time.monotonic()
        builder = DemoBuilder(seed=seed, today=today, faker_class=Faker)
        with transaction.atomic():
            builder.setup_organisation()
            for unit in range(scale):
                builder.build_unit(unit)
                if (unit + 1) % UNITS_PER_FLUSH == 0:
                    builder.flush()
                    if scale >= 2 * UNITS_PER_FLUSH and options.get("verbosity", 1) >= 1:
                        self.stdout.write(f"  … {builder.counts['kandidaten']} kandidaten")
            builder.flush()
            builder.finish_organisation()
        if connection.vendor == "postgresql":
            # Fresh planner statistics: without them PostgreSQL guesses ~100 rows for a table
            # just filled with 100 000 and picks slow plans until autovacuum catches up.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        elapsed = time.monotonic() - started
        self.print_summary(builder, seed=seed, scale=scale, today=today, elapsed=elapsed)

    def print_summary(self, builder, *, seed, scale, today, elapsed):
        out = self.stdout
        out.write(self.style.SUCCESS(
            f"Demodata geladen (seed {seed}, schaal {scale}, peildatum {today:%d-%m-%Y}) in {elapsed:.1f} s:"
        ))
        order = ["kandidaten", "werkgevers", "banen", "gecreëerde banen", "plaatsingen", "loonwaardemetingen",
                 "subsidieaanvragen", "voorstellen (los)", "taken", "contactmomenten", "gebruikers"]
        out.write("  " + ", ".join(f"{builder.counts[key]} {key}" for key in order))
        out.write(f"  Regio {D.REGION_NAME} met {', '.join(m.name for m, _ in builder.municipalities)}.")
        out.write(f"  Demo-accounts (wachtwoord voor allemaal: {D.DEMO_PASSWORD}):")
        for username, first, last, role, _, _ in D.USERS:
            out.write(f"    {username:<13} {first} {last} ({dict(Role.choices)[role]})")
        if builder.first_employer is not None:
            out.write(f"    {D.EMPLOYER_USERNAME:<13} werkgeversportaal van {builder.first_employer.name}")
