"""How the knowledge base writes money, percentages and staff numbers for people."""

from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def pounds(value: Decimal | int | None) -> str:
    """£1,250,000 for whole pounds, £1,250.50 otherwise; empty when unknown."""
    if value is None or value == "":
        return ""
    amount = Decimal(value)
    if amount == amount.to_integral_value():
        return f"£{amount:,.0f}"
    return f"£{amount:,.2f}"


@register.filter
def percent(value: Decimal | int | None) -> str:
    if value is None or value == "":
        return ""
    amount = Decimal(value).normalize()
    return f"{amount:f}%"


@register.filter
def staff_change(value: Decimal | None) -> str:
    """'12.5 fewer posts (full-time equivalent)' reads better than '-12.5 FTE'."""
    if value is None or value == "":
        return ""
    amount = Decimal(value).normalize()
    if amount == 0:
        return "No change"
    size = f"{abs(amount):f}"
    noun = "post" if abs(amount) == 1 else "posts"
    direction = "fewer" if amount < 0 else "more"
    return f"{size} {direction} {noun} (full-time equivalent)"
