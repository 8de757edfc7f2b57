"""The thread and reply forms, with messages written the GOV.UK way."""

from django import forms

from commons.forms import text_field
from community.models import Post, Thread
from knowledge.forms import TagsField

TITLE_MAX_LENGTH = Thread._meta.get_field("title").max_length
BODY_MAX_LENGTH = Thread._meta.get_field("body_markdown").max_length
REPLY_MAX_LENGTH = Post._meta.get_field("body_markdown").max_length
MARKDOWN_HINT = (
    "You can use Markdown: **bold**, *italic*, - for a list, and a blank line between paragraphs."
)


class ThreadForm(forms.Form):
    title = text_field(
        "Title",
        required_message="Enter a title",
        max_length=TITLE_MAX_LENGTH,
        hint="A question or a short summary, for example: How did you handle TUPE transfers?",
    )
    body = text_field(
        "Message",
        required_message="Enter a message",
        max_length=BODY_MAX_LENGTH,
        hint=MARKDOWN_HINT,
        rows=10,
        strip=False,
    )
    tags = TagsField()

    def clean_body(self) -> str:
        body = self.cleaned_data["body"]
        if not body.strip():
            raise forms.ValidationError("Enter a message", code="required")
        return body


class ReplyForm(forms.Form):
    body = text_field(
        "Your reply",
        required_message="Enter your reply",
        max_length=REPLY_MAX_LENGTH,
        hint=MARKDOWN_HINT,
        rows=6,
        strip=False,
    )

    def clean_body(self) -> str:
        body = self.cleaned_data["body"]
        if not body.strip():
            raise forms.ValidationError("Enter your reply", code="required")
        return body
