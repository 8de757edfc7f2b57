"""Stories in the partners' content API (/api/v1/stories/, docs/api.md): only published ones,
and each author named only as the story's own page names them."""

import django_filters
from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers, viewsets
from rest_framework.routers import SimpleRouter

from community.models import Story
from community.selectors.stories import story_byline, visible_stories
from knowledge.api.filters import (
    organisation_filter,
    service_area_filter,
    shared_service_filter,
    updated_since_filter,
)
from knowledge.api.serializers import NamedSlugSerializer


class StoryResponseSerializer(serializers.Serializer):
    organisation = NamedSlugSerializer()
    body_html = serializers.CharField()
    created_at = serializers.DateTimeField()


class StorySerializer(serializers.ModelSerializer):
    author = serializers.SerializerMethodField()
    shared_service = NamedSlugSerializer()
    response = serializers.SerializerMethodField()

    class Meta:
        model = Story
        fields = [
            "id",
            "title",
            "body_html",
            "author",
            "overall",
            "ease",
            "speed",
            "communication",
            "shared_service",
            "response",
            "created_at",
        ]

    def get_author(self, story: Story) -> str:
        return story_byline(story)

    @extend_schema_field(StoryResponseSerializer(allow_null=True))
    def get_response(self, story: Story) -> dict | None:
        answer = getattr(story, "response", None)
        return StoryResponseSerializer(answer).data if answer else None


class StoryFilterSet(django_filters.FilterSet):
    shared_service = shared_service_filter(field_name="shared_service")
    service_area = service_area_filter(field_name="shared_service__service_area")
    organisation = organisation_filter(
        field_name="shared_service__lead_organisation", help_text="The service's lead organisation."
    )
    updated_since = updated_since_filter("created_at")


class StoryViewSet(viewsets.ReadOnlyModelViewSet):
    """Published stories of shared services, newest first."""

    serializer_class = StorySerializer
    filterset_class = StoryFilterSet

    def get_queryset(self) -> QuerySet[Story]:
        return visible_stories()


router = SimpleRouter()
router.register("stories", StoryViewSet, basename="story")
urlpatterns = router.urls
