"""The words `bench/search_data.py` writes with: local-government service areas, places,
programme topics, sentences, and every phrase in search/synonyms.txt (acronyms and long forms)."""

import random
from pathlib import Path

SYNONYMS = Path(__file__).resolve().parent.parent / "search" / "synonyms.txt"

SERVICE_AREAS = [
    "Revenues and benefits", "Adult social care", "Children's social care", "Waste and recycling",
    "ICT and digital", "Human resources", "Legal services", "Procurement", "Finance and audit",
    "Planning", "Building control", "Environmental health", "Trading standards", "Highways",
    "Housing", "Libraries", "Customer services", "Payroll", "Parking", "Licensing",
    "Special educational needs", "Leisure and culture",
]  # fmt: skip
PLACES = [
    "Northshire", "Southvale", "Eastmere", "Westbrook", "Ashford", "Oakridge", "Millbrook",
    "Hartfield", "Kingsmoor", "Riverton", "Stonebridge", "Fenwick", "Marshdale", "Highcliffe",
    "Greenholm", "Thornbury", "Elmstead", "Larkhill", "Brackenfield", "Dunmore", "Coldharbour",
    "Wolverley", "Harrowden", "Calder", "Penrith Vale", "Avonside", "Medway Fields", "Tamarside",
    "Wyecombe", "Blackwater", "Ouseley", "Trentham", "Severnside", "Cheviot", "Mendip Hills",
    "Pennine", "Broadland", "Fylde Coast", "Wealden", "Chiltern Edge", "Solway", "Dovedale",
]  # fmt: skip
COUNCIL_KINDS = [
    "County Council", "District Council", "Borough Council", "City Council",
    "Metropolitan Borough Council",
]  # fmt: skip
REGIONS = [
    "north-east", "north-west", "yorkshire-and-the-humber", "east-midlands", "west-midlands",
    "east-of-england", "london", "south-east", "south-west", "wales", "scotland",
]  # fmt: skip
TOPICS = [
    "TUPE transfers", "the target operating model", "data migration", "channel shift",
    "council tax reduction schemes", "SEND transport", "EHCP backlogs", "business rates pooling",
    "disabled facilities grants", "replacing the CRM", "web chat", "bin collection rounds",
    "the housing revenue account", "right to buy receipts", "a memorandum of understanding",
    "governance boards", "job evaluation", "pension strain costs", "a shared ICT helpdesk",
    "moving to the cloud", "agency staff costs", "procurement frameworks", "contract management",
    "a joint business case", "recharging partners", "staff consultation", "a single payroll system",
    "robotic process automation", "fraud and error", "debt recovery", "a shared legal team",
    "adult social care assessments", "hospital discharge", "homelessness prevention",
    "temporary accommodation", "garden waste subscriptions", "fleet replacement",
    "library opening hours", "planning appeals", "building control fees", "licensing hearings",
]  # fmt: skip
QUESTION_TITLES = [
    "How did you handle {topic}?", "Has anyone shared {topic} with a neighbouring council?",
    "Lessons on {topic} from {place}", "Looking for a template for {topic}",
    "{area}: what went wrong with {topic}", "Advice needed on {topic} before April",
    "Who else is reviewing {topic}?", "{place} and {place2} are looking at {topic}",
]  # fmt: skip
SENTENCES = [
    "We merged the {area} teams of {place} and {place2} into one shared service.",
    "The business case promised savings of {money} a year, and we reached about {pct}% of that.",
    "Moving the data from the old system took {months} months longer than planned.",
    "Staff moved across under TUPE and the consultation ran for {weeks} weeks.",
    "The biggest lesson was to agree the governance before the target operating model.",
    "Members of both councils sat on a joint committee that met every {weeks} weeks.",
    "Our ICT teams had to bring two networks and two helpdesks together.",
    "Customers now reach us through web chat, the phone and a single online form.",
    "Backlogs fell from {months} months to a few weeks once the new process settled.",
    "We underestimated the cost of {topic}, which ate into the first year's savings.",
    "Recharging each partner fairly needed an agreed formula written into the agreement.",
    "The shared service now handles {count} cases a month across {n} councils.",
    "Union representatives were involved from the start, which avoided a dispute.",
    "A memorandum of understanding set out who owns the risk when something goes wrong.",
    "Our auditors asked for clearer performance measures in the second year.",
    "Adult social care and children's social care each kept their own front door.",
    "Special educational needs transport was the hardest service to bring together.",
    "Council tax reduction rules differed between the councils and had to be aligned.",
    "Business rates income was pooled, with a safety net for the smaller district.",
    "We would start the procurement of the new system earlier next time.",
]  # fmt: skip
REPLIES = [
    "We did the same in {place} and it took us {months} months.",
    "Happy to share our business case; message me.", "Our experience with {topic} was similar.",
    "The LGA has a useful guide on this.",
    "Start with the data: it is always worse than you think.",
    "We used an external partner for the first phase and regretted it.",
    "TUPE was straightforward once HR from both sides met weekly.",
    "Have a look at the {area} case study from {place}; it covers exactly this.",
    "Agree on the target operating model first, then the structure.",
]  # fmt: skip
STORY_TITLES = [
    "Quick and friendly", "Sorted in a day", "Took too long", "Helpful on the phone",
    "Much better than before", "Still waiting for an answer", "Clear letters at last",
    "Easy online form", "Lost my paperwork twice", "Good advice about {topic}",
]  # fmt: skip
LISTING_TITLES = [
    "Capacity in our {area} service", "Seeking a partner for {topic}",
    "Spare capacity for {topic}", "Looking to share {area} with a neighbour",
    "Offer: {area} expertise for councils in the {region_name}",
]  # fmt: skip
EXTRA_TAGS = [
    "tupe", "data migration", "business case", "governance", "savings", "digital", "cloud",
    "contact centre", "channel shift", "automation", "restructure", "consultation",
    "job evaluation", "pensions", "contract management", "performance", "risk",
    "lessons learned", "send", "ehcp", "crm", "council tax", "business rates", "homelessness",
    "shared services", "partnership", "joint committee", "procurement", "recharging", "fraud",
]  # fmt: skip


