"""Changes to the knowledge base, as named functions that commands, views and tests share."""

from django.db import transaction
from wagtail.models import Page, Site

from knowledge.models import HomePage

DEFAULT_INTRO = (
    "Case studies of shared services told warts and all, communities of interest, and resources "
    "from councils and the people they serve."
)


@transaction.atomic
def home_page_ensure(
    *, title: str = "Commons", hostname: str = "localhost", intro: str = DEFAULT_INTRO
) -> HomePage:
    """Make the default site's root a Commons home page, replacing Wagtail's welcome page.

    Idempotent: an existing home page on the default site is returned unchanged.
    """
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is not None and isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific

    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(title="Root", slug="root")
    welcome = root.get_children().filter(slug="home").exclude(
        content_type__model="homepage"
    ).first()
    if welcome is not None:
        welcome.delete()
        root.refresh_from_db()
    home = root.add_child(instance=HomePage(title=title, slug="home", intro=intro))
    if site is None:
        Site.objects.create(
            hostname=hostname, port=80, root_page=home, is_default_site=True, site_name=title
        )
    else:
        site.root_page = home
        site.site_name = site.site_name or title
        site.save()
    return home
