"""The knowledge base in the partners' content API (/api/v1/, docs/api.md): public, read-only."""
