"""Errors a person can act on: each names the problem and what to do about it."""

from __future__ import annotations

MAX_CHARS_SETTING = "TANDEM_MAX_QUESTION_CHARS"  # the setting behind every free-text input limit


class TandemError(Exception):
    """Base for errors shown to the user as a message, never as a traceback."""

    exit_code = 1


class InputError(TandemError):
    """The user's input is not acceptable (empty, too long, out of range).

    `field` names the input (e.g. "topic"), so the CLI can add its flag and a form can mark the field.
    """

    exit_code = 2

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


def require_text(value: str | None, field: str, max_chars: int, example: str, setting: str = "") -> str:
    """The stripped text; empty or over-long input raises InputError naming the field and the limit.

    `setting` names the setting that holds the limit, so an operator knows what to raise.

    >>> require_text("  Hallo ", "question", 10, "How do I start?")
    'Hallo'
    >>> require_text("x" * 12, "topic", 10, "ChatGPT basics")
    Traceback (most recent call last):
    ...
    assistant.errors.InputError: The topic has 12 characters; the limit is 10. Shorten it to what matters most.
    """
    text = (value or "").strip()
    if not text:
        raise InputError(f"The {field} is empty: write one, e.g. “{example}”.", field)
    if len(text) > max_chars:
        raise InputError(
            f"The {field} has {len(text)} characters; the limit is {max_chars}"
            + (f" ({setting})" if setting else "")
            + ". Shorten it to what matters most.",
            field,
        )
    return text


class ConfigError(TandemError):
    """A setting is missing or wrong."""

    exit_code = 2


class IndexMismatchError(TandemError):
    """The index was built with another embedding model than the one configured."""

    exit_code = 2


class BackendError(TandemError):
    """A service Tandem depends on (LLM endpoint, Chroma server) failed."""

    exit_code = 1


class StoreError(TandemError):
    """The database in the data dir cannot be opened or read."""

    exit_code = 2
