"""Between a chat turn and the store: what a turn is recorded as, and a stored result read back.

The modes never see the store; the dispatcher records a finished turn through this module.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant import prompts
from assistant.errors import ConfigError, StoreError
from assistant.modes.models import Mode
from assistant.modes.results import RESULT_TYPES, Result
from assistant.store import DEFAULT_USER, TurnRecord


@dataclass(frozen=True)
class Thread:
    """Where a turn is recorded: the user, the conversation it continues (None starts a new one), and the tandem
    profile to link it to (None keeps the conversation's link, if any)."""

    user: str = DEFAULT_USER
    conversation: str | None = None
    tandem: str | None = None  # link the conversation to this tandem profile (`--tandem NAME`)


PROMPTLESS: frozenset[Mode] = frozenset({"log"})  # recorded by code, worded from templates: no prompt


def prompt_version(mode: Mode, prompts_dir: Path) -> str:
    """The mode's prompt as name@version (the prompt files are named after the modes); `log@none` has none."""
    if mode in PROMPTLESS:
        return f"{mode}@none"
    try:
        return f"{mode}@{prompts.load(mode, prompts_dir).version}"
    except ConfigError:
        return f"{mode}@unknown"  # an offline turn runs without its prompt; the turn is still worth keeping


def to_record(
    message: str, mode: Mode, parameters: dict[str, Any], result: Result, prompts_dir: Path
) -> TurnRecord:
    """A finished turn as the store keeps it: message, mode, parameters, result, sources, prompt, backend."""
    data = json.loads(result.model_dump_json())
    return TurnRecord(
        message=message,
        mode=mode,
        parameters=parameters,
        result=data,
        sources=data.get("sources", []),
        prompt_version=prompt_version(mode, prompts_dir),
        backend=result.backend,
    )


def load_result(mode: str, data: dict[str, Any]) -> Result:
    """A stored result as its mode's type again; a result the current types cannot read is named."""
    kind = RESULT_TYPES.get(mode)  # type: ignore[call-overload]
    if kind is None:
        raise StoreError(f"A stored turn has the unknown mode '{mode}'; was it written by a newer Tandem?")
    try:
        return kind.model_validate(data)  # type: ignore[no-any-return]
    except ValueError as exc:
        raise StoreError(
            f"A stored {mode} result no longer fits its type ({exc.__class__.__name__}); "
            "`tandem history show --json` still prints it as stored."
        ) from exc
