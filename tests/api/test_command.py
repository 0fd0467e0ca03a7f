import pytest
from django.core.management import CommandError, call_command

from wsp_platform.accounts.models import ApiClient, ApiScope, hash_token

pytestmark = pytest.mark.django_db


def test_create_api_client_prints_the_token_once(municipality, capsys):
    call_command("create_api_client", "Dashboard", "--municipality", "GM0344", "--scopes", "all")
    token = capsys.readouterr().out.strip().splitlines()[-1]
    client = ApiClient.objects.get(name="Dashboard")
    assert client.token_hash == hash_token(token)
    assert token not in client.token_hash
    assert sorted(client.scopes) == sorted(ApiScope.values)


def test_create_api_client_refuses_bad_input(municipality):
    with pytest.raises(CommandError, match="Onbekende scopes"):
        call_command("create_api_client", "X", "--municipality", "GM0344", "--scopes", "alles.lezen")
    with pytest.raises(CommandError, match="Geen gemeente"):
        call_command("create_api_client", "X", "--municipality", "GM9999", "--scopes", "candidates.read")
    call_command("create_api_client", "Y", "--municipality", "GM0344", "--scopes", "candidates.read,placements.read")
    assert ApiClient.objects.get(name="Y").scopes == ["candidates.read", "placements.read"]
