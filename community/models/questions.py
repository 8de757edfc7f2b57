from django.conf import settings
from django.db import models

from community.models.discussions import ContentStatus


class CaseStudyQuestion(models.Model):
    """A reader asks the authors of a case study something the page does not say. It reaches
    the case study's contacts by email at once; it appears on the page once a moderator
    publishes it."""

    page = models.ForeignKey(
        "knowledge.CaseStudyPage", on_delete=models.CASCADE, related_name="questions"
    )
    asker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="case_study_questions"
    )
    body = models.TextField("your question", max_length=2_000)
    status = models.CharField(
        max_length=10, choices=ContentStatus.choices, default=ContentStatus.PENDING
    )
    created_at = models.DateTimeField(auto_now_add=True)
    moderated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Question about “{self.page.title}”"

    def get_absolute_url(self) -> str:
        return f"{self.page.url}#question-{self.pk}"

    @property
    def author(self):
        """Who wrote it, by the name the moderation queue and trust rules use for everything."""
        return self.asker

    @property
    def author_id(self) -> int:
        return self.asker_id


class CaseStudyAnswer(models.Model):
    """A case study's contact answers a question, signed in or from the emailed link. The
    contact's name and address are kept as they were when asked: the page's contacts may change."""

    question = models.ForeignKey(
        CaseStudyQuestion, on_delete=models.CASCADE, related_name="answers"
    )
    contact_name = models.CharField(max_length=200)
    contact_email = models.EmailField()
    # Set when the contact answered signed in to an account holding the contact's address.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="case_study_answers",
    )
    body = models.TextField("your answer", max_length=5_000)
    status = models.CharField(
        max_length=10, choices=ContentStatus.choices, default=ContentStatus.PENDING
    )
    created_at = models.DateTimeField(auto_now_add=True)
    moderated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            # One answer per contact per question: the emailed link is used once.
            models.UniqueConstraint(
                fields=["question", "contact_email"], name="case_study_answer_once_each"
            )
        ]

    def __str__(self) -> str:
        return f"{self.contact_name} answers a question about “{self.question.page.title}”"

    def get_absolute_url(self) -> str:
        return f"{self.question.page.url}#question-{self.question_id}"
