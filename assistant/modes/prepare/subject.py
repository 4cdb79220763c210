"""What a plan's topic is about, in words that fit a sentence: the tool or theme the topic names (from the
topic lexicon), whether it is digital, and phrases that work with any topic when it names neither.

A topic is a title ("Zoom für Kundentermine", "How to write a good prompt??"); pasted into a sentence where a
tool belongs it reads wrong. Sentences use `with_it` ("mit Zoom"), `about_it` ("bei Zoom") or `on_it`
("zum Thema Datenschutz") instead, and fall back to wording without a subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.text.language import ENGLISH_STOPWORDS, GERMAN_STOPWORDS, Lang, pick
from assistant.text.lexicon import GENERIC_NOUNS
from assistant.text.topics import GENERAL, Term, find_terms, is_digital, rank_topics

# Words that say how far along or how, not what: "Getting started with ChatGPT" is about ChatGPT.
_LEVEL_WORDS = frozenset(
    """basics grundlagen einstieg getting started start starten
    erste ersten first steps schritte introduction einführung intro ausprobieren nutzen verwenden using lernen
    learn learning verstehen understand understanding richtig effektiv effectively besser better""".split()
)
_NOT_CONTENT = GERMAN_STOPWORDS | ENGLISH_STOPWORDS | GENERIC_NOUNS | _LEVEL_WORDS


@dataclass(frozen=True)
class Subject:
    """The tool or theme a topic names, if any, and whether a hands-on exercise on a device suits it."""

    term: Term | None
    topic: str  # question-bank topic ('general' when none is recognised)
    digital: bool
    rest: tuple[str, ...] = ()  # what else the topic says about it ("meetings" in "Teams meetings")

    @classmethod
    def of(cls, topic: str) -> Subject:
        """The first tool or theme the topic names, its question-bank topic and whether it is digital.

        >>> s = Subject.of("Zoom für Kundentermine")
        >>> s.name("de"), s.topic, s.digital
        ('Zoom', 'hybrid-work', True)
        >>> Subject.of("Gen Z verstehen").name("en") is None, Subject.of("Feedbackkultur").digital
        (True, False)
        >>> Subject.of("Getting started with ChatGPT").rest, Subject.of("Teams meetings").rest
        ((), ('meetings',))
        """
        named = [term for _, term in find_terms(topic) if term.kind and (term.de or term.en)]
        term = named[0] if named else None
        main = term.topic if term is not None and term.topic else rank_topics(topic)[0]
        rest = topic
        if term is not None:  # the term's first word is its name; what follows it still says something
            rest = term.pattern.sub(lambda m: " ".join(m.group().split()[1:]), topic)
        words = [w for w in re.findall(r"[\wäöüß]{4,}", rest.lower()) if w not in _NOT_CONTENT]
        return cls(term, main or GENERAL, is_digital(topic), tuple(words))

    @property
    def is_tool(self) -> bool:
        return self.term is not None and self.term.kind == "tool"

    def name(self, lang: Lang) -> str | None:
        """The tool's or theme's name in `lang`, or None."""
        if self.term is None:
            return None
        return pick(lang, self.term.de or self.term.en, self.term.en or self.term.de)

    def with_it(self, lang: Lang) -> str:
        """' mit Zoom' / ' zum Thema Datenschutz' / '' (a leading space when not empty).

        >>> Subject.of("ChatGPT für E-Mails").with_it("en"), Subject.of("Phishing erkennen").with_it("de")
        (' with ChatGPT', ' zum Thema Phishing')
        """
        name = self.name(lang)
        if name is None:
            return ""
        if self.is_tool:
            return pick(lang, f" mit {name}", f" with {name}")
        return pick(lang, f" zum Thema {name}", f" on {name}")

    def about_it(self, lang: Lang) -> str:
        """'bei Zoom' / 'beim Thema Feedback' / 'bei diesem Thema' (German); 'about …' (English)."""
        name = self.name(lang)
        if name is None:
            return pick(lang, "bei diesem Thema", "about this topic")
        if self.is_tool:
            return pick(lang, f"bei {name}", f"about {name}")
        return pick(lang, f"beim Thema {name}", f"about {name}")
