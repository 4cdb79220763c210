"""Offline composer for `reflect`: Gibbs prompts tied to the senior's words, GROW questions, closed questions
opened up. Everything is rule-based: the banks supply the questions, the rules adapt them."""

from __future__ import annotations

import re

from assistant.catalog import GIBBS_STAGES, GROW_PHASES, GibbsStage, QuestionBank, ReflectionPrompts
from assistant.modes.reflect.gibbs import TIED_PROMPTS, anchored_prompts
from assistant.modes.reflect.models import ReflectionContent, ReflectionItem, ReflectKind
from assistant.modes.reflect.named import own_words
from assistant.modes.reflect.open import is_w_question, open_alternatives, split_questions
from assistant.modes.reflect.topics import Topic, bank_questions, find_topics, subject_phrase
from assistant.text.language import ENGLISH_STOPWORDS, GERMAN_STOPWORDS, Lang, pick
from assistant.text.topics import GENERAL, TOPIC_NAMES, rank_topics

__all__ = [
    "compose_after_session",
    "compose_open_up",
    "compose_questions",
    "compose_reflection",
    # defined in reflect.topics and reflect.open; still importable from here, where they lived before
    "find_topics",
    "is_w_question",
    "open_alternatives",
    "split_questions",
    "subject_phrase",
]

_STOP_STEMS = frozenset(
    w[:5] for w in GERMAN_STOPWORDS | ENGLISH_STOPWORDS | {"haben", "have", "your", "ihre"}
)


def _stems(text: str) -> set[str]:
    """Content-word stems (first five letters), for overlap between texts."""
    return {w[:5] for w in re.findall(r"[a-zäöüß]{4,}", text.lower())} - _STOP_STEMS


def _similar(a: str, b: str) -> bool:
    """Near-duplicates: most content words shared."""
    sa, sb = _stems(a), _stems(b)
    return bool(sa and sb) and len(sa & sb) / len(sa | sb) > 0.5


def _rank(prompts: list[str], context: str) -> list[str]:
    """Bank prompts that share words with the context first, else in bank order."""
    words = _stems(context)
    return sorted(prompts, key=lambda p: -len(_stems(p) & words))


# --- after-session: Gibbs prompts -------------------------------------------------------------------


def _focus(topics: list[Topic], lang: Lang) -> tuple[str, str, bool] | None:
    """The first topic, joined with the second when both are tools or both themes: (nominative, dative, tool)."""
    if not topics:
        return None
    first = topics[0]
    same = [t for t in topics[1:2] if t.tool == first.tool]
    joiner = pick(lang, " und ", " and ")
    return (
        joiner.join(t.nom for t in [first, *same]),
        joiner.join(t.dat for t in [first, *same]),
        first.tool,
    )


# The topic each stage's tied prompt is about, when the senior named several: every one gets taken up.
_TOPIC_OF_STAGE: dict[GibbsStage, int] = {"evaluation": 1, "conclusion": 2}


def _own_words_prompt(words: list[str], lang: Lang, tied: str = "") -> str:
    """The description prompt on the things the senior named in their own words (quoted, so no article is
    needed): appended to the prompt on their tool or theme, or a prompt of its own."""
    quoted = [pick(lang, f"„{w}“", f"'{w}'") for w in words]
    joined = pick(lang, " und ", " and ").join(
        [", ".join(quoted[:-1]), quoted[-1]] if len(quoted) > 1 else quoted
    )
    if tied:
        return tied.rstrip("?") + pick(lang, f", etwa rund um {joined}?", f", for example around {joined}?")
    return pick(
        lang,
        f"Was genau haben Sie heute rund um {joined} gemacht, und was davon haben Sie selbst ausprobiert?",
        f"What exactly did you do today around {joined}, and what of it did you try yourself?",
    )


