"""The thread and reply forms, with messages written the GOV.UK way."""

from django import forms

from commons.forms import PlainTextField
from community.models import Post, Thread
from knowledge.forms import TagsField

TITLE_MAX_LENGTH = Thread._meta.get_field("title").max_length
BODY_MAX_LENGTH = Thread._meta.get_field("body_markdown").max_length
REPLY_MAX_LENGTH = Post._meta.get_field("body_markdown").max_length
MARKDOWN_HINT = (
    "You can use Markdown: **bold**, *italic*, - for a list, and a blank line between paragraphs."
)


class ThreadForm(forms.Form):
    title = PlainTextField(
        label="Title",
        help_text="A question or a short summary, for example: How did you handle TUPE transfers?",
        max_length=TITLE_MAX_LENGTH,
        error_messages={
            "required": "Enter a title",
            "max_length": f"Title must be {TITLE_MAX_LENGTH} characters or fewer",
        },
    )
    body = PlainTextField(
        label="Message",
        help_text=MARKDOWN_HINT,
        max_length=BODY_MAX_LENGTH,
        strip=False,
        widget=forms.Textarea(attrs={"rows": "10"}),
        error_messages={
            "required": "Enter a message",
            "max_length": f"Message must be {BODY_MAX_LENGTH:,} characters or fewer",
        },
    )
    tags = TagsField()

    def clean_body(self) -> str:
        body = self.cleaned_data["body"]
        if not body.strip():
            raise forms.ValidationError("Enter a message", code="required")
        return body


class ReplyForm(forms.Form):
    body = PlainTextField(
        label="Your reply",
        help_text=MARKDOWN_HINT,
        max_length=REPLY_MAX_LENGTH,
        strip=False,
        widget=forms.Textarea(attrs={"rows": "6"}),
        error_messages={
            "required": "Enter your reply",
            "max_length": f"Your reply must be {REPLY_MAX_LENGTH:,} characters or fewer",
        },
    )

    def clean_body(self) -> str:
        body = self.cleaned_data["body"]
        if not body.strip():
            raise forms.ValidationError("Enter your reply", code="required")
        return body


def errors_add(form: forms.Form, error: forms.ValidationError) -> None:
    """Puts a rule a service enforced beside the field it is about, or above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)
