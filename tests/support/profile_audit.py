"""Read the programme material and list every number that contradicts the programme profile.

The audit splits each document into blocks (headings, paragraphs, list items, table rows; for YAML every
string value) and checks two kinds of statements:

- timed plans: agenda tables, timed lists and inline session plans must add up to the length they name,
  use an allowed session length and, for session agendas, follow the profile's split
  (see `plans_disagreeing`);
- sentences that state a programme number (sessions, length, cadence, notice period, completion rule,
  hands-on share, preparation time, time commitment, mid-way review, reflection), checked by the rules in
  `tests.support.profile_claims`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from assistant.catalog.profile import PROFILE_FILE, ProgrammeProfile
from tests.support.profile_claims import MIN, check_sentence, first_length, num, session_kind

__all__ = ["Block", "Disagreement", "audit_file", "audit_knowledge", "blocks_of", "plans_disagreeing"]


@dataclass(frozen=True)
class Disagreement:
    """One place in one file that contradicts the profile."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True)
class Block:
    """A heading, paragraph, list item or table row (or a YAML string), with its line and section."""

    kind: str  # heading | para | item | row | yaml
    text: str
    line: int
    heading: str


_ITEM = re.compile(r"^\s*(?:[-*]|\d+\.)\s+")
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"“”’]))\s+(?=[A-ZÄÖÜ\"„“*(])")


def blocks_of(text: str, first_line: int = 1) -> list[Block]:
    """Split Markdown into blocks; a paragraph or list item may span several lines."""
    blocks: list[Block] = []
    heading = ""
    current: list[str] = []
    start = kind = ""

    def flush() -> None:
        if current:
            blocks.append(Block(kind, " ".join(s.strip() for s in current), int(start), heading))
            current.clear()

    for number, line in enumerate(text.splitlines(), start=first_line):
        stripped = line.strip()
        if not stripped:
            flush()
        elif stripped.startswith("#"):
            flush()
            heading = stripped.lstrip("#").strip()
            blocks.append(Block("heading", heading, number, heading))
        elif stripped.startswith("|"):
            flush()
            blocks.append(Block("row", stripped, number, heading))
        elif _ITEM.match(line) or stripped.startswith("**") or not current or kind == "row":
            flush()
            current.append(line)
            start, kind = str(number), "item" if _ITEM.match(line) else "para"
        else:
            current.append(line)
    flush()
    return blocks


def sentences(block: Block) -> Iterator[str]:
    """The sentences of a block (a heading or table row is one sentence)."""
    if block.kind in ("heading", "row"):
        yield block.text
        return
    yield from (s for s in _SENTENCE_END.split(block.text.replace("**", "")) if s.strip())


# --- timed plans ------------------------------------------------------------------------------------------

_ROW_MINUTES = re.compile(r"^\s*\d+\s*[-–]\s*\d+\s*\((\d+)\)\s*$")
_CELL_MINUTES = re.compile(r"^\s*(\d+)(?:\s*[-–]\s*(\d+))?\s*$")
_ITEM_MINUTES = re.compile(
    rf"^\s*(?:[-*]|\d+\.)\s+(?:\*\*[^*(]*?\(|\()?"
    rf"(?:\d+\s*[-–]\s*\d+\s*\((\d+)\)|(\d+)(?:\s*[-–]\s*(\d+))?\s*{MIN})\)?[:)*\s]"
)
_PLAN_LABEL = re.compile(r"^\*\*(?:Session|Sitzung)\s+\d+[^*]*\*\*")
_PLAN_ITEM = re.compile(rf"(?:^|[;:]\s*|\*\*\s*)(\d+)\s*{MIN}(?=[\s.,;:])")
_NOT_PLAN_ROW = re.compile(r"^\s*(?:total|summe|gesamt)", re.IGNORECASE)
_EXERCISE = re.compile(r"exercise|übung|workshop|training|check-up", re.IGNORECASE)
_SESSIONISH = re.compile(r"session|sitzung|agenda|ablauf", re.IGNORECASE)


@dataclass
class _Plan:
    first_line: int
    context: str  # heading plus the sentence that introduces the plan (or the plan's bold label)
    low: list[int]
    high: list[int]
    form: str  # table | list | inline


def _table_minutes(rows: list[Block]) -> tuple[list[int], list[int]] | None:
    """Minutes per row from a `0-5 (5)` first column or a column headed Minutes/Minuten."""
    cells = [[c.strip() for c in r.text.strip("|").split("|")] for r in rows]
    header, body = cells[0], [c for c in cells[2:] if c and not _NOT_PLAN_ROW.match(c[0])]
    column = next((i for i, h in enumerate(header) if re.search(r"minut", h, re.IGNORECASE)), None)
    low: list[int] = []
    high: list[int] = []
    for row in body:
        match = _ROW_MINUTES.match(row[0])
        if match:
            low.append(int(match[1]))
            high.append(int(match[1]))
            continue
        cell = _CELL_MINUTES.match(row[column]) if column is not None and column < len(row) else None
        if cell is None:
            return None
        low.append(int(cell[1]))
        high.append(int(cell[2] or cell[1]))
    return (low, high) if low else None


