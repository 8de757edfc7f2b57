"""Due-diligence profiles as search documents, two per profile, so members-only parts are found
only by members and nobody finds a profile twice:

- "<pk>": the public parts, for everyone who is not a member (audience NON_MEMBERS);
- "<pk>-members": every part, for members (audience MEMBERS): verified officers and editors.

Who is a member is knowledge's rule (`can_read_members_only_parts`), applied in search/audience.py.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Model, Prefetch, QuerySet
from django.urls import reverse

from knowledge.models import ProfileContract, ProfilePractice, ProfileSystem, ReadinessProfile
from knowledge.readiness import ProfileSeen, profile_seen
from search.sources.base import Source

MEMBERS = "members"
NON_MEMBERS = "non-members"
MEMBERS_KEY_SUFFIX = "-members"


@dataclass(frozen=True)
class ProfileDocument:
    """One of a profile's two documents: what its readers may see of the profile."""

    seen: ProfileSeen
    members: bool

    @property
    def profile(self) -> ReadinessProfile:
        return self.seen.profile


def _profile(obj: Model | ProfileDocument) -> ReadinessProfile:
    return obj.profile if isinstance(obj, ProfileDocument) else obj


def _seen(obj: Model | ProfileDocument) -> ProfileSeen:
    return obj.seen if isinstance(obj, ProfileDocument) else profile_seen(obj, members=False)


def _rows(model: type[Model]) -> QuerySet:
    return model.objects.select_related("service_area")


class ReadinessProfileSource(Source):
    kind = "profile"
    label = "Due-diligence profiles"
    singular = "Due-diligence profile"
    model = ReadinessProfile
    title_field = "organisation__name"
    documents_per_object = 2

    def indexable(self) -> QuerySet:
        return ReadinessProfile.objects.select_related("organisation").prefetch_related(
            Prefetch("systems", _rows(ProfileSystem)),
            Prefetch("contracts", _rows(ProfileContract)),
            Prefetch("practices", _rows(ProfilePractice)),
        )

    def rows(self) -> QuerySet:
        # A handful of rows per profile: prefetching them is the batch's few queries.
        return self.indexable()

    def keys(self) -> Iterator[str]:
        for pk in self.rows().order_by("pk").values_list("pk", flat=True).iterator(2000):
            yield str(pk)
            yield f"{pk}{MEMBERS_KEY_SUFFIX}"

    def keys_of(self, instance: Model) -> list[str]:
        return [str(instance.pk), f"{instance.pk}{MEMBERS_KEY_SUFFIX}"]

    def key_of(self, instance: Model | ProfileDocument) -> str:
        if isinstance(instance, ProfileDocument):
            suffix = MEMBERS_KEY_SUFFIX if instance.members else ""
            return f"{instance.profile.pk}{suffix}"
        return str(instance.pk)

    def documents(self, object_ids: Iterable[str]) -> dict[str, dict]:
        wanted: dict[str, list[str]] = {}
        for key in object_ids:
            pk = str(key).removesuffix(MEMBERS_KEY_SUFFIX)
            if pk.isascii() and pk.isdigit():
                wanted.setdefault(pk, []).append(str(key))
        preparers = self._preparers()
        documents = {}
        for profile in self.rows().filter(pk__in=list(wanted)):
            for key in wanted[str(profile.pk)]:
                members = key.endswith(MEMBERS_KEY_SUFFIX)
                shown = ProfileDocument(profile_seen(profile, members=members), members)
                documents[key] = self._document(shown, preparers)
        return documents

    def document(self, obj: Model | ProfileDocument) -> dict:
        if not isinstance(obj, ProfileDocument):
            obj = ProfileDocument(profile_seen(obj, members=False), members=False)
        return self._document(obj, self._preparers())

    def prepare_title(self, obj: Model | ProfileDocument) -> str:
        return f"Due-diligence profile: {_profile(obj).organisation.name}"

    def prepare_summary(self, obj: Model | ProfileDocument) -> str:
        systems = [
            f"{row.system} ({row.supplier})" if row.supplier else row.system
            for row in _seen(obj).systems
        ]
        return f"Main systems: {', '.join(systems)}." if systems else ""

    def prepare_body(self, obj: Model | ProfileDocument) -> str:
        seen = _seen(obj)
        contracts = [
            f"{row.description}, {row.supplier}, {row.service_area.name}, "
            f"ends {row.ends_on:%-d %B %Y}"
            for row in seen.contracts
        ]
        practices = [f"{row.topic}: {row.practice}" for row in seen.practices]
        parts = [*contracts, seen.capacity_notes, seen.competencies, *practices]
        return "\n\n".join(part for part in parts if part)

    def _areas(self, obj: Model | ProfileDocument) -> dict[str, str]:
        seen = _seen(obj)
        rows = [*seen.systems, *seen.contracts, *seen.practices]
        return {row.service_area.slug: row.service_area.name for row in rows if row.service_area}

    def prepare_service_areas(self, obj: Model | ProfileDocument) -> list[str]:
        return sorted(self._areas(obj))

    def prepare_service_area_names(self, obj: Model | ProfileDocument) -> list[str]:
        return sorted(self._areas(obj).values())

    def prepare_organisations(self, obj: Model | ProfileDocument) -> list[str]:
        return [_profile(obj).organisation.slug]

    def prepare_organisation_names(self, obj: Model | ProfileDocument) -> list[str]:
        return [_profile(obj).organisation.name]

    def prepare_region(self, obj: Model | ProfileDocument) -> list[str]:
        region = _profile(obj).organisation.region
        return [region] if region else []

    def prepare_audience(self, obj: Model | ProfileDocument) -> str:
        members = isinstance(obj, ProfileDocument) and obj.members
        return MEMBERS if members else NON_MEMBERS

    def prepare_updated_at(self, obj: Model | ProfileDocument) -> datetime | None:
        return _profile(obj).updated_at

    def prepare_url(self, obj: Model | ProfileDocument) -> str:
        slug = _profile(obj).organisation.slug
        return reverse("knowledge:readiness_profile", kwargs={"slug": slug})

    def prepare_meta_line(self, obj: Model | ProfileDocument) -> list[str]:
        organisation = _profile(obj).organisation
        return [
            organisation.name,
            *([organisation.get_region_display()] if organisation.region else []),
        ]
