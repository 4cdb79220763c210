"""English closed questions opened up: 'Can I use this for my emails?' -> 'How could I use this …?'."""

from __future__ import annotations

from assistant.modes.reflect.grammar import (
    ADJECTIVES_EN,
    ADVERBS,
    PREPOSITIONS,
    PRONOUNS,
    W_WORDS,
    Closed,
    adjective_index,
    bare,
    make_question,
    tail_words,
)

# fmt: off
_GRADABLE_EN = ADJECTIVES_EN - frozenset("allowed ok okay fine legal true free worth".split())
_FOLLOW_EN = {
    **dict.fromkeys("safe secure dangerous risky".split(), "Which risks do you see with {s}?"),
    **dict.fromkeys("hard difficult complicated".split(), "What is the hardest part about {s}?"),
    **dict.fromkeys("useful helpful worth".split(), "What would {s} be most useful for?"),
}
_VERBS_COMMON_EN = frozenset(
    """be get find use work help see like know need want think make take go do have install try learn read write
    post share send save change replace feel notice mind react understand show tell give start stop keep become
    look sound mean put run set pay cost call ask answer lose hack access store track steal leak delete crash break
    require allow accept expect believe happen matter apply trust rely follow join sign log upload download open
    create edit update protect affect come say talk meet care approve complain hear watch""".split()
)
_OPINION_EN = frozenset("think believe feel reckon suppose".split())
_OBJECT_EN = {"i": "me", "we": "us", "they": "them", "he": "him", "she": "her"}
_PARTICIPLES_EN = frozenset("done seen been made tried used written taken given gone had got heard read found "
                            "shown known built bought thought taught put set run".split())
# fmt: on


def _subject_en(words: list[str]) -> tuple[list[str], list[str]]:
    """Split 'my team find it weird' into subject and verb phrase, by the first known verb."""
    for i in range(1, min(5, len(words))):
        if bare(words[i]) in _VERBS_COMMON_EN:
            return words[:i], words[i:]
    first = bare(words[0]) if words else ""
    n = 1 if first in PRONOUNS["en"] or len(words) < 3 else 2
    if first not in {
        "the",
        "a",
        "an",
        "my",
        "your",
        "our",
        "their",
        "his",
        "her",
        "its",
        "this",
        "that",
        "any",
        "some",
    }:
        n = 1
    return words[:n], words[n:]


def open_en(c: Closed) -> list[str]:
    """Open alternatives for an English closed question, most specific first."""
    words = [*c.main, *tail_words(c)]
    subject, vp = _subject_en(words)
    s = " ".join(subject).lower()
    v = c.verb
    out: list[str] = []
    if c.kind == "copula":
        out += _copula_en(c)
    elif c.kind == "ability":
        out.append(make_question("How could", words))
        if s in ("i", "we", "you") and vp:
            out.append(make_question("What would", subject, "need to", vp))
        if s in ("i", "we") and vp:
            out.append(make_question("What should", subject, "watch out for when", subject, vp))
        if s == "you" and vp:
            out.append(make_question("When could you", vp))
    elif c.kind == "advice" and vp:
        if s in ("i", "we"):
            out.append(make_question("What should", subject, "watch out for when", subject, vp))
        out.append(make_question("What speaks for and against the idea that", subject, v, vp))
    elif c.kind == "prediction" and vp:
        out.append(
            make_question("When", v, words)
            if s == "you"
            else make_question("How likely is it that", subject, v, vp)
        )
    elif c.kind == "do" and vp:
        out += _do_en(c, subject, vp)
    elif c.kind == "have":
        out += _have_en(c, words)
    if c.kind == "do" and len(out) >= 2:
        return out
    out.append(
        make_question("Under which conditions", v, words)
        if c.kind != "do"
        else make_question("In which situations", v, words)
    )
    return out


