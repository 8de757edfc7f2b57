"""Ask the author (#17 item 6) in the demo: one case study with a question its contact answered
(published), and one question waiting for the demo moderator and editor.

Case studies are slugs from `knowledge/demo/content.json`; contacts are named by their address
there; people by demo username.
"""

QUESTIONS = (
    {
        "case_study": "tri-council-revenues-and-benefits",
        "asker": "dev-sharma",
        "body": "How long did you run the old and new benefits systems side by side, and "
        "was it long enough?",
        "days_ago": 40,
        "answer": {
            "contact": "ruth.exampleton@trivalley.gov.uk",
            "body": "Eight weeks. In hindsight we should have planned twelve: the last two "
            "councils' month-end runs found problems the first one did not.",
        },
    },
    {
        # Waits in the queue: the tri-council case study is in revenues and benefits, an
        # area the demo moderator's communities cover, so both the moderator and editor see it.
        "case_study": "tri-council-revenues-and-benefits",
        "asker": "lena-marsh",
        "body": "Did residents notice the change of phone number, and how did you tell them?",
        "days_ago": 2,
        "answer": None,
    },
)
