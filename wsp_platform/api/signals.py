"""Publish webhook events when placements and subsidy applications are created or change status.

Signals catch every channel (UI, API, Celery sweeps) without touching the services.
"""

from django.db.models.signals import post_save
from django.dispatch import receiver

from placements.models import Placement, PlacementStatusChange
from subsidies.models import SubsidyApplication, SubsidyApplicationStatusChange

from .events import publish


@receiver(post_save, sender=Placement, dispatch_uid="api_placement_created")
def placement_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        publish("placement.created", instance)


@receiver(post_save, sender=PlacementStatusChange, dispatch_uid="api_placement_status")
def placement_status_changed(sender, instance, created, raw=False, **kwargs):
    if created and not raw and instance.from_status:
        publish("placement.status_changed", instance.placement)


@receiver(post_save, sender=SubsidyApplication, dispatch_uid="api_application_created")
def application_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        publish("subsidy_application.created", instance)


@receiver(post_save, sender=SubsidyApplicationStatusChange, dispatch_uid="api_application_status")
def application_status_changed(sender, instance, created, raw=False, **kwargs):
    if created and not raw and instance.from_status:
        publish("subsidy_application.status_changed", instance.application)