def _plans(blocks: list[Block]) -> Iterator[_Plan]:
    """Agenda tables, timed lists and inline session plans, each with its context."""
    index = 0
    while index < len(blocks):
        block = blocks[index]
        intro = blocks[index - 1].text if index and blocks[index - 1].kind == "para" else ""
        context = f"{block.heading} | {intro}"
        if block.kind == "row":
            rows = [block]
            while index + 1 < len(blocks) and blocks[index + 1].kind == "row":
                index += 1
                rows.append(blocks[index])
            found = _table_minutes(rows) if len(rows) > 2 else None
            if found:
                yield _Plan(block.line, context, found[0], found[1], "table")
        elif block.kind == "item" and _ITEM_MINUTES.match(block.text):
            items = [block]
            while index + 1 < len(blocks) and blocks[index + 1].kind == "item":
                if not _ITEM_MINUTES.match(blocks[index + 1].text):
                    break
                index += 1
                items.append(blocks[index])
            matches = [_ITEM_MINUTES.match(i.text) for i in items]
            low = [int(m[1] or m[2]) for m in matches if m]
            high = [int(m[1] or m[3] or m[2]) for m in matches if m]
            if len(items) > 1:
                yield _Plan(block.line, context, low, high, "list")
        elif block.kind == "para" and _PLAN_LABEL.match(block.text):
            label = _PLAN_LABEL.match(block.text)
            assert label is not None
            rest = block.text[label.end() :].lstrip()
            found_minutes = [int(m[1]) for m in _PLAN_ITEM.finditer(rest)]
            plan_context = f"{block.heading} | {label.group()}"
            if found_minutes:
                yield _Plan(block.line, plan_context, found_minutes, found_minutes, "inline")
        index += 1


def _section_lengths(context: str) -> list[int]:
    """Lengths in minutes the context names: `60-minute`, `(20 Minuten)`, `about 4 hours`, `half-day`."""
    found = first_length(context)
    if found:
        return [found]
    hours = [num(h) for h in re.findall(r"(\d+(?:[.,]5)?)\s*(?:hours|Stunden)", context)]
    return [round(h * 60) for h in hours]


def plans_disagreeing(blocks: list[Block], profile: ProgrammeProfile) -> Iterator[tuple[int, str]]:
    """(line, message) for every timed plan that does not add up or differs from the profile's split."""
    allowed = profile.session_minutes.allowed
    for plan in _plans(blocks):
        lengths = _section_lengths(plan.context)
        low, high = sum(plan.low), sum(plan.high)
        total = str(low) if low == high else f"{low}-{high}"
        what = {"table": "agenda table", "list": "timed list", "inline": "session plan"}[plan.form]
        if not lengths:
            continue
        if low != high or low not in lengths:
            named = " or ".join(str(n) for n in lengths)
            yield plan.first_line, f"{what} adds up to {total} minutes, not the {named} it names"
            continue
        if _EXERCISE.search(plan.context) or not _SESSIONISH.search(plan.context):
            continue
        if low not in allowed:
            yield plan.first_line, f"{what} plans a {low}-minute session; allowed lengths are {allowed}"
            continue
        kind = session_kind(plan.context)
        split = profile.split(kind, low)
        if plan.form != "inline" and split is not None and plan.low != [b.minutes for b in split.blocks]:
            yield (
                plan.first_line,
                (
                    f"{what} splits the {kind} {low}-minute session {' + '.join(map(str, plan.low))}; the "
                    f"profile splits it {split.sum_text()} ({', '.join(b.id for b in split.blocks)})"
                ),
            )


# --- files ------------------------------------------------------------------------------------------------


def _yaml_blocks(text: str) -> list[Block]:
    """Every string value of a YAML file, with the line where it starts."""
    blocks: list[Block] = []

    def walk(node: Any) -> None:
        if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":str"):
            blocks.append(Block("yaml", " ".join(str(node.value).split()), node.start_mark.line + 1, ""))
        elif isinstance(node, yaml.SequenceNode):
            for child in node.value:
                walk(child)
        elif isinstance(node, yaml.MappingNode):
            for _, child in node.value:
                walk(child)

    walk(yaml.compose(text, Loader=yaml.SafeLoader))
    return blocks


def audit_file(path: Path, profile: ProgrammeProfile, root: Path) -> list[Disagreement]:
    """All disagreements in one Markdown or YAML file."""
    text = path.read_text(encoding="utf-8")
    name = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.name
    if path.suffix == ".md":
        end = text.find("\n---", 3) if text.startswith("---") else -1
        offset = text.find("\n", end + 1) + 1 if end > 0 else 0
        blocks = blocks_of(text[offset:], text[:offset].count("\n") + 1)
    else:
        blocks = _yaml_blocks(text)
    found = [Disagreement(name, line, message) for line, message in plans_disagreeing(blocks, profile)]
    for block in blocks:
        for sentence in sentences(block):
            found += [
                Disagreement(name, block.line, m) for m in check_sentence(sentence, block.heading, profile)
            ]
    return found


def audit_knowledge(knowledge: Path, profile: ProgrammeProfile, root: Path) -> list[Disagreement]:
    """Every disagreement in the Markdown documents and YAML files under `knowledge/`, in file order."""
    paths = sorted(p for p in knowledge.rglob("*") if p.suffix in (".md", ".yaml") and p.name != PROFILE_FILE)
    found: list[Disagreement] = []
    for path in paths:
        found += audit_file(path, profile, root)
    return sorted(set(found), key=lambda d: (d.path, d.line, d.message))
