"""The knowledge base: what councils learned, and who learned it."""

from knowledge.models.branding import LogoPlacement, SiteBranding
from knowledge.models.case_studies import (
    CaseStudyAttachment,
    CaseStudyContact,
    CaseStudyIndexPage,
    CaseStudyPage,
    CaseStudyTag,
    DueDiligenceItem,
    ProgrammeStage,
    RelatedCaseStudy,
)
from knowledge.models.home import HomeFeaturedItem, HomePage, ThemeIndexPage, ThemeItem, ThemePage
from knowledge.models.legal import LegalPage, LegalPageKind
from knowledge.models.organisations import Organisation, OrganisationEmailDomain
from knowledge.models.readiness import (
    ProfileContract,
    ProfilePart,
    ProfilePractice,
    ProfileSystem,
    ReadinessProfile,
)
from knowledge.models.resources import (
    Licence,
    ResourceIndexPage,
    ResourceKind,
    ResourcePage,
    ResourceTag,
)
from knowledge.models.revisits import CaseStudyRevisit, RevisitReminder
from knowledge.models.shared_services import SharedService
from knowledge.models.taxonomy import Region, ServiceArea

__all__ = [
    "CaseStudyAttachment",
    "CaseStudyContact",
    "CaseStudyIndexPage",
    "CaseStudyPage",
    "CaseStudyRevisit",
    "CaseStudyTag",
    "DueDiligenceItem",
    "HomeFeaturedItem",
    "HomePage",
    "LegalPage",
    "LegalPageKind",
    "Licence",
    "LogoPlacement",
    "Organisation",
    "OrganisationEmailDomain",
    "ProfileContract",
    "ProfilePart",
    "ProfilePractice",
    "ProfileSystem",
    "ProgrammeStage",
    "ReadinessProfile",
    "Region",
    "RelatedCaseStudy",
    "ResourceIndexPage",
    "ResourceKind",
    "ResourcePage",
    "ResourceTag",
    "RevisitReminder",
    "ServiceArea",
    "SharedService",
    "SiteBranding",
    "ThemeIndexPage",
    "ThemeItem",
    "ThemePage",
]
