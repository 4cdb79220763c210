"""Incremental sync of files into the index: skip the unchanged, replace the changed, drop the deleted."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import BackendError
from assistant.rag.chunking import ChunkDraft, chunk_markdown, chunk_pages
from assistant.rag.index import ChunkIndex, FileState
from assistant.rag.loaders import LoadedFile, LoadError, is_supported, load_file
from assistant.schema import Chunk, IngestIssue, IngestReport
from assistant.text.language import LANGS, Lang, detect_language

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]


@dataclass
class _Pending:
    source: str
    chunks: list[Chunk]
    old: FileState | None


def embedding_text(chunk: Chunk) -> str:
    """What gets embedded: the passage with its title and section, which carry much of its meaning."""
    heading = (
        f"{chunk.title} — {chunk.section}" if chunk.section and chunk.section != chunk.title else chunk.title
    )
    return f"{heading}\n\n{chunk.text}"


def chunk_id(source: str, section: str, text: str) -> str:
    """Derived from content and where it sits, so ingesting the same file twice never adds a chunk."""
    return hashlib.sha256(f"{source}\n{section}\n{text}".encode()).hexdigest()[:32]


def list_files(root: Path) -> list[Path]:
    """Supported files under a folder (hidden ones skipped), or the file itself."""
    if root.is_file():
        return [root]
    return sorted(
        p
        for p in root.rglob("*")
        if p.is_file()
        and is_supported(p)
        and not any(part.startswith(".") for part in p.relative_to(root).parts)
    )


def build_chunks(
    loaded: LoadedFile, source: str, root: str, file_hash: str, size: int, overlap: int
) -> list[Chunk]:
    """Chunk a loaded file and attach its metadata (front-matter first, detection as fallback)."""
    meta = loaded.meta
    if loaded.pages is not None:
        drafts: list[ChunkDraft] = chunk_pages(loaded.pages, size, overlap)
        full_text = "\n".join(loaded.pages)
    else:
        drafts = chunk_markdown(loaded.text, size, overlap, loaded.first_line)
        full_text = loaded.text
    title = str(meta.get("title") or _first_heading(full_text) or Path(source).stem)
    lang_value = str(meta.get("lang", "")).lower()
    lang: Lang = lang_value if lang_value in LANGS else detect_language(full_text)
    doc_id = str(meta.get("id") or Path(source).with_suffix("").as_posix())
    chunks: list[Chunk] = []
    for draft in drafts:
        chunks.append(
            Chunk(
                id=chunk_id(source, draft.section, draft.text),
                text=draft.text,
                doc_id=doc_id,
                title=title,
                section=draft.section,
                source=source,
                root=root,
                lang=lang,
                audience=str(meta.get("audience") or "all"),
                topic=str(meta.get("topic") or ""),
                file_hash=file_hash,
                start_line=draft.start_line,
                end_line=draft.end_line,
                page=draft.page,
            )
        )
    unique = {c.id: c for c in chunks}  # a repeated paragraph in one section is one chunk
    return list(unique.values())


def _first_heading(text: str) -> str:
    for line in text.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return ""


def ingest(
    roots: list[Path],
    index: ChunkIndex,
    *,
    chunk_size: int,
    chunk_overlap: int,
    max_bytes: int,
    progress: Progress | None = None,
) -> IngestReport:
    """Sync each root into the index. Nothing is written until every changed file is chunked and embedded."""
    report = IngestReport()
    pending: list[_Pending] = []
    removed: list[FileState] = []
    for root in roots:
        if not root.exists():
            report.errors.append(IngestIssue(path=str(root), error="no such file or folder; check the path"))
            continue
        root_key = str(root.resolve())
        base = root.parent if root.is_file() else root
        existing = index.file_states(root_key)
        seen: set[str] = set()
        for path in list_files(root):
            source = path.relative_to(base).as_posix()
            seen.add(source)
            old = existing.get(source)
            try:
                raw_hash = hashlib.sha256(path.read_bytes()).hexdigest()
            except OSError as exc:
                report.errors.append(
                    IngestIssue(path=str(path), error=f"cannot read the file ({exc.strerror})")
                )
                continue
            if old is not None and old.file_hash == raw_hash:
                report.unchanged += 1
                continue
            try:
                loaded = load_file(path, max_bytes)
                chunks = build_chunks(loaded, source, root_key, raw_hash, chunk_size, chunk_overlap)
            except LoadError as exc:
                report.errors.append(IngestIssue(path=str(path), error=str(exc)))
                continue  # an earlier good version of the file stays indexed
            pending.append(_Pending(source, chunks, old))
        removed.extend(state for source, state in existing.items() if source not in seen)

    new_chunks = [c for p in pending for c in p.chunks]
    vectors = _embed(index, new_chunks, progress)
    index.upsert(new_chunks, vectors)  # upsert first, delete after: the index always holds a full version
    stale: set[str] = set()
    for item in pending:
        if item.old is None:
            report.added += 1
        else:
            report.updated += 1
            stale |= item.old.ids - {c.id for c in item.chunks}
    for state in removed:
        stale |= state.ids
    report.removed = len(removed)
    index.delete(sorted(stale))
    report.chunks = index.count()
    log.info("ingest: %s", report.model_dump())
    return report


def _embed(index: ChunkIndex, chunks: list[Chunk], progress: Progress | None) -> list[list[float]]:
    texts = [embedding_text(c) for c in chunks]
    vectors: list[list[float]] = []
    step = 32
    try:
        for start in range(0, len(texts), step):
            vectors.extend(index.embeddings.embed_documents(texts[start : start + step]))
            if progress:
                progress(min(start + step, len(texts)), len(texts))
    except Exception as exc:
        raise BackendError(
            f"embedding failed ({exc.__class__.__name__}: {exc}); nothing was written, the index is unchanged"
        ) from exc
    return vectors
