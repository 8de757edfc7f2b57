"""Knowledge pages that are not Wagtail pages. Each views module owns its own url list."""

from knowledge.views import browse, contribute, embed, feeds, open_data, readiness

app_name = "knowledge"

urlpatterns = [
    *browse.urlpatterns,
    *contribute.urlpatterns,
    *embed.urlpatterns,
    *feeds.urlpatterns,
    *open_data.urlpatterns,
    *readiness.urlpatterns,
]
