"""Does a message continue the conversation's last turn? An EDIT of its result, a FOLLOW-UP question that
leans on what was said, or a NEW request that starts a new thread of state.

The rules, in order:
1. No earlier turn, or the user chose another mode than the last turn's: new.
2. A new request of its own is new whatever else it says: a quoted remark to check, a request to record a
   session ("log it", "Trag das ein"), or a planning request that names its own topic ("prepare our third
   session on LinkedIn").
3. An edit: the message asks for changes that fit the last result (`edits.read_changes`) and says nothing
   else (no content words besides the changes and the words edit requests are made of), and it is not a
   question for information ("What is an exercise on prompts?"). A new length or language is an edit even
   with a couple of words of its own ("Kannst du das auf 60 Minuten strecken?", "30 minutes is enough"):
   without a topic of its own, a length or a language can only be about the result in front of the user.
4. A follow-up question (after an answer or a plan): it leans on what was said, by a reference word (a
   pronoun or demonstrative standing alone: "that", "this", "it", "das", "dies"; a pronominal adverb:
   "dazu", "davon", "darüber"), by opening with a connective ("and", "und", "what about", "und was"), or by
   asking for more of the same without content words of its own ("give me an example", "warum?"); with a
   reference or a connective it may add at most a couple of words of its own.
5. Everything else is new.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

from assistant.conversation.edits import Changes, read_changes
from assistant.conversation.parameters import names_topic
from assistant.conversation.router import QUOTED_REMARK, RULES, is_log_request
from assistant.modes.models import Mode
from assistant.rag.keyword import content_words
from assistant.text.language import Lang
from assistant.text.lexicon import GENERIC_NOUNS
from assistant.text.quotes import find_quotes

Kind = Literal["edit", "follow-up", "new"]
MODES: tuple[Mode, ...] = (
    "ask",
    "prepare",
    "feedback",
    "reflect",
)  # the modes whose state a message continues
RESULT_NAMES: dict[str, str] = {
    "prepare": "plan",
    "feedback": "feedback draft",
    "reflect": "reflection questions",
}
STRUCTURAL = frozenset({"length", "language"})  # changes no new request makes without a topic of its own
OWN_WORDS = 2  # a follow-up may add this many content words of its own ("... when my mentee is defensive")
SHORT = 8  # words: a request for more of the same is short

# Pronouns and demonstratives that stand for something said before (when no noun follows them).
REFERENCES = frozenset("that this it those these them das dies dieses diese diesen diesem dieser es".split())
# German pronominal adverbs: "da(r)" + preposition, "about that".
PRONOMINAL_ADVERBS: dict[str, str] = {
    "dazu": "zu",
    "davon": "von",
    "damit": "mit",
    "darüber": "über",
    "dafür": "für",
    "dabei": "bei",
    "daran": "an",
    "darauf": "auf",
    "darin": "in",
    "dagegen": "gegen",
    "daraus": "aus",
}
# Openers that continue what was said.
CONNECTIVE = re.compile(
    r"^\W*(?:and|und|also|but|aber|oder|or|what about|how about|und was|und wie|was ist mit|wie ist es mit)\b",
    re.IGNORECASE,
)
# Words that ask for more of the same: an example, details, an explanation, the reason.
ELABORATION = frozenset(
    """example examples beispiel beispiele beispielen instance more mehr detail details genauer ausführlicher
    explain erklär erkläre erklären erklärst elaborate mean meant meaning bedeutet heißt tell sag sage sagen
    say give gib geben show zeig zeige zeigen concrete konkret konkreter konkretes konkretem else sonst
    again nochmal simpler einfacher einfach short kurz steps schritte practice praxis looks aussehen look
    sieht aus works funktioniert apply anwenden""".split()
)
# Inflected German possessives and articles the stop-word list leaves out.
INFLECTED = frozenset(
    """meiner meinem meinen meines deiner deinem deinen deines seiner seinem seinen seines ihrer ihrem ihren
    ihres unserer unserem unseren unseres eurer eurem euren eures einem einer eines jemand jemandem""".split()
)
# A dummy subject stands for nothing said before: "is it allowed to ...", "gibt es ...", "es geht um".
_DUMMY = re.compile(
    r"\b(?:is|was|isn't)\s+it\b.*\bto\b|\bit\s+(?:is|was|'s)\b.*\bto\b|\bit\s+takes?\b|\bgibt\s+es\b|\bes\s+gibt\b"
    r"|\bgeht\s+es\b|\bes\s+geht\b|\bhandelt\s+es\b",
    re.IGNORECASE,
)
_QUESTION_WORD = re.compile(
    r"^\W*(?:what|which|who|why|how|when|where|was|welche\w*|wer|warum|wieso|weshalb|wie|wann|wo)\b(?!\s+about)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[\wäöüßÄÖÜ'-]+")
# Words that open a clause: "that" before them is a conjunction, not a demonstrative.
_CLAUSE_OPENERS = frozenset("i you he she it we they the a an my your his her our their this there".split())
_PLANNING = RULES["prepare"][:5]  # the planning patterns; the sixth (a length alone) is no request of its own


@dataclass(frozen=True)
class Previous:
    """The conversation's state as the store keeps it: the last turn's mode, parameters and result."""

    mode: Mode
    parameters: dict[str, Any] = field(default_factory=dict)
    result: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, state: dict[str, Any]) -> Previous | None:
        """The state of a conversation, or None when it has none (or one of a mode this Tandem lacks)."""
        mode = state.get("mode")
        if mode not in MODES:
            return None
        return cls(mode, dict(state.get("parameters") or {}), dict(state.get("result") or {}))

    @property
    def language(self) -> Lang | None:
        lang = self.parameters.get("language") or self.result.get("language")
        return lang if lang in ("de", "en") else None

    @property
    def subject(self) -> str:
        """What the last turn was about: the standalone question of an answer, a plan's topic, else ''."""
        if self.mode == "ask":
            return str(self.parameters.get("standalone") or self.parameters.get("question") or "")
        if self.mode == "prepare":
            return str(self.result.get("topic") or self.parameters.get("topic") or "")
        return ""


