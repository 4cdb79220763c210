"""What the senior's context changes in a plan: signals read from a free-text note ("CFO, skeptisch, hat wenig
Zeit") and the questions, pace and examples each signal calls for.

The signals follow the programme material: sceptics get their concerns asked (first-session), beginners a
slower pace (explaining-digital-tools: one new concept at a time), anxious seniors a protected space where
mistakes are welcome, busy seniors one thing only and the agenda in advance (preparing-sessions), advanced
or bored seniors skip the basics (difficult-moments), dominant seniors share the timekeeping, experienced
seniors are asked about their experience, and examples come from the senior's own field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from assistant.modes.prepare.subject import Subject
from assistant.text.language import Lang, pick

# Each signal: words that show it, in German or English (lower case, searched in the context). The words come
# from the dev split of the plans eval and from how the programme material describes seniors (difficult-moments,
# explaining-digital-tools, the scenario personas); never from the test split.
SIGNALS: dict[str, str] = {
    "concerns": r"skep|sceptic|skeptic|zweifel|doubt|misstrau|distrust|vorbehalt|reservation|bedenken|concern"
    r"|besorgt|sorgt sich|sorgen|worr|hält (?:nichts|wenig) von|zeitverschwendung|waste of time|widerwillig"
    r"|reluctant|zurückhaltend|reserved|telefoniert lieber|lieber (?:telefon|persönlich)|prefers? (?:the )?phone",
    "anxious": r"angst|ängstlich|nervös|nervous|afraid|fear|unsicher|insecure|überfordert|overwhelmed"
    r"|(?:etwas|was) falsch (?:zu )?machen|blamier|embarrass",
    "beginner": r"noch nie|\bnie\b|never|kein(?:e|en)? (?:eigene[ns]? )?(?:[\w-]*konto|account|profil|erfahrung)"
    r"|keine erfahrung|no (?:account|experience)|wenig erfahrung|little experience|beginner|anfänger"
    r"|nicht (?:sehr |so )?technikaffin|not (?:very )?(?:tech|digital)",
    "busy": r"wenig zeit|keine zeit|beschäftigt|vollgepackt|voller kalender|ungeduldig|busy|little time|no time"
    r"|short on time|impatient",
    "advanced": r"kennt (?:sich )?(?:gut |schon )?(?:aus|die basics|die grundlagen)|routiniert|fortgeschritten"
    r"|nutzt (?:\w+ )?(?:schon|bereits|täglich|regelmäßig)|arbeitet seit jahren mit|versiert"
    r"|already uses|uses \w+ (?:daily|every day)|experienced (?:with|user)|advanced|knows the basics"
    r"|(?<!nicht )(?<!nicht so )technikaffin|tech-savvy|bored|langweil",
    "dominating": r"dominant|dominier|dominates|redet (?:gern )?viel|talks (?:a lot|most)|schweift"
    r"|übernimmt (?:gern )?(?:das gespräch|die führung)|takes over",
    "experienced": r"\d+ jahre (?:im|in der|bei)|langjährig|seit \d+ jahren|years (?:at|in|with) the company"
    r"|started as|\b[5-6]\d\b(?! ?min)",
    "mobile": r"selten am (?:schreibtisch|platz|rechner)|vor ort|in der produktion|unterwegs"
    r"|rarely at (?:a|his|her|the) desk|on the road|shop floor|on site",
}
# Signals that exclude one another: the first wins (a "nicht technikaffin" senior is a beginner).
_EXCLUDES = {"beginner": "advanced"}
# Roles whose field is implied ("CFO" -> finance).
_ROLES: dict[str, tuple[str, str]] = {
    "cfo": ("Finanzen", "finance"),
    "coo": ("Betrieb", "operations"),
    "cto": ("Technik", "technology"),
    "cio": ("IT", "IT"),
    "cmo": ("Marketing", "marketing"),
    "chro": ("Personal", "HR"),
    "cpo": ("Personal", "HR"),
    "controller": ("Controlling", "controlling"),
    "controllerin": ("Controlling", "controlling"),
}
# Words in a role that name no field: German heads of compounds ("Bereichsleiterin") and English fillers.
_GENERIC_PREFIXES = (
    "bereich",
    "abteilung",
    "team",
    "gruppe",
    "geschäft",
    "haupt",
    "ober",
    "projekt",
    "filial",
)
_GENERIC_WORDS = {"senior", "general", "managing", "executive", "the", "a", "an", "our", "my", "his", "her"}
_ROLE_WORD = (
    r"(?i:leiter(?:in)?|vorstand|vorständin|chef(?:in)?|direktor(?:in)?|manager(?:in)?|verantwortliche[r]?)"
)


def field_of(context: str) -> str | None:
    """The senior's field, read from their role ("Bereichsleiterin Finanzen", "Vertriebsvorstand", "Head of
    Procurement", "VP Marketing", "plant manager", "CFO"), or None.

    >>> [field_of(t) for t in ["Vertriebsvorstand", "Leiterin Produktion, 30 Jahre", "Head of R&D", "CFO", "Tee"]]
    ['Vertrieb', 'Produktion', 'R&D', 'Finanzen', None]
    >>> field_of("Bereichsleiterin Finanzen"), field_of("VP Marketing"), field_of("plant manager, rarely at a desk")
    ('Finanzen', 'Marketing', 'plant')
    """
    patterns = [
        rf"\b[\wäöüß-]*{_ROLE_WORD}\s+(?:der |des |für |im )?([A-ZÄÖÜ][\wäöüß&-]+)",
        r"\b(?i:vorständin|vorstand)\s+([A-ZÄÖÜ][\wäöüß&-]+)",
        r"\b(?i:head of) (?:the )?([\w&-]+(?: (?:and|&) [\w-]+)?)",
        r"\b(?i:vp|svp|evp|vice president|director|chief)\s+(?:of\s+)?([A-Za-z][\w&-]+)",
        rf"\b([A-ZÄÖÜ][a-zäöüß]{{3,}}?)s?{_ROLE_WORD}\b",
        r"\b([a-z][\w-]{3,}) (?:manager|director|lead)\b",
    ]
    for pattern in patterns:
        for match in re.finditer(pattern, context):
            found = match.group(1).strip()
            if found.lower() not in _GENERIC_WORDS and not found.lower().startswith(_GENERIC_PREFIXES):
                return found
    for word in re.findall(r"[\wäöü]+", context.lower()):
        if word in _ROLES:
            return _ROLES[word][0]
    return None


def _field_en(context: str, found: str) -> str:
    for word in re.findall(r"[\wäöü]+", context.lower()):
        if word in _ROLES and _ROLES[word][0] == found:
            return _ROLES[word][1]
    return found


@dataclass(frozen=True)
class SeniorNeeds:
    """The signals found in the senior's context and the senior's field (None when none is named)."""

    signals: frozenset[str] = frozenset()
    field: str | None = None
    field_en: str | None = None

    @classmethod
    def read(cls, context: str) -> SeniorNeeds:
        """The signals of a free-text context.

        >>> sorted(SeniorNeeds.read("telefoniert lieber, skeptisch gegenüber Videocalls").signals)
        ['concerns']
        >>> needs = SeniorNeeds.read("CFO, nicht so technikaffin, hat wenig Zeit")
        >>> sorted(needs.signals), needs.field, needs.field_en
        (['beginner', 'busy'], 'Finanzen', 'finance')
        """
        text = context.lower()
        found = {name for name, pattern in SIGNALS.items() if re.search(pattern, text)}
        for first, other in _EXCLUDES.items():
            if first in found:
                found.discard(other)
        area = field_of(context)
        return cls(frozenset(found), area, _field_en(context, area) if area else None)

    def __bool__(self) -> bool:
        return bool(self.signals or self.field)


Place = Literal["opening", "goal", "practice", "reflection", "materials"]


@dataclass(frozen=True)
class Adaptation:
    """One change the senior's context makes: a sentence or question for a block, or a material to bring."""

    place: Place
    text: str
    question: bool = False
    replaces: str = ""  # a question of the block it makes redundant (regex), dropped when it is added


