"""The forms editors fill in to add to the search vocabulary: one for each kind of entry, with
words for what that kind means. The entry itself checks and cleans the phrases
(`VocabularyEntry.clean`), so the admin, the shell and tests all get the same errors."""

from django import forms

from search.models import VocabularyEntry

Kind = VocabularyEntry.Kind

# What each kind is for, shown when choosing one and above its form.
KIND_HELP = {
    Kind.PLAIN_ENGLISH: (
        "Words residents use",
        "The everyday words residents search with, and the council's words for the same thing, "
        "such as “bins” for “waste collection”. A search for the residents' words also finds "
        "the council's words. A search for the council's words does not change.",
    ),
    Kind.ACRONYM: (
        "An acronym",
        "A short form and what it stands for, such as MASH and multi-agency safeguarding hub. "
        "A search for either finds both.",
    ),
    Kind.SYNONYM: (
        "Words that mean the same",
        "Two or more words or phrases that mean the same thing, such as “revs and bens” and "
        "“revenues and benefits”. A search for any of them finds all of them.",
    ),
}

_ONE_A_LINE = "Put each one on its own line."


class SynonymForm(forms.ModelForm):
    class Meta:
        model = VocabularyEntry
        fields = ["terms"]
        labels = {"terms": "Words and phrases that mean the same"}
        help_texts = {"terms": f"{_ONE_A_LINE} For example: revs and bens, revenues and benefits."}
        widgets = {"terms": forms.Textarea(attrs={"rows": 5})}


class AcronymForm(forms.ModelForm):
    class Meta:
        model = VocabularyEntry
        fields = ["terms", "meanings"]
        labels = {"terms": "Short form", "meanings": "Long form"}
        help_texts = {
            "terms": "For example: MASH",
            "meanings": "For example: multi-agency safeguarding hub",
        }
        widgets = {"terms": forms.TextInput(), "meanings": forms.TextInput()}


class PlainEnglishForm(forms.ModelForm):
    class Meta:
        model = VocabularyEntry
        fields = ["terms", "meanings"]
        labels = {
            "terms": "Words residents use",
            "meanings": "The council's words a search for them should also find",
        }
        help_texts = {
            "terms": f"{_ONE_A_LINE} For example: bins, rubbish.",
            "meanings": f"{_ONE_A_LINE} For example: waste collection, refuse collection.",
        }
        widgets = {
            "terms": forms.Textarea(attrs={"rows": 4}),
            "meanings": forms.Textarea(attrs={"rows": 4}),
        }


KIND_FORMS: dict[str, type[forms.ModelForm]] = {
    Kind.SYNONYM: SynonymForm,
    Kind.ACRONYM: AcronymForm,
    Kind.PLAIN_ENGLISH: PlainEnglishForm,
}
