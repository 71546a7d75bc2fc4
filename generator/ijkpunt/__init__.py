"""IJkpunt generator: checklists in YAML → a static site (CPython only)."""

from ijkpunt_core import __version__

__all__ = ["__version__"]
