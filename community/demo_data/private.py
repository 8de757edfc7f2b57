"""The demo's private community (#17 item 4): its members came in by invitation, and one
invitation waits for the demo citizen."""

PRIVATE_COMMUNITY = {
    "slug": "safeguarding-partnership-leads",
    "name": "Safeguarding partnership leads",
    "description": "A private space for the leads of shared safeguarding arrangements to talk "
    "about reviews and concerns before anything is published.",
    "rules": "- Nothing here is quoted outside the group.\n"
    "- **Never name a child, an adult at risk or their family.**\n"
    "- Moderators invite new members; ask one if a colleague should join.",
    "visibility": "private",
    "join_policy": "approval",
    # Invited by the demo moderator, and accepted.
    "members": ("officer", "jo-whitaker", "tom-ashworth"),
    # Invited, not yet accepted: the link is in the email `make run` prints the first time.
    "invited": ("citizen",),
}

PRIVATE_THREADS = (
    {
        "community": "safeguarding-partnership-leads",
        "author": "jo-whitaker",
        "title": "Sharing review findings across two councils before publication",
        "days_ago": 21,
        "body": "Our partnership review is due next month. Before it goes public, how have "
        "others shared the findings with both councils' cabinets without it leaking early?",
        "replies": (
            (
                "officer",
                20,
                "We briefed both lead members together, in person, with numbered copies. "
                "Nothing by email until the day.",
            ),
            ("tom-ashworth", 18, "Same here, and we agreed the press lines jointly first."),
        ),
    },
    {
        "community": "safeguarding-partnership-leads",
        "author": "tom-ashworth",
        "title": "Who chairs the joint panel when the two councils disagree?",
        "days_ago": 9,
        "body": "Our terms of reference are silent on a casting vote. What do yours say?",
        "replies": (),
    },
)
