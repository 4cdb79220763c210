"""Errors a person can act on: each names the problem and what to do about it."""

from __future__ import annotations


class TandemError(Exception):
    """Base for errors shown to the user as a message, never as a traceback."""

    exit_code = 1


class InputError(TandemError):
    """The user's input is not acceptable (empty, too long, out of range)."""

    exit_code = 2


class ConfigError(TandemError):
    """A setting is missing or wrong."""

    exit_code = 2


class IndexMismatchError(TandemError):
    """The index was built with another embedding model than the one configured."""

    exit_code = 2


class BackendError(TandemError):
    """A service Tandem depends on (LLM endpoint, Chroma server) failed."""

    exit_code = 1
