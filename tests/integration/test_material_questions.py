"""The programme material practises what it teaches: its questions are open, its sources are works.

Which questions are checked
---------------------------
Markdown documents under ``knowledge/`` (the body; front matter and headings are skipped, because a
heading names what a section answers, as in the FAQ, and is not a question the material suggests asking):

- every quoted phrase („…“ or ‚…‘ in German, “…” or '…' in English, "…" in both) that ends in "?";
- every paragraph, bullet, numbered item or table cell that ends in "?" outside quotes.

Banks (``knowledge/banks/*.yaml``): every string under a question field (``questions``, ``prompts``,
``guiding_questions``) and every question in ``alternatives``, the recommended wording in
feedback_phrases.yaml. The judgemental ``examples`` there are, by their field, what not to say.

Each question goes through the project's own check, ``assistant.text.questions.is_open_question``, in its own
language: the document's, unless the question itself is in the other one (a German "Wozu?" quoted in an
English text is judged as German).

Options after a colon belong to the question before it: in "Woran liegt der Unterschied: an der Zeit, an der
Lebensphase oder an der Person?" the question starts at "Woran".

The one exemption rule
----------------------
A closed question may appear only where the material itself marks it as an example of what not to ask
(or as the deliberate closed question it is):

1. it stands before an arrow (``→`` or ``->``) in its line, the closed side of a "closed → open" pair;
2. the sentence that contains it (up to . ! ? … or ;, quotes counted as part of it) names it so,
   outside the quotes: "geschlossen…" or "Suggestivfrage…" in German, "closed" or "leading question…"
   in English, or says never to ask it: "nie"/"niemals", "never";
3. it sits in a table column whose header says "geschlossen" or "closed";
4. it is a paraphrase: that sentence or the one before it names paraphrasing ("Paraphrase", "paraphrasieren",
   "paraphrasing"). A paraphrase says back what was heard and asks only to be confirmed: closed by design;
5. it is a bare choice between two single words ("Sie oder du?", "Label or person?"): the name of a choice,
   a topic or an exercise's title, not a question the material suggests asking.

There is no list of excepted sentences: to keep a closed example, label it in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from assistant.text.language import Lang, detect_language
from assistant.text.questions import is_open_question
from assistant.text.quotes import QUOTE_MARKS
from tests.conftest import ROOT

KNOWLEDGE = ROOT / "knowledge"
DOCS = sorted(KNOWLEDGE.rglob("*.md"))
BANKS = sorted((KNOWLEDGE / "banks").glob("*.yaml"))

QUESTION_FIELDS = {"questions", "prompts", "guiding_questions"}
ADVICE_FIELDS = {"alternatives"}
MARKERS = {
    "de": re.compile(r"geschlossen|suggestivfrage|\bnie(?:mals)?\b", re.IGNORECASE),
    "en": re.compile(r"\bclosed\b|\bleading questions?\b|\bnever\b", re.IGNORECASE),
}
PARAPHRASE = re.compile(r"paraphras", re.IGNORECASE)
BARE_CHOICE = {
    "de": re.compile(r"^[^\W\d_]+ oder [^\W\d_]+\?$"),
    "en": re.compile(r"^[^\W\d_]+ or [^\W\d_]+\?$"),
}
# Options listed after a colon ("…: an der Zeit, an der Lebensphase oder an der Person?").
OPTION_SEPARATOR = re.compile(r",|\b(?:oder|or|und|and)\b|/")
# Quotation marks that open a quote, and the mark that closes it, per language.
DOUBLE_QUOTES = {"de": {"„": "“", '"': '"'}, "en": {"“": "”", '"': '"'}}
SINGLE_QUOTED = {
    "de": re.compile(r"‚([^‚‘]+?\?)‘"),
    "en": re.compile(r"(?<![\w'])'([A-Z][^\n]*?\?)'(?!\w)"),
}
ARROW = re.compile(r"→|->")
SENTENCE_END = re.compile(r"[.!?…;]+(?=\s|$)")
CLAUSE_END = re.compile(r"[.!?…:;]+\**(?=\s)")
LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


@dataclass(frozen=True)
class Question:
    """One question the material presents, where it stands and whether the material marks it closed."""

    where: str
    text: str
    lang: str
    exempt: bool


def split_document(text: str) -> tuple[dict[str, Any], list[tuple[int, str]]]:
    """Front matter as a dict, and the body as (line number, line) pairs."""
    lines = text.splitlines()
    meta: dict[str, Any] = {}
    start = 0
    if lines and lines[0].strip() == "---":
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
        meta = yaml.safe_load("\n".join(lines[1:end])) or {}
        start = end + 1
    return meta, [(number + 1, lines[number]) for number in range(start, len(lines))]


def quote_spans(unit: str, lang: str) -> list[tuple[int, int]]:
    """(start, end) of every top-level double-quoted span, quotation marks included."""
    pairs = DOUBLE_QUOTES[lang]
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(unit):
        closing = pairs.get(unit[index])
        end = unit.find(closing, index + 1) if closing else -1
        if closing and end > index:
            spans.append((index, end + 1))
            index = end + 1
        else:
            index += 1
    return spans


def sentence_of(unit: str, spans: list[tuple[int, int]], start: int, end: int, before: int = 0) -> str:
    """The unquoted text of the sentence that holds unit[start:end] (quotes count as part of it), and of the
    `before` sentences before it."""
    masked = list(unit)
    for left, right in spans:
        masked[left:right] = " " * (right - left)
    plain = "".join(masked)
    bounds = [0] + [m.end() for m in SENTENCE_END.finditer(plain)]
    for left, right in spans:  # a quote that ends a sentence: „Das klingt gut.“ Danach …
        inner = unit[left + 1 : right - 1].rstrip()
        after = unit[right:]
        if inner[-1:] in ".!?…" and re.match(r"\s+[^\W\d_]", after) and after.lstrip()[:1].isupper():
            bounds.append(right)
    bounds = [*sorted(set(bounds)), len(unit)]
    index = max(i for i, b in enumerate(bounds) if b <= start)
    first = bounds[max(0, index - before)]
    last = min(b for b in bounds if b >= end)
    return plain[first:last]


def is_option_list(clause: str) -> bool:
    """True for options listed after a colon: two or more items of at most four words each."""
    items = [item for item in OPTION_SEPARATOR.split(clause) if item.strip()]
    return len(items) >= 2 and all(len(item.split()) <= 4 for item in items)


def unit_questions(unit: str, lang: str, column_exempt: bool = False) -> Iterator[tuple[str, bool]]:
    """Questions in one paragraph, list item or table cell, each with its exemption."""
    spans = quote_spans(unit, lang)
    arrow = ARROW.search(unit)

    def exempt(start: int, end: int) -> bool:
        before_arrow = arrow is not None and end <= arrow.start()
        named = bool(MARKERS[lang].search(sentence_of(unit, spans, start, end)))
        paraphrase = bool(PARAPHRASE.search(sentence_of(unit, spans, start, end, before=1)))
        choice = bool(BARE_CHOICE[lang].match(unit[start:end].strip(QUOTE_MARKS + " ")))
        return column_exempt or before_arrow or named or paraphrase or choice

    for left, right in spans:
        inner = unit[left + 1 : right - 1].strip()
        if inner.rstrip(" )*").endswith("?"):
            yield inner, exempt(left, right)
        for match in SINGLE_QUOTED[lang].finditer(inner):
            yield match.group(1), exempt(left, right)
    for match in SINGLE_QUOTED[lang].finditer(unit):
        if not any(left <= match.start() < right for left, right in spans):
            yield match.group(1), exempt(match.start(), match.end())
    tail = unit.rstrip(" *_")
    if tail.endswith("?") and not any(left <= len(tail) - 1 < right for left, right in spans):
        ends = [0] + [m.end() for m in CLAUSE_END.finditer(tail[:-1])]
        start = ends[-1]
        if len(ends) > 1 and tail[:start].rstrip("*").endswith(":") and is_option_list(tail[start:-1]):
            start = ends[-2]
        yield tail[start:].strip(" *_"), exempt(start, len(tail))


def markdown_questions(path: Path) -> Iterator[Question]:
    """Every question a Markdown document presents."""
    meta, lines = split_document(path.read_text(encoding="utf-8"))
    lang = str(meta.get("lang") or path.stem.rsplit(".", 1)[-1])
    own: Lang = "de" if lang == "de" else "en"  # the document's language, unless a question is in the other
    header_exempt: list[bool] | None = None
    for number, line in lines:
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            header_exempt = None
            continue
        where = f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name}:{number}"
        if stripped.startswith("|"):
            cells = [cell.strip() for cell in stripped.strip("|").split("|")]
            if header_exempt is None:
                header_exempt = [bool(MARKERS[lang].search(cell)) for cell in cells]
            if all(set(cell) <= set("-: ") for cell in cells):
                continue
            for index, cell in enumerate(cells):
                flag = index < len(header_exempt) and header_exempt[index]
                for text, exempt in unit_questions(cell, lang, flag):
                    yield Question(where, text, detect_language(text, default=own), exempt)
            continue
        header_exempt = None
        for text, exempt in unit_questions(LIST_MARK.sub("", stripped), lang):
            yield Question(where, text, detect_language(text, default=own), exempt)


def bank_questions(path: Path) -> Iterator[Question]:
    """Every question a bank presents: question fields, and questions in the recommended alternatives."""

    def walk(node: object, key: str, lang: str, trail: str) -> Iterator[Question]:
        if isinstance(node, dict):
            lang = str(node.get("lang", lang))
            for child_key, child in node.items():
                yield from walk(child, str(child_key), lang, f"{trail}.{child_key}")
        elif isinstance(node, list):
            for index, child in enumerate(node):
                yield from walk(child, key, lang, f"{trail}[{index}]")
        elif isinstance(node, str) and key in QUESTION_FIELDS:
            yield Question(trail, node.strip(), lang, False)
        elif isinstance(node, str) and key in ADVICE_FIELDS:
            for text, exempt in unit_questions(node.strip(), lang):
                yield Question(trail, text, lang, exempt)

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    yield from walk(data, "", "en", str(path.relative_to(ROOT)))


def all_questions() -> list[Question]:
    found = [q for path in DOCS for q in markdown_questions(path)]
    return found + [q for path in BANKS for q in bank_questions(path)]


def test_extraction_follows_the_documented_rule() -> None:
    """The extractor finds quoted, listed and labelled questions and exempts only marked closed ones."""
    sample = [
        "- „Haben Sie das ausprobiert?“ → „Was haben Sie ausprobiert?“",
        "Geschlossene Fragen prüfen Fakten („Bleibt es bei Donnerstag?“) oder legen etwas fest.",
        "„Können Sie den Bildschirm teilen?“ bleibt geschlossen, es ist eine Bitte.",
        "Fragen Sie dann: „Wie bereiten Sie sich vor?“ Danach „Ist das klar?“ vermeiden.",
        "1. **Beschreibung**: Was ist passiert?",
        "Er sagt: „Gut so.“ Sie fragen: „Wer entscheidet?“",
    ]
    found = [
        (text, exempt) for unit in sample for text, exempt in unit_questions(LIST_MARK.sub("", unit), "de")
    ]
    assert found == [
        ("Haben Sie das ausprobiert?", True),
        ("Was haben Sie ausprobiert?", False),
        ("Bleibt es bei Donnerstag?", True),
        ("Können Sie den Bildschirm teilen?", True),
        ("Wie bereiten Sie sich vor?", False),
        ("Ist das klar?", False),
        ("Was ist passiert?", False),
        ("Wer entscheidet?", False),
    ]
    english = list(
        unit_questions('Leading questions steer: "Don\'t you think so?" Ask "What do you think?"', "en")
    )
    assert english == [("Don't you think so?", True), ("What do you think?", False)]


def test_paraphrases_refusals_choices_and_options_follow_the_rule() -> None:
    """Rules 2, 4 and 5 and the options after a colon, on wording of this test's own."""
    sample = [
        "Paraphrasieren prüft, ob Sie richtig gehört haben. Etwa: „Es geht Ihnen also vor allem um Zeit?“",
        "Fragen Sie niemals „Warum haben Sie das nicht gelesen?“ in der Runde.",
        "Die Übung „Tool oder Haltung?“ dauert zehn Minuten.",
        "Am Ende: Was bleibt hängen: die Übung, das Gespräch oder die Pause?",
        "Klären Sie vorab, ob es passt. „Hast du morgen Zeit?“ ist dafür keine gute Frage.",
    ]
    found = [(text, exempt) for unit in sample for text, exempt in unit_questions(unit, "de")]
    assert found == [
        ("Es geht Ihnen also vor allem um Zeit?", True),
        ("Warum haben Sie das nicht gelesen?", True),
        ("Tool oder Haltung?", True),
        ("Was bleibt hängen: die Übung, das Gespräch oder die Pause?", False),
        ("Hast du morgen Zeit?", False),  # "keine gute Frage" is not a label the rule knows
    ]
    english = list(unit_questions('Never open with "You did read it?" Start with "What stood out?"', "en"))
    assert english == [("You did read it?", True), ("What stood out?", False)]


