import pytest


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded files of a test go to a temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """PBKDF2 with production iterations costs ~0.3 s per user; tests only need a hash.
    (Tests of password handling itself still go through Django's hasher API.)"""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _process_local_cache(settings):
    """Each test process its own, empty cache (CI sets REDIS_URL, which would share one
    Redis cache between the xdist workers' different test databases), with the API
    response cache on, so every API test also checks that a write is never answered
    with a stale cached read. Tests of the shared Redis cache configure it themselves."""
    from django.core.cache import cache

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                                   "LOCATION": "wsp-tests"}}
    settings.WSP_API_CACHE = True
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def bemiddelaar(db):
    from tests.factories.accounts import UserFactory

    return UserFactory(username="bemiddelaar-test")


@pytest.fixture
def logged_in_client(client, bemiddelaar):
    client.force_login(bemiddelaar)
    return client
