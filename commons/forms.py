"""The site's form kit: the one field every typed text goes through (on the public site and in
the admin), the builder for GOV.UK text fields, and the helpers that put errors where people see
them. Every app's forms and views take these from here."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from commons.text import lines, one_line


class PlainTextField(forms.CharField):
    """A `CharField` that drops what no one means to type before any other check.

    A box (`TextInput`) gives one plain line: control characters, CR/LF, tabs and bidi overrides
    go, runs of spaces become one. A `Textarea` keeps its line breaks and loses the rest. Dropping
    rather than refusing: they arrive by pasting, and the person cannot see them to remove them.
    """

    def to_python(self, value: Any) -> Any:
        if isinstance(value, str):
            value = lines(value) if isinstance(self.widget, forms.Textarea) else one_line(value)
        return super().to_python(value)


def text_field(
    label: str,
    *,
    max_length: int,
    required_message: str = "",
    hint: str = "",
    rows: int = 0,
    strip: bool = True,
    **attrs: str,
) -> PlainTextField:
    """A plain text box, or a text area of `rows` lines, with GOV.UK's messages.

    Required exactly when there is a `required_message`. The message for too long an answer names
    the thing by its label, less any " (optional)", and writes thousands with a comma. Markdown
    wants `strip=False`: a leading indent can mean something there.
    """
    widget = forms.Textarea(attrs={"rows": str(rows), **attrs}) if rows else forms.TextInput(attrs)
    error_messages = {
        "max_length": f"{label.removesuffix(' (optional)')} must be "
        f"{max_length:,} characters or fewer"
    }
    if required_message:
        error_messages["required"] = required_message
    return PlainTextField(
        label=label,
        help_text=hint,
        required=bool(required_message),
        max_length=max_length,
        strip=strip,
        widget=widget,
        error_messages=error_messages,
    )


def errors_add(form: forms.Form, error: ValidationError) -> None:
    """Puts a rule a service or model enforced (and the form did not) beside the field it is
    about, or above the form when it is about no field the form has."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def form_error_list(form: forms.Form) -> list[dict[str, str]]:
    """The error summary's lines for a form of filters, each linking to the field to fix (the
    first box of a group); a problem with no field of its own links to the filters."""
    summary: list[dict[str, str]] = []
    for name, messages in form.errors.items():
        if name in form.fields:
            bound = form[name]
            anchor = bound.auto_id
            if isinstance(bound.field.widget, forms.CheckboxSelectMultiple):
                anchor += "_0"
        else:
            anchor = "filters"
        summary.extend({"href": f"#{anchor}", "text": message} for message in messages)
    return summary
