"""Every kind of content search knows, by kind and by model."""

from functools import cache

from django.db.models import Model

from search.sources.base import PUBLIC, Source, community_audience


@cache
def sources() -> dict[str, Source]:
    """Built when first used, not at import: the sources import knowledge and community models."""
    from search.sources.community import CommunitySource, ListingSource, StorySource, ThreadSource
    from search.sources.knowledge import (
        CaseStudySource,
        OrganisationSource,
        ResourceSource,
        SharedServiceSource,
    )
    from search.sources.readiness import ReadinessProfileSource

    ordered = (
        CaseStudySource(),
        ResourceSource(),
        SharedServiceSource(),
        OrganisationSource(),
        ReadinessProfileSource(),
        CommunitySource(),
        ThreadSource(),
        StorySource(),
        ListingSource(),
    )
    return {source.kind: source for source in ordered}


def source_for(kind: str) -> Source:
    return sources()[kind]


def source_for_model(model: type[Model]) -> Source | None:
    for source in sources().values():
        if model is source.model:
            return source
    return None


__all__ = ["PUBLIC", "Source", "community_audience", "source_for", "source_for_model", "sources"]
