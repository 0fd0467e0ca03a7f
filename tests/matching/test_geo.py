"""PC4 centroids, great-circle distance and the bounding box."""

import random

import pytest

from wsp_platform.core import geo


@pytest.fixture
def pc4_file(settings, tmp_path):
    path = tmp_path / "pc4.csv"
    path.write_text("pc4,lat,lon\n3511,52.0927,5.1135\n3812,52.1600,5.3900\nbroken,x,y\n", encoding="utf-8")
    settings.PC4_CENTROIDS_FILE = path
    geo.reload_centroids()
    yield path
    geo.reload_centroids()


def test_centroid_from_postcode(pc4_file):
    assert geo.centroid("3511 AB") == (52.0927, 5.1135)
    assert geo.centroid("3511AB") == (52.0927, 5.1135)
    assert geo.centroid("9999 ZZ") is None
    assert geo.centroid("") is None
    assert geo.centroid(None) is None


def test_missing_file_means_unknown(settings, tmp_path):
    settings.PC4_CENTROIDS_FILE = tmp_path / "nothing.csv"
    geo.reload_centroids()
    try:
        assert geo.centroid("3511 AB") is None
    finally:
        geo.reload_centroids()


def test_haversine_hand_computed():
    # One degree of latitude along a meridian: 2πR/360 = 111.195 km.
    assert geo.haversine_km(52.0, 5.0, 53.0, 5.0) == pytest.approx(111.195, abs=0.01)
    assert geo.haversine_km(52.0, 5.0, 52.0, 5.0) == 0
    # Utrecht - Amersfoort.
    assert geo.haversine_km(52.0907, 5.1214, 52.1535, 5.3736) == pytest.approx(18.4, abs=0.3)


def test_bounding_box_contains_every_point_within_the_radius():
    rng = random.Random(4)
    lat0, lon0, km = 52.1, 5.1, 30
    min_lat, max_lat, min_lon, max_lon = geo.bounding_box(lat0, lon0, km)
    for _ in range(2000):
        lat = lat0 + rng.uniform(-0.5, 0.5)
        lon = lon0 + rng.uniform(-0.8, 0.8)
        if geo.haversine_km(lat0, lon0, lat, lon) <= km:
            assert min_lat <= lat <= max_lat and min_lon <= lon <= max_lon
    # ... and is not much larger than it needs to be.
    assert (max_lat - min_lat) * geo.KM_PER_DEGREE_LAT == pytest.approx(2 * km, rel=0.01)


@pytest.mark.django_db
def test_coordinates_filled_on_save(pc4_file):
    from tests.factories.candidates import CandidateFactory
    from tests.factories.employers import EmployerLocationFactory

    candidate = CandidateFactory(postcode="3511 AB")
    assert (candidate.latitude, candidate.longitude) == (52.0927, 5.1135)
    candidate.postcode = "3812 XY"
    candidate.save()
    candidate.refresh_from_db()
    assert (candidate.latitude, candidate.longitude) == (52.16, 5.39)
    location = EmployerLocationFactory(postcode="3511 AB")
    assert (location.latitude, location.longitude) == (52.0927, 5.1135)


def test_shipped_file_covers_the_netherlands(shipped_pc4):
    rows = shipped_pc4.read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("pc4,lat,lon")
    assert len(rows) - 1 > 4000  # about 4 070 PC4 areas exist
    for code in ("1012", "3511", "6211", "9711", "8011"):
        lat, lon = geo.centroid(f"{code} AA")
        assert 50.7 < lat < 53.6 and 3.3 < lon < 7.3, code


def test_shipped_file_gives_real_distances(shipped_pc4):
    def km(a, b):
        return geo.haversine_km(*geo.centroid(a), *geo.centroid(b))

    assert km("3511 AB", "3811 AA") == pytest.approx(20, abs=4)  # Utrecht – Amersfoort
    assert km("1012 AB", "3511 AB") == pytest.approx(35, abs=4)  # Amsterdam – Utrecht
    assert km("9711 AA", "6211 AA") == pytest.approx(265, abs=10)  # Groningen – Maastricht


@pytest.mark.django_db
def test_saving_a_candidate_fills_coordinates_from_the_postcode(shipped_pc4):
    from tests.factories.candidates import CandidateFactory

    candidate = CandidateFactory(postcode="3811AB")
    assert candidate.postcode == "3811 AB"
    assert (candidate.latitude, candidate.longitude) == geo.centroid("3811")
