"""Permissions that come from being a verified officer rather than from a group.

Knowledge asks Django's `user.has_perm` about due-diligence profiles (knowledge/readiness.py);
this backend answers for officers, so knowledge never imports the community app. Group
permissions (editors) come from Django's ModelBackend as usual, including for one organisation.
"""

from django.contrib.auth.backends import BaseBackend
from django.db.models import Model

from knowledge.models import Organisation
from knowledge.readiness import CHANGE_PROFILE, READ_MEMBERS_ONLY


class OfficerPermissionsBackend(BaseBackend):
    """Verified officers read the members-only parts of every profile and change their own
    organisation's. Editors, who hold the change permission for every organisation through their
    group, may change any one of them."""

    def has_perm(self, user_obj, perm: str, obj: Model | None = None) -> bool:
        if not user_obj.is_active or not user_obj.is_authenticated:
            return False
        officer_of = getattr(user_obj, "verified_officer_of_id", None)
        if perm == READ_MEMBERS_ONLY:
            return officer_of is not None
        if perm == CHANGE_PROFILE and isinstance(obj, Organisation):
            # ModelBackend answers False for any object, so the group's model-wide grant is
            # asked here without one.
            return officer_of == obj.pk or user_obj.has_perm(CHANGE_PROFILE)
        return False
