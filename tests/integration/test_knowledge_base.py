"""The shipped programme material: front-matter, translation pairs in German and English, hygiene."""

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
    "programme-launch-checklist",
    "mentor-self-care",
    "seniors-as-mentees",
    "codetermination-data-protection",
    "glossary-digital",
    "escalation-safeguarding",
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


def pairs() -> dict[str, dict[str, Path]]:
    """Documents by stem and language: {"faq": {"de": faq.de.md, "en": faq.en.md}, ...}."""
    by_stem: dict[str, dict[str, Path]] = defaultdict(dict)
    for path in DOCS:
        by_stem[path.stem.rsplit(".", 1)[0]][meta(path)["lang"]] = path
    return by_stem


def test_counts_and_language_parity() -> None:
    langs = Counter(meta(p)["lang"] for p in DOCS)
    assert len(DOCS) >= 2 * len(CORE_STEMS)
    assert langs["de"] == langs["en"], "every document exists in German and in English"


def test_every_document_is_a_translation_pair() -> None:
    by_stem = pairs()
    unpaired = {stem: sorted(langs) for stem, langs in by_stem.items() if set(langs) != {"de", "en"}}
    assert unpaired == {}, "write the missing twin as <stem>.de.md or <stem>.en.md next to the other one"
    assert set(CORE_STEMS) <= set(by_stem)
    for stem, twins in by_stem.items():
        de, en = meta(twins["de"]), meta(twins["en"])
        assert (de["topic"], de["audience"]) == (en["topic"], en["audience"]), stem
        sections = [
            len(re.findall(r"^## ", split_front_matter(twins[lang].read_text(encoding="utf-8")).text, re.M))
            for lang in ("de", "en")
        ]
        assert sections[0] == sections[1], f"{stem}: the twins should have the same sections, got {sections}"


def test_scenarios_and_banks_are_yaml_not_indexed_documents() -> None:
    for path in (KNOWLEDGE / "scenarios").glob("*.yaml"):
        assert isinstance(yaml.safe_load(path.read_text(encoding="utf-8")), dict)
    assert not list((KNOWLEDGE / "scenarios").glob("*.md"))