def adaptations(needs: SeniorNeeds, subject: Subject, lang: Lang) -> list[Adaptation]:
    """The questions, pace notes, examples and materials the senior's context calls for, in signal order."""
    about, name = subject.about_it(lang), subject.name(lang) or pick(lang, "diesem Thema", "this topic")
    words: dict[str, list[Adaptation]] = {
        "dominating": [
            Adaptation(
                "opening",
                pick(
                    lang,
                    "Die Agenda mit Minuten zeigen und die Führungskraft bitten, mit auf die Zeit zu achten; "
                    "Seitenthemen kommen auf einen Themenparkplatz.",
                    "Show the agenda with minutes and ask the senior to help keep time; side topics go on a "
                    "parking lot.",
                ),
            ),
            Adaptation(
                "materials",
                pick(
                    lang,
                    "Ein sichtbarer Timer und ein Blatt als Themenparkplatz",
                    "A visible timer and a sheet for the parking lot",
                ),
            ),
        ],
        "concerns": [
            Adaptation(
                "goal",
                pick(
                    lang,
                    f"Welche Bedenken haben Sie {about}, und was müsste passieren, damit es sich für Sie lohnt?",
                    f"What concerns do you have {about}, and what would make it worth your while?",
                ),
                question=True,
                replaces=r"bedenken|concerns|lohnend|worthwhile",
            ),
            Adaptation(
                "practice",
                pick(
                    lang,
                    "Bedenken ernst nehmen: erst nachfragen, was stört, dann mit einem kleinen Schritt zeigen, "
                    "welchen Nutzen es im eigenen Alltag hat.",
                    "Take the concerns seriously: first ask what bothers the senior, then show with one small "
                    "step what it is worth in their own work.",
                ),
            ),
        ],
        "busy": [
            Adaptation(
                "goal",
                pick(
                    lang,
                    "Nur eine Sache heute: die eine Fertigkeit, die im Alltag sofort Zeit spart; alles andere "
                    "kommt auf die Liste für später.",
                    "Only one thing today: the one skill that saves time at once; everything else goes on the "
                    "list for later.",
                ),
            ),
            Adaptation(
                "materials",
                pick(
                    lang,
                    "Agenda mit Minuten, zwei Arbeitstage vorab verschickt",
                    "The agenda with minutes, sent two working days in advance",
                ),
            ),
        ],
        "advanced": [
            Adaptation(
                "goal",
                pick(
                    lang,
                    f"Wo stoßen Sie {about} heute an Grenzen?",
                    f"Where do you reach your limits today when it comes to {name}?",
                ),
                question=True,
            ),
            Adaptation(
                "practice",
                pick(
                    lang,
                    "Grundlagen überspringen: gleich eine fortgeschrittene Variante, die weiter geht als das, "
                    "was die Führungskraft schon kann.",
                    "Skip the basics: go straight to an advanced variant that goes deeper than what the senior "
                    "already knows.",
                ),
            ),
        ],
        "beginner": [
            Adaptation(
                "practice",
                pick(
                    lang,
                    "Langsam und Schritt für Schritt: ein neuer Begriff nach dem anderen, nach jedem Schritt "
                    "eine Pause für Fragen.",
                    "Slowly, step by step: one new concept at a time, with a pause for questions after each "
                    "step.",
                ),
            )
        ],
        "anxious": [
            Adaptation(
                "practice",
                pick(
                    lang,
                    "Fehler sind hier erwünscht: Geübt wird in einem geschützten Rahmen ohne Publikum, und "
                    "nichts kann kaputtgehen.",
                    "Mistakes are welcome here: practise in a safe space without an audience, where nothing "
                    "can break.",
                ),
            )
        ],
        "mobile": [
            Adaptation(
                "practice",
                pick(
                    lang,
                    "Auf dem Smartphone üben, das die Führungskraft ohnehin dabei hat.",
                    "Practise on the smartphone the senior carries anyway.",
                ),
            )
        ],
        "experienced": [
            Adaptation(
                "reflection",
                pick(
                    lang,
                    "Welche Erfahrung aus Ihrem Berufsweg hilft Ihnen dabei?",
                    "Which experience from your career helps you with this?",
                ),
                question=True,
            )
        ],
    }
    found = [item for signal, items in words.items() if signal in needs.signals for item in items]
    area = pick(lang, needs.field or "", needs.field_en or "")
    if area:
        found.append(
            Adaptation(
                "practice",
                pick(
                    lang,
                    f"Beispiele aus dem Bereich {area}, mit erfundenen oder öffentlichen Daten.",
                    f"Use examples from {area}, with invented or public data.",
                ),
            )
        )
    return found
