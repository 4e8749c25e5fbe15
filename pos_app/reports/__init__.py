"""Reports over the terminal's store: the accountant's files, the Z report (day close) and the
shift report, the products CSV, and the safe, atomic file writing they share. Qt-free: the
back-office screens and the command line call these. docs/architecture.md (The layers) names every
module."""
