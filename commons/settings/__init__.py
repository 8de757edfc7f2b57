"""Settings for Commons: `base` holds what every environment shares, read from the environment.

`dev` (the default for manage.py) is the embedded demo: SQLite and Wagtail's database search.
`test` is what `make test` uses: real PostgreSQL and Elasticsearch, given by the environment.
`production` refuses to start without its secrets and passes `manage.py check --deploy`.
"""
