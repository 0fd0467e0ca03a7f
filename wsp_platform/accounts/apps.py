from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "wsp_platform.accounts"
    label = "accounts"
    verbose_name = "Organisatie en gebruikers"
