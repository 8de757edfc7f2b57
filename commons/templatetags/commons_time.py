"""One way to write a time, for people and for machines, on every page."""

import datetime

from django import template
from django.utils import timezone
from django.utils.dateformat import format as date_format

register = template.Library()


@register.filter
def machine_time(value: datetime.date | datetime.datetime | None) -> str:
    """For <time datetime>: HTML allows at most milliseconds, and Django's "c" writes
    microseconds, so times are cut to the second."""
    if not value:
        return ""
    if not isinstance(value, datetime.datetime):
        return value.isoformat()
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.replace(microsecond=0).isoformat()


@register.filter
def human_time(value: datetime.datetime | None) -> str:
    """GOV.UK style: "30 November 2026 at 11:50pm" (Django's "a" would write "p.m.")."""
    if not value:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return f"{date_format(value, 'j F Y')} at {date_format(value, 'g:iA').lower()}"