def compose_after_session(context: str, lang: Lang, reflection: ReflectionPrompts) -> ReflectionContent:
    """Six to nine Gibbs prompts: adapted to the senior's topics, feelings, events, plan and own words, topped up
    from the reflection bank."""
    topics = find_topics(context, lang)
    focus = _focus(topics, lang)
    anchored = anchored_prompts(context, lang)
    words = own_words(context, lang)
    tied: dict[GibbsStage, list[str]] = {}
    for stage in GIBBS_STAGES:
        tied[stage] = list(anchored[stage])
        on_topic = ""
        if topics:
            tool_form, theme_form = TIED_PROMPTS[lang][stage]
            topic = topics[min(_TOPIC_OF_STAGE.get(stage, 0), len(topics) - 1)]
            nom, dat = (focus[0], focus[1]) if stage == "description" and focus else (topic.nom, topic.dat)
            on_topic = (tool_form if topic.tool else theme_form).format(nom=nom, dat=dat)
        if stage == "description" and words:
            on_topic = _own_words_prompt(words, lang, on_topic)
        if on_topic:
            tied[stage].append(on_topic)
    bank = {stage: _rank(reflection.get(stage, lang), context) for stage in GIBBS_STAGES}
    chosen: dict[GibbsStage, list[str]] = {stage: [] for stage in GIBBS_STAGES}

    def take(stage: GibbsStage, pool: list[str]) -> bool:
        taken = [q for qs in chosen.values() for q in qs]
        for prompt in pool:
            if all(not _similar(prompt, other) and prompt != other for other in taken):
                chosen[stage].append(prompt)
                return True
        return False

    for stage in GIBBS_STAGES:
        take(stage, tied[stage][:1]) or take(stage, bank[stage])
    priority: tuple[GibbsStage, ...] = (
        "feelings",
        "evaluation",
        "analysis",
        "action_plan",
        "description",
        "conclusion",
    )
    for stage in priority:  # a second prompt that takes up the senior's words, at most two per stage
        if sum(map(len, chosen.values())) < 9 and len(chosen[stage]) < 2:
            take(stage, [p for p in tied[stage] if p not in chosen[stage]])
    for stage in priority:  # then bank prompts, where no prompt takes up what the senior wrote for the stage
        if sum(map(len, chosen.values())) < 8 and len(chosen[stage]) < 2 and not anchored[stage]:
            take(stage, bank[stage])
    items = [ReflectionItem(label=stage, question=q) for stage in GIBBS_STAGES for q in chosen[stage]]
    about = ""
    if focus:
        about = pick(lang, f" zu {focus[1]}" if focus[2] else f" zum Thema {focus[0]}", f" on {focus[0]}")
    intro = pick(
        lang,
        f"Fragen für Ihre Reflexion der Sitzung{about}, entlang der sechs Phasen des Gibbs-Zyklus von der "
        "Beschreibung bis zum Aktionsplan. Zwei, drei Sätze pro Frage genügen.",
        f"Questions to reflect on your session{about}, following the six stages of Gibbs' reflective cycle from "
        "description to action plan. Two or three sentences per question are enough.",
    )
    return ReflectionContent(intro=intro, items=items)


# --- questions: GROW questions for the mentor --------------------------------------------------------


# One question per GROW phase on the senior's own subject; {s} is the subject, quoted or named.
_GROW_TIED: dict[str, tuple[str, str]] = {
    "goal": (
        "Was möchten Sie beim Thema {s} bis zum Ende des Tandems verstanden oder selbst ausprobiert haben?",
        "What would you like to have understood or tried yourself on {s} by the end of the tandem?",
    ),
    "reality": (
        "Was haben Sie beim Thema {s} bisher selbst erlebt oder ausprobiert?",
        "What have you seen or tried yourself on {s} so far?",
    ),
    "options": (
        "Welche Wege sehen Sie, beim Thema {s} weiterzukommen, und was könnte Ihr Gegenüber Ihnen dabei zeigen?",
        "Which ways forward on {s} can you see, and what could your mentor show you?",
    ),
    "will": (
        "Welchen ersten Schritt beim Thema {s} gehen Sie bis zu Ihrem nächsten Treffen?",
        "What first step on {s} will you take before your next meeting?",
    ),
}
_MAX_SUBJECT_WORDS = 5


def _grow_subject(context: str, lang: Lang) -> str | None:
    """The senior's subject for a question: their short phrase in quotation marks, else the tools and themes
    they named; None if there is neither (a long phrase or a question of its own reads badly inside a question)."""
    subject = subject_phrase(context, lang)
    if subject and subject[1]:
        phrase = subject[0]
        words = phrase.split()
        if len(words) <= _MAX_SUBJECT_WORDS and not is_w_question(phrase, lang):
            return pick(lang, f"„{phrase}“", f"'{phrase}'")
    named = [t.nom for t in find_topics(context, lang)[:2]]
    return pick(lang, " und ", " and ").join(named) or None


