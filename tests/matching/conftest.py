import pytest

from wsp_platform.core import geo


@pytest.fixture(autouse=True)
def _coordinates_as_given(request, settings, tmp_path):
    """Matching tests place candidates and locations by explicit coordinates (hand-computed
    distances), so saving must not replace them with the centroid of a random factory
    postcode. Tests of the shipped file ask for ``shipped_pc4``."""
    if "shipped_pc4" in request.fixturenames:
        yield
        return
    settings.PC4_CENTROIDS_FILE = tmp_path / "no-pc4.csv"
    geo.reload_centroids()
    yield
    geo.reload_centroids()


@pytest.fixture
def shipped_pc4(settings):
    settings.PC4_CENTROIDS_FILE = geo.DEFAULT_PC4_FILE
    geo.reload_centroids()
    yield geo.DEFAULT_PC4_FILE
    geo.reload_centroids()
