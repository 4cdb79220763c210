"""A stored conversation as one Markdown document: what `tandem history show` prints and --md writes."""

from __future__ import annotations

from assistant.conversation.record import load_result
from assistant.render.markdown import to_markdown
from assistant.store.records import Conversation, StoredTurn


def demote(markdown: str, levels: int = 2) -> str:
    """Headings moved down, so a result's own headings sit under its turn's.

    >>> demote("# Plan\\ntext\\n## Agenda")
    '### Plan\\ntext\\n#### Agenda'
    """
    return "\n".join("#" * levels + line if line.startswith("#") else line for line in markdown.splitlines())


def turn_markdown(turn: StoredTurn) -> str:
    """One turn: its number and mode, the message quoted, the result, what produced it and its rating."""
    message = "\n".join(f"> {line}" for line in turn.message.splitlines())
    made = f"{turn.ref} · {turn.prompt_version} · {turn.backend}"
    if turn.rating is not None:
        made += f" · rated {turn.rating.value}" + (f": {turn.rating.comment}" if turn.rating.comment else "")
    body = demote(to_markdown(load_result(turn.mode, turn.result)))
    return f"## {turn.number}. {turn.mode} · {turn.created}\n\n{message}\n\n{body}\n\n_{made}_"


def conversation_markdown(conversation: Conversation) -> str:
    """The whole conversation, oldest turn first."""
    linked = f" · tandem {conversation.tandem}" if conversation.tandem else ""
    head = (
        f"# {conversation.title}\n\n_{conversation.id} · {conversation.turns} turns · "
        f"started {conversation.created} · last {conversation.updated}{linked}_"
    )
    return "\n\n".join([head, *(turn_markdown(turn) for turn in conversation.history)]) + "\n"
