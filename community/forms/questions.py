from django import forms

from commons.forms import text_field

QUESTION_MAX_LENGTH = 2_000
ANSWER_MAX_LENGTH = 5_000


class QuestionForm(forms.Form):
    body = text_field(
        "Your question",
        max_length=QUESTION_MAX_LENGTH,
        required_message="Enter your question",
        hint="It goes to the case study's contacts by email. If they answer, a moderator "
        "checks both before they appear on this page with your name.",
        rows=5,
    )


class AnswerForm(forms.Form):
    body = text_field(
        "Your answer",
        max_length=ANSWER_MAX_LENGTH,
        required_message="Enter your answer",
        hint="A moderator checks it, then it appears under the case study with your name.",
        rows=8,
    )
