"""Editors issue and revoke partners' API keys: let Wagtail's Editors and Moderators manage them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ACTIONS = ["add", "change", "view"]  # not delete: a revoked key stays, as a record
GROUPS = ["Editors", "Moderators"]


def _permissions(apps):
    Permission = apps.get_model("auth", "Permission")
    codenames = [f"{action}_partnerapikey" for action in ACTIONS]
    return Permission.objects.filter(content_type__app_label="commons", codename__in=codenames)


def grant(apps, schema_editor):
    # Permissions are normally made after all migrations; make ours now so they can be granted.
    app_config = apps.get_app_config("commons")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUPS):
        group.permissions.add(*_permissions(apps))


def revoke(apps, schema_editor):
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUPS):
        group.permissions.remove(*_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("commons", "0001_partner_api_keys"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