@dataclass(frozen=True)
class Decision:
    """What a message is to the conversation, why, and (for an edit) what it changes."""

    kind: Kind
    reason: str
    changes: Changes = field(default_factory=Changes)


def classify(message: str, previous: Previous | None, mode: Mode | None = None) -> Decision:
    """Edit, follow-up or new request (see the module's rules); `mode` is the user's choice, if any."""
    if previous is None:
        return Decision("new", "no earlier turn")
    if mode is not None and mode != previous.mode:
        return Decision("new", "the user chose another mode")
    if find_quotes(message, min_length=QUOTED_REMARK):
        return Decision("new", "a quoted remark to check")
    if is_log_request(
        message
    ):  # "trag das ein" names the session by "das": a request of its own, not a question
        return Decision("new", "a request to record a session")
    planning = names_topic(message) and any(re.search(p, message.lower()) for p in _PLANNING)
    if planning and not read_changes(message, "prepare").focus:  # "plan an exercise on prompts" edits
        return Decision("new", "a planning request with a topic of its own")
    changes = read_changes(message, previous.mode)
    structural = bool(set(changes.names()) & STRUCTURAL) and len(changes.rest) <= OWN_WORDS
    if changes and (not changes.rest or structural) and not is_question(message):
        what = RESULT_NAMES.get(previous.mode, previous.mode)
        return Decision("edit", f"follow-up: changes the last {what} ({', '.join(changes.names())})", changes)
    if previous.subject and mode in (None, "ask") and leans_on_context(message):
        return Decision("follow-up", "follow-up question on the last turn")
    return Decision("new", "a request of its own")


def is_question(message: str) -> bool:
    """A question for information: it opens with a question word ("what about" proposes, it does not ask).

    >>> is_question("What is an exercise on prompts?"), is_question("What about 30 minutes?")
    (True, False)
    """
    return _QUESTION_WORD.search(message) is not None


def reference(message: str) -> re.Match[str] | None:
    """The first word that stands for something said before: a pronominal adverb, or a pronoun or
    demonstrative that no noun follows (German nouns are capitalised; an English one is a content word).

    >>> reference("give me an example of that").group(), reference("Gibt es dazu Regeln?").group()
    ('that', 'dazu')
    >>> reference("Wie erkläre ich das meiner Führungskraft?").group(), reference("Was ist das Programm?")
    ('das', None)
    """
    if _DUMMY.search(message):
        message = _DUMMY.sub(lambda m: " " * len(m.group()), message)
    words = list(_WORD.finditer(message))
    for i, word in enumerate(words):
        lowered = word.group().lower()
        if lowered in PRONOMINAL_ADVERBS:
            return word
        if lowered not in REFERENCES:
            continue
        following = words[i + 1].group() if i + 1 < len(words) else ""
        gap = message[word.end() : words[i + 1].start()] if i + 1 < len(words) else ""
        if following and not gap.strip() and _noun(following, lowered):
            continue  # a determiner: "that exercise", "das Programm"
        if lowered == "that" and following.lower() in _CLAUSE_OPENERS and not gap.strip():
            continue  # a conjunction: "tell him that he is late"
        return word
    return None


def _noun(word: str, determiner: str) -> bool:
    """Whether the word after a possible determiner is a noun (so the determiner refers to it, not back)."""
    if determiner in {"it", "them", "es"}:
        return False  # personal pronouns never determine
    if determiner in {"das", "dies", "dieses", "diese", "diesen", "diesem", "dieser"}:
        return word[:1].isupper()
    return bool(content_words(word)) and word.lower() not in ELABORATION


def own_words(message: str) -> list[str]:
    """The content words a message brings of its own (not those that ask for more, not generic nouns).

    >>> own_words("Und wie sage ich das meiner Führungskraft?"), own_words("What is an I-message?")
    ([], ['i-message', 'message'])
    """
    return [
        w
        for w in content_words(message)
        if w not in ELABORATION and w not in GENERIC_NOUNS and w not in INFLECTED
    ]


def leans_on_context(message: str) -> bool:
    """True for a question that needs the last turn to be understood (rule 4 of the module).

    >>> [leans_on_context(m) for m in ("give me an example of that", "Und wie sage ich das meiner Führungskraft?")]
    [True, True]
    >>> [leans_on_context(m) for m in ("Warum?", "What is an I-message?", "Gibt es Regeln für Absagen?")]
    [True, False, False]
    """
    own = own_words(message)
    if len(own) <= OWN_WORDS and (reference(message) is not None or CONNECTIVE.search(message)):
        return True
    words = [w.lower() for w in _WORD.findall(message)]
    asks = message.rstrip().endswith("?") or any(w in ELABORATION for w in words)
    return not own and asks and len(words) <= SHORT
