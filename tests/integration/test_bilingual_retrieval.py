"""Cross-lingual retrieval on a 12-document fixture: hybrid must never be worse than dense alone."""

import json
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from assistant.container import Services
from assistant.evaluation.metrics import distinct, recall_at, reciprocal_rank
from assistant.rag.retrieve import Filters
from tests.conftest import FIXTURES

pytestmark = pytest.mark.integration
QUERIES = [json.loads(line) for line in (FIXTURES / "bilingual_queries.jsonl").read_text().splitlines()]


@contextmanager
def mode(services: Services, dense: bool, keyword: bool) -> Iterator[None]:
    fusion = services.retriever.fusion
    saved = (fusion.use_dense, fusion.use_keyword)
    fusion.use_dense, fusion.use_keyword = dense, keyword
    try:
        yield
    finally:
        fusion.use_dense, fusion.use_keyword = saved


def scores(services: Services, direction: str) -> tuple[float, float]:
    """(recall@1, MRR@5) over the queries of one direction: 'de->en' or 'en->de', searched in the material of
    the target language (without a filter a document comes back once, in the language ranked first)."""
    target = direction.split("->")[1]
    rows = [q for q in QUERIES if q["doc"].endswith(target)]
    r1 = mrr = 0.0
    for row in rows:
        hits = services.retriever.search(row["q"], 10, Filters(lang=target))
        ranked = distinct([h.doc_id for h in hits])
        r1 += recall_at(ranked, lambda d, row=row: d == row["doc"], 1)
        mrr += reciprocal_rank(ranked, lambda d, row=row: d == row["doc"], 5)
    return r1 / len(rows), mrr / len(rows)


@pytest.mark.parametrize("direction", ["de->en", "en->de"])
def test_hybrid_is_never_worse_than_dense(bilingual_services: Services, direction: str) -> None:
    with mode(bilingual_services, dense=True, keyword=False):
        dense = scores(bilingual_services, direction)
    hybrid = scores(bilingual_services, direction)
    with mode(bilingual_services, dense=False, keyword=True):
        keyword = scores(bilingual_services, direction)
    print(f"{direction}: dense {dense}, hybrid {hybrid}, keyword {keyword}")
    assert hybrid[0] >= dense[0] and hybrid[1] >= dense[1]
    assert hybrid[1] >= 0.8
    assert keyword[1] < hybrid[1]  # keyword search alone cannot carry cross-lingual questions


def test_exact_terms_still_win(bilingual_services: Services) -> None:
    hits = bilingual_services.retriever.search("LinkedIn", 3)
    assert hits[0].doc_id == "linkedin.en"


def test_filters_restrict_both_sides(bilingual_services: Services) -> None:
    hits = bilingual_services.retriever.search("password manager", 5, Filters(lang="de"))
    assert hits and all(h.lang == "de" for h in hits)


def test_search_hits_carry_what_the_cli_prints(bilingual_services: Services) -> None:
    hit = bilingual_services.retriever.search("Phishing erkennen", 1)[0]
    assert hit.doc_id == "phishing.de" and hit.section and hit.title == "Phishing-Mails erkennen"
    assert hit.similarity > 0.3 and hit.evidence > 0.3 and hit.score > 0


def test_langchain_retriever_interface(bilingual_services: Services) -> None:
    from assistant.rag.retrieve import TandemRetriever

    docs = TandemRetriever(retriever=bilingual_services.retriever, k=2).invoke("Wie erkenne ich Phishing?")
    assert len(docs) == 2 and docs[0].metadata["doc_id"] == "phishing.de" and docs[0].page_content
