"""Who may find what: the audiences a person belongs to, applied inside every search query."""

from community.models import Community
from community.permissions import AnyUser
from community.selectors.communities import communities_readable_by
from knowledge.readiness import can_read_members_only_parts
from search.sources import PUBLIC, community_audience
from search.sources.readiness import MEMBERS, NON_MEMBERS


def audiences_for(user: AnyUser) -> list[str]:
    """ "public"; "members" for those who read the members-only parts of due-diligence
    profiles, "non-members" for everyone else (each finds one document per profile: see
    search/sources/readiness.py); and one audience per members-only or private community the
    person may read (as a member, a moderator or an editor): the same rules the pages use."""
    if user is None or not user.is_authenticated:
        # Nobody signed in reads only public communities: no need to ask the database.
        return [PUBLIC, NON_MEMBERS]
    profiles = MEMBERS if can_read_members_only_parts(user) else NON_MEMBERS
    members_only = communities_readable_by(user).exclude(visibility=Community.Visibility.PUBLIC)
    return [
        PUBLIC,
        profiles,
        *(community_audience(pk) for pk in members_only.values_list("pk", flat=True)),
    ]
