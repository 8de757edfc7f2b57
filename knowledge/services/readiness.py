"""Saving an organisation's due-diligence profile from its officers' form: the profile and every
row in one transaction, so a profile is never half-saved."""

from collections.abc import Mapping

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.forms import BaseInlineFormSet, ModelForm
from wagtail.log_actions import log

from knowledge.models.readiness import ReadinessProfile
from knowledge.readiness import Reader, can_change_profile


def profile_save(
    *,
    user: Reader,
    form: ModelForm,
    row_formsets: Mapping[str, BaseInlineFormSet],
) -> ReadinessProfile:
    """Saves a valid profile form and its row formsets (new rows, changed rows, rows to remove)
    and records who changed it. Rows keep the order they were shown in."""
    profile: ReadinessProfile = form.instance
    if not can_change_profile(user, profile.organisation):
        raise PermissionDenied(
            "Only the organisation's verified officers and editors can change its profile."
        )
    with transaction.atomic():
        created = profile.pk is None
        profile = form.save(commit=False)
        profile.updated_by = user
        profile.save()
        for formset in row_formsets.values():
            formset.instance = profile
            formset.save(commit=False)
            for row in formset.deleted_objects:
                row.delete()
            edited = [*formset.new_objects, *(row for row, _ in formset.changed_objects)]
            changed = {id(row) for row in edited}
            for position, row_form in enumerate(formset.forms):
                if id(row_form.instance) in changed:
                    row_form.instance.sort_order = position
                    row_form.instance.save()
        # The same history the admin keeps: editors see officers' changes beside their own.
        log(instance=profile, action="wagtail.create" if created else "wagtail.edit", user=user)
    return profile
