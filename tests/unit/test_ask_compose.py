"""The offline composer: whole sentences, each once, in the reader's language, grouped by source, on topic."""

import re
import zlib

import numpy as np
import pytest
from langchain_core.embeddings import Embeddings

from assistant.modes.ask import compose
from assistant.modes.ask.compose import HELP_TOPICS, candidate_sentences, compose_answer, nothing_found
from assistant.modes.ask.passages import passage_sentences
from assistant.schema import Hit


class WordEmbeddings(Embeddings):
    """Bag-of-words vectors: sentences sharing words with the question are closer to it (deterministic)."""

    def _vector(self, text: str) -> list[float]:
        vector = np.zeros(512)
        for word in re.findall(r"\w+", text.lower()):
            vector[zlib.crc32(word.encode()) % 512] += 1.0
        norm = np.linalg.norm(vector)
        return list(vector / norm) if norm else list(vector)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self._vector(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._vector(text)


def hit(doc_id: str, text: str, lang: str = "de", section: str = "S", chunk: str = "") -> Hit:
    return Hit(
        id=chunk or doc_id,
        source=f"{doc_id}.md",
        title=doc_id,
        section=section,
        lang=lang,  # type: ignore[arg-type]
        score=1.0,
        text=text,
        doc_id=doc_id,
        similarity=0.5,
    )


def answer(question: str, hits: list[Hit], lang: str = "de") -> tuple[str, list[Hit]]:
    embeddings = WordEmbeddings()
    return compose_answer(question, embeddings.embed_query(question), lang, hits, embeddings)  # type: ignore[arg-type]


def bullets(text: str) -> list[str]:
    return [line[2:] for line in text.splitlines() if line.startswith("- ")]


SBI = (
    "Das SBI-Modell gliedert Feedback in drei Schritte: Situation (wann und wo), Behaviour bzw. Verhalten "
    "(was die Person getan hat) und Impact bzw. Wirkung (was daraus folgte). Im Reverse Mentoring ergänzen "
    "Sie einen vierten Schritt, z. B. eine Bitte oder eine offene Frage zum SBI-Modell."
)


def test_abbreviations_never_cut_a_sentence() -> None:
    text, _ = answer("Was ist das SBI-Modell?", [hit("feedback.de", SBI)])
    assert bullets(text) == [SBI]  # one paragraph: its two sentences, whole, in one bullet


def test_fragments_lists_headings_and_tables_are_not_sentences() -> None:
    text = (
        "## Ablauf\n| 0-5 | Check-in |\n\n- Agenda mit Zeiten\n\nBeispiele:\n\n"
        "und dann teilt die Führungskraft den Bildschirm."
    )
    assert passage_sentences(text) == []


def test_wrapped_lines_are_joined_into_one_sentence() -> None:
    assert passage_sentences("Eine Sitzung beginnt mit dem\nRückblick auf das letzte Mal.") == [
        "Eine Sitzung beginnt mit dem Rückblick auf das letzte Mal."
    ]


@pytest.fixture
def every_candidate(monkeypatch: pytest.MonkeyPatch) -> None:
    """Bag-of-words scores spread far more than real embeddings: keep every candidate within the margin."""
    monkeypatch.setattr(compose, "SCORE_MARGIN", 10.0)


@pytest.mark.usefixtures("every_candidate")
def test_overlapping_chunks_give_each_sentence_once() -> None:
    first = (
        "Fragen Sie zuerst um Erlaubnis für das Feedback. Wählen Sie einen ruhigen Moment für das Feedback."
    )
    second = "Wählen Sie einen ruhigen Moment für das Feedback. Beschreiben Sie beim Feedback nur Verhalten."
    text, _cited = answer(
        "Wie gebe ich Feedback?", [hit("f.de", first, chunk="c1"), hit("f.de", second, chunk="c2")]
    )
    for sentence in ("Fragen Sie zuerst", "Wählen Sie einen ruhigen Moment", "Beschreiben Sie"):
        assert text.count(sentence) == 1


@pytest.mark.usefixtures("every_candidate")
def test_sentences_from_unrelated_sections_are_left_out() -> None:
    best = "Die Reflexion dauert in jedem Format zehn Minuten und wird nie gekürzt."
    unrelated = "Bringen Sie ein Ladegerät und einen Adapter mit. Prüfen Sie den Raum am Vorabend."
    text, cited = answer(
        "Wie lange dauert die Reflexion?", [hit("a.de", best), hit("b.de", unrelated, section="Material")]
    )
    assert bullets(text) == [best]
    assert [h.doc_id for h in cited] == ["a.de"]


def test_the_best_section_counts_even_without_shared_words() -> None:
    text, cited = answer(
        "Was tun bei Lampenfieber?", [hit("a.de", "Bereiten Sie die ersten zwei Minuten Wort für Wort vor.")]
    )
    assert cited and bullets(text) == ["Bereiten Sie die ersten zwei Minuten Wort für Wort vor."]


def test_a_twin_in_the_other_language_adds_nothing() -> None:
    hits = [
        hit("sbi.de", "Das SBI-Modell beschreibt Situation, Verhalten und Wirkung."),
        hit("sbi.en", "The SBI model describes situation, behaviour and impact.", lang="en"),
    ]
    assert [c.n for c in candidate_sentences("Was ist das SBI-Modell?", hits, "de")] == [1]


def test_a_document_only_in_the_other_language_is_used_and_labelled() -> None:
    hits = [hit("guide.en", "The SBI model describes situation, behaviour and impact.", lang="en")]
    text, cited = answer("Was ist das SBI model?", hits)
    assert "(Quelle auf Englisch)" in text and [h.doc_id for h in cited] == ["guide.en"]


@pytest.mark.usefixtures("every_candidate")
def test_sentences_are_grouped_by_source_and_numbered_as_cited() -> None:
    hits = [
        hit(
            "a.de",
            "Ein Tandem trifft sich sechsmal. Jede Sitzung im Tandem dauert meist 60 Minuten.",
            section="Takt",
        ),
        hit("b.de", "Die Mitarbeit im Tandem zählt als Arbeitszeit.", section="Zeit"),
        hit("c.de", "Das Tandem bucht die Sitzungen als Serie.", section="Termine"),
    ]
    text, cited = answer("Wie oft trifft sich ein Tandem und wie lange dauert eine Sitzung?", hits)
    headers = [line for line in text.splitlines() if line.startswith("**")]
    assert headers[0].endswith("[1]") and len(headers) == len(cited)
    assert [f"[{n}]" for n in range(1, len(cited) + 1)] == re.findall(r"\[\d+\]", text)
    # the sentences of one source stand together, in document order
    first_group = text.split(headers[0])[1].split("\n\n")[0]
    assert first_group.index("sechsmal") < first_group.index("60 Minuten")


def test_the_best_passages_table_is_kept_as_a_table() -> None:
    table = "| Minuten | Block |\n|---|---|\n| 0-5 (5) | Rückblick |\n| 5-45 (40) | Üben |"
    text, cited = answer("Wie sieht die Agenda aus?", [hit("a.de", f"Die Agenda der Sitzung:\n\n{table}")])
    assert table in text and cited


def test_nothing_that_reads_alone_means_no_sources() -> None:
    text, cited = answer("Was gehört in die Liste?", [hit("a.de", "- Agenda\n- Fragen\n\nBeispiele:")])
    assert cited == [] and text == nothing_found("de")


@pytest.mark.parametrize("lang", ["de", "en"])
def test_not_in_the_material_is_short_friendly_and_shows_what_tandem_does(lang: str) -> None:
    text = nothing_found(lang)  # type: ignore[arg-type]
    assert ("Programmmaterial" if lang == "de" else "programme material") in text
    assert 3 <= len(HELP_TOPICS[lang]) <= 4 and all(f"- {t}" in text for t in HELP_TOPICS[lang])
    assert len(text) < 400


def test_a_list_is_shown_whole_under_its_introduction() -> None:
    text = (
        "Eine Lernvereinbarung deckt drei Punkte ab:\n- **Ziele**: zwei bis drei Lernziele\n"
        "- Vertraulichkeit\n- Absagen und Verschieben"
    )
    answer_text, _cited = answer("Was gehört in eine Lernvereinbarung?", [hit("a.de", text)])
    assert answer_text.splitlines()[3:] == [
        "- Eine Lernvereinbarung deckt drei Punkte ab:",
        "  - Ziele: zwei bis drei Lernziele",
        "  - Vertraulichkeit",
        "  - Absagen und Verschieben",
    ]


def test_a_colon_before_paragraphs_is_no_list_introduction() -> None:
    text = "So sieht das aus, wie in diesen Beispielen:\n\nDas erste Beispiel ist kurz und klar."
    answer_text, _ = answer("Wie sieht das Beispiel aus?", [hit("a.de", text)])
    assert "Beispielen:" not in answer_text and "- Das erste Beispiel ist kurz und klar." in answer_text
