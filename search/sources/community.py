"""Communities, threads (with their replies), stories and offers and needs as search documents.

Only what a moderator has let through is indexed (status "visible"); a thread in a members-only
community carries that community's audience, so only its readers find it.
"""

from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from django.db.models import Model, Prefetch, Q, QuerySet
from django.utils import timezone

from community.models import Community, ContentStatus, Listing, Post, Story, Thread
from community.models.discussions import ThreadTag
from knowledge.models import SharedService
from search.sources.base import (
    ID_MARKER,
    PUBLIC,
    SLUG_MARKER,
    OrganisationRow,
    Source,
    audience_communities,
    community_audience,
    linked,
    plain_text,
    tag_names,
    url_maker,
)


class CommunitySource(Source):
    kind = "community"
    label = "Communities"
    singular = "Community"
    model = Community
    title_field = "name"
    lexicon_fields = ("name",)

    def indexable(self) -> QuerySet:
        return Community.objects.all()

    def readable_by(self, queryset: QuerySet, audiences: list[str]) -> QuerySet:
        # Members-only communities' names are public; private ones are found by readers only.
        return queryset.exclude(
            Q(visibility=Community.Visibility.PRIVATE) & ~Q(pk__in=audience_communities(audiences))
        )

    def public_texts(self) -> Iterator[str]:
        yield from super().public_texts()
        # Only open communities' descriptions: a members-only one is not searched by it.
        public = Community.objects.filter(visibility=Community.Visibility.PUBLIC)
        yield from public.values_list("description", flat=True).iterator(chunk_size=2000)

    def prepare_title(self, community: Community) -> str:
        return community.name

    def prepare_summary(self, community: Community) -> str:
        # A members-only community shows outsiders its name and nothing more, in search too.
        if community.is_members_only:
            return "A members-only community."
        return community.description

    def prepare_community(self, community: Community) -> str:
        return community.slug

    def prepare_audience(self, community: Community) -> str:
        # Outsiders may not learn a private community exists: not even its name in search.
        if community.is_private:
            return community_audience(community.pk)
        return PUBLIC

    def prepare_published_at(self, community: Community) -> datetime | None:
        return community.created_at

    def prepare_meta_line(self, community: Community) -> list[str]:
        if community.is_private:
            return ["Private"]
        return ["Members only" if community.is_members_only else "Open to all"]


class ThreadSource(Source):
    kind = "thread"
    label = "Discussions"
    singular = "Discussion"
    model = Thread
    lexicon_fields = ("title", "tags__name")
    tagged = True

    def _visible(self) -> QuerySet:
        return Thread.objects.filter(status=ContentStatus.VISIBLE).select_related("community")

    def indexable(self) -> QuerySet:
        return self._visible().prefetch_related(
            "tags", Prefetch("posts", queryset=self._visible_replies())
        )

    def rows(self) -> QuerySet:
        # The Markdown source is as long as the HTML and never indexed.
        return self._visible().defer("body_markdown")

    def readable_by(self, queryset: QuerySet, audiences: list[str]) -> QuerySet:
        return queryset.filter(
            Q(community__visibility=Community.Visibility.PUBLIC)
            | Q(community_id__in=audience_communities(audiences))
        )

    def _visible_replies(self) -> QuerySet:
        return Post.objects.filter(status=ContentStatus.VISIBLE).order_by("created_at", "pk")

    def related_in_batch(self, threads: list[Model]) -> dict[int, dict[str, Any]]:
        ids = [thread.pk for thread in threads]
        tags = tag_names(ThreadTag, ids)
        replies: dict[int, list[str]] = {pk: [] for pk in ids}
        for thread_id, body_html in (
            self._visible_replies().filter(thread_id__in=ids).values_list("thread_id", "body_html")
        ):
            replies[thread_id].append(body_html)
        stand_in = Thread(pk=ID_MARKER, community=Community(slug=SLUG_MARKER))
        url = url_maker(stand_in, SLUG_MARKER, ID_MARKER)
        return {
            thread.pk: {
                "tags": tags.get(thread.pk, []),
                "replies": replies[thread.pk],
                "url": url(thread.community.slug, thread.pk),
            }
            for thread in threads
        }

    def related_of(self, thread: Thread) -> dict[str, list]:
        return {
            "tags": [tag.name for tag in thread.tags.all()],
            "replies": [post.body_html for post in thread.posts.all()],
        }

    def prepare_title(self, thread: Thread) -> str:
        return thread.title

    def prepare_summary(self, thread: Thread) -> str:
        return plain_text(thread.body_html)

    def prepare_body(self, thread: Thread) -> str:
        return plain_text(*self.related(thread)["replies"])

    def prepare_tags(self, thread: Thread) -> list[str]:
        return sorted(self.related(thread)["tags"])

    def prepare_community(self, thread: Thread) -> str:
        return thread.community.slug

    def prepare_url(self, thread: Thread) -> str:
        return self.related(thread).get("url") or thread.get_absolute_url()

    def prepare_audience(self, thread: Thread) -> str:
        if thread.community.is_members_only:
            return community_audience(thread.community_id)
        return PUBLIC

    def prepare_published_at(self, thread: Thread) -> datetime | None:
        return thread.created_at

    def prepare_updated_at(self, thread: Thread) -> datetime | None:
        return thread.last_activity_at

    def prepare_meta_line(self, thread: Thread) -> list[str]:
        replies = self.prepare_reply_count(thread)
        facts = [thread.community.name, f"{replies} {'reply' if replies == 1 else 'replies'}"]
        if thread.answer_id:
            facts.append("Answered")
        return facts

    def prepare_answered(self, thread: Thread) -> bool:
        return thread.answer_id is not None

    def prepare_reply_count(self, thread: Thread) -> int:
        return len(self.related(thread)["replies"])


