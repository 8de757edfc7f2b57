"""What the API says of each kind of content. Only public fields: never an organisation's email
domains or its members-only readiness profile, never a case study's contacts' addresses."""

from rest_framework import serializers

from commons.links import page_url
from knowledge.models import CaseStudyPage, Organisation, ResourcePage, SharedService


class NamedSlugSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()


class _PageSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    service_areas = NamedSlugSerializer(many=True)
    tags = serializers.SerializerMethodField()
    first_published_at = serializers.DateTimeField()
    last_published_at = serializers.DateTimeField()

    def get_url(self, page) -> str | None:
        return page_url(page, self.context.get("request"))

    def get_tags(self, page) -> list[str]:
        return sorted(tag.slug for tag in page.tags.all())


class CaseStudyFiguresSerializer(serializers.Serializer):
    """The same figures the open-data files carry: money in pounds, decimals as strings."""

    investment_pounds = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    annual_savings_pounds = serializers.DecimalField(
        max_digits=14, decimal_places=2, allow_null=True
    )
    savings_percent = serializers.DecimalField(max_digits=5, decimal_places=2, allow_null=True)
    staff_change_fte = serializers.DecimalField(max_digits=8, decimal_places=1, allow_null=True)


class CaseStudySerializer(_PageSerializer):
    organisations = NamedSlugSerializer(many=True)
    figures = CaseStudyFiguresSerializer(source="*")

    class Meta:
        model = CaseStudyPage
        fields = [
            "id",
            "title",
            "slug",
            "url",
            "summary",
            "stage",
            "started_on",
            "ended_on",
            "organisations",
            "service_areas",
            "tags",
            "figures",
            "first_published_at",
            "last_published_at",
        ]


class ResourceSerializer(_PageSerializer):
    organisation = NamedSlugSerializer(allow_null=True)
    link = serializers.SerializerMethodField()

    class Meta:
        model = ResourcePage
        fields = [
            "id",
            "title",
            "slug",
            "url",
            "summary",
            "kind",
            "licence",
            "link",
            "organisation",
            "service_areas",
            "tags",
            "first_published_at",
            "last_published_at",
        ]

    def get_link(self, page: ResourcePage) -> str:
        """The document's download address on this site, or the external web address."""
        request = self.context.get("request")
        if page.document_id and request is not None:
            return request.build_absolute_uri(page.document.url)
        return page.link


class OrganisationSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()

    class Meta:
        model = Organisation
        fields = ["slug", "name", "kind", "region", "website", "summary", "url"]

    def get_url(self, organisation: Organisation) -> str:
        return self.context["request"].build_absolute_uri(organisation.get_absolute_url())


class SharedServiceSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    lead_organisation = NamedSlugSerializer()
    partners = NamedSlugSerializer(many=True)
    service_area = NamedSlugSerializer()

    class Meta:
        model = SharedService
        fields = [
            "slug",
            "name",
            "status",
            "since",
            "description",
            "service_area",
            "lead_organisation",
            "partners",
            "url",
        ]

    def get_url(self, service: SharedService) -> str:
        return self.context["request"].build_absolute_uri(service.get_absolute_url())
