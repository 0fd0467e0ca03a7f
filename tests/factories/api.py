import factory

from wsp_platform.accounts.models import ApiClient, ApiScope
from wsp_platform.api.models import WebhookSubscription

from .accounts import MunicipalityFactory


class ApiClientFactory(factory.django.DjangoModelFactory):
    """An API client; the plain token is on ``client.token`` (only in tests)."""

    class Meta:
        model = ApiClient
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Gemeentesysteem {n}")
    municipality = factory.SubFactory(MunicipalityFactory)
    scopes = factory.LazyFunction(lambda: list(ApiScope.values))

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        client = model_class(*args, **kwargs)
        client.token = client.set_new_token()
        client.save()
        return client


class WebhookSubscriptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WebhookSubscription

    client = factory.SubFactory(ApiClientFactory)
    url = "https://gemeente.example/webhooks/wsp"
    secret = "geheim"
