"""Read Markdown, text, PDF, DOCX and HTML files into text plus metadata, or say clearly why not."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

SUPPORTED = (".md", ".markdown", ".txt", ".pdf", ".docx", ".html", ".htm")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n", re.DOTALL)


class LoadError(ValueError):
    """A file that cannot be indexed; the message says why in plain words."""


@dataclass
class LoadedFile:
    """The text of one file. `pages` is set for PDFs; `first_line` is where the body starts (1-based)."""

    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    pages: list[str] | None = None
    first_line: int = 1


def is_supported(path: Path) -> bool:
    """True for the file types Tandem can read."""
    return path.suffix.lower() in SUPPORTED


def load_file(path: Path, max_bytes: int) -> LoadedFile:
    """Load one file; raise LoadError for unreadable, empty, binary, corrupt or oversized input."""
    try:
        size = path.stat().st_size
        raw = path.read_bytes()
    except OSError as exc:
        raise LoadError(
            f"cannot read the file ({exc.strerror or exc}); check that it exists and is readable"
        ) from exc
    if size > max_bytes:
        raise LoadError(
            f"the file is {size / 1e6:.1f} MB, over the limit of {max_bytes / 1e6:.1f} MB "
            "(raise TANDEM_MAX_UPLOAD_MB or split the file)"
        )
    if not raw.strip():
        raise LoadError("the file is empty")
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        loaded = _load_pdf(raw)
    elif suffix == ".docx":
        loaded = LoadedFile(text=_load_docx(path))
    elif suffix in (".html", ".htm"):
        loaded = LoadedFile(text=html_to_markdown(_decode(raw)))
    else:
        loaded = split_front_matter(_decode(raw))
    content = "\n".join(loaded.pages) if loaded.pages is not None else loaded.text
    if not content.strip():
        raise LoadError("the file has no text to index (a scanned PDF needs OCR first)")
    return loaded


def _decode(raw: bytes) -> str:
    if b"\x00" in raw[:8192]:
        raise LoadError("the file looks binary, not text; save it as UTF-8 text, Markdown, PDF, DOCX or HTML")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise LoadError("the file is not valid UTF-8 text; save it as UTF-8") from exc
        return text


def split_front_matter(text: str) -> LoadedFile:
    """Separate YAML front-matter from a Markdown body.

    >>> f = split_front_matter("---\\ntitle: Hi\\nlang: en\\n---\\n# Hi\\nBody")
    >>> f.meta["title"], f.text, f.first_line
    ('Hi', '# Hi\\nBody', 5)
    """
    match = _FRONT_MATTER.match(text)
    if not match:
        return LoadedFile(text=text)
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        raise LoadError(
            f"the front-matter is not valid YAML ({exc.__class__.__name__}); fix the block between ---"
        ) from exc
    if not isinstance(meta, dict):
        raise LoadError("the front-matter must be a YAML mapping such as 'title: ...'")
    first_line = match.group(0).count("\n") + 1
    return LoadedFile(text=text[match.end() :], meta=meta, first_line=first_line)


def _load_pdf(raw: bytes) -> LoadedFile:
    import io

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(raw))
        pages = [page.extract_text() or "" for page in reader.pages]
        title = (reader.metadata.title if reader.metadata else None) or ""
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise LoadError(
            f"the PDF is damaged or encrypted and cannot be read ({exc.__class__.__name__})"
        ) from exc
    meta: dict[str, Any] = {"title": str(title)} if title else {}
    return LoadedFile(text="", meta=meta, pages=pages)


def _load_docx(path: Path) -> str:
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as exc:
        raise LoadError(
            "the DOCX file is damaged and cannot be opened; save it again from the editor"
        ) from exc
    lines: list[str] = []
    for para in document.paragraphs:
        text = para.text.strip()
        if not text:
            continue
        style = (para.style.name if para.style is not None else "") or ""
        level = _heading_level(style)
        lines.append(f"{'#' * level} {text}" if level else text)
        lines.append("")
    return "\n".join(lines)


def _heading_level(style: str) -> int:
    """Word's heading styles map to Markdown levels.

    >>> _heading_level("Heading 2"), _heading_level("Title"), _heading_level("Normal")
    (2, 1, 0)
    """
    if style == "Title":
        return 1
    match = re.match(r"(?:Heading|Überschrift)\s*(\d)", style)
    return int(match.group(1)) if match else 0


def html_to_markdown(html: str) -> str:
    """Keep headings, paragraphs and list items of an HTML page; drop scripts, styles and navigation.

    >>> html_to_markdown("<h1>Title</h1><p>One <b>two</b></p><script>x()</script><ul><li>A</li></ul>")
    '# Title\\n\\nOne two\\n\\n- A'
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "nav", "header", "footer", "noscript", "template"]):
        tag.decompose()
    blocks: list[str] = []
    names = ["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "pre", "blockquote", "td"]
    for tag in soup.find_all(names):
        if tag.find_parent(names) is not None:
            continue  # the enclosing block already holds this text
        text = " ".join(tag.get_text(" ", strip=True).split())
        if not text:
            continue
        name = tag.name or ""
        if name.startswith("h") and len(name) == 2:
            blocks.append(f"{'#' * int(name[1])} {text}")
        elif name == "li":
            blocks.append(f"- {text}")
        else:
            blocks.append(text)
    if not blocks:
        fallback = " ".join(soup.get_text(" ", strip=True).split())
        return fallback
    return "\n\n".join(blocks)
