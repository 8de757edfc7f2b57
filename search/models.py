"""Search's own tables: the outbox that keeps Elasticsearch in step, the database's own copy of
every document (what degraded search reads), what people search for, and the editors' vocabulary
(synonyms, acronyms and residents' words)."""

import hashlib

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from search.phrases import clean_phrases, rule_phrase


class IndexTask(models.Model):
    """One object whose search document must be brought up to date (an outbox row).

    Written in the same transaction as the change that caused it; `search_worker` reads the
    object's current state and indexes it, or removes its document when it should no longer be
    found. So the task says *which* object, never *what to do*: deletes, unpublishing and
    moderation all come out right from the object's state at drain time.
    """

    kind = models.CharField(max_length=40)
    object_id = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    not_before = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    set_aside_at = models.DateTimeField(
        null=True, blank=True, help_text="Failed too often: left for a person to look at."
    )
    # The object's SearchEntry was brought up to date: that never waits for Elasticsearch.
    entry_written_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["not_before", "id"],
                name="search_task_due",
                condition=models.Q(done_at__isnull=True, set_aside_at__isnull=True),
            ),
            models.Index(fields=["kind", "object_id"], name="search_task_object"),
            models.Index(
                fields=["id"],
                name="search_task_entry_due",
                condition=models.Q(entry_written_at__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"


def delimited(values) -> str:
    """Facet values as one text column that any database can filter with `contains`: each value
    between newlines, which no slug, code or tag name holds."""
    cleaned = [str(value).replace("\n", " ") for value in values if value]
    return "\n" + "\n".join(cleaned) + "\n" if cleaned else ""


class SearchEntry(models.Model):
    """One search document kept in the database: what the fallback searches when Elasticsearch
    is down, and what the embedded default searches always.

    Built by the same `Source.documents()` as the Elasticsearch document (`search.entries`),
    written by the outbox worker before it calls Elasticsearch (so an outage never holds it up).
    On PostgreSQL `vector` is the weighted tsvector of the text (title A, summary and tags B, body
    and names C), GIN-indexed by migration 0003, so no text is analysed while a search runs.
    Facet columns hold `delimited` values.

    This table holds only what a search filters and ranks by; the text shown and searched on
    SQLite is in `SearchEntryText`. A broad question matches most rows, and PostgreSQL ranks
    each of them: on a narrow table that reads half as much (measured at 100,000 items: the
    ranking query took half the time).
    """

    kind = models.CharField(max_length=40)
    object_id = models.CharField(max_length=64)
    audience = models.CharField(max_length=80)
    tags = models.TextField(blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    expires_on = models.DateField(null=True, blank=True)
    organisations = models.TextField(blank=True)
    service_areas = models.TextField(blank=True)
    regions = models.TextField(blank=True)
    community = models.CharField(max_length=200, blank=True)
    # Filled and read on PostgreSQL only; NULL elsewhere.
    vector = SearchVectorField(null=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="one_entry_per_object")
        ]
        indexes = [models.Index(fields=["audience", "kind"], name="search_entry_audience")]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"


class SearchEntryText(models.Model):
    """An entry's text and what a hit shows: read for the page's hits (and scored on SQLite)."""

    entry = models.OneToOneField(
        SearchEntry, primary_key=True, on_delete=models.CASCADE, related_name="text"
    )
    title = models.TextField()
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    names = models.TextField(blank=True)  # organisation and service-area names
    url = models.TextField(blank=True)
    meta = models.JSONField(default=list)

    def __str__(self) -> str:
        return self.title


class SearchTermDay(models.Model):
    """How often a search term was used on one day, and how often it found nothing.

    Only the normalised words are kept: no person, session, address or time of day.
    """

    term = models.CharField(max_length=200)
    day = models.DateField()
    searches = models.PositiveIntegerField(default=0)
    searches_without_results = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["term", "day"], name="one_row_per_term_day")]
        indexes = [models.Index(fields=["day"], name="search_term_day")]

    def __str__(self) -> str:
        return f"{self.term} on {self.day}"


