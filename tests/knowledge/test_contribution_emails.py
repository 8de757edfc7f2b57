"""Contributors hear what happened to their contribution, in words they can act on."""

import re

from django.core import mail

from tests.knowledge.test_contribution import submit, workflow_action


def emails_to(address: str) -> list:
    return [message for message in mail.outbox if address in message.to]


def test_a_contributor_is_told_when_changes_are_requested_and_where_to_look(
    signed_in, client, moderator, contributor, django_capture_on_commit_callbacks
):
    page = submit(signed_in)
    client.force_login(moderator)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(client, page, "reject", "Please add what it cost.")

    [email] = emails_to(contributor.email)
    assert "asked for changes" in email.body
    assert 'Their comment: "Please add what it cost."' in email.body
    assert "/contribute/yours/" in email.body
    assert "/admin/" not in email.body


def test_a_contributor_is_told_when_their_case_study_is_published(
    signed_in, client, moderator, contributor, django_capture_on_commit_callbacks
):
    page = submit(signed_in)
    client.force_login(moderator)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(client, page, "approve", "")

    [email] = emails_to(contributor.email)
    assert "approved and published" in email.body
    assert "/case-studies/two-councils-share-a-waste-service/" in email.body
    assert "/admin/" not in email.body


def test_workflow_emails_link_to_the_public_address_only(
    signed_in, client, moderator, contributor, settings, django_capture_on_commit_callbacks
):
    # As production.py sets them: Wagtail's emails read WAGTAILADMIN_BASE_URL.
    settings.PUBLIC_BASE_URL = settings.WAGTAILADMIN_BASE_URL = "https://commons.example.org"
    mail.outbox.clear()
    page = submit(signed_in)
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(client, page, "reject", "Please add what it cost.")

    [submitted] = emails_to(moderator.email)
    [rejected] = emails_to(contributor.email)
    for email in (submitted, rejected):
        links = re.findall(r"https?://\S+", email.body)
        assert links
        assert all(link.startswith("https://commons.example.org/") for link in links), links


def test_the_published_email_links_to_the_page_at_the_public_address(
    signed_in, client, moderator, contributor, settings, django_capture_on_commit_callbacks
):
    settings.PUBLIC_BASE_URL = settings.WAGTAILADMIN_BASE_URL = "https://commons.example.org"
    # Off by default; on here so the HTML part, which a deployment may switch on, is read too.
    settings.WAGTAILADMIN_NOTIFICATION_USE_HTML = True
    page = submit(signed_in)
    client.force_login(moderator)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(client, page, "approve", "")

    [approved] = emails_to(contributor.email)
    address = "https://commons.example.org/case-studies/two-councils-share-a-waste-service/"
    links = re.findall(r"https?://[^\s\"<>]+", approved.body)
    assert links == [address, "https://commons.example.org/notifications/settings/"]
    [(html, _)] = approved.alternatives
    assert f'<a href="{address}">{address}</a>' in html
    links = re.findall(r"https?://[^\s\"<>]+", html)
    assert [
        link
        for link in links
        if not link.startswith(("https://commons.example.org/", "http://www.w3.org/"))
    ] == []
