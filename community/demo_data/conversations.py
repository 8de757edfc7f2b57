"""What the demo community says in its conversations: people, communities and threads.

Plain data only; `community.demo_content` writes it through the services. Authors are demo
usernames (from `community.demo.DEMO_PEOPLE` or `MORE_PEOPLE` below), places are slugs from
`knowledge/demo/content.json`, and times are days before the day the demo is loaded.
"""

from community.demo import DemoPerson

# Officers' addresses are on their councils' email domains, so confirming them makes each a
# verified officer of that council.
MORE_PEOPLE = (
    DemoPerson(
        username="jo-whitaker",
        email="jo.whitaker@eastvale.gov.uk",
        display_name="Jo Whitaker",
        bio="Head of the Tri-Valley revenues and benefits service, hosted by Eastvale.",
    ),
    DemoPerson(
        username="tom-ashworth",
        email="tom.ashworth@westmoor.gov.uk",
        display_name="Tom Ashworth",
        bio="ICT manager at Westmoor Borough Council.",
    ),
    DemoPerson(
        username="kit-brennan",
        email="kit.brennan@castlebrook.gov.uk",
        display_name="Kit Brennan",
        bio="Transformation lead at Castlebrook Metropolitan Borough Council.",
    ),
    DemoPerson(
        username="farah-okafor",
        email="farah.okafor@fenmarsh.gov.uk",
        display_name="Farah Okafor",
        bio="Building control manager at Fenmarsh, working with Cressingham.",
    ),
    DemoPerson(
        username="lena-marsh",
        email="lena.marsh@commons.localhost",
        display_name="Lena Marsh",
        bio="Westmoor resident. I care about bins, buses and being able to get through by phone.",
    ),
    DemoPerson(
        username="dev-sharma",
        email="dev.sharma@commons.localhost",
        display_name="Dev Sharma",
        bio="I run a small café in Eastvale and pay business rates.",
    ),
)

COMMUNITIES = (
    {
        "slug": "revenues-and-benefits-officers",
        "name": "Revenues and benefits officers",
        "description": "For people who run council tax, business rates and benefits, in a "
        "shared service or thinking about one. Swap what works, ask what does not.",
        "rules": "- Be kind: everyone here is busy.\n- **Never post anyone's personal details**, "
        "not even a council tax reference.\n- Say which council you work for when it helps.",
        "visibility": "public",
        "join_policy": "open",
        "members": ("officer", "jo-whitaker", "tom-ashworth", "kit-brennan", "citizen"),
        "service_areas": ("revenues-and-benefits",),
    },
    {
        "slug": "shared-ict-leaders",
        "name": "Shared ICT leaders",
        "description": "A members-only space for heads of ICT in shared or partnered services to "
        "talk frankly about contracts, suppliers, security and incidents.",
        "rules": "- What is said here stays here: **do not quote it outside**.\n"
        "- Name suppliers only to say what happened, not to settle scores.\n"
        "- A moderator approves each request to join: tell us your role.",
        "visibility": "members",
        "join_policy": "approval",
        "members": ("officer", "tom-ashworth", "kit-brennan"),
        "service_areas": ("ict",),
    },
    {
        "slug": "residents-voice",
        "name": "Residents' voice on council services",
        "description": "Residents and councils talking about services that are run together: "
        "what works for you, what does not, and who to ask.",
        "rules": "- Talk about services, not individual staff.\n"
        "- **Do not post account numbers or your address.**\n"
        "- For a complaint about your own case, use your council's complaints page first.",
        "visibility": "public",
        "join_policy": "open",
        "members": ("citizen", "lena-marsh", "dev-sharma", "officer", "jo-whitaker"),
    },
    {
        "slug": "starting-a-shared-service",
        "name": "Starting a shared service",
        "description": "For councils at the very start: business cases, governance, staff and "
        "the questions nobody warns you about.",
        "rules": "- No question is too basic.\n- Share documents by linking to them.\n"
        "- Say what went wrong as well as what went right.",
        "visibility": "public",
        "join_policy": "open",
        "members": ("officer", "jo-whitaker", "kit-brennan", "farah-okafor", "tom-ashworth"),
    },
)

