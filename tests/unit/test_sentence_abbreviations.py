"""The one sentence splitter never cuts at an abbreviation, and still ends a sentence after a number."""

import pytest

from assistant.text.sentences import split_sentences


@pytest.mark.parametrize(
    "sentence",
    [
        "Situation, Behaviour bzw. Verhalten und Impact bzw. Wirkung gehören dazu.",
        "Nutzen Sie Beispiele, z. B. einen Post, u. a. für LinkedIn, d. h. öffentlich.",
        "Use public data, e.g. a press release, i.e. nothing internal, etc. for practice.",
        "Siehe Abb. 2 und Kap. 3 sowie ca. 20 Minuten vgl. Tab. 1 dazu.",
        "Am 2. Juli 2023 trat das Gesetz in Kraft.",
    ],
)
def test_an_abbreviation_never_ends_a_sentence(sentence: str) -> None:
    assert split_sentences(f"{sentence} Danach kommt mehr.") == [sentence, "Danach kommt mehr."]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Das klären Sie in Sitzung 4. Die Führungskraft entscheidet.", "Das klären Sie in Sitzung 4."),
        ("Tools, Apps usw. Wir fangen klein an.", "Tools, Apps usw."),
        ("Review it in session 3. The senior decides.", "Review it in session 3."),
    ],
)
def test_a_number_or_a_closing_abbreviation_before_an_article_ends_the_sentence(
    text: str, first: str
) -> None:
    assert split_sentences(text)[0] == first


def test_the_polite_sie_after_an_ordinal_starts_no_sentence() -> None:
    assert split_sentences("Ab der 3. Sitzung leiten Sie selbst.") == ["Ab der 3. Sitzung leiten Sie selbst."]
