"""What every endpoint of the partners' content API shares: JSON errors, paging, caching, keys and
rate limits. The endpoints themselves live with their content (knowledge/api, community/api.py,
search/api.py); docs/api.md describes the whole API for partners."""
