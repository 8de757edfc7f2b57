"""How often a person hears about each thing they watch."""

from collections.abc import Iterable

from django import forms

from community.models import User, Watch
from community.selectors.notifications import contribution_emails_wanted


def _field_name(watch: Watch) -> str:
    return f"frequency_{watch.pk}"


class WatchSettingsForm(forms.Form):
    """Whether to watch what one starts or replies to, whether to hear by email what became of
    what one wrote, then one set of radios per watch:
    immediate email, daily digest, or on the site only."""

    watch_participated = forms.BooleanField(
        label=User._meta.get_field("watch_participated").verbose_name,
        help_text=User._meta.get_field("watch_participated").help_text,
        required=False,
    )
    contribution_decisions_emailed = forms.BooleanField(
        label="Email me when editors decide on what I contribute",
        help_text="When they publish a case study or resource you sent in, or ask you to change "
        "it. You always see their decisions on your notifications page.",
        required=False,
    )
    email_about_own_posts = forms.BooleanField(
        label=User._meta.get_field("email_about_own_posts").verbose_name,
        help_text=User._meta.get_field("email_about_own_posts").help_text,
        required=False,
    )

    email_about_events = forms.BooleanField(
        label=User._meta.get_field("email_about_events").verbose_name,
        help_text=User._meta.get_field("email_about_events").help_text,
        required=False,
    )

    def __init__(self, *args, user: User, watches: Iterable[Watch], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["watch_participated"].initial = user.watch_participated
        self.fields["contribution_decisions_emailed"].initial = contribution_emails_wanted(user)
        self.fields["email_about_own_posts"].initial = user.email_about_own_posts
        self.fields["email_about_events"].initial = user.email_about_events
        self.watches = list(watches)
        for watch in self.watches:
            self.fields[_field_name(watch)] = forms.ChoiceField(
                label=f"{'Thread' if watch.thread_id else 'Community'}: "
                f"{watch.thread or watch.community}",
                choices=Watch.Frequency.choices,
                initial=watch.frequency,
                widget=forms.RadioSelect,
                error_messages={"required": "Select how often you want to hear about this"},
            )

    def frequencies(self) -> dict[int, str]:
        return {watch.pk: self.cleaned_data[_field_name(watch)] for watch in self.watches}

    def rows(self) -> list[tuple[Watch, forms.BoundField]]:
        return [(watch, self[_field_name(watch)]) for watch in self.watches]