# Each reply is (author, days ago, Markdown). `answer` is the index of the accepted reply.
THREADS = (
    {
        "community": "revenues-and-benefits-officers",
        "author": "moderator",
        "title": "Welcome: please read this before you post",
        "days_ago": 120,
        "pinned": True,
        "tags": ["welcome"],
        "body": "Welcome to the community. A few things that help everyone:\n\n"
        "1. **Search first**: your question may have been answered.\n"
        "2. Say what size your council is and what system you use.\n"
        "3. Mark the reply that answered your question, so others can find it.\n\n"
        "The [community rules](/communities/revenues-and-benefits-officers/) apply.",
        "replies": (
            ("jo-whitaker", 118, "Thanks Morgan. Happy to answer anything about Tri-Valley."),
            ("kit-brennan", 110, "Glad this exists. Castlebrook is just starting to look."),
        ),
    },
    {
        "community": "revenues-and-benefits-officers",
        "author": "kit-brennan",
        "title": "How long did your benefits backlog take to clear after migration?",
        "days_ago": 95,
        "tags": ["migration", "benefits"],
        "body": "We are planning to move two councils onto one benefits system. Members are "
        "asking how long the backlog lasts. What did yours look like, **in weeks**?",
        "replies": (
            (
                "jo-whitaker",
                94,
                "Ours peaked at 6,100 items in week 3 and was back to normal by **week 14**. "
                "What helped most:\n\n- a frozen week before go-live with no new claims keyed\n"
                "- overtime booked in advance, not after the peak\n"
                "- a daily backlog figure the whole team could see\n\n"
                "We wrote it up in our [case study](/case-studies/tri-council-revenues-and-"
                "benefits/).",
            ),
            ("tom-ashworth", 92, "From the Westmoor side: the phones were the hard part."),
            ("kit-brennan", 90, "That is really useful, thank you both."),
        ),
        "answer": 0,
    },
    {
        "community": "revenues-and-benefits-officers",
        "author": "officer",
        "title": "Single person discount reviews: in-house or bought in?",
        "days_ago": 60,
        "tags": ["council-tax"],
        "body": "Northshire's districts are asking whether to keep reviewing single person "
        "discount themselves or buy the review in. What did you find?",
        "replies": (
            ("jo-whitaker", 58, "We bought it in for the first year, then took it in-house."),
            (
                "kit-brennan",
                55,
                "In-house here. The data matching is the easy bit; the "
                "letters and appeals are the work.",
            ),
        ),
        "answer": 0,
    },
    {
        "community": "revenues-and-benefits-officers",
        "author": "tom-ashworth",
        "title": "Recovering overpaid housing benefit from Universal Credit",
        "days_ago": 6,
        "tags": ["benefits"],
        "body": "Has anyone got deductions from Universal Credit working reliably for "
        "overpayments? Ours take months to start.",
        "replies": (),
    },
    {
        "community": "shared-ict-leaders",
        "author": "tom-ashworth",
        "title": "Microsoft licensing when two councils share one tenant",
        "days_ago": 70,
        "tags": ["licensing", "microsoft-365"],
        "body": "Before we merge tenants: who pays for what, and how did you split the bill?",
        "replies": (
            (
                "officer",
                68,
                "Northshire holds the agreement and recharges Eastvale by "
                "**named user**, reviewed each April. It has held up for two years.",
            ),
            ("kit-brennan", 66, "We recharge per device instead. It was a mistake."),
            ("tom-ashworth", 64, "Thanks, named users it is."),
        ),
        "answer": 0,
    },
    {
        "community": "shared-ict-leaders",
        "author": "officer",
        "title": "A cyber incident playbook shared across partners",
        "days_ago": 30,
        "tags": ["security"],
        "body": "Does anyone have one incident playbook that covers every partner council? "
        "Ours has three, and they disagree on who calls whom.",
        "replies": (
            ("tom-ashworth", 28, "Not yet. We would be glad to help write one."),
            ("kit-brennan", 25, "Ours names **one** incident lead for all partners."),
        ),
    },
    {
        "community": "residents-voice",
        "author": "citizen",
        "title": "Webchat closes at 5pm: is that changing?",
        "days_ago": 50,
        "tags": ["webchat"],
        "body": "I work until 5:30, so I can never use the council's webchat. "
        "Are there plans to keep it open later?",
        "replies": (
            (
                "officer",
                48,
                "Thanks for asking. From January the shared webchat will open "
                "until **7pm on Tuesdays and Thursdays**. We will post on the council website.",
            ),
            ("lena-marsh", 47, "Same problem here in Westmoor, good to hear."),
        ),
        "answer": 0,
    },
    {
        "community": "residents-voice",
        "author": "lena-marsh",
        "title": "Bin collection days changed after the waste partnership started",
        "days_ago": 80,
        "locked": True,
        "tags": ["waste"],
        "body": "Our collection day changed twice in a month. Where can I check it?",
        "replies": (
            ("dev-sharma", 79, "Same on our street in Eastvale."),
            ("citizen", 78, "The calendar on the council website was right for us."),
            (
                "moderator",
                76,
                "Thanks all. The partnership has confirmed the new days are "
                "settled, so we are locking this thread. Start a new one if it happens again.",
            ),
        ),
    },
    {
        "community": "residents-voice",
        "author": "dev-sharma",
        "title": "Which council do I complain to about a shared service?",
        "days_ago": 20,
        "tags": ["complaints"],
        "body": "My business rates bill comes from Tri-Valley but I live in Eastvale. "
        "Who do I complain to?",
        "replies": (
            (
                "jo-whitaker",
                18,
                "Complain to **your own council**: Eastvale. The shared "
                "service answers for it, and the ombudsman treats it as Eastvale's decision. See "
                "the [ombudsman's guide](https://www.lgo.org.uk/make-a-complaint).",
            ),
            ("dev-sharma", 17, "Thank you, that is clear."),
        ),
        "answer": 0,
    },
    {
        "community": "starting-a-shared-service",
        "author": "kit-brennan",
        "title": "Where do we start with a business case?",
        "days_ago": 100,
        "tags": ["business-case"],
        "body": "Our leaders have asked for an outline business case in three months. "
        "Where would you start?",
        "replies": (
            (
                "jo-whitaker",
                99,
                "Start from the five-case model in the [Green Book]"
                "(https://www.gov.uk/government/publications/the-green-book-appraisal-and-"
                "evaluation-in-central-government) and be honest about the **one-off costs**.",
            ),
            (
                "officer",
                97,
                "Agree the baseline costs with every finance team first. "
                "It took us longer than the rest of the case.",
            ),
            ("farah-okafor", 96, "And put the exit arrangements in from day one."),
        ),
        "answer": 0,
    },
    {
        "community": "starting-a-shared-service",
        "author": "farah-okafor",
        "title": "TUPE and pensions when staff move to the host council",
        "days_ago": 40,
        "tags": ["tupe", "staff"],
        "body": "What did you wish you had known about TUPE before staff transferred?",
        "replies": (
            ("jo-whitaker", 39, "Start consultation earlier than the law says you must."),
            ("officer", 37, "Check pension admission agreements early: they take months."),
            ("kit-brennan", 34, "Watch for different terms on car allowances."),
            ("farah-okafor", 33, "All noted, thank you."),
        ),
    },
    {
        "community": "starting-a-shared-service",
        "author": "tom-ashworth",
        "title": "Joint committee or a lead authority agreement?",
        "days_ago": 12,
        "tags": ["governance"],
        "body": "For two district councils, which governance model was simpler to run?",
        "replies": (
            ("jo-whitaker", 11, "Lead authority with a joint member board. Simple and quick."),
            ("officer", 9, "Joint committee for us: slower, but partners feel they own it."),
        ),
    },
)
