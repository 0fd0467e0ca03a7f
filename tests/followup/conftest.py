import datetime

import pytest

from placements.models import Task
from placements.sweeps import run_sweeps

ONE_DAY = datetime.timedelta(days=1)


def keys(rule: str) -> list[str]:
    return sorted(Task.objects.filter(dedup_key__startswith=f"{rule}:").values_list("dedup_key", flat=True))


@pytest.fixture
def appears_on():
    """Run ``rule``'s sweep the day before (nothing), on the day (the task), again and the
    next day (still exactly one). Returns the task."""

    def check(rule: str, key: str, day: datetime.date) -> Task:
        run_sweeps(day - ONE_DAY, [rule])
        assert key not in keys(rule), f"{key} already on {day - ONE_DAY}"
        run_sweeps(day, [rule])
        assert key in keys(rule), f"{key} missing on {day}; found {keys(rule)}"
        before = len(keys(rule))
        run_sweeps(day, [rule])
        run_sweeps(day + ONE_DAY, [rule])
        assert Task.objects.filter(dedup_key=key).count() == 1
        assert len(keys(rule)) == before, "a second run created more tasks"
        return Task.objects.get(dedup_key=key)

    return check
