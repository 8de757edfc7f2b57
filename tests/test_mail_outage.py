"""A mail server that accepts connections and then never answers (frozen, or behind a firewall
that drops packets) must not hold up the person whose action sends an email: Django's SMTP
connection gives up after EMAIL_TIMEOUT, the failure is logged, and what they did is kept."""

import logging
import socket
import time
from collections.abc import Iterator

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from community.models import Notification
from knowledge.models import CaseStudyPage
from tests.factories import make_verified_user
from tests.knowledge.test_contribution import case_study_data


@pytest.fixture
def silent_mail_server() -> Iterator[int]:
    """A port that accepts connections (the operating system completes the handshake) but
    never sends the SMTP greeting."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    yield server.getsockname()[1]
    server.close()


def test_a_frozen_mail_server_does_not_hold_up_an_editors_decision(
    client, library, settings, silent_mail_server, caplog, django_capture_on_commit_callbacks
):
    contributor = make_verified_user(username="ana")
    client.force_login(contributor)
    assert client.post("/contribute/case-study/", case_study_data()).status_code == 302
    page = CaseStudyPage.objects.get()
    editor = make_verified_user(username="eddie")
    editor.groups.add(Group.objects.get(name="Editors"))
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", silent_mail_server
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    caplog.set_level(logging.ERROR)
    mail.outbox = []

    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        page.current_workflow_state.cancel(user=editor)
    waited = time.monotonic() - started

    # The configured timeout, not the operating system's (minutes) or none at all (for ever).
    assert settings.EMAIL_TIMEOUT
    assert waited < settings.EMAIL_TIMEOUT + 5, f"the decision waited {waited:.1f}s for mail"
    [notice] = Notification.objects.filter(user=contributor)
    assert notice.emailed_at is None  # not sent, so not marked as sent
    assert "Could not email notification" in caplog.text
