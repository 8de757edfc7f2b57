"""Editors curate due-diligence profiles too, and read their members-only parts."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ACTIONS = ["add", "change", "delete", "view"]
CODENAMES = [f"{action}_readinessprofile" for action in ACTIONS] + ["view_members_only_profile"]
GROUPS = ["Editors", "Moderators"]


def _permissions(apps):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(content_type__app_label="knowledge", codename__in=CODENAMES)


def grant(apps, schema_editor):
    # Permissions are normally made after all migrations; make ours now so they can be granted.
    app_config = apps.get_app_config("knowledge")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*_permissions(apps))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0008_due_diligence_readiness_profiles")]

    operations = [migrations.RunPython(grant, revoke)]