class VocabularyEntry(models.Model):
    """Words the search engine treats as meaning the same, managed by editors: a set of phrases
    that mean the same, an acronym and its long form, or words residents use for what the
    council calls something else. Only confirmed entries apply (`search.vocabulary.rules()`).

    `terms` and `meanings` hold one cleaned phrase a line: a synonym's phrases (no meanings);
    an acronym's short form and long form; the residents' words and the council's words.
    """

    class Kind(models.TextChoices):
        SYNONYM = "synonym", "Same meaning"
        ACRONYM = "acronym", "Acronym"
        PLAIN_ENGLISH = "plain_english", "Residents' words"

    class Status(models.TextChoices):
        CANDIDATE = "candidate", "Waiting for a decision"
        CONFIRMED = "confirmed", "In use"
        REJECTED = "rejected", "Rejected"

    class Origin(models.TextChoices):
        EDITOR = "editor", "Added by an editor"
        MINED = "mined", "Found in content"

    kind = models.CharField("kind", max_length=20, choices=Kind.choices)
    terms = models.TextField("words", blank=True)
    meanings = models.TextField("meaning", blank=True)
    status = models.CharField(
        "status", max_length=20, choices=Status.choices, default=Status.CANDIDATE
    )
    origin = models.CharField(
        "where it came from", max_length=20, choices=Origin.choices, default=Origin.EDITOR
    )
    # One entry per meaning: mining finds "(MASH)" again and again, and an editor may type what
    # is already there. A digest, since a long synonym set would not fit an index.
    key = models.CharField(max_length=64, unique=True, editable=False)
    document_count = models.PositiveIntegerField("found in documents", default=0)
    example_title = models.CharField("example document", max_length=255, blank=True)
    example_url = models.CharField("example link", max_length=500, blank=True)
    created_at = models.DateTimeField("added on", default=timezone.now, editable=False)
    updated_at = models.DateTimeField("last changed", auto_now=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="decided by",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The editor who added, confirmed or rejected it.",
    )
    decided_at = models.DateTimeField("decided on", null=True, blank=True)

    class Meta:
        verbose_name = "vocabulary entry"
        verbose_name_plural = "vocabulary entries"
        indexes = [models.Index(fields=["status", "kind"], name="search_vocabulary_status")]

    def __str__(self) -> str:
        if self.kind == self.Kind.ACRONYM:
            return f"{self.terms}: {self.meanings}"
        if self.kind == self.Kind.PLAIN_ENGLISH:
            return f"{', '.join(self.phrases)} → {', '.join(self.meaning_phrases)}"
        return ", ".join(self.phrases)

    def save(self, *args, **kwargs) -> None:
        self.key = self.key_for(self.kind, self.phrases, self.meaning_phrases)
        super().save(*args, **kwargs)

    @property
    def phrases(self) -> list[str]:
        return [line for line in self.terms.splitlines() if line.strip()]

    @property
    def meaning_phrases(self) -> list[str]:
        return [line for line in self.meanings.splitlines() if line.strip()]

    def rule(self) -> str:
        """The entry as one Solr rule (see `search.vocabulary`)."""
        left = ", ".join(dict.fromkeys(rule_phrase(p) for p in self.phrases))
        right = ", ".join(dict.fromkeys(rule_phrase(p) for p in self.meaning_phrases))
        if self.kind == self.Kind.PLAIN_ENGLISH:
            return f"{left} => {right}"
        return f"{left}, {right}" if right else left

    @classmethod
    def key_for(cls, kind: str, phrases: list[str], meanings: list[str]) -> str:
        """The same for two entries that make the same rule, whatever their order or hyphens."""
        left = sorted({rule_phrase(p) for p in phrases})
        right = sorted({rule_phrase(p) for p in meanings})
        if kind == cls.Kind.SYNONYM:
            left, right = sorted({*left, *right}), []
        text = "\n".join([kind, *left, "=>", *right])
        return hashlib.sha256(text.encode()).hexdigest()

    def clean(self) -> None:
        check = _ENTRY_CHECKS.get(self.kind)
        if check is None:
            raise ValidationError("Choose what kind of entry this is.")
        phrases, meanings = check(self.terms, self.meanings)
        self.terms, self.meanings = "\n".join(phrases), "\n".join(meanings)
        self.key = self.key_for(self.kind, phrases, meanings)
        same = VocabularyEntry.objects.filter(key=self.key).exclude(pk=self.pk).first()
        if same is not None:
            status = same.get_status_display().lower()
            confirmed = same.status == self.Status.CONFIRMED
            advice = "" if confirmed else " Confirm it in the list instead."
            raise ValidationError(
                {"terms": f"This is already in the search vocabulary ({status}): “{same}”.{advice}"}
            )

    def validate_unique(self, exclude=None) -> None:
        # clean() checks `key` and says which entry is already there.
        super().validate_unique(exclude={*(exclude or ()), "key"})


