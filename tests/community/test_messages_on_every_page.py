"""Messages an action leaves (an address confirmed, signed in, joined) show on the very next page,
whatever renders it: a Wagtail page such as the home page as much as a Django view."""

from tests.community.test_accounts import emailed_link, sign_up
from tests.factories import CommunityFactory, make_case_study, make_verified_user


def test_confirming_an_email_says_so_on_the_home_page_it_lands_on(
    client, db, mailoutbox, home_page
):
    sign_up(client)
    link = emailed_link(mailoutbox[0], "/accounts/confirm-email/")

    landed = client.post(link, follow=True)

    assert landed.redirect_chain[-1][0] == "/"
    assert landed.context["page"].pk == home_page.pk
    page = landed.content.decode()
    assert "You have confirmed rowan@example.org" in page
    assert "govuk-notification-banner" in page


def test_a_message_shows_once_on_whatever_wagtail_page_comes_next(client, db, library):
    case_study = make_case_study(library.case_studies)
    community = CommunityFactory(name="Revenues and benefits")
    client.force_login(make_verified_user())
    client.post(f"{community.get_absolute_url()}join/")

    next_page = client.get(case_study.url)

    assert next_page.context["page"].pk == case_study.pk
    assert next_page.content.decode().count("You have joined Revenues and benefits.") == 1
    assert "You have joined" not in client.get(case_study.url).content.decode()


def test_a_message_on_a_community_page_shows_once(client, db, home_page):
    community = CommunityFactory()
    person = make_verified_user()
    client.force_login(person)

    landed = client.post(f"{community.get_absolute_url()}join/", follow=True)

    assert landed.status_code == 200
    assert landed.content.decode().count(f"You have joined {community.name}.") == 1
