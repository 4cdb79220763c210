"""Translation twins: the programme material comes as `<stem>.de` / `<stem>.en` pairs of one document.

A question often matches the version in its own language better than the translation it is filtered to
(an English question about German material). `twin_sections` pairs every chunk with the chunk of its
twin document that says the same thing (the nearest by vector: a passage and its translation sit close
in multilingual-e5), so a hit on one version can lift the matching passage of the other.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from assistant.schema import Chunk
from assistant.text.language import doc_stem


def twin_sections(chunks: list[Chunk], vectors: np.ndarray | None) -> dict[str, Chunk]:
    """Per chunk id: the most similar chunk of its translation twin (same stem, other language).

    Chunks of a document without a twin (or without vectors) have no entry.

    >>> def c(i, doc, lang):
    ...     return Chunk(id=i, text=i, doc_id=doc, title=i, source=i, root="r", lang=lang, file_hash="h")
    >>> chunks = [c("a1", "x.en", "en"), c("a2", "x.en", "en"), c("b1", "x.de", "de"), c("b2", "x.de", "de"),
    ...           c("z", "y.en", "en")]
    >>> vectors = np.array([[1, 0], [0, 1], [0.1, 0.9], [0.9, 0.1], [1, 0]], dtype=np.float32)
    >>> {k: v.id for k, v in twin_sections(chunks, vectors).items()}
    {'a1': 'b2', 'a2': 'b1', 'b1': 'a2', 'b2': 'a1'}
    """
    if vectors is None or len(vectors) != len(chunks):
        return {}
    by_doc: dict[str, list[int]] = defaultdict(list)
    for position, chunk in enumerate(chunks):
        by_doc[chunk.doc_id].append(position)
    by_stem: dict[str, list[str]] = defaultdict(list)
    for doc_id in by_doc:
        if doc_stem(doc_id) != doc_id:
            by_stem[doc_stem(doc_id)].append(doc_id)
    twins: dict[str, Chunk] = {}
    for docs in by_stem.values():
        for doc in docs:
            for other in docs:
                if other == doc:
                    continue
                mine, theirs = by_doc[doc], by_doc[other]
                nearest = np.argmax(vectors[mine] @ vectors[theirs].T, axis=1)
                for position, best in zip(mine, nearest.tolist(), strict=True):
                    twins[chunks[position].id] = chunks[theirs[best]]
    return twins