class StorySource(Source):
    kind = "story"
    label = "Stories"
    singular = "Story"
    model = Story
    lexicon_fields = ("title",)

    def _visible(self) -> QuerySet:
        return Story.objects.filter(status=ContentStatus.VISIBLE).select_related(
            "shared_service__lead_organisation",
            "shared_service__service_area",
            "response",
            "change",
        )

    def indexable(self) -> QuerySet:
        return self._visible().prefetch_related("shared_service__partners")

    def rows(self) -> QuerySet:
        # The Markdown sources are as long as the HTML and never indexed.
        return self._visible().defer(
            "body_markdown", "response__body_markdown", "change__body_markdown"
        )

    def related_in_batch(self, stories: list[Model]) -> dict[int, dict[str, Any]]:
        service_ids = {story.shared_service_id for story in stories}
        partners = linked(SharedService, "partners", service_ids, OrganisationRow)
        service_url = url_maker(SharedService(slug=SLUG_MARKER), SLUG_MARKER)
        return {
            story.pk: {
                "partners": partners.get(story.shared_service_id, []),
                "service_url": service_url(story.shared_service.slug),
            }
            for story in stories
        }

    def related_of(self, story: Story) -> dict[str, list]:
        return {"partners": list(story.shared_service.partners.all())}

    def _organisations(self, story: Story) -> list:
        return [story.shared_service.lead_organisation, *self.related(story)["partners"]]

    def _response(self, story: Story):
        try:
            return story.response
        except Story.response.RelatedObjectDoesNotExist:
            return None

    def prepare_title(self, story: Story) -> str:
        return story.title

    def prepare_summary(self, story: Story) -> str:
        return plain_text(story.body_html)

    def _change(self, story: Story):
        try:
            return story.change
        except Story.change.RelatedObjectDoesNotExist:
            return None

    def prepare_body(self, story: Story) -> str:
        """The provider's answer and what the story led it to change: someone searching for
        the change finds the story behind it."""
        replies = (self._response(story), self._change(story))
        return "\n\n".join(plain_text(reply.body_html) for reply in replies if reply)

    def prepare_organisations(self, story: Story) -> list[str]:
        return sorted({org.slug for org in self._organisations(story)})

    def prepare_organisation_names(self, story: Story) -> list[str]:
        return sorted({org.name for org in self._organisations(story)})

    def prepare_service_areas(self, story: Story) -> list[str]:
        return [story.shared_service.service_area.slug]

    def prepare_service_area_names(self, story: Story) -> list[str]:
        return [story.shared_service.service_area.name]

    def prepare_region(self, story: Story) -> list[str]:
        return sorted({org.region for org in self._organisations(story) if org.region})

    def prepare_published_at(self, story: Story) -> datetime | None:
        return story.moderated_at or story.created_at

    def prepare_url(self, story: Story) -> str:
        service_url = self.related(story).get("service_url")
        return f"{service_url or story.shared_service.get_absolute_url()}#story-{story.pk}"

    def prepare_meta_line(self, story: Story) -> list[str]:
        facts = [story.shared_service.name, f"Rated {story.overall} out of 5"]
        if self._response(story):
            facts.append("Answered by the provider")
        return facts

    def prepare_answered(self, story: Story) -> bool:
        return self._response(story) is not None


class ListingSource(Source):
    kind = "listing"
    label = "Offers and needs"
    singular = "Offer or need"
    model = Listing
    lexicon_fields = ("title", "description")

    def indexable(self) -> QuerySet:
        # Expired listings stay indexed until a worker pass removes them; queries also filter
        # on `expires_on`, so they stop being found on the day they expire.
        return Listing.objects.filter(status=ContentStatus.VISIBLE).select_related(
            "organisation", "service_area"
        )

    def readable_by(self, queryset: QuerySet, audiences: list[str]) -> QuerySet:
        return queryset.filter(expires_on__gte=timezone.localdate())

    def related_in_batch(self, listings: list[Model]) -> dict[int, dict[str, Any]]:
        url = url_maker(Listing(pk=ID_MARKER), ID_MARKER)
        return {listing.pk: {"url": url(listing.pk)} for listing in listings}

    def prepare_url(self, listing: Listing) -> str:
        return self.related(listing).get("url") or listing.get_absolute_url()

    def prepare_title(self, listing: Listing) -> str:
        return listing.title

    def prepare_summary(self, listing: Listing) -> str:
        return listing.description

    def prepare_organisations(self, listing: Listing) -> list[str]:
        return [listing.organisation.slug]

    def prepare_organisation_names(self, listing: Listing) -> list[str]:
        return [listing.organisation.name]

    def prepare_service_areas(self, listing: Listing) -> list[str]:
        return [listing.service_area.slug]

    def prepare_service_area_names(self, listing: Listing) -> list[str]:
        return [listing.service_area.name]

    def prepare_region(self, listing: Listing) -> list[str]:
        return [listing.region]

    def prepare_published_at(self, listing: Listing) -> datetime | None:
        return listing.created_at

    def prepare_expires_on(self, listing: Listing) -> date:
        return listing.expires_on

    def prepare_meta_line(self, listing: Listing) -> list[str]:
        return [listing.get_kind_display(), listing.organisation.name]
