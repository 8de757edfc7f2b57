"""Who may find what: the audiences a person belongs to, applied inside every search query."""

from community.models import Community
from community.permissions import AnyUser
from community.selectors.communities import communities_readable_by
from search.sources import PUBLIC, community_audience


def audiences_for(user: AnyUser) -> list[str]:
    """ "public", plus one audience per members-only or private community the person may read (as
    a member, a moderator or an editor): the same rule the community pages use."""
    if user is None or not user.is_authenticated:
        # Nobody signed in reads only public communities: no need to ask the database.
        return [PUBLIC]
    members_only = communities_readable_by(user).exclude(visibility=Community.Visibility.PUBLIC)
    return [PUBLIC, *(community_audience(pk) for pk in members_only.values_list("pk", flat=True))]
