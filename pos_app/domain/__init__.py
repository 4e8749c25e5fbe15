"""Domain values: money, baskets, the catalogue, the business day, errors; no I/O."""