def synonym_phrases() -> list[str]:
    """Every phrase in the synonym list, so acronyms and their long forms appear in the text."""
    phrases = []
    for line in SYNONYMS.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            phrases.extend(p.strip() for p in line.replace("=>", ",").split(",") if p.strip())
    return phrases


class Writer:
    """Builds sentences from the vocabularies with one seeded random source."""

    def __init__(self, seed: int):
        self.random = random.Random(seed)  # noqa: S311 (repeatable test data)
        self.synonyms = synonym_phrases()

    def pick(self, values):
        return self.random.choice(values)

    def fill(self, template: str) -> str:
        r = self.random
        return template.format(
            area=self.pick(SERVICE_AREAS).lower(),
            place=self.pick(PLACES),
            place2=self.pick(PLACES),
            topic=self.pick(TOPICS),
            money=f"£{r.randint(1, 40) * 25_000:,}",
            pct=r.randint(40, 120),
            months=r.randint(2, 18),
            weeks=r.randint(2, 12),
            count=r.randint(200, 9000),
            n=r.randint(2, 6),
            region_name=self.pick(REGIONS).replace("-", " ").title(),
        )

    def paragraph(self, low: int, high: int, pool=SENTENCES) -> str:
        sentences = [self.fill(self.pick(pool)) for _ in range(self.random.randint(low, high))]
        if self.random.random() < 0.5:
            sentences.append(f"We also looked at {self.pick(self.synonyms)}.")
        return " ".join(sentences)

    def paragraphs(self, count: int, low: int = 2, high: int = 5) -> list[str]:
        return [self.paragraph(low, high) for _ in range(count)]

    def title(self, templates) -> str:
        text = self.fill(self.pick(templates))[:140]
        return text[:1].upper() + text[1:]