def test_a_questions_own_language_decides(tmp_path: Path) -> None:
    """A German question quoted in an English document is judged as German, and the reverse."""
    doc = tmp_path / "sample.en.md"
    doc.write_text(
        '---\nlang: en\n---\nIn German, ask "Wofür brauchen Sie das?" rather than "Warum?".\n'
        'Ask "What was it worth to you?"\n',
        encoding="utf-8",
    )
    found = [(q.text, q.lang) for q in markdown_questions(doc)]
    assert found == [("Wofür brauchen Sie das?", "de"), ("Warum?", "de"), ("What was it worth to you?", "en")]
    assert all(is_open_question(text, lang) for text, lang in found)


def test_material_presents_many_questions() -> None:
    """A guard against an extractor that silently finds nothing."""
    found = all_questions()
    assert len({q.where.split(":")[0] for q in found if ".md:" in q.where}) >= 30
    assert sum(not q.exempt for q in found) >= 500


def test_every_question_the_material_presents_is_open() -> None:
    closed = [q for q in all_questions() if not q.exempt and not is_open_question(q.text, q.lang)]
    listed = "\n".join(f"  {q.where}: {q.text}" for q in closed)
    assert not closed, (
        f"{len(closed)} closed question(s) presented as good questions; open them with what/how/which "
        f"(wie/was/welche), or, if the text shows them as what not to ask, label them closed:\n{listed}"
    )


