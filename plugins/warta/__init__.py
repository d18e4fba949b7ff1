"""Warta's pure core: no Pelican, Jinja2 or feedgen imports anywhere below this package."""

__version__ = "0.1.0"
