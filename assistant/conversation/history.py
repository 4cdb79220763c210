"""A conversation's earlier turns for a prompt, within a token budget (`Settings.history_tokens`).

Each turn is the user's message and a short rendering of its result (an answer's opening, a plan's title and
blocks, a rewrite, the first questions). The newest turns are kept whole; once one no longer fits, it and
every older turn shrink to one line each (the message and the result's headline), and the oldest lines are
dropped first when even those do not fit. Tokens are counted approximately: four characters a token.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from langchain_core.messages import AIMessage, BaseMessage, HumanMessage

from assistant.store.records import StoredTurn
from assistant.text.language import Lang, pick

CHARS_PER_TOKEN = 4
BRIEF_CHARS = 480  # a result's rendering in a prompt
LINE_CHARS = 100  # a message's part of a one-line summary


def tokens(text: str) -> int:
    """About how many tokens a text takes (four characters a token, at least one for any text).

    >>> tokens(""), tokens("abcd"), tokens("abcde")
    (0, 1, 2)
    """
    return -(-len(text) // CHARS_PER_TOKEN)


def clip(text: str, limit: int) -> str:
    """The text on one line, cut at a word boundary with '…' when longer than `limit`.

    >>> clip("one two  three\\nfour", 12)
    'one two…'
    """
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def brief(mode: str, result: dict[str, Any]) -> str:
    """A short rendering of a stored result: what the model needs to know of it to understand a follow-up."""
    if mode == "ask":
        return clip(str(result.get("answer", "")), BRIEF_CHARS)
    if mode == "prepare":
        blocks = ", ".join(
            f"{b.get('title', '')} ({b.get('minutes', '?')} min)" for b in result.get("agenda", [])
        )
        exercise = (result.get("exercise") or {}).get("title", "")
        text = f"{result.get('title', '')}. {result.get('minutes', '?')} min: {blocks}."
        return clip(f"{text} Exercise: {exercise}." if exercise else text, BRIEF_CHARS)
    if mode == "feedback":
        return clip(
            f"Remark: {result.get('remark', '')} I-message: {result.get('i_message', '')}", BRIEF_CHARS
        )
    if mode == "reflect":
        questions = " ".join(str(item.get("question", "")) for item in result.get("items", [])[:4])
        return clip(f"{result.get('intro', '')} {questions}", BRIEF_CHARS)
    return ""


def headline(mode: str, result: dict[str, Any]) -> str:
    """A result in a few words: a plan's title, an answer's or a reflection's opening, a remark."""
    key = {"prepare": "title", "ask": "answer", "feedback": "remark", "reflect": "intro"}.get(mode, "")
    return clip(str(result.get(key, "")), 60)


@dataclass(frozen=True)
class Exchange:
    """One earlier turn as a prompt sees it: the message and its result, whole or as one line."""

    message: str
    reply: str
    line: str = ""  # set when the turn is summarised to one line

    @property
    def cost(self) -> int:
        return tokens(self.line) if self.line else tokens(self.message) + tokens(self.reply)


def recent(turns: Sequence[StoredTurn], budget: int) -> list[Exchange]:
    """The turns that fit the budget, oldest first: the newest whole, older ones as one line each.

    >>> from assistant.store.records import StoredTurn
    >>> def turn(n):
    ...     return StoredTurn(conversation="c", number=n, created="", message=f"question {n} " * 10, mode="ask",
    ...                       result={"answer": f"answer {n} " * 40}, prompt_version="ask@1", backend="offline")
    >>> kept = recent([turn(n) for n in range(1, 6)], 300)
    >>> [(e.message.split()[1], bool(e.line)) for e in kept], sum(e.cost for e in kept) <= 300
    ([('3', True), ('4', False), ('5', False)], True)
    """
    kept: list[Exchange] = []
    used, summarising = 0, False
    for turn in reversed(turns):
        whole = Exchange(turn.message.strip(), brief(turn.mode, turn.result))
        if not summarising and used + whole.cost <= budget:
            kept.append(whole)
            used += whole.cost
            continue
        summarising = True
        line = f"{clip(turn.message, LINE_CHARS)} → {turn.mode}: {headline(turn.mode, turn.result)}"
        short = Exchange(whole.message, whole.reply, line)
        if used + short.cost > budget:
            break
        kept.append(short)
        used += short.cost
    return kept[::-1]


def prompt_turns(turns: Sequence[StoredTurn], budget: int, lang: Lang) -> list[BaseMessage]:
    """The earlier turns as chat messages for a mode's prompt: one-line summaries first (as one message),
    then the whole turns as user and assistant messages."""
    kept = recent(turns, budget)
    lines = [e.line for e in kept if e.line]
    messages: list[BaseMessage] = []
    if lines:
        earlier = pick(lang, "Früher in diesem Gespräch:", "Earlier in this conversation:")
        messages.append(HumanMessage("\n".join([earlier, *(f"- {line}" for line in lines)])))
    for exchange in (e for e in kept if not e.line):
        messages += [HumanMessage(exchange.message), AIMessage(exchange.reply)]
    return messages


def transcript(turns: Sequence[StoredTurn], budget: int, lang: Lang) -> str:
    """The earlier turns as text (for the condense prompt): one line per summarised turn, then the whole ones."""
    user, tandem = pick(lang, "Nutzer", "User"), "Tandem"
    lines: list[str] = []
    for exchange in recent(turns, budget):
        if exchange.line:
            lines.append(f"- {exchange.line}")
        else:
            lines += [f"{user}: {exchange.message}", f"{tandem}: {exchange.reply}"]
    return "\n".join(lines)