# --- sources ------------------------------------------------------------------------------------------
YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
LETTERS = re.compile(r"[^\W\d_]{2,}")


def parentheticals(entry: str) -> Iterator[str]:
    """The text of every top-level (balanced) parenthesis, such as "(Wiley, 2018)" or "(HRM, 51(4), 2012)"."""
    depth, start = 0, 0
    for index, char in enumerate(entry):
        if char == "(":
            depth, start = depth + 1, index + 1 if depth == 0 else start
        elif char == ")" and depth:
            depth -= 1
            if depth == 0:
                yield entry[start:index]


HEARSAY = re.compile(r"widely reported|as reported|business press|vielfach berichtet|wirtschaftspresse", re.I)


def sources() -> Iterator[tuple[str, str]]:
    for path in DOCS:
        meta, _ = split_document(path.read_text(encoding="utf-8"))
        for entry in meta.get("sources") or []:
            yield str(path.relative_to(ROOT)), str(entry)


@pytest.mark.parametrize(("where", "entry"), list(sources()), ids=lambda value: str(value)[:60])
def test_every_source_is_a_work(where: str, entry: str) -> None:
    """Author or issuing body: title (publisher or venue, year), never hearsay or a bare name."""
    author, _, title = entry.partition(": ")
    assert YEAR.search(entry), f"{where}: the source has no four-digit year: {entry!r}"
    assert author.strip() and len(author.split()) <= 16, f"{where}: start with the author or body: {entry!r}"
    assert len(title.split()) >= 2, f"{where}: name the work after 'Author: ': {entry!r}"
    venue_and_year = any(YEAR.search(group) and LETTERS.search(group) for group in parentheticals(entry))
    assert venue_and_year, f"{where}: give '(publisher or venue, year)': {entry!r}"
    assert not HEARSAY.search(entry), f"{where}: cite the report itself, not its echo: {entry!r}"
