"""The rules every reflection set must meet, whoever wrote it."""

from __future__ import annotations

import re

from assistant.catalog import GIBBS_STAGES, GROW_PHASES
from assistant.modes.checks import check_language, check_no_duplicates, check_open_questions
from assistant.modes.reflect.models import ReflectionContent, ReflectionItem, ReflectKind
from assistant.modes.reflect.open import is_w_question, split_questions
from assistant.text.language import Lang
from assistant.text.questions import question_key
from assistant.text.sentences import count_sentences

MAX_ITEMS = 12


def check_reflection(obj: ReflectionContent, lang: Lang, kind: ReflectKind, context: str) -> list[str]:
    """Rules every reflection set must meet; each error says what to fix (also accepts a ReflectionSet)."""
    errors: list[str] = []
    questions = [item.question.strip() for item in obj.items]
    labels = [item.label for item in obj.items]
    if len(questions) < 3:
        errors.append(f"There are {len(questions)} items; write at least 3 questions.")
    if kind != "open-up" and len(questions) > MAX_ITEMS:
        errors.append(
            f"There are {len(questions)} items; keep to at most {MAX_ITEMS} so the list stays usable."
        )
    for question in questions:
        if not question.endswith("?"):
            errors.append(f"Item '{question}' does not end with '?': write every item as a question.")
    errors += check_open_questions([q for q in questions if q.endswith("?")], lang, "Item")
    errors += check_no_duplicates(questions, "Items")
    intro = obj.intro.strip()
    if not intro:
        errors.append("The intro is empty: write one or two sentences that say what the questions are for.")
    elif count_sentences(intro) > 2:
        errors.append(f"The intro has {count_sentences(intro)} sentences: shorten it to one or two.")
    errors += check_language([intro], lang, "The intro")
    errors += check_language(questions, lang, "The questions")
    if kind == "after-session":
        wrong = sorted({label for label in labels if label not in GIBBS_STAGES})
        if wrong:
            errors.append(
                f"Labels {wrong} are not Gibbs stages: label every item with one of {', '.join(GIBBS_STAGES)}."
            )
        covered = [stage for stage in GIBBS_STAGES if stage in labels]
        if len(covered) < 4:
            errors.append(
                f"The items cover {len(covered)} Gibbs stage(s) ({', '.join(covered) or 'none'}); cover at least 4 "
                f"of the 6 stages ({', '.join(GIBBS_STAGES)})."
            )
    elif kind == "questions":
        wrong = sorted({label for label in labels if label not in GROW_PHASES})
        if wrong:
            errors.append(
                f"Labels {wrong} are not GROW phases: label every item with one of {', '.join(GROW_PHASES)}."
            )
        missing = [phase for phase in GROW_PHASES if phase not in labels]
        if missing:
            errors.append(
                f"No question for the GROW phase(s) {', '.join(missing)}: give at least one question for each of "
                f"{', '.join(GROW_PHASES)}."
            )
    else:
        if any(label != "open" for label in labels):
            errors.append(
                "Label every item 'open': each one is an open alternative to a question of the user."
            )
        given = split_questions(context, lang)
        closed = {question_key(q): q for q in given if not is_w_question(q, lang)}
        for question in questions:
            repeated = closed.get(question_key(question))
            if repeated is not None:
                errors.append(
                    f"Item '{question}' repeats the closed question '{repeated}': rewrite it as an "
                    "open question (Was/Wie/Welche …? or What/How/Which …?)."
                )
        if given and len(questions) < 2 * len(given):
            errors.append(
                f"There are {len(questions)} items for {len(given)} question(s) in the text: give two or three "
                "open alternatives for each question."
            )
    return errors


def normalise_labels(content: ReflectionContent) -> ReflectionContent:
    """'Action plan', 'Feelings ' -> 'action_plan', 'feelings': the model's spelling, not its content.

    >>> normalise_labels(ReflectionContent(intro="x", items=[ReflectionItem(label=" Action plan", question="q?")]*3)
    ...                  ).items[0].label
    'action_plan'
    """
    items = [
        ReflectionItem(
            label=re.sub(r"[\s-]+", "_", item.label.strip().lower()), question=item.question.strip()
        )
        for item in content.items
    ]
    return ReflectionContent(intro=content.intro.strip(), items=items)