def compose_questions(context: str, lang: Lang, bank: QuestionBank) -> ReflectionContent:
    """Per GROW phase: a question on the senior's own subject and a bank question for the recognised topic (two
    bank questions without a subject), one more from a second topic if any."""
    ranked = [t for t in rank_topics(context) if any(bank.get(t, p, lang) for p in GROW_PHASES)]
    topic = ranked[0] if ranked else GENERAL
    second = next((t for t in ranked[1:] if t != GENERAL), None)
    own = _grow_subject(context, lang)
    items: list[ReflectionItem] = []
    for phase in GROW_PHASES:
        pool = _rank(bank.get(topic, phase, lang), context) or bank.get(GENERAL, phase, lang)
        picked = [pick(lang, *_GROW_TIED[phase]).format(s=own), *pool[:1]] if own else pool[:2]
        if second and phase in ("reality", "options"):
            picked += [q for q in _rank(bank.get(second, phase, lang), context) if q not in picked][:1]
        items += [ReflectionItem(label=phase, question=q) for q in picked]
    subject = subject_phrase(context, lang)
    name = TOPIC_NAMES.get(topic, TOPIC_NAMES[GENERAL])
    if subject:
        phrase, quoted = subject
        about = pick(
            lang,
            f"zu „{phrase}“" if quoted else f"zu {phrase}",
            f"on '{phrase}'" if quoted else f"on {phrase}",
        )
    else:
        about = pick(lang, f"zum Thema {name[0]}", f"on {name[1]}")
    intro = pick(
        lang,
        f"Offene Fragen {about} für das Gespräch mit Ihrer Mentorin oder Ihrem Mentor, nach dem GROW-Modell "
        "geordnet (Ziel, Ist-Situation, Optionen, nächste Schritte). Gehen Sie sie gemeinsam durch und passen Sie "
        "die Anrede an, wenn Sie sich duzen.",
        f"Open questions {about} for the conversation with your mentor, ordered by the GROW model (goal, reality, "
        "options, will). Go through them together and adapt them to your situation.",
    )
    return ReflectionContent(intro=intro, items=items)


# --- open-up: closed questions made open -------------------------------------------------------------

_SPARE_DE = {
    False: "Welche Erfahrungen hast du damit gemacht?|Was sollte ich dazu noch wissen?",
    True: "Welche Erfahrungen haben Sie damit gemacht?|Was sollte ich dazu noch wissen?",
}
_SPARE_EN = "What experience have you had with this?|What else should I know about this?"


def compose_open_up(context: str, lang: Lang, bank: QuestionBank) -> ReflectionContent:
    """Two or three open alternatives for each question found in the text."""
    found = split_questions(context, lang)
    if not found:
        topic = rank_topics(context)[0]
        examples = [q for phase in GROW_PHASES[:3] for q in bank_questions(bank, topic, phase, lang)[:1]]
        intro = pick(
            lang,
            "In Ihrem Text habe ich keine Frage gefunden. Schreiben Sie Ihre geschlossenen Fragen dazu, etwa "
            "„Ist das sicher?“; bis dahin einige offene Beispielfragen aus dem Programm.",
            "I found no question in your text. Add your closed questions, for example 'Is this safe?'; until then, "
            "here are some open example questions from the programme.",
        )
        return ReflectionContent(
            intro=intro, items=[ReflectionItem(label="open", question=q) for q in examples]
        )
    alternatives = open_alternatives(found, lang)
    per_question = 3 if len(found) <= 3 else 2
    items: list[ReflectionItem] = []
    seen: set[str] = set()
    for options in alternatives.values():
        fresh = [q for q in options if q.lower() not in seen][:per_question]
        seen.update(q.lower() for q in fresh)
        items += [ReflectionItem(label="open", question=q) for q in fresh]
    formal = lang == "de" and "Sie" in context.split()[1:]
    spare = [q for q in pick(lang, _SPARE_DE[formal], _SPARE_EN).split("|") if q.lower() not in seen]
    items += [ReflectionItem(label="open", question=q) for q in spare[: max(0, 3 - len(items))]]
    already = [q for q in found if alternatives[q] and is_w_question(q, lang)]
    intro = pick(
        lang,
        "Offene Varianten Ihrer Fragen: Sie laden Ihr Gegenüber zum Erzählen ein, statt nur Ja oder Nein zu erbitten.",
        "Open versions of your questions: they invite your mentor to explain instead of answering yes or no.",
    )
    if already:
        quoted = pick(lang, " und ", " and ").join(pick(lang, f"„{q}“", f"'{q}'") for q in already[:2])
        intro += pick(
            lang,
            f" {quoted} {'ist' if len(already) == 1 else 'sind'} schon offen; dazu trotzdem Varianten, "
            "die tiefer gehen.",
            f" {quoted} {'is' if len(already) == 1 else 'are'} already open; here are variants that go deeper anyway.",
        )
    return ReflectionContent(intro=intro, items=items)


def compose_reflection(
    context: str, kind: ReflectKind, lang: Lang, questions: QuestionBank, reflection: ReflectionPrompts
) -> ReflectionContent:
    """The offline result for any kind; it passes `check_reflection` for every reasonable input."""
    if kind == "questions":
        return compose_questions(context, lang, questions)
    if kind == "open-up":
        return compose_open_up(context, lang, questions)
    return compose_after_session(context, lang, reflection)
