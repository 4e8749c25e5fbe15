"""The terminal's settings file, its paths on disk and its language."""
