"""The terminal's Qt views: thin widgets over the Qt-free core (docs/architecture.md, Shape)."""
