"""#17 story loops in the demo: who has experienced a story too, and what changed because of one.

Stories are named by their title in `exchanges.STORIES`; people by demo username. The demo
citizen has not yet added weight to "Long wait on the phone after the merger", so they can try it.
"""

# (story title, people who have experienced it too)
STORY_WEIGHTS = (
    (
        "Long wait on the phone after the merger",
        ("dev-sharma", "tom-ashworth", "kit-brennan", "farah-okafor"),
    ),
    ("Webchat answered my question, but only in office hours", ("lena-marsh", "dev-sharma")),
    ("Business rates relief sorted in a week", ("citizen",)),
)

# (story title, officer who marks it, what changed, days ago it changed)
STORY_CHANGES = (
    (
        "Long wait on the phone after the merger",
        "jo-whitaker",
        "We added **six advisers** to the phone team and a call-back option, so nobody "
        "waits on hold for more than 10 minutes.",
        30,
    ),
    (
        "Webchat answered my question, but only in office hours",
        "officer",
        "Webchat is now open until 8pm on weekdays and on Saturday mornings.",
        10,
    ),
)
