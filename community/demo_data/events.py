"""The demo's events (#17 item 5): upcoming meetings and a webinar, with people signed up.
The demo citizen has no place yet, so signing up is theirs to try. Times are days after the day
the demo is loaded, at an hour of the day in UK time."""

EVENTS = (
    {
        "community": "residents-voice",
        "title": "Residents' panel: what good council tax support looks like",
        "description": "An open meeting for anyone who has claimed council tax support. Tell "
        "the two councils what worked and what did not. **Tea and biscuits provided.**",
        "days_ahead": 10,
        "hour": 18,
        "minutes": 120,
        "place": "Eastvale Central Library, Meeting Room 2, 14 Church Street",
        "online_link": "",
        "capacity": 30,
        "signed_up": ("lena-marsh", "dev-sharma"),
    },
    {
        "community": "starting-a-shared-service",
        "title": "Webinar: writing the business case for a shared service",
        "description": "Two programme leads walk through the business cases they wrote, what "
        "the councillors asked, and what they would leave out next time.",
        "days_ahead": 21,
        "hour": 14,
        "minutes": 90,
        "place": "",
        "online_link": "https://meet.commons.localhost/business-case-webinar",
        "capacity": None,
        "signed_up": ("jo-whitaker", "kit-brennan"),
    },
    {
        # Members only: nobody outside the community sees it, in pages, feeds or email.
        "community": "shared-ict-leaders",
        "title": "Data centre exit: members' round table",
        "description": "Bring your exit timelines. Nothing said here leaves the room.",
        "days_ahead": 14,
        "hour": 10,
        "minutes": 120,
        "place": "Northshire County Hall, Committee Room B",
        "online_link": "https://meet.commons.localhost/ict-round-table",
        "capacity": 12,
        "signed_up": ("officer", "tom-ashworth"),
    },
)
