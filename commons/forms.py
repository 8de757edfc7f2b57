"""The one form field every typed text goes through, on the public site and in the admin."""

from typing import Any

from django import forms

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
