"""Heading-aware chunking: passages that stay inside one section and remember where they came from."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.text.sentences import split_sentences

_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


@dataclass
class ChunkDraft:
    """A passage before it gets its metadata: text, section path, line range, page."""

    text: str
    section: str
    start_line: int
    end_line: int
    page: int = 0


@dataclass
class _Block:
    text: str
    start: int
    end: int


def chunk_markdown(text: str, size: int, overlap: int, first_line: int = 1) -> list[ChunkDraft]:
    """Chunk Markdown by section; a chunk never spans two sections.

    >>> md = "# Guide\\nIntro.\\n\\n## Feedback\\nUse SBI.\\n\\n## Questions\\nAsk open ones."
    >>> [(c.section, c.text, c.start_line) for c in chunk_markdown(md, 500, 0)]
    [('Guide', 'Intro.', 2), ('Feedback', 'Use SBI.', 5), ('Questions', 'Ask open ones.', 8)]
    """
    chunks: list[ChunkDraft] = []
    headings: dict[int, str] = {}
    blocks: list[_Block] = []
    para: list[str] = []
    para_start = 0
    in_fence = False

    def end_paragraph(line_no: int) -> None:
        nonlocal para
        if para:
            blocks.append(_Block("\n".join(para).strip(), para_start, line_no))
            para = []

    def end_section() -> None:
        nonlocal blocks
        chunks.extend(_pack(blocks, _section_path(headings), size, overlap))
        blocks = []

    for offset, line in enumerate(text.splitlines()):
        line_no = first_line + offset
        if _FENCE.match(line):
            in_fence = not in_fence
        heading = None if in_fence else _HEADING.match(line)
        if heading:
            end_paragraph(line_no - 1)
            end_section()
            level = len(heading.group(1))
            headings = {lvl: title for lvl, title in headings.items() if lvl < level}
            headings[level] = heading.group(2).strip()
        elif not line.strip() and not in_fence:
            end_paragraph(line_no - 1)
        else:
            if para and not in_fence and _LIST_ITEM.match(line):
                end_paragraph(line_no - 1)  # each list item is its own block: long lists split between items
            if not para:
                para_start = line_no
            para.append(line)
    end_paragraph(first_line + len(text.splitlines()) - 1)
    end_section()
    return chunks


def chunk_pages(pages: list[str], size: int, overlap: int) -> list[ChunkDraft]:
    """Chunk a PDF page by page; the page number is kept, the section is empty."""
    chunks: list[ChunkDraft] = []
    for number, page_text in enumerate(pages, start=1):
        blocks = [_Block(p.strip(), 0, 0) for p in re.split(r"\n\s*\n", page_text) if p.strip()]
        if len(blocks) == 1:  # PDFs often lose blank lines: fall back to single lines
            blocks = [_Block(p.strip(), 0, 0) for p in page_text.splitlines() if p.strip()]
        for draft in _pack(blocks, "", size, overlap):
            draft.page = number
            chunks.append(draft)
    return chunks


def _section_path(headings: dict[int, str]) -> str:
    """The section a passage sits in; the top heading (the document title) only when alone."""
    levels = sorted(headings)
    inner = [headings[lvl] for lvl in levels if lvl > 1]
    if inner:
        return " > ".join(inner)
    return headings.get(1, "")


def _pack(blocks: list[_Block], section: str, size: int, overlap: int) -> list[ChunkDraft]:
    """Pack paragraphs into chunks of about `size` characters, carrying `overlap` characters forward."""
    pieces: list[_Block] = []
    for block in blocks:
        if len(block.text) <= size:
            pieces.append(block)
        else:
            pieces.extend(_Block(part, block.start, block.end) for part in _split_long(block.text, size))
    drafts: list[ChunkDraft] = []
    current: list[_Block] = []
    length = 0
    for piece in pieces:
        if current and length + len(piece.text) + 2 > size:
            drafts.append(_draft(current, section))
            current = _tail(current, overlap)
            length = sum(len(b.text) + 2 for b in current)
        current.append(piece)
        length += len(piece.text) + 2
    if current:
        drafts.append(_draft(current, section))
    return drafts


def _draft(blocks: list[_Block], section: str) -> ChunkDraft:
    return ChunkDraft(
        text="\n\n".join(b.text for b in blocks),
        section=section,
        start_line=blocks[0].start,
        end_line=blocks[-1].end,
    )


def _tail(blocks: list[_Block], overlap: int) -> list[_Block]:
    """The last sentences of a chunk, up to `overlap` characters, to open the next one."""
    if overlap <= 0 or not blocks:
        return []
    last = blocks[-1]
    kept: list[str] = []
    total = 0
    for sentence in reversed(split_sentences(last.text)):
        if total + len(sentence) > overlap:
            break
        kept.insert(0, sentence)
        total += len(sentence) + 1
    return [_Block(" ".join(kept), last.start, last.end)] if kept else []


def _split_long(text: str, size: int) -> list[str]:
    """Split an over-long paragraph at sentence ends, or hard at `size` as a last resort."""
    parts: list[str] = []
    current = ""
    for sentence in split_sentences(text) or [text]:
        while len(sentence) > size:
            cut = sentence.rfind(" ", 0, size)
            cut = cut if cut > size // 2 else size
            parts.append(sentence[:cut].strip())
            sentence = sentence[cut:].strip()
        if current and len(current) + len(sentence) + 1 > size:
            parts.append(current)
            current = sentence
        else:
            current = f"{current} {sentence}".strip()
    if current:
        parts.append(current)
    return parts
