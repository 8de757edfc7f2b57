"""Ask the author: a reader's question goes to a case study's contacts by email, a contact
answers (signed in, or from the emailed link without an account) and moderators publish both.

Rules decided here:
- Asking needs a confirmed address and a published case study with a contact who has an email
  address; each question emails every such contact, so asking is rate-limited ("question").
- The emailed link carries a signed, expiring token naming the question and the contact's
  address (django.core.signing): no row to store, and a changed or forged link fails its
  signature. It is used once, because a contact answers a question once (a database rule).
- If the address belongs to an account with that address confirmed, the contact must be signed
  in to that account: a forwarded email should not let someone else answer as them.
- Nothing is shown until a moderator publishes it. Publishing an answer publishes its question
  too (a moderator who read both has judged both) and tells the asker.
"""

import logging

from allauth.account.models import EmailAddress
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from commons.links import absolute_url
from commons.ratelimits import user_limit_check
from commons.text import one_line
from community.models import (
    CaseStudyAnswer,
    CaseStudyQuestion,
    ContentStatus,
    ModerationAction,
    User,
)
from community.permissions import can_ask_authors
from community.services.audit import audit_record
from community.services.notifications import author_tell
from knowledge.models import CaseStudyPage

logger = logging.getLogger(__name__)

ANSWER_LINK_SALT = "community.case-study-answer"
# Long enough for a busy officer's inbox; short enough that an old email stops working.
ANSWER_LINK_MAX_AGE = 60 * 60 * 24 * 30


class AnswerLinkInvalid(Exception):
    """The emailed link cannot be used; `message` says why in plain words."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def contacts_to_ask(page: CaseStudyPage) -> list[tuple[str, str]]:
    """(name, email) of the contacts a question goes to: those with an address, each once."""
    seen: dict[str, str] = {}
    for contact in page.contacts.all():
        email = contact.email.strip().lower()
        if email and email not in seen:
            seen[email] = contact.name
    return [(name, email) for email, name in seen.items()]


def answer_token_make(*, question: CaseStudyQuestion, email: str) -> str:
    return signing.dumps({"q": question.pk, "e": email.lower()}, salt=ANSWER_LINK_SALT)


def answer_token_read(token: str) -> tuple[CaseStudyQuestion, str]:
    """The question and the contact's address a link names, or AnswerLinkInvalid."""
    try:
        data = signing.loads(token, salt=ANSWER_LINK_SALT, max_age=ANSWER_LINK_MAX_AGE)
    except signing.SignatureExpired:
        raise AnswerLinkInvalid(
            "This link has expired. Links to answer a question work for 30 days."
        ) from None
    except signing.BadSignature:
        raise AnswerLinkInvalid(
            "This link does not work. Check you copied the whole link from the email."
        ) from None
    question = (
        CaseStudyQuestion.objects.select_related("page", "asker")
        .filter(pk=data.get("q"))
        .exclude(status=ContentStatus.REMOVED)
        .first()
    )
    if question is None or not question.page.live:
        raise AnswerLinkInvalid("This question is no longer open for answers.")
    email = str(data.get("e", ""))
    if CaseStudyAnswer.objects.filter(question=question, contact_email=email).exists():
        raise AnswerLinkInvalid("This link has been used: you have answered this question.")
    return question, email


def account_for_address(email: str) -> User | None:
    """The account that confirmed this address, if any: that contact answers signed in."""
    address = (
        EmailAddress.objects.filter(email__iexact=email, verified=True)
        .select_related("user")
        .first()
    )
    return address.user if address else None


def question_ask(*, user: User, page: CaseStudyPage, body: str) -> CaseStudyQuestion:
    """A new question, waiting for a moderator, emailed to the case study's contacts."""
    if not can_ask_authors(user, page):
        raise PermissionDenied("Confirm your email address before you ask a question.")
    contacts = contacts_to_ask(page)
    if not contacts:
        raise ValidationError("This case study has no contact to ask.")
    question = CaseStudyQuestion(page=page, asker=user, body=body.strip())
    question.full_clean()
    user_limit_check("question", user)
    with transaction.atomic():
        question.save()
        transaction.on_commit(lambda: _question_email_send(question, contacts))
    logger.info("Question %s about case study %s sent to its contacts", question.pk, page.pk)
    return question


def _question_email_send(question: CaseStudyQuestion, contacts: list[tuple[str, str]]) -> None:
    """Runs after commit, outside any transaction: one email per contact, each with its own
    link. A mail failure is logged; the question still waits for moderators."""
    for name, email in contacts:
        token = answer_token_make(question=question, email=email)
        link = absolute_url(reverse("community:question_answer", kwargs={"token": token}))
        body = render_to_string(
            "community/questions/email_question.txt",
            {"name": name, "question": question, "link": link},
        )
        message = EmailMessage(
            subject=one_line(f"Commons: a question about “{question.page.title}”")[:150],
            body=body,
            to=[email],
        )
        try:
            message.send()
        except Exception:
            logger.exception("Could not email question %s to a contact", question.pk)


def answer_submit(
    *, question: CaseStudyQuestion, email: str, user: User | None, body: str
) -> CaseStudyAnswer:
    """A contact's answer from the emailed link, waiting for a moderator. `user` is who is
    signed in (or None); the view has already read the link."""
    owner = account_for_address(email)
    if owner is not None and (user is None or user.pk != owner.pk):
        raise PermissionDenied("Sign in to the account with this email address to answer.")
    name = next((n for n, e in contacts_to_ask(question.page) if e == email), "")
    if not name:
        raise PermissionDenied("This address is no longer a contact for this case study.")
    answer = CaseStudyAnswer(
        question=question, contact_name=name, contact_email=email, author=owner, body=body.strip()
    )
    answer.full_clean(validate_constraints=False)
    if owner is not None:
        user_limit_check("edit", owner)
    try:
        with transaction.atomic():
            answer.save()
    except IntegrityError:  # two quick presses: the first answer stands
        raise AnswerLinkInvalid(
            "This link has been used: you have answered this question."
        ) from None
    return answer


def question_or_answer_publish(
    *, moderator: User, content: CaseStudyQuestion | CaseStudyAnswer, note: str
) -> None:
    """The queue's "Approve": the content appears under the case study. Call inside the
    queue's transaction (it audits each change)."""
    now = timezone.now()
    content.status = ContentStatus.VISIBLE
    content.moderated_at = now
    content.save(update_fields=["status", "moderated_at"])
    audit_record(
        actor=moderator, content=content, action=ModerationAction.Action.APPROVE, note=note
    )
    if isinstance(content, CaseStudyAnswer):
        question = content.question
        if question.status == ContentStatus.PENDING:
            question.status = ContentStatus.VISIBLE
            question.moderated_at = now
            question.save(update_fields=["status", "moderated_at"])
            audit_record(
                actor=moderator,
                content=question,
                action=ModerationAction.Action.APPROVE,
                note="Published with its answer.",
            )
        if question.status == ContentStatus.VISIBLE:
            author_tell(
                author=question.asker,
                message=f"{content.contact_name} answered your question about "
                f"“{question.page.title}”.",
                url=question.get_absolute_url(),
            )
