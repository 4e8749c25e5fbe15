"""Domain values: money, baskets, the catalogue, the business day, errors; no network and no
database. Its only I/O is whole files, read or written the same way by every layer: a file
replaced whole (``atomic_files``), a settings file in TOML (``toml_files``)."""
