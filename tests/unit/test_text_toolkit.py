"""The text toolkit: one sentence splitter, one quote finder, one topic detector, in German and English."""

import doctest
from types import ModuleType

import pytest

from assistant.text import lexicon, quotes, sentences, topics
from assistant.text.quotes import QUOTE_MARKS, find_quotes, is_balanced
from assistant.text.sentences import (
    ABBREVIATIONS,
    count_sentences,
    is_abbreviation,
    sentence_starts,
    split_sentences,
)
from assistant.text.topics import detect_topic, find_terms, is_digital, rank_topics, subject_noun


@pytest.mark.parametrize("module", [sentences, quotes, topics, lexicon])
def test_doctests_pass(module: ModuleType) -> None:
    assert doctest.testmod(module).failed == 0


# --- sentences ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Das ist z. B. gut. Dann weiter.", ["Das ist z. B. gut.", "Dann weiter."]),
        ("Das ist z.B. gut, bzw. sehr gut. Ok.", ["Das ist z.B. gut, bzw. sehr gut.", "Ok."]),
        ("Wir treffen uns am 3. Tag. Dann", ["Wir treffen uns am 3. Tag.", "Dann"]),
        ("Siehe S. 12, Abs. 2 und Nr. 4 dazu. Fertig!", ["Siehe S. 12, Abs. 2 und Nr. 4 dazu.", "Fertig!"]),
        ("Am 3. Mai. Ein Ordinal endet nie einen Satz.", ["Am 3. Mai.", "Ein Ordinal endet nie einen Satz."]),
        ("Use a tool, e.g. Teams. Then stop.", ["Use a tool, e.g. Teams.", "Then stop."]),
        ("Dr. Weber agrees, i.e. yes. Ok?", ["Dr. Weber agrees, i.e. yes.", "Ok?"]),
        ("Er sagte: „Gut. Danke.“ Dann ging er.", ["Er sagte: „Gut. Danke.“", "Dann ging er."]),
        ("Sie: »Ist das sicher? Wirklich?« Weiter.", ["Sie: »Ist das sicher? Wirklich?«", "Weiter."]),
        ('She said "Fine. Go." Then left.', ['She said "Fine. Go."', "Then left."]),
        ('"Is it safe?" she asked. Yes.', ['"Is it safe?" she asked.', "Yes."]),
        ("ok. ist das sicher? klar", ["ok.", "ist das sicher?", "klar"]),
        ("Hmm… na gut.", ["Hmm…", "na gut."]),
        ("", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_line_breaks_and_clauses_end_sentences_only_when_asked() -> None:
    text = "Meine Frage: Ist das sicher?\n- Und das"
    assert split_sentences(text) == ["Meine Frage: Ist das sicher?\n- Und das"]
    assert split_sentences(text, line_breaks=True) == ["Meine Frage: Ist das sicher?", "- Und das"]
    assert split_sentences(text, clauses=True) == ["Meine Frage:", "Ist das sicher?\n- Und das"]


def test_count_sentences_ignores_quoted_sentences_and_abbreviations() -> None:
    assert (
        count_sentences("Offene Varianten, z. B. für „Ist das sicher? Wirklich?“. Das ist schon offen.") == 2
    )
    assert count_sentences("Open variants, e.g. for 'Is it safe? Really?'. That is open already. Ok.") == 3


def test_sentence_starts_mark_the_first_word_of_each_sentence_and_line() -> None:
    text = "Heute ging es um Datenschutz. Dann kam Teams dran.\n- Phishing"
    assert sorted(text[i : i + 5] for i in sentence_starts(text)) == ["Dann ", "Heute", "Phish"]


def test_one_abbreviation_list_and_a_rule_for_letters_and_numbers() -> None:
    assert {"bzw", "usw", "etc", "vgl", "ca", "dr"} <= ABBREVIATIONS
    assert all(is_abbreviation(w) for w in ("z.", "B.", "z.B.", "e.g.", "i.e.", "h.", "3.", "Nr."))
    assert not any(is_abbreviation(w) for w in ("Tag.", "gut.", "done.", "2023x."))


# --- quotes ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Er sagte „Hallo Welt“ und ging.", ["Hallo Welt"]),
        ('Er sagte „Hallo Welt" und ging.', ["Hallo Welt"]),
        ("Er sagte »Hallo« und «Salut» und ›hi‹.", ["Hallo", "Salut", "hi"]),
        ("Sie sagte ‚ja‘ und ging.", ["ja"]),
        ("He said “hello there” and left.", ["hello there"]),
        ('He said "hello there" and left.', ["hello there"]),
        ("He said 'it's fine' and left.", ["it's fine"]),
        ("He said ‘it’s fine’ and left.", ["it’s fine"]),
        ("„Er sagte ‚ja‘.“", ["Er sagte ‚ja‘."]),
        ("don't, the students' books, rock 'n roll, a 15\" screen", []),
        ("„Erster Absatz\n\nzweiter“", []),
    ],
)
def test_find_quotes(text: str, expected: list[str]) -> None:
    assert [q.text for q in find_quotes(text)] == expected


