"""The demo community's content, as plain data `community.demo_content` writes through the services.

Authors are demo usernames, places are slugs from `knowledge/demo/content.json`, and times are
days before the day the demo is loaded.
"""

from community.demo_data.conversations import COMMUNITIES, MORE_PEOPLE, THREADS
from community.demo_data.events import EVENTS
from community.demo_data.exchanges import CITIZEN_WATCHES, INTERESTS, LISTINGS, STORIES
from community.demo_data.private import PRIVATE_COMMUNITY, PRIVATE_THREADS
from community.demo_data.questions import QUESTIONS
from community.demo_data.story_loops import STORY_CHANGES, STORY_WEIGHTS

__all__ = [
    "CITIZEN_WATCHES",
    "COMMUNITIES",
    "EVENTS",
    "INTERESTS",
    "LISTINGS",
    "MORE_PEOPLE",
    "PRIVATE_COMMUNITY",
    "PRIVATE_THREADS",
    "QUESTIONS",
    "STORIES",
    "STORY_CHANGES",
    "STORY_WEIGHTS",
    "THREADS",
]
