"""Pure placement rules: which status transitions are allowed and what they need.

No database access: the service layer calls these and turns a refusal into a
user-facing error.
"""

from .choices import PlacementStatus as S

# From each status, the statuses it may move to.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    S.VOORGESTELD: (S.KENNISMAKING, S.BEEINDIGD),
    S.KENNISMAKING: (S.PROEFPLAATSING, S.IN_DIENST, S.BEEINDIGD),
    S.PROEFPLAATSING: (S.IN_DIENST, S.BEEINDIGD),
    S.IN_DIENST: (S.NAZORG, S.BEEINDIGD, S.DOORSTROOM),
    S.NAZORG: (S.IN_DIENST, S.BEEINDIGD, S.DOORSTROOM),
    S.BEEINDIGD: (),
    S.DOORSTROOM: (),
}

CLOSED_STATUSES = (S.BEEINDIGD, S.DOORSTROOM)
ACTIVE_STATUSES = tuple(s for s in S.values if s not in CLOSED_STATUSES)
EMPLOYED_STATUSES = (S.IN_DIENST, S.NAZORG)


class TransitionRefused(Exception):
    """A transition that is not allowed, with a Dutch explanation for the user."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


def check_transition(
    current: str,
    target: str,
    *,
    reason: str = "",
    start_date=None,
    trial_end_date=None,
) -> None:
    """Raise TransitionRefused when ``current`` → ``target`` is not allowed or lacks data."""
    label = dict(S.choices)
    if target not in label:
        raise TransitionRefused(f"Onbekende status '{target}'.", "status")
    if current == target:
        raise TransitionRefused(f"De plaatsing heeft al de status {label[target]}.", "status")
    if target not in TRANSITIONS[current]:
        allowed = ", ".join(label[s] for s in TRANSITIONS[current]) or "geen (de plaatsing is afgesloten)"
        raise TransitionRefused(
            f"Van {label[current]} naar {label[target]} kan niet. Wel mogelijk: {allowed}.", "status"
        )
    if target in CLOSED_STATUSES and not reason:
        raise TransitionRefused("Geef een reden op voor het beëindigen van de plaatsing.", "reason")
    if target == S.PROEFPLAATSING and not trial_end_date:
        raise TransitionRefused("Vul de einddatum van de proefplaatsing in.", "trial_end_date")
    if target == S.IN_DIENST and not start_date:
        raise TransitionRefused("Vul de startdatum van het dienstverband in.", "start_date")
