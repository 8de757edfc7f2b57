"""The event form: a day, a start and end time typed as people write them ("2pm", "14:30"), in
UK time, and where it is, online or both."""

import datetime
import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from commons.forms import text_field
from community.events_time import UK
from community.models import Event
from knowledge.forms import DayMonthYearField

_TIME = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$")


class TimeOfDayField(forms.CharField):
    """ "2pm", "2:30pm", "14:30" or "14.30"; GOV.UK's "midday" and "midnight" too."""

    def __init__(self, *, what: str, **kwargs: Any) -> None:
        self.what = what
        kwargs.setdefault("error_messages", {"required": f"Enter {what.lower()}"})
        widget = forms.TextInput(attrs={"class": "govuk-input--width-5"})
        super().__init__(max_length=10, widget=widget, **kwargs)

    def clean(self, value: Any) -> datetime.time | None:
        text = super().clean(value).strip().lower().replace(" ", "")
        if not text:
            return None
        if text in ("midday", "noon"):
            return datetime.time(12)
        if text == "midnight":
            return datetime.time(0)
        match = _TIME.match(text)
        problem = f"{self.what} must be a real time, like 2pm or 14:30"
        if not match:
            raise ValidationError(problem)
        hour, minute, half = int(match[1]), int(match[2] or 0), match[3]
        if half:
            if not 1 <= hour <= 12:
                raise ValidationError(problem)
            hour = hour % 12 + (12 if half == "pm" else 0)
        if hour > 23 or minute > 59:
            raise ValidationError(problem)
        return datetime.time(hour, minute)


def _time_text(value: datetime.datetime) -> str:
    return value.astimezone(UK).strftime("%H:%M")


class EventForm(forms.Form):
    title = text_field(
        "Title", max_length=Event._meta.get_field("title").max_length,
        required_message="Enter a title",
    )  # fmt: skip
    description = text_field(
        "Description (optional)",
        max_length=Event._meta.get_field("description_markdown").max_length,
        hint="What it is about and who it is for. You can use Markdown.",
        rows=6,
        strip=False,
    )
    date = DayMonthYearField(what="Date", label="Date", help_text="For example, 27 3 2027")
    start_time = TimeOfDayField(
        what="Start time", label="Start time", help_text="UK time, for example 2pm or 14:00"
    )
    end_time = TimeOfDayField(
        what="End time", label="End time", help_text="UK time, for example 3:30pm or 15:30"
    )
    place = text_field(
        "Place (optional)",
        max_length=Event._meta.get_field("place").max_length,
        hint="The address, if people meet in person.",
    )
    online_link = forms.URLField(
        label="Online link (optional)",
        help_text="The address of the video call, if people join online.",
        required=False,
        max_length=Event._meta.get_field("online_link").max_length,
        assume_scheme="https",
        error_messages={
            "invalid": "Enter the online link as a web address, like https://example.org/call"
        },
    )
    capacity = forms.IntegerField(
        label="Places (optional)",
        help_text="Leave empty if there is no limit.",
        required=False,
        min_value=1,
        max_value=100000,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-5"}),
        error_messages={
            "invalid": "Places must be a whole number, like 30",
            "min_value": "Places must be 1 or more",
            "max_value": "Places must be 100,000 or fewer",
        },
    )

    @classmethod
    def initial_for(cls, event: Event) -> dict[str, Any]:
        start = event.starts_at.astimezone(UK)
        return {
            "title": event.title,
            "description": event.description_markdown,
            "date": start.date(),
            "start_time": _time_text(event.starts_at),
            "end_time": _time_text(event.ends_at),
            "place": event.place,
            "online_link": event.online_link,
            "capacity": event.capacity,
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        day, start, end = data.get("date"), data.get("start_time"), data.get("end_time")
        if day and start and end:
            if end <= start:
                self.add_error("end_time", "End time must be after the start time")
            data["starts_at"] = datetime.datetime.combine(day, start, tzinfo=UK)
            data["ends_at"] = datetime.datetime.combine(day, end, tzinfo=UK)
        no_place = not data.get("place") and not data.get("online_link")
        if no_place and "online_link" not in self.errors:
            self.add_error("place", "Enter a place, an online link or both")
        return data

    def event_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "title": data["title"],
            "description_markdown": data["description"],
            "starts_at": data["starts_at"],
            "ends_at": data["ends_at"],
            "place": data["place"],
            "online_link": data["online_link"],
            "capacity": data["capacity"],
        }
