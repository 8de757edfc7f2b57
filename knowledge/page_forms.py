"""Admin forms for knowledge pages, where Wagtail's own validation is not enough."""

from django.utils.html import strip_tags
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.forms.tags import TagField

from knowledge.tagging import tag_names_clean

WARTS_REQUIRED = (
    "Say what went wrong before publishing: a case study without its warts is not published."
)

# Wagtail names the buttons that ask for a page to go live (now, or after moderation).
GO_LIVE_ACTIONS = ("action-publish", "action-submit")


class CaseStudyPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        wants_to_go_live = any(self.data.get(action) for action in GO_LIVE_ACTIONS)
        # The rich text editor sends an empty paragraph for an empty field, which Django's
        # `required` accepts, so look at the words.
        warts = strip_tags(cleaned_data.get("what_went_wrong") or "").strip()
        if wants_to_go_live and not warts and "what_went_wrong" not in self.errors:
            self.add_error("what_went_wrong", WARTS_REQUIRED)
        self._check_revisit_dates(cleaned_data.get("started_on"))
        return cleaned_data

    def _check_revisit_dates(self, started_on) -> None:
        # Imported here: the models import this module.
        from knowledge.models.revisits import revisit_date_problem

        # The revisits' own forms cannot see the page's start date as typed, so the page form
        # checks them against it and puts the message on the revisit's date.
        for form in self.formsets["revisits"].forms:
            if not form.is_valid() or form.cleaned_data.get("DELETE"):
                continue
            problem = revisit_date_problem(form.cleaned_data.get("revisited_on"), started_on)
            if problem:
                form.add_error("revisited_on", problem)


class PlainTagField(TagField):
    """Wagtail's tag field, with the tag rules of the public forms and the import: each tag one
    plain line, and none without a letter or number (it would have no address)."""

    def clean(self, value):
        return tag_names_clean(super().clean(value))
