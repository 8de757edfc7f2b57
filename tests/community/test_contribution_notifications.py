"""A contributor hears on the site (and by Wagtail's email, once) when an editor decides on what
they sent: knowledge knows nothing of notifications, community listens to Wagtail's signals."""

from django.core import mail

from community.models import Notification
from knowledge.models import CaseStudyPage
from tests.factories import make_case_study
from tests.knowledge.test_contribution import case_study_data


def contribute(client, citizen, **changes) -> CaseStudyPage:
    client.force_login(citizen)
    response = client.post("/contribute/case-study/", case_study_data(**changes))
    assert response.status_code == 302
    return CaseStudyPage.objects.get(title=case_study_data(**changes)["title"])


def test_the_contributor_is_notified_when_changes_are_requested(
    client, library, citizen, editor, django_capture_on_commit_callbacks
):
    page = contribute(client, citizen)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        page.current_workflow_task_state.reject(user=editor, comment="Please say what it cost.")

    [notification] = Notification.objects.filter(user=citizen)
    assert notification.message == (
        "An editor asked for changes to your case study “Two councils share a waste service”"
    )
    assert notification.url == f"/contribute/yours/{page.pk}/edit/"
    assert not Notification.objects.exclude(user=citizen).exists()
    # Wagtail's own workflow email is the one email: no second from us.
    assert len([email for email in mail.outbox if citizen.email in email.to]) == 1
    client.force_login(citizen)
    listed = client.get("/notifications/").content.decode()
    assert f'href="/contribute/yours/{page.pk}/edit/"' in listed


def test_the_contributor_is_notified_when_their_case_study_is_published(
    client, library, citizen, editor, django_capture_on_commit_callbacks
):
    page = contribute(client, citizen)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        page.current_workflow_task_state.approve(user=editor)

    page.refresh_from_db()
    assert page.live
    [notification] = Notification.objects.filter(user=citizen)
    assert notification.message == (
        "Your case study “Two councils share a waste service” was published"
    )
    assert notification.url == "/case-studies/two-councils-share-a-waste-service/"
    assert len([email for email in mail.outbox if citizen.email in email.to]) == 1


def test_later_publications_by_an_editor_tell_the_contributor_nothing_more(
    client, library, citizen, editor
):
    page = contribute(client, citizen)
    page.current_workflow_task_state.approve(user=editor)
    page.refresh_from_db()

    page.summary = "Corrected by an editor."
    page.save_revision(user=editor).publish(user=editor)

    assert Notification.objects.filter(user=citizen).count() == 1


def test_an_editor_publishing_their_own_case_study_is_not_notified(library, editor):
    page = make_case_study(library.case_studies, title="Editors' own", owner=editor)

    assert page.live
    assert not Notification.objects.filter(user=editor).exists()


def test_a_contributor_can_stop_the_decision_emails_and_still_sees_the_notifications(
    client, library, citizen, editor, django_capture_on_commit_callbacks
):
    client.force_login(citizen)
    settings_page = client.get("/notifications/settings/").content.decode()
    assert "Email me when editors decide on what I contribute" in settings_page
    assert 'name="contribution_decisions_emailed" type="checkbox" value="on" checked' in (
        settings_page
    )
    response = client.post("/notifications/settings/", {"watch_participated": "on"})
    assert response.status_code == 200
    page = contribute(client, citizen)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        page.current_workflow_task_state.reject(user=editor, comment="Please say what it cost.")

    assert [email for email in mail.outbox if citizen.email in email.to] == []
    assert Notification.objects.filter(user=citizen).count() == 1
    client.post(
        "/notifications/settings/",
        {"watch_participated": "on", "contribution_decisions_emailed": "on"},
    )
    with django_capture_on_commit_callbacks(execute=True):
        contribute_again = client.post(
            f"/contribute/yours/{page.pk}/edit/", case_study_data(summary="With costs.")
        )
        assert contribute_again.status_code == 302
        page.refresh_from_db()
        page.current_workflow_task_state.approve(user=editor)
    assert len([email for email in mail.outbox if citizen.email in email.to]) == 1


def test_the_changes_requested_email_links_to_the_change_page_and_the_setting_to_stop(
    client, library, citizen, editor, settings, django_capture_on_commit_callbacks
):
    settings.PUBLIC_BASE_URL = settings.WAGTAILADMIN_BASE_URL = "https://commons.example.org"
    settings.WAGTAILADMIN_NOTIFICATION_USE_HTML = True
    page = contribute(client, citizen)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        page.current_workflow_task_state.reject(user=editor, comment="Please say what it cost.")

    [email] = [email for email in mail.outbox if citizen.email in email.to]
    [(html_body, _)] = email.alternatives
    change = f"https://commons.example.org/contribute/yours/{page.pk}/edit/"
    stop = "https://commons.example.org/notifications/settings/"
    for body in (email.body, html_body):
        assert change in body
        assert stop in body


def test_the_contributor_is_told_when_the_editors_do_not_accept_their_case_study(
    client, library, citizen, editor, settings, django_capture_on_commit_callbacks
):
    settings.PUBLIC_BASE_URL = "https://commons.example.org"
    page = contribute(client, citizen)
    mail.outbox.clear()

    # Wagtail has no "reject outright": an editor says no by cancelling the review.
    with django_capture_on_commit_callbacks(execute=True):
        page.current_workflow_state.cancel(user=editor)

    [notification] = Notification.objects.filter(user=citizen)
    assert notification.message == (
        "The editors decided not to publish your case study “Two councils share a waste service”"
    )
    assert notification.url == "/contribute/yours/"
    [email] = [email for email in mail.outbox if citizen.email in email.to]
    assert "decided not to publish your case study" in email.subject
    assert "https://commons.example.org/contribute/yours/" in email.body
    assert "https://commons.example.org/notifications/settings/" in email.body
    assert "/admin/" not in email.body
    client.force_login(citizen)
    assert "Not accepted" in client.get("/contribute/yours/").content.decode()


def test_publishing_a_contribution_under_review_is_not_called_not_accepted(
    client, library, citizen, editor, django_capture_on_commit_callbacks
):
    page = contribute(client, citizen)
    mail.outbox.clear()

    # Publishing outside the review cancels the review too (WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH).
    with django_capture_on_commit_callbacks(execute=True):
        page.get_latest_revision().publish(user=editor)

    messages = list(Notification.objects.filter(user=citizen).values_list("message", flat=True))
    assert messages == ["Your case study “Two councils share a waste service” was published"]
    assert not [email for email in mail.outbox if "not to publish" in email.subject]


def test_a_contributor_who_stopped_decision_emails_sees_not_accepted_only_on_the_site(
    client, library, citizen, editor, django_capture_on_commit_callbacks
):
    client.force_login(citizen)
    client.post("/notifications/settings/", {"watch_participated": "on"})
    page = contribute(client, citizen)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        page.current_workflow_state.cancel(user=editor)

    assert Notification.objects.filter(user=citizen).count() == 1
    assert [email for email in mail.outbox if citizen.email in email.to] == []
