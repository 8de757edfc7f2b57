from rest_framework.routers import SimpleRouter

from knowledge.api import open_data, views

router = SimpleRouter()
router.register("case-studies", views.CaseStudyViewSet, basename="case-study")
router.register("resources", views.ResourceViewSet, basename="resource")
router.register("organisations", views.OrganisationViewSet, basename="organisation")
router.register("shared-services", views.SharedServiceViewSet, basename="shared-service")

urlpatterns = [*router.urls, *open_data.urlpatterns]
