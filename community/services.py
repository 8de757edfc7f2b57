"""Changes to people's accounts, as named functions the views and commands share."""

from django.contrib.auth.models import Group

from community.models import User

# Wagtail creates these groups: "Editors" edit pages, "Moderators" also publish and approve.
EDITOR_GROUPS = ("Editors", "Moderators")


def demo_editor_ensure(*, username: str, email: str, password: str) -> tuple[User, bool]:
    """Make sure the demo editor exists and can use the Wagtail admin. Returns (user, created).

    Running it again changes nothing: an existing account keeps its password.
    """
    user, created = User.objects.get_or_create(
        username=username,
        defaults={"email": email, "display_name": "Demo Editor", "is_staff": True},
    )
    if created:
        user.set_password(password)
        user.save(update_fields=["password"])
    user.groups.add(*Group.objects.filter(name__in=EDITOR_GROUPS))
    return user, created
