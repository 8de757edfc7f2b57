"""Community pages. Each views module owns its own url list."""

from community.views import (
    accounts,
    brokerage,
    communities,
    discussions,
    invitations,
    moderation,
    notifications,
    partners,
    stories,
)

app_name = "community"

urlpatterns = [
    *accounts.urlpatterns,
    *communities.urlpatterns,
    *invitations.urlpatterns,
    *discussions.urlpatterns,
    *stories.urlpatterns,
    *brokerage.urlpatterns,
    *partners.urlpatterns,
    *moderation.urlpatterns,
    *notifications.urlpatterns,
]