def _copula_en(c: Closed) -> list[str]:
    """'Is this safe?' -> 'What makes this safe?', 'How safe is this in your view?'."""
    words, v = [*c.main, *tail_words(c)], c.verb
    if bare(words[0]) == "there":
        thing = words[2:] if len(words) > 2 and bare(words[1]) in {"any", "some"} else words[1:]
        return (
            [make_question("What can you tell me about", thing), make_question("Where can I find", thing)]
            if thing
            else []
        )
    if (
        len(words) >= 2
        and bare(words[1]) in {"for", "only", "just", "mainly", "really"}
        and "for" in words[1:3]
    ):
        return [
            make_question("Who", v, words[0], "for, in your experience"),
            make_question(
                "Who gets the most out of", _OBJECT_EN.get(bare(words[0]), words[0]), ", in your view"
            ),
        ]
    subject = [_OBJECT_EN.get(words[0].lower(), words[0]), *words[1:]]
    out = [make_question("What made" if v in ("was", "were") else "What makes", subject)]
    j = adjective_index(c.main, c.lower, "en")
    if j is not None:
        who, adj, after = c.main[:j] or ["this"], c.main[j], c.main[j + 1 :]
        if adj.lower() in _GRADABLE_EN:
            out.append(make_question("How", adj, v, who, after, "in your view", tail_words(c)))
        follow = _FOLLOW_EN.get(adj.lower())
        if follow and v in ("is", "are"):
            out.append(follow.format(s=" ".join(_OBJECT_EN.get(w.lower(), w) for w in who)))
        if adj.lower() in {"allowed", "ok", "okay", "fine", "legal", "appropriate"} and after[:1] == ["to"]:
            out.append(make_question("Which rules apply when I", after[1:]))
    return out


def _do_en(c: Closed, subject: list[str], vp: list[str]) -> list[str]:
    """'Do you like it?' -> 'What do you like about it?'; `vp` is the verb phrase after the subject."""
    s, v = " ".join(subject).lower(), c.verb
    verb, rest = bare(vp[0]), vp[1:]
    if verb == "know":
        whether = ["whether", *rest[1:]] if rest and bare(rest[0]) == "if" else rest
        out = [make_question("What", v, subject, "know about", whether)]
        if rest and (bare(rest[0]) in W_WORDS["en"] or bare(rest[0]) in {"if", "whether"}):
            out.append(make_question("How would you explain", whether))
        return out
    if verb in ("like", "love", "enjoy"):
        return [
            make_question("What", v, subject, "like about", rest),
            make_question("How", v, subject, "like", rest),
        ]
    if verb in _OPINION_EN and s == "you":
        clause = rest[1:] if rest and bare(rest[0]) == "that" else rest
        return [
            make_question("What is your view on whether", clause),
            make_question("What speaks for and against the idea that", clause),
        ]
    if verb == "have" and rest and bare(rest[0]) != "to":
        if bare(rest[0]) in {"any", "some", "a", "an"} and len(rest) >= 2:
            kind = "What kind of" if bare(rest[0]) in {"a", "an"} else "What"
            return [
                make_question(kind, rest[1], v, subject, "have", rest[2:]),
                make_question("What can you tell me about", rest[1:]),
            ]
        return [
            make_question("What", rest[0], v, subject, "have", rest[1:]),
            make_question("What can you tell me about", rest),
        ]
    if verb == "need" and rest:
        if bare(rest[0]) == "to":
            return [make_question("What would happen if", subject, "did not", rest[1:])]
        return [make_question("What would", subject, "need", rest, "for")]
    if verb == "want" and rest and bare(rest[0]) == "to":
        return [
            make_question("How would", subject, "like", rest),
            make_question("Under which conditions would", subject, "want", rest),
        ]
    comparing = {"less", "more", "better", "worse", "enough", "too"} & {bare(w) for w in vp}
    out = (
        [make_question("How", v, subject, vp)]
        if not comparing and verb not in {"have", "need", "want"}
        else []
    )
    if v == "do" and s not in ("you", "i"):
        out.append(make_question("What have you noticed about whether", subject, vp))
    return out


def _have_en(c: Closed, words: list[str]) -> list[str]:
    """'Have you ever tried it?' -> 'What experience have you had with it?', 'In which situations …?'."""
    for p in range(1, min(5, len(words))):
        word = bare(words[p])
        if word.endswith("ed") or word in _PARTICIPLES_EN:
            subject = [w for w in words[:p] if bare(w) not in ADVERBS]
            thing = words[p + 1 :]
            clean = [w for w in words if bare(w) not in {"ever", "already", "yet"}]
            out = []
            if thing and bare(thing[0]) not in PREPOSITIONS["en"] and word != "been":
                out.append(make_question("What experience", c.verb, subject, "had with", thing))
            return [
                *out,
                make_question("In which situations", c.verb, clean),
                make_question("How", c.verb, clean),
            ]
    return []
