"""Follow-up edits of a reflection set: one more question of the same kind as one it has (its label: a Gibbs
stage or a GROW phase), from the bank that kind of question comes from, and a shorter set (one question per
label). Never a question the set already asks.
"""

from __future__ import annotations

from assistant.catalog import GIBBS_STAGES, GROW_PHASES, QuestionBank, ReflectionPrompts
from assistant.modes.reflect.models import ReflectionItem, ReflectionSet
from assistant.modes.reflect.topics import bank_questions
from assistant.text.questions import question_key
from assistant.text.topics import GENERAL, rank_topics

MIN_ITEMS = 3  # a reflection set has at least three questions


def question_like(
    result: ReflectionSet, which: int | None, bank: QuestionBank, reflection: ReflectionPrompts
) -> ReflectionSet | None:
    """The set with one more question after its `which`-th (1-based; None or -1: the last), with that
    question's label; None when its kind has no bank (an opened-up question) or no new question is left."""
    if not result.items:
        return None
    position = len(result.items) if which is None or which < 1 else min(which, len(result.items))
    like = result.items[position - 1]
    candidates: list[str] = []
    if like.label in GIBBS_STAGES:
        candidates = reflection.get(like.label, result.language)
    elif like.label in GROW_PHASES:
        topic = rank_topics(result.context)[0]
        candidates = [
            *bank_questions(bank, topic, like.label, result.language),
            *bank.get(GENERAL, like.label, result.language),
        ]
    taken = {question_key(item.question) for item in result.items}
    new = next((q for q in candidates if question_key(q) not in taken), None)
    if new is None:
        return None
    items = list(result.items)
    items.insert(position, ReflectionItem(label=like.label, question=new))
    return result.model_copy(update={"items": items})


def shorter(result: ReflectionSet) -> ReflectionSet:
    """The set with the first question of each label only (at least three questions stay).

    >>> items = [ReflectionItem(label=label, question=f"What {n}?") for n, label in enumerate("aabbcc")]
    >>> [i.question for i in shorter(ReflectionSet(intro="", items=items, kind="questions", context="x",
    ...                                            language="en")).items]
    ['What 0?', 'What 2?', 'What 4?']
    """
    seen: set[str] = set()
    kept = []
    for item in result.items:
        if item.label not in seen:
            seen.add(item.label)
            kept.append(item)
    if len(kept) < MIN_ITEMS:
        kept = result.items[: max(MIN_ITEMS, len(kept))]
    return result.model_copy(update={"items": kept})
