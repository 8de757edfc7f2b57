"""The privacy notice, accessibility statement and cookies page every site starts with.

Editors own these pages once they exist: setup creates each one only if no page of its kind is
there, so an edited, moved or unpublished page is never overwritten or brought back.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction

from knowledge.models import HomePage, LegalPage, LegalPageKind


@dataclass(frozen=True)
class LegalPageText:
    kind: LegalPageKind
    title: str
    slug: str
    body: str


PRIVACY_NOTICE = LegalPageText(
    LegalPageKind.PRIVACY,
    "Privacy notice",
    "privacy",
    """
<p>This notice explains what personal data Commons collects when you use it, why, and what
your rights are.</p>
<h2>What we collect</h2>
<p>When you create an account we collect:</p>
<ul>
<li>your email address, to confirm it is yours, to let you sign in and reset your password,
and to send you the notifications you ask for</li>
<li>your username, which other people see beside what you write</li>
<li>your password, which we store only in a scrambled (hashed) form that cannot be read
back</li>
</ul>
<p>You can also choose to add a display name, a few words about yourself, your interests and
the organisation you work for. Everyone can see these on your profile.</p>
<p>We keep what you write (threads, replies, stories, listings and the case studies or
resources you send us) and the date you wrote it. If you report a post, the moderators see
that you reported it and why.</p>
<h2>Why we collect it</h2>
<p>We use your data to run the service you signed up for: to let you take part in communities,
to show your name beside your posts, to tell you about replies, and to keep the service safe
from spam and abuse. The lawful basis is the performance of a task in the public interest:
helping councils and the people they serve share what works.</p>
<h2>Who can see it</h2>
<p>Your email address is never shown to other users. The people who run the service can see
it if they need to contact you about something you posted. We do not sell your data or share
it with advertisers.</p>
<h2>How long we keep it</h2>
<p>We keep your account until you ask us to close it. To ask, use the feedback link at the
top of any page.</p>
<h2>Your rights</h2>
<p>You can ask to see the personal data we hold about you, to correct it, to delete it, or to
stop us using it. You can change your profile and notification settings yourself at any time
from your account.</p>
<p>If you are unhappy with how we have used your data, you can complain to the
<a href="https://ico.org.uk/make-a-complaint/">Information Commissioner's Office</a>.</p>
""",
)

ACCESSIBILITY_STATEMENT = LegalPageText(
    LegalPageKind.ACCESSIBILITY,
    "Accessibility statement",
    "accessibility",
    """
<p>This accessibility statement applies to Commons, including every council's front door onto
it.</p>
<p>We want as many people as possible to be able to use this website. For example, that means
you should be able to:</p>
<ul>
<li>change colours, contrast levels and fonts using your browser or device settings</li>
<li>zoom in up to 400% without the text spilling off the screen</li>
<li>navigate most of the website using just a keyboard or speech recognition software</li>
<li>listen to most of the website using a screen reader</li>
</ul>
<p>We have also made the website text as simple as possible to understand. It is built with
the GOV.UK Design System, whose components are tested with disabled people.</p>
<h2>How accessible this website is</h2>
<p>We test the public pages with automated accessibility checks at phone and desktop sizes.
We know some parts of the website are not fully accessible:</p>
<ul>
<li>documents that councils upload, such as PDFs and spreadsheets, may not be accessible</li>
<li>charts on case studies may be hard to understand without the table of figures beside
them</li>
<li>the editors' area (the content management system) is not part of this statement</li>
</ul>
<h2>Feedback and contact information</h2>
<p>If you find a problem, or need information on this website in a different format, use the
feedback link at the top of any page. Tell us the web address of the page and what you
need.</p>
<h2>Enforcement procedure</h2>
<p>The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public
Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the
'accessibility regulations'). If you are not happy with how we respond to your complaint,
<a href="https://www.equalityadvisoryservice.com/">contact the Equality Advisory and Support
Service (EASS)</a>.</p>
<h2>Technical information about this website's accessibility</h2>
<p>We are committed to making this website accessible, in accordance with the accessibility
regulations. This website is partially compliant with the
<a href="https://www.w3.org/TR/WCAG22/">Web Content Accessibility Guidelines version 2.2</a>
AA standard, because of the issues listed above.</p>
<h2>Preparation of this accessibility statement</h2>
<p>This statement was prepared when the service launched. It will be reviewed when the
website changes and at least once a year.</p>
""",
)

COOKIES = LegalPageText(
    LegalPageKind.COOKIES,
    "Cookies",
    "cookies",
    f"""
<p>Cookies are small files saved on your phone, tablet or computer when you visit a
website.</p>
<p>Commons only uses cookies that it needs to work. They do not track you across other
websites, and we do not use analytics or advertising cookies. Because these cookies are
essential, we do not ask for your consent to set them.</p>
<h2>Essential cookies</h2>
<ul>
<li><strong>{settings.SESSION_COOKIE_NAME}</strong>: keeps you signed in as you move from page
to page. It is set when you sign in, or when you use a form that needs to remember something
between pages, and expires after {settings.SESSION_COOKIE_AGE // 86400} days or when you sign
out.</li>
<li><strong>{settings.CSRF_COOKIE_NAME}</strong>: stops other websites from sending forms to
Commons in your name. It is set when you view a page with a form and expires after
{settings.CSRF_COOKIE_AGE // 86400} days.</li>
<li><strong>messages</strong>: carries a short confirmation, such as "Your reply has been
posted", to the next page you see. It is deleted as soon as the message is shown.</li>
</ul>
<h2>Cookies we do not use</h2>
<p>We do not use Google Analytics or any other analytics cookies, and we do not show
adverts. If that ever changes, we will ask for your permission first and update this
page.</p>
""",
)

DEFAULT_LEGAL_PAGES = [PRIVACY_NOTICE, ACCESSIBILITY_STATEMENT, COOKIES]


@transaction.atomic
def legal_pages_ensure(home: HomePage) -> list[LegalPage]:
    """The privacy notice, accessibility statement and cookies page, published under `home`."""
    pages = []
    for text in DEFAULT_LEGAL_PAGES:
        existing = LegalPage.objects.filter(kind=text.kind).first()
        if existing is None:
            existing = home.add_child(
                instance=LegalPage(
                    title=text.title, slug=text.slug, kind=text.kind, body=text.body.strip()
                )
            )
        pages.append(existing)
    return pages
