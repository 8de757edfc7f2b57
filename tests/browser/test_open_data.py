"""The open-data page and the map of partnerships by region, in a real browser: the map scales to a
phone, its table gives the figures, and a download arrives as a file people can read."""

import csv
import io
from decimal import Decimal
from pathlib import Path

import pytest

from tests.browser.conftest import DESKTOP, PHONE, axe_violations, open_page
from tests.factories import OrganisationFactory, SharedServiceFactory, make_case_study


@pytest.fixture
def partnerships(library):
    """Two partnerships led from Yorkshire, one of them with a London partner, and a case study
    reporting savings; built before the browser starts (see conftest)."""
    leeds = OrganisationFactory(
        name="West Yorkshire Combined Authority", region="yorkshire-and-the-humber"
    )
    camden = OrganisationFactory(name="London Borough of Camden", region="london")
    service = SharedServiceFactory(
        name="West Yorkshire and London revenues and benefits partnership",
        slug="wy-revenues",
        lead_organisation=leeds,
    )
    service.partners.add(camden)
    service.save()
    SharedServiceFactory(name="Yorkshire shared ICT", lead_organisation=leeds)
    make_case_study(
        library.case_studies,
        title="Yorkshire councils share revenues",
        organisations=[leeds],
        annual_savings_pounds=Decimal("1250000"),
    )


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone-360", "desktop-1280"])
def test_the_map_fits_the_screen_and_its_table_gives_the_figures(
    viewport, partnerships, live_server, site_home
):
    for page in open_page(**viewport):
        page.goto(live_server.url + "/open-data/map/")

        chart = page.get_by_role(
            "img", name="Schematic map of partnerships and reported annual savings by region"
        )
        assert chart.is_visible()
        box = chart.bounding_box()
        assert box["width"] <= viewport["viewport"]["width"]
        assert page.get_by_text("A schematic map:").is_visible()
        table = page.get_by_role("table", name="Partnerships and reported savings by region")
        yorkshire = table.get_by_role("row", name="Yorkshire and the Humber")
        assert yorkshire.inner_text().split("\t")[1:] == ["2", "1", "£1,250,000", "1"]
        london = table.get_by_role("row", name="London")
        assert london.inner_text().split("\t")[1:] == ["0", "1", "£0", "0"]
        assert (
            page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            == 0
        )
        assert axe_violations(page) == []


def test_a_csv_downloaded_from_the_open_data_page_holds_the_partnerships(
    partnerships, live_server, site_home
):
    for page in open_page(**PHONE):
        page.goto(live_server.url + "/open-data/")
        assert axe_violations(page) == []
        assert (
            page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            == 0
        )

        with page.expect_download() as waiting:
            page.get_by_role("link", name="Download partnerships as CSV").click()
        download = waiting.value
        assert download.suggested_filename.startswith("commons-partnerships-")
        assert download.suggested_filename.endswith(".csv")
        rows = list(csv.DictReader(io.StringIO(Path(download.path()).read_text(encoding="utf-8"))))

        page.get_by_role("link", name="on a map, region by region").click()
        page.wait_for_url("**/open-data/map/")

    assert [(row["shared_service"], row["organisation"], row["role"]) for row in rows][:2] == [
        ("wy-revenues", "west-yorkshire-combined-authority", "lead"),
        ("wy-revenues", "london-borough-of-camden", "partner"),
    ]
    assert rows[1]["region_name"] == "London"
