"""A faithful local simulator of DOKU and ecommpay for demo mode and end-to-end tests."""

from pos_app.sandbox.app import create_sandbox_app
from pos_app.sandbox.config import SandboxConfig

__all__ = ["SandboxConfig", "create_sandbox_app"]
