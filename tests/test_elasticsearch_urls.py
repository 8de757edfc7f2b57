"""ELASTICSEARCH_URL names one node or several; a malformed value is refused at start-up with a
message that names the variable and the entry at fault."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from commons.elasticsearch_urls import parse_elasticsearch_urls, shown


@pytest.mark.parametrize(
    ("value", "urls"),
    [
        ("", []),
        ("   ", []),
        ("http://127.0.0.1:9200", ["http://127.0.0.1:9200"]),
        (
            "http://es1.internal:9200, http://es2.internal:9200 ,https://es3.internal",
            ["http://es1.internal:9200", "http://es2.internal:9200", "https://es3.internal"],
        ),
        (
            "https://user:secret@search.example.org:9243",
            ["https://user:secret@search.example.org:9243"],
        ),
        ("http://[::1]:9200", ["http://[::1]:9200"]),
        ("http://proxy.internal:80/elasticsearch", ["http://proxy.internal:80/elasticsearch"]),
    ],
)
def test_one_node_or_several_separated_by_commas(value, urls):
    assert parse_elasticsearch_urls(value) == urls


@pytest.mark.parametrize(
    ("value", "bad_part", "problem"),
    [
        ("es1.internal:9200", "es1.internal:9200", "has no scheme"),
        ("http://es1:9200,es2:9200", "node 2 ('es2:9200')", "has no scheme"),
        ("http://es1:9200,http://es2", "node 2 ('http://es2')", "has no port"),
        ("ftp://es1:9200", "'ftp://es1:9200'", "only http and https"),
        ("http://es1:92000", "'http://es1:92000'", "not a number from 1 to 65535"),
        ("http://es1:port", "'http://es1:port'", "not a number from 1 to 65535"),
        ("http://:9200", "'http://:9200'", "has no host name"),
        ("http://es1:9200,,http://es2:9200", "node 2 ('')", "is empty"),
        ("http://es1:9200,", "node 2 ('')", "is empty"),
        ("http://es1:9200/?pretty", "'http://es1:9200/?pretty'", "query string"),
    ],
)
def test_a_malformed_value_is_refused_naming_the_variable_and_the_bad_part(
    value, bad_part, problem
):
    with pytest.raises(ImproperlyConfigured) as refused:
        parse_elasticsearch_urls(value)

    message = str(refused.value)
    assert message.startswith("ELASTICSEARCH_URL")
    assert bad_part in message
    assert problem in message


def test_the_same_node_twice_is_refused():
    with pytest.raises(ImproperlyConfigured, match="same node more than once: http://es1:9200"):
        parse_elasticsearch_urls("http://es1:9200, http://es1:9200")


def test_a_refusal_never_shows_the_password():
    with pytest.raises(ImproperlyConfigured) as refused:
        parse_elasticsearch_urls("https://commons:hunter2@es1:9243,https://commons:hunter2@")

    assert "hunter2" not in str(refused.value)
    assert "commons:***@" in str(refused.value)
    assert shown("http://commons:hunter2@es1:9200") == "http://commons:***@es1:9200"
