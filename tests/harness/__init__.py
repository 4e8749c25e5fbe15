"""Test and benchmark helpers: real relay and sandbox processes, load and fuzz generators."""
