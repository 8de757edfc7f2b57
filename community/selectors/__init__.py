"""Community reads, one module per subject: the pages, feeds and search ask the same ones."""