def test_quotes_have_spans_and_a_minimum_length() -> None:
    text = 'Check: "Ok." and "You never listen."'
    found = find_quotes(text, min_length=6)
    assert [(text[q.start : q.end], q.text) for q in found] == [('"You never listen."', "You never listen.")]


def test_is_balanced_finds_cut_off_quotations() -> None:
    assert is_balanced("Sagen Sie: „Danke.“") and is_balanced("it's the students' turn")
    assert not is_balanced("Das ist eine 3.“ Weiter so.") and not is_balanced('He said "hi')
    assert set("„“”«»‚‘’\"'") <= set(QUOTE_MARKS)


# --- topics ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("Wie erkläre ich ChatGPT meiner Chefin?", "generative-ai"),
        ("How do I write a good prompt?", "generative-ai"),
        ("Mein LinkedIn-Profil aufpolieren", "social-media"),
        ("posting on linkdin", "social-media"),
        ("Teams-Kanäle statt E-Mail-Ping-Pong", "collaboration-tools"),
        ("Co-editing in SharePoint", "collaboration-tools"),
        ("Homeoffice und Erreichbarkeit", "hybrid-work"),
        ("running fair meetings when half the team is remote", "hybrid-work"),
        ("Phishing erkennen & sichere Passwörter", "data-protection"),
        ("two-factor login for everyone", "data-protection"),
        ("Datenschuz bei Kundendaten", "data-protection"),
        ("Feedbackkultur zwischen den Generationen", "feedback"),
        ("Lernziele für das Tandem", "learning-goals"),
        ("Tee trinken", "general"),
        ("what kind of questions do i ask", "general"),  # "kind" is no "KI"
    ],
)
def test_detect_topic(text: str, topic: str) -> None:
    assert detect_topic(text) == topic


def test_rank_topics_orders_by_mentions_then_position() -> None:
    assert rank_topics("Ist ChatGPT sicher? Darf ich Kundendaten reinkopieren?") == [
        "data-protection",
        "generative-ai",
    ]
    assert rank_topics("Ist ChatGPT sicher?") == ["generative-ai", "data-protection"]
    assert rank_topics("Tee trinken") == ["general"]


def test_find_terms_tolerates_typos_and_prefers_the_longest_match() -> None:
    assert [t.en for _, t in find_terms("Generative KI und powerpiont")] == ["AI", "PowerPoint"]
    assert [t.de for _, t in find_terms("Wir nutzen einen Passwort-Manager")] == ["Passwort-Manager"]


@pytest.mark.parametrize(
    ("text", "digital"),
    [
        ("Generative KI im Arbeitsalltag", True),
        ("Digitale Etikette", True),
        ("Feedback per E-Mail", True),
        ("Apps auf dem Smartphone", True),
        ("microsoft teams channels vs email", True),
        ("Feedbackkultur im Team", False),
        ("Sicher präsentieren vor dem Vorstand", False),
        ("Building a feedback culture in my team", False),
        ("how to write a decent meeting invitation", False),
    ],
)
def test_is_digital(text: str, digital: bool) -> None:
    assert is_digital(text) is digital


def test_subject_noun_when_no_term_is_named() -> None:
    assert subject_noun("Heute ging es um Gehaltsverhandlungen.", "de") == "Gehaltsverhandlungen"
    assert subject_noun("We talked about budget planning today", "en") == "budget planning"
    assert subject_noun("Heute war gut.", "de") is None
