"""People and what they do together: accounts, communities, threads, stories and brokerage."""

from community.models.accounts import TrustLevel, User, UserInterest
from community.models.brokerage import Interest, Listing
from community.models.communities import Community, Membership
from community.models.discussions import ContentStatus, Post, Thread, ThreadTag
from community.models.events import Event, EventEmail, EventFeed, EventSignup
from community.models.invitations import Invitation
from community.models.moderation import CommunityModerationSettings, Flag, ModerationAction
from community.models.notifications import Notification, Watch
from community.models.questions import CaseStudyAnswer, CaseStudyQuestion
from community.models.stories import Story, StoryChange, StoryResponse, StoryWeight

__all__ = [
    "CaseStudyAnswer",
    "CaseStudyQuestion",
    "Community",
    "CommunityModerationSettings",
    "ContentStatus",
    "Event",
    "EventEmail",
    "EventFeed",
    "EventSignup",
    "Flag",
    "Interest",
    "Invitation",
    "Listing",
    "Membership",
    "ModerationAction",
    "Notification",
    "Post",
    "Story",
    "StoryChange",
    "StoryResponse",
    "StoryWeight",
    "Thread",
    "ThreadTag",
    "TrustLevel",
    "User",
    "UserInterest",
    "Watch",
]
