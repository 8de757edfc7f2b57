"""The editors' report of content that needs checking (Wagtail admin > Reports)."""

from django.utils import timezone
from wagtail.admin.views.reports import PageReportView

from knowledge.freshness import pages_needing_review, review_reasons, reviewed_pages_by_id
from knowledge.views.report_access import REPORT_PERMISSIONS


class DueForReviewReportView(PageReportView):
    page_title = "Due for review"
    header_icon = "time"
    results_template_name = "knowledge/admin/due_for_review_results.html"
    index_url_name = "knowledge_due_for_review"
    index_results_url_name = "knowledge_due_for_review_results"
    any_permission_required = REPORT_PERMISSIONS
    list_export = ["title", "review_due_on", "owner_name", "reasons_text"]
    export_headings = {
        "review_due_on": "Review by",
        "owner_name": "Owner",
        "reasons_text": "Why it is listed",
    }

    def get_queryset(self):
        self.queryset = (
            self.permission_policy.instances_user_has_permission_for(self.request.user, "change")
            .filter(pages_needing_review())
            .select_related("content_type")
            .order_by("title")
        )
        return super().get_queryset()

    def decorate_paginated_queryset(self, object_list):
        today = timezone.localdate()
        specific = reviewed_pages_by_id([page.pk for page in object_list])
        for page in object_list:
            reviewed = specific[page.pk]
            page.review_due_on = reviewed.review_due_on()
            page.owner_name = (
                reviewed.content_owner.get_username() if reviewed.content_owner else ""
            )
            page.reasons = review_reasons(reviewed, today=today)
            page.reasons_text = "; ".join(page.reasons)
        return object_list
