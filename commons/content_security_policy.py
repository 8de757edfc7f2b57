"""django-csp's middleware, choosing between the site's policy and the Wagtail admin's.

The policies themselves are settings (CONTENT_SECURITY_POLICY and ADMIN_CONTENT_SECURITY_POLICY
in commons/settings/base.py); this module only decides which one a response gets."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.urls import NoReverseMatch, reverse

# What a page's X-Frame-Options says, in CSP's words. Browsers that know frame-ancestors ignore
# X-Frame-Options, so the policy follows the header: DENY everywhere (settings.X_FRAME_OPTIONS),
# SAMEORIGIN where Wagtail opts in (the page editor's live preview, shown in an iframe).
FRAME_ANCESTORS = {"DENY": ["'none'"], "SAMEORIGIN": ["'self'"]}


def is_admin_request(request: HttpRequest) -> bool:
    try:
        admin_home = reverse("wagtailadmin_home")
    except NoReverseMatch:  # a URLconf without the admin (tests.urls_that_fail)
        return False
    return request.path.startswith(admin_home)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(
        self,
        request: HttpRequest,
        response: HttpResponseBase,
        report_only: bool = False,
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        if parts.config is None and is_admin_request(request):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        frame_options = response.get("X-Frame-Options", "").upper()
        if frame_options in FRAME_ANCESTORS:
            framing = {"frame-ancestors": FRAME_ANCESTORS[frame_options]}
            parts.replace = {**(parts.replace or {}), **framing}
        return parts
