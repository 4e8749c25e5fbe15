"""Domain values: money, baskets, the catalogue, the business day, errors; no network and no
database. Its only I/O is whole files, read or written the same way by every layer: a file
replaced whole (``atomic_files``), the catalogue CSV read all-or-nothing (``catalog_csv``), a
settings file in TOML (``toml_files``)."""
