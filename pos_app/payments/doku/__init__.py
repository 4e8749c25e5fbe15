"""DOKU direct (Non-SNAP) API: DOKU Wallet orders, status checks, HTTP notifications."""
