"""What the demo network trades: stories about shared services, and brokerage listings.

Plain data only, read like `community.demo_data.conversations`.
"""

# Stories of demo shared services. `response` is (responding officer, Markdown) or None.
STORIES = (
    {
        "service": "tri-valley-revenues-and-benefits-service",
        "author": "dev-sharma",
        "title": "Business rates relief sorted in a week",
        "overall": 5,
        "ease": 4,
        "speed": 5,
        "communication": 4,
        "body": "I applied for small business rate relief online and had the new bill "
        "within a week. **Very clear letter.**",
        "days_ago": 45,
        "response": ("jo-whitaker", "Thank you, Dev. We will pass this on to the team."),
    },
    {
        "service": "tri-valley-revenues-and-benefits-service",
        "author": "lena-marsh",
        "title": "Long wait on the phone after the merger",
        "overall": 2,
        "ease": 2,
        "speed": 2,
        "communication": 3,
        "body": "My benefit change took six weeks and I waited 40 minutes on the phone twice.",
        "show_name": False,
        "days_ago": 85,
        "response": (
            "jo-whitaker",
            "We are sorry. The backlog after the system move is "
            "cleared and calls now wait under 5 minutes on average.",
        ),
    },
    {
        "service": "northshire-webchat",
        "author": "citizen",
        "title": "Webchat answered my question, but only in office hours",
        "overall": 3,
        "ease": 4,
        "speed": 3,
        "communication": 3,
        "body": "The adviser was helpful, but I had to take time off work to use it.",
        "days_ago": 52,
        "response": ("officer", "Thank you. Later opening starts in January."),
    },
    {
        "service": "vale-waste-partnership",
        "author": "citizen",
        "title": "Missed bin collected the next day",
        "overall": 4,
        "ease": 4,
        "speed": 5,
        "communication": 4,
        "body": "I reported a missed bin online and it was collected the next morning.",
        "days_ago": 15,
    },
    {
        "service": "northshire-eastvale-ict-service",
        "author": "lena-marsh",
        "title": "Library computers were down all weekend",
        "overall": 2,
        "body": "The library computers in Westmoor were down all weekend with no notice.",
        "days_ago": 2,
        "pending": True,
    },
)

LISTINGS = (
    {
        "author": "jo-whitaker",
        "kind": "offer",
        "service_area": "revenues-and-benefits",
        "region": "yorkshire-and-the-humber",
        "capacity": 2,
        "days_ago": 40,
        "title": "Council tax and benefits processing for one or two more districts",
        "description": "Tri-Valley processes council tax, business rates and housing "
        "benefit for three districts on one system, and could take on two more.",
    },
    {
        "author": "kit-brennan",
        "kind": "need",
        "service_area": "revenues-and-benefits",
        "region": "north-west",
        "capacity": 1,
        "days_ago": 25,
        "title": "Partner for council tax and benefits processing",
        "description": "Castlebrook wants a partner to process council tax and housing "
        "benefit from 2027, ideally on a system already in use.",
    },
    {
        "author": "officer",
        "kind": "offer",
        "service_area": "ict",
        "region": "yorkshire-and-the-humber",
        "capacity": 3,
        "days_ago": 35,
        "title": "ICT service desk and hosting for more councils",
        "description": "The Northshire and Eastvale ICT service runs a 24-hour service desk "
        "and data centre hosting, and has room for three more councils.",
    },
    {
        "author": "tom-ashworth",
        "kind": "need",
        "service_area": "ict",
        "region": "yorkshire-and-the-humber",
        "capacity": 1,
        "days_ago": 14,
        "title": "Out-of-hours ICT service desk cover",
        "description": "Westmoor needs out-of-hours service desk cover for 400 staff, "
        "evenings and weekends, from April.",
    },
    {
        "author": "kit-brennan",
        "kind": "need",
        "service_area": "ict",
        "region": "north-west",
        "capacity": 1,
        "days_ago": 8,
        "title": "Help moving our hosting to the cloud",
        "description": "Castlebrook wants a council partner to host servers while we move "
        "to the cloud over two years.",
    },
    {
        "author": "farah-okafor",
        "kind": "offer",
        "service_area": "building-control",
        "region": "east-of-england",
        "capacity": 2,
        "days_ago": 20,
        "title": "Building control surveyors for busy months",
        "description": "Anglia Coast building control can lend surveyors to neighbouring "
        "councils in busy months, charged by the day.",
    },
)

# (officer, title of another organisation's listing, message)
INTERESTS = (
    (
        "tom-ashworth",
        "ICT service desk and hosting for more councils",
        "Westmoor would like to talk about out-of-hours cover from April. Could we meet?",
    ),
)

# The demo citizen hears about new activity here, on the site only.
CITIZEN_WATCHES = ("residents-voice", "revenues-and-benefits-officers")