def _cleaned(text: str, field: str, errors: dict[str, list]) -> list[str]:
    try:
        return clean_phrases(text)
    except ValidationError as error:
        errors.setdefault(field, []).extend(error.error_list)
        return []


def _check_synonym(terms: str, meanings: str) -> tuple[list[str], list[str]]:
    errors: dict[str, list] = {}
    phrases = _cleaned("\n".join([terms, meanings]), "terms", errors)
    if not errors and len({rule_phrase(p) for p in phrases}) < 2:
        errors["terms"] = ["Give at least two words or phrases that mean the same, one a line."]
    if errors:
        raise ValidationError(errors)
    return phrases, []


def _check_acronym(terms: str, meanings: str) -> tuple[list[str], list[str]]:
    errors: dict[str, list] = {}
    short = _cleaned(terms, "terms", errors)
    long = _cleaned(meanings, "meanings", errors)
    if "terms" not in errors and len(short) != 1:
        errors["terms"] = ["Give one short form, for example MASH."]
    if "meanings" not in errors and len(long) != 1:
        errors["meanings"] = ["Give one long form, for example multi-agency safeguarding hub."]
    if not errors and rule_phrase(short[0]) == rule_phrase(long[0]):
        errors["meanings"] = ["The long form must be different from the short form."]
    if errors:
        raise ValidationError(errors)
    return short, long


def _check_plain_english(terms: str, meanings: str) -> tuple[list[str], list[str]]:
    errors: dict[str, list] = {}
    residents = _cleaned(terms, "terms", errors)
    council = _cleaned(meanings, "meanings", errors)
    if "terms" not in errors and not residents:
        errors["terms"] = ["Give at least one word or phrase residents use, for example bins."]
    if "meanings" not in errors and not council:
        errors["meanings"] = [
            "Give at least one word or phrase the council uses, for example waste collection."
        ]
    if not errors and {rule_phrase(p) for p in council} <= {rule_phrase(p) for p in residents}:
        errors["meanings"] = ["Give council words that are different from the residents' words."]
    if errors:
        raise ValidationError(errors)
    return residents, council


_ENTRY_CHECKS = {
    VocabularyEntry.Kind.SYNONYM: _check_synonym,
    VocabularyEntry.Kind.ACRONYM: _check_acronym,
    VocabularyEntry.Kind.PLAIN_ENGLISH: _check_plain_english,
}


class VocabularySighting(models.Model):
    """A search document that defines a mined entry, so `document_count` counts documents, not
    times indexed: a rebuild or an edit indexes the same document again."""

    entry = models.ForeignKey(VocabularyEntry, on_delete=models.CASCADE, related_name="sightings")
    document = models.CharField(max_length=120)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["entry", "document"], name="one_sighting_a_document")
        ]
        indexes = [models.Index(fields=["document"], name="search_sighting_document")]

    def __str__(self) -> str:
        return f"{self.entry} in {self.document}"
