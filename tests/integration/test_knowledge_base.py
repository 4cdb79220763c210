"""The shipped programme material: front-matter, language balance, translation pairs, hygiene."""

import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest
import yaml

from assistant.rag.loaders import split_front_matter
from tests.conftest import ROOT

KNOWLEDGE = ROOT / "knowledge"
DOCS = sorted(KNOWLEDGE.rglob("*.md"))
CORE_STEMS = [
    "programme-design",
    "learning-agreement",
    "first-session",
    "session-structure",
    "preparing-sessions",
    "explaining-digital-tools",
    "hierarchy-psychological-safety",
    "feedback-upwards",
    "receiving-feedback",
    "open-questions-grow",
    "active-listening",
    "reflection-gibbs",
    "difficult-moments",
    "trainer-guide",
    "programme-evaluation",
    "faq",
    "topic-generative-ai",
    "topic-social-media",
    "topic-collaboration-tools",
    "topic-hybrid-work",
    "topic-data-protection",
    "topic-digital-etiquette",
    "topic-generations",
    "topic-diversity-inclusion",
]


def meta(path: Path) -> dict[str, Any]:
    return split_front_matter(path.read_text(encoding="utf-8")).meta


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.stem)
def test_front_matter_is_complete(path: Path) -> None:
    m = meta(path)
    assert m["id"] == path.stem, "id must equal the file name"
    assert m["lang"] in {"de", "en"} and path.stem.endswith("." + m["lang"])
    assert m["audience"] in {"junior", "senior", "trainer", "all"}
    assert m["title"] and m["topic"]
    assert (
        isinstance(m["sources"], list)
        and m["sources"]
        and all(isinstance(s, str) and s for s in m["sources"])
    )


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.stem)
def test_documents_are_substantial_and_sectioned(path: Path) -> None:
    body = split_front_matter(path.read_text(encoding="utf-8")).text
    assert len(body.split()) >= 500
    assert len(re.findall(r"^## ", body, re.MULTILINE)) >= 5
    assert not re.search(r"https?://|/home/|/work/|/tmp/|[A-Z]:\\\\", body), "no URLs or machine paths"


def test_counts_and_language_balance() -> None:
    langs = Counter(meta(p)["lang"] for p in DOCS)
    assert len(DOCS) >= 36
    assert langs["de"] / len(DOCS) >= 0.4 and langs["en"] / len(DOCS) >= 0.4


def test_core_topics_exist_as_translation_pairs() -> None:
    by_stem: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for path in DOCS:
        m = meta(path)
        by_stem[path.stem.rsplit(".", 1)[0]][m["lang"]] = m
    for stem in CORE_STEMS:
        assert set(by_stem[stem]) == {"de", "en"}, f"{stem} needs a German and an English version"
        assert by_stem[stem]["de"]["topic"] == by_stem[stem]["en"]["topic"]


def test_scenarios_and_banks_are_yaml_not_indexed_documents() -> None:
    for path in (KNOWLEDGE / "scenarios").glob("*.yaml"):
        assert isinstance(yaml.safe_load(path.read_text(encoding="utf-8")), dict)
    assert not list((KNOWLEDGE / "scenarios").glob("*.md"))
