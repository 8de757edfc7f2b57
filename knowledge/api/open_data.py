"""The open-data datasets in the partners' API (/api/v1/open-data/): the same rows as the
downloads on /open-data/ (knowledge.open_data), paged like every other endpoint, each with the
licence its reusers must keep. One endpoint per dataset, so each has its own record schema."""

from typing import Any

from django.urls import URLPattern, path, reverse
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from knowledge import open_data

LICENCE_LINK = f'<{open_data.LICENCE_URL}>; rel="license"'


def _field(field: open_data.Field) -> serializers.Field:
    description = {"help_text": field.description}
    if field.type == "date":
        return serializers.DateField(allow_null=True, **description)
    if field.type == "number":
        # Money and percentages keep their stored digits, as strings, like the rest of the API.
        return serializers.DecimalField(
            max_digits=None, decimal_places=None, allow_null=True, **description
        )
    if field.type == "integer":
        return serializers.IntegerField(allow_null=True, **description)
    if field.type == "list":
        return serializers.ListField(child=serializers.CharField(), **description)
    return serializers.CharField(allow_null=True, allow_blank=True, **description)


def _record_serializer(dataset: open_data.Dataset) -> type[serializers.Serializer]:
    name = "".join(part.title() for part in dataset.slug.split("-")) + "RecordSerializer"
    fields = {field.name: _field(field) for field in dataset.fields}
    return type(name, (serializers.Serializer,), fields)


class DatasetRows:
    """A dataset's rows as the paginator reads them: counted, then cut to one page, so only
    that page's rows are built."""

    def __init__(self, dataset: open_data.Dataset, request: Request) -> None:
        self.dataset, self.request = dataset, request

    def count(self) -> int:
        return self.dataset.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index: slice) -> list[open_data.Row]:
        start, stop = index.start or 0, index.stop
        return self.dataset.rows_of_page(self.request, start, stop)


def _dataset_view(dataset: open_data.Dataset) -> Any:
    operation_id = f"open_data_{dataset.slug.replace('-', '_')}"

    class DatasetRecords(generics.ListAPIView):
        serializer_class = _record_serializer(dataset)
        filter_backends: list = []

        def get_queryset(self) -> DatasetRows:
            return DatasetRows(dataset, self.request)

        @extend_schema(operation_id=operation_id, description=dataset.description)
        def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
            response = super().get(request, *args, **kwargs)
            response["Link"] = LICENCE_LINK
            return response

    return DatasetRecords.as_view()


class LicenceSerializer(serializers.Serializer):
    name = serializers.CharField()
    url = serializers.URLField()


class DatasetFieldSerializer(serializers.Serializer):
    name = serializers.CharField()
    type = serializers.CharField()
    description = serializers.CharField()


class DatasetSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    title = serializers.CharField()
    description = serializers.CharField()
    records = serializers.URLField(help_text="This dataset's records in this API, paged.")
    csv = serializers.URLField(help_text="The whole dataset as one CSV file.")
    json = serializers.URLField(help_text="The whole dataset as one JSON file.")
    fields = DatasetFieldSerializer(many=True)


class OpenDataSerializer(serializers.Serializer):
    licence = LicenceSerializer()
    attribution = serializers.CharField()
    datasets = DatasetSerializer(many=True)


class OpenDataIndex(APIView):
    """The datasets, their fields and where to get them, under the Open Government Licence."""

    filter_backends: list = []

    @extend_schema(responses=OpenDataSerializer)
    def get(self, request: Request) -> Response:
        def absolute(name: str, **kwargs: str) -> str:
            return request.build_absolute_uri(reverse(name, kwargs=kwargs))

        datasets = [
            {
                "slug": dataset.slug,
                "title": dataset.title,
                "description": dataset.description,
                "records": absolute(f"api_open_data_{dataset.slug}"),
                "csv": absolute("knowledge:open_data_csv", dataset=dataset.slug),
                "json": absolute("knowledge:open_data_json", dataset=dataset.slug),
                "fields": [vars(field) for field in dataset.fields],
            }
            for dataset in open_data.DATASETS
        ]
        body = {
            "licence": {"name": open_data.LICENCE_NAME, "url": open_data.LICENCE_URL},
            "attribution": open_data.ATTRIBUTION,
            "datasets": datasets,
        }
        response = Response(OpenDataSerializer(body).data)
        response["Link"] = LICENCE_LINK
        return response


urlpatterns: list[URLPattern] = [
    path("open-data/", OpenDataIndex.as_view(), name="api_open_data"),
    *(
        path(
            f"open-data/{dataset.slug}/",
            _dataset_view(dataset),
            name=f"api_open_data_{dataset.slug}",
        )
        for dataset in open_data.DATASETS
    ),
]
