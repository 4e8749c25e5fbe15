"""The cashier terminal's Qt views: thin widgets over the Qt-free core (DESIGN.md §2)."""
