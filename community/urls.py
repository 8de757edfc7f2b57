"""Community pages. Each views module owns its own url list."""

from community.views import (
    accounts,
    brokerage,
    communities,
    discussions,
    events,
    invitations,
    moderation,
    notifications,
    partners,
    questions,
    stories,
    story_loops,
    trust,
)

app_name = "community"

urlpatterns = [
    *accounts.urlpatterns,
    *communities.urlpatterns,
    *invitations.urlpatterns,
    *events.urlpatterns,
    *discussions.urlpatterns,
    *stories.urlpatterns,
    *story_loops.urlpatterns,
    *questions.urlpatterns,
    *brokerage.urlpatterns,
    *partners.urlpatterns,
    *moderation.urlpatterns,
    *trust.urlpatterns,
    *notifications.urlpatterns,
]
