"""The demo of moderation that scales: people at every trust level, one set by hand, and one
reply that three residents reported, hidden automatically and waiting in the demo moderator's
queue to be restored or kept hidden.

Written through the services (joining, replying, reporting, setting a level), so the demo hides
the reply by the same rule real reports do. Idempotent: keyed on the reply's text.
"""

import datetime

from django.utils import timezone

from community.demo import DemoPerson, demo_person_ensure
from community.models import Community, Post, Thread, TrustLevel, User
from community.services.communities import membership_join
from community.services.discussions import post_create
from community.services.moderation import flag_create
from community.services.trust import trust_level_recompute, trust_level_set

SELLER = DemoPerson(
    username="quick-ink",
    email="sales@quick-ink.example",
    display_name="Quick Ink Supplies",
    bio="Printer ink and toner at trade prices.",
)
SPAM = "Cheap printer ink for councils and residents! Message me for trade prices, 50% off today."
SPAM_COMMUNITY = "residents-voice"
REPORTERS = ("citizen", "lena-marsh", "jo-whitaker")
# Set by hand to show the override (and its record); the rest earn their levels by the rules.
BY_HAND = ("lena-marsh", TrustLevel.TRUSTED, "Long-standing resident whose reports are fair")
# The seeded people have written for months; their accounts are as old as that.
JOINED_DAYS_AGO = 400


def trust_levels_ensure(people: dict[str, User], editor: User) -> None:
    """Everyone's level as the rules give it after the demo's months of posts, and one by hand."""
    joined = timezone.now() - datetime.timedelta(days=JOINED_DAYS_AGO)
    User.objects.filter(pk__in=[user.pk for user in people.values()]).update(date_joined=joined)
    for user in people.values():
        user.refresh_from_db()
        trust_level_recompute(user)
    username, level, reason = BY_HAND
    person = people[username]
    person.refresh_from_db()
    if not person.trust_level_by_hand:
        trust_level_set(moderator=editor, person=person, level=level, reason=reason)


def auto_hidden_reply_ensure(
    communities: dict[str, Community], people: dict[str, User], password: str
) -> None:
    """A seller's advert in the residents' community, reported by three residents."""
    if Post.objects.filter(body_markdown=SPAM).exists():
        return
    community = communities[SPAM_COMMUNITY]
    seller, _ = demo_person_ensure(SELLER, password=password)
    membership_join(user=seller, community=community)
    # Shown straight away, as an advert from a basic-level account would be.
    User.objects.filter(pk=seller.pk).update(trust_level=TrustLevel.BASIC)
    seller.refresh_from_db()
    open_threads = Thread.objects.filter(community=community, is_locked=False)
    thread = open_threads.order_by("created_at").first()
    reply = post_create(thread=thread, author=seller, body=SPAM)
    for username in REPORTERS:
        flag_create(
            reporter=people[username],
            content=reply,
            reason="spam",
            details="Advert, nothing to do with the thread.",
        )


def moderation_demo_ensure(
    communities: dict[str, Community], people: dict[str, User], editor: User, password: str
) -> None:
    # Reports first, while the reporters are all at the basic level: three reports, three people.
    auto_hidden_reply_ensure(communities, people, password)
    trust_levels_ensure(people, editor)
