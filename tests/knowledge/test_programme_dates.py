"""A case study's "Dates" line and a shared service's status say what is true now (issue #15,
item 8): a live service whose set-up programme ended has not ended itself."""

import datetime

import pytest

from knowledge.models import ProgrammeStage, SharedService
from tests.factories import SharedServiceFactory, make_case_study

MARCH_2018 = datetime.date(2018, 3, 1)
OCTOBER_2019 = datetime.date(2019, 10, 1)


def dates_line(client, page) -> str:
    html = client.get(page.url).content.decode()
    row = html.split('<dt class="govuk-summary-list__key">Dates</dt>', 1)[1]
    return row.split("</dd>", 1)[0].split(">", 1)[1]


@pytest.mark.parametrize(
    ("stage", "started_on", "ended_on", "line"),
    [
        (ProgrammeStage.LIVE, MARCH_2018, OCTOBER_2019, "Running since October 2019"),
        (ProgrammeStage.LIVE, MARCH_2018, None, "Started March 2018, running now"),
        (ProgrammeStage.STOPPED, MARCH_2018, OCTOBER_2019, "Ran from March 2018 to October 2019"),
        (ProgrammeStage.STOPPED, None, OCTOBER_2019, "Stopped in October 2019"),
        (ProgrammeStage.IMPLEMENTATION, MARCH_2018, None, "Started March 2018"),
        (ProgrammeStage.IDEA, datetime.date(2099, 8, 1), None, "Starts August 2099"),
    ],
)
def test_the_dates_line_says_whether_the_service_is_running_or_ran(
    client, library, stage, started_on, ended_on, line
):
    page = make_case_study(
        library.case_studies, stage=stage, started_on=started_on, ended_on=ended_on
    )

    shown = dates_line(client, page)

    assert shown.startswith(line), shown
    if stage == ProgrammeStage.LIVE:
        assert "ended" not in shown.lower()


def test_a_live_service_says_when_its_setting_up_began(client, library):
    page = make_case_study(
        library.case_studies,
        stage=ProgrammeStage.LIVE,
        started_on=MARCH_2018,
        ended_on=OCTOBER_2019,
    )

    assert dates_line(client, page) == "Running since October 2019 (work began March 2018)"


@pytest.mark.parametrize(
    ("status", "since", "shown"),
    [
        (SharedService.Status.LIVE, datetime.date(2019, 3, 1), "Running since March 2019"),
        (SharedService.Status.LIVE, None, "Running"),
        (SharedService.Status.CLOSED, datetime.date(2019, 3, 1), "Closed (it began in March 2019)"),
        (SharedService.Status.PLANNED, datetime.date(2099, 3, 1), "Planned to start in March 2099"),
        (SharedService.Status.PLANNED, None, "Planned"),
    ],
)
def test_a_shared_service_says_whether_it_runs_now(client, db, status, since, shown):
    service = SharedServiceFactory(status=status, since=since)

    html = client.get(service.get_absolute_url()).content.decode()
    listing = client.get("/services/").content.decode()

    assert f'<dd class="govuk-summary-list__value">{shown}</dd>' in html
    assert "Running since</dt>" not in html
    assert f"{shown}." in listing
