"""ELASTICSEARCH_URL as a list of nodes: read once by the settings (so a mistake stops the site
at start-up, not at the first search) and again by `search.elasticsearch` (so a test that
overrides the setting gets the nodes it named).

Plain Python, no Django app imports: the settings module imports it before apps are ready."""

from urllib.parse import SplitResult, urlsplit

from django.core.exceptions import ImproperlyConfigured

VARIABLE = "ELASTICSEARCH_URL"
SCHEMES = ("http", "https")
EXAMPLE = "http://es1.internal:9200,http://es2.internal:9200"


def parse_elasticsearch_urls(value: str, *, variable: str = VARIABLE) -> list[str]:
    """The node addresses in a comma-separated value, in the order given; [] when it is empty.
    Raises ImproperlyConfigured naming the variable and the entry at fault."""
    if not value.strip():
        return []
    urls = [entry.strip() for entry in value.split(",")]
    for position, url in enumerate(urls, start=1):
        problem = url_problem(url)
        if problem:
            raise ImproperlyConfigured(
                f"{variable}: node {position} ({shown(url)!r}) {problem}. Give each "
                f"Elasticsearch node as scheme://host:port, separated by commas, e.g. {EXAMPLE}"
            )
    duplicates = sorted({shown(url) for url in urls if urls.count(url) > 1})
    if duplicates:
        raise ImproperlyConfigured(
            f"{variable} names the same node more than once: {', '.join(duplicates)}"
        )
    return urls


def url_problem(url: str) -> str:
    """What is wrong with one node's address, or "" when nothing is. elasticsearch-py refuses an
    http address without a port (it fills in 443 for https only), so the rule is the same here."""
    if not url:
        return "is empty (two commas together, or one at either end)"
    if "://" not in url:
        return "has no scheme (http:// or https://)"
    parts = urlsplit(url)
    if parts.scheme not in SCHEMES:
        return f"has the scheme {parts.scheme!r}; only http and https are understood"
    if not parts.hostname:
        return "has no host name"
    port = _port(parts)
    if port is None and parts.scheme == "http":
        return "has no port (Elasticsearch usually listens on 9200)"
    if port == -1:
        return "has a port that is not a number from 1 to 65535"
    if parts.query or parts.fragment:
        return "has a query string or fragment, which a node address cannot use"
    return ""


def _port(parts: SplitResult) -> int | None:
    """The port, None when absent, -1 when it is not a valid port number."""
    try:
        port = parts.port
    except ValueError:
        return -1
    if port == 0:
        return -1
    return port


def shown(url: str) -> str:
    """The address as it may appear in a message or a log: never with its password."""
    parts = urlsplit(url) if "://" in url else None
    if parts is None or parts.password is None:
        return url
    host = parts.netloc.rpartition("@")[2]
    return parts._replace(netloc=f"{parts.username}:***@{host}").geturl()
