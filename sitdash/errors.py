"""Errors a user can cause: each carries a one-line message meant for them."""


class SitdashError(Exception):
    """Caught once in cli.py and printed as `sitdash: error: <message>`."""
