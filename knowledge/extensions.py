"""Places where apps built on the knowledge base add to its pages, unknown to it.

Dependencies point one way (community -> knowledge), so knowledge cannot import what community
shows on a shared service's page; community registers a panel here instead, at start-up.
"""

from collections.abc import Callable

from django.http import HttpRequest
from django.utils.safestring import SafeString

from knowledge.models import CaseStudyPage, SharedService

# A panel renders its own template and returns the HTML, already escaped by that template.
SharedServicePanel = Callable[[HttpRequest, SharedService], SafeString]

_shared_service_panels: list[SharedServicePanel] = []


def register_shared_service_panel(panel: SharedServicePanel) -> SharedServicePanel:
    if panel not in _shared_service_panels:
        _shared_service_panels.append(panel)
    return panel


def shared_service_panels(request: HttpRequest, service: SharedService) -> list[SafeString]:
    return [panel(request, service) for panel in _shared_service_panels]


# The same for a case study's page (community adds questions to the authors).
CaseStudyPanel = Callable[[HttpRequest, CaseStudyPage], SafeString]

_case_study_panels: list[CaseStudyPanel] = []


def register_case_study_panel(panel: CaseStudyPanel) -> CaseStudyPanel:
    if panel not in _case_study_panels:
        _case_study_panels.append(panel)
    return panel


def case_study_panels(request: HttpRequest, page: CaseStudyPage) -> list[SafeString]:
    return [panel(request, page) for panel in _case_study_panels]
