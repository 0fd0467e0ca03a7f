"""Distances from Dutch postcodes: PC4 centroids and great-circle distance.

The centroids come from ``wsp_platform/core/data/pc4.csv`` (columns ``pc4,lat,lon``;
see the README beside it for its source). The file is read once per process. When
it is missing, or a postcode is not in it, ``centroid`` answers ``None`` and the
matching treats the distance as unknown rather than guessing.

Great-circle (haversine) distance is enough for travel radii of a few to a few
dozen kilometres; nobody cycles in a straight line, and the radius is a wish anyway.
"""

import csv
import math
from functools import lru_cache
from pathlib import Path

from django.conf import settings

EARTH_RADIUS_KM = 6371.0088
KM_PER_DEGREE_LAT = 111.195  # 2πR / 360 with the mean Earth radius above
DEFAULT_PC4_FILE = Path(__file__).resolve().parent / "data" / "pc4.csv"


def pc4_file() -> Path:
    return Path(getattr(settings, "PC4_CENTROIDS_FILE", DEFAULT_PC4_FILE))


@lru_cache(maxsize=1)
def _centroids() -> dict[str, tuple[float, float]]:
    path = pc4_file()
    if not path.exists():
        return {}
    table = {}
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            try:
                table[row["pc4"].strip()] = (float(row["lat"]), float(row["lon"]))
            except (KeyError, TypeError, ValueError):
                continue
    return table


def reload_centroids() -> None:
    """Forget the cached table (tests, or after replacing the file)."""
    _centroids.cache_clear()


def pc4(postcode: str | None) -> str | None:
    """The four digits of a Dutch postcode ('3511 AB' -> '3511'), or None."""
    digits = (postcode or "").strip()[:4]
    return digits if len(digits) == 4 and digits.isdigit() else None


def centroid(postcode: str | None) -> tuple[float, float] | None:
    """(lat, lon) of the PC4 area of ``postcode``, or None when unknown."""
    key = pc4(postcode)
    return _centroids().get(key) if key else None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlmb = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def bounding_box(lat: float, lon: float, km: float) -> tuple[float, float, float, float]:
    """(min_lat, max_lat, min_lon, max_lon) of a box that contains every point within
    ``km`` of (lat, lon): a cheap, index-friendly pre-filter before the exact distance."""
    angular = km / EARTH_RADIUS_KM
    dlat = math.degrees(angular)
    cos_lat = math.cos(math.radians(lat))
    ratio = math.sin(angular) / cos_lat if cos_lat > 1e-9 else 2.0
    # The circle's widest longitude span (exact on a sphere); near a pole: every longitude.
    dlon = math.degrees(math.asin(ratio)) if ratio < 1 else 180.0
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon


def fill_coordinates(instance) -> None:
    """Set ``latitude``/``longitude`` of a Candidate or EmployerLocation from its postcode
    when the PC4 centroid is known; otherwise leave what is there."""
    found = centroid(getattr(instance, "postcode", ""))
    if found:
        instance.latitude, instance.longitude = found
