"""Knowledge's services: the functions that change things.

`site` sets up the page tree every site shares (commands, the demo and the import call it);
`contributions` takes in what people send from the public site. Site setup can delete and
re-root pages, so only the first may call it.
"""

from knowledge.services.site import (
    DEFAULT_INTRO,
    Library,
    home_page_ensure,
    library_ensure,
    network_site_ensure,
)

__all__ = ["DEFAULT_INTRO", "Library", "home_page_ensure", "library_ensure", "network_site_ensure"]
