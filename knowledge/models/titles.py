"""Page titles as one plain line wherever Wagtail shows them outside the page itself."""

from commons.text import one_line


class OneLineTitleMixin:
    """Mixed into every page model, before `Page`.

    Wagtail puts `get_admin_display_title()` into the subject of its moderation emails, and Django
    refuses a subject with a line break (BadHeaderError, which Wagtail logs and then drops the
    email). Titles are cleaned as they are typed, but one stored before that was must not silence
    the moderators' emails.
    """

    def get_admin_display_title(self) -> str:
        return one_line(super().get_admin_display_title())
