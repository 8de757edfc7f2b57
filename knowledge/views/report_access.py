"""Who may read the editors' reports in the Wagtail admin: one rule for all of them."""

from wagtail.admin.menu import MenuItem
from wagtail.models import Page
from wagtail.permissions import policy_registry

# Those who can change pages are the ones who can act on what a report lists.
REPORT_PERMISSIONS = ["add", "change", "publish"]


def can_read_reports(user) -> bool:
    return policy_registry.get_by_type(Page).user_has_any_permission(user, REPORT_PERMISSIONS)


class ReportMenuItem(MenuItem):
    """Shown only to those who may read the reports; each report's view checks again."""

    def is_shown(self, request) -> bool:
        return can_read_reports(request.user)
