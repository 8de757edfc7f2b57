"""The content index behind its alias: create it when missing, make new ones for rebuilds."""

import secrets

from django.utils import timezone
from elasticsearch import Elasticsearch, NotFoundError

from search.documents import alias_name, index_body


def new_index_name() -> str:
    stamp = timezone.now().strftime("%Y%m%d%H%M%S")
    return f"{alias_name()}_{stamp}_{secrets.token_hex(3)}"


def create_index(client: Elasticsearch, *, with_alias: bool = False) -> str:
    """A new, empty content index; pointed to by the alias only when asked (first creation)."""
    name = new_index_name()
    aliases = {alias_name(): {"is_write_index": True}} if with_alias else {}
    client.indices.create(index=name, aliases=aliases, **index_body())
    return name


def indices_behind_alias(client: Elasticsearch) -> list[str]:
    try:
        return sorted(client.indices.get_alias(name=alias_name()))
    except NotFoundError:
        return []


def ensure_index(client: Elasticsearch) -> str:
    """The index the alias points to, made (empty) if there is none yet."""
    current = indices_behind_alias(client)
    if current:
        return current[0]
    return create_index(client, with_alias=True)
