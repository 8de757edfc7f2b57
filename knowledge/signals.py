"""Knowledge's signal receivers, connected when the app is ready (knowledge.apps)."""

from typing import Any

from django.dispatch import receiver
from wagtail.signals import page_published

from knowledge.models import ResourcePage
from knowledge.services.contributions import contributed_document_release


@receiver(page_published, sender=ResourcePage)
def resource_published(sender, instance: ResourcePage, **kwargs: Any) -> None:
    contributed_document_release(instance)
