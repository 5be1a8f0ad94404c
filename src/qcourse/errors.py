"""Errors shared by the library and the command line."""

from __future__ import annotations


class UserError(Exception):
    """A problem the user can fix; printed as one clear line, exit code 2."""
