"""The terminal's settings file (reading it and writing it), its receipt printer settings, the
folders it uses on disk, its log file and its language."""
