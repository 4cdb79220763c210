"""German closed questions opened up: 'Ist das sicher?' -> 'Was macht das sicher?', 'Wie sicher ist das …?'."""

from __future__ import annotations

import re

from assistant.modes.reflect.grammar import (
    ADDRESS,
    ADJECTIVES_DE,
    ADVERBS,
    W_WORDS,
    Closed,
    adjective_index,
    bare,
    clause_de,
    make_question,
    tail_words,
)

# fmt: off
_KONJUNKTIV = {"kann": "könnte", "kannst": "könntest", "können": "könnten", "könnt": "könntet"}
_ARTICLES_DE = frozenset("ein eine einen einem einer der die das den dem des kein keine keinen".split())
_GRADABLE_DE = ADJECTIVES_DE - frozenset("erlaubt okay ok zulässig legal verboten gratis fertig viel wenig".split())
_FOLLOW_DE = {
    **dict.fromkeys("sicher gefährlich riskant".split(), "Welche Risiken {siehst} dabei?"),
    **dict.fromkeys(
        "schwer schwierig kompliziert aufwendig aufwändig".split(), "Was ist daran {sicht} am schwierigsten?"
    ),
    **dict.fromkeys("erlaubt okay ok zulässig legal".split(), "Welche Regeln gelten dafür?"),
    **dict.fromkeys("nützlich hilfreich sinnvoll".split(), "Wofür ist {s} {sicht} besonders nützlich?"),
}
# fmt: on


def _copula_de(c: Closed, a: dict[str, str]) -> list[str]:
    """'Ist das sicher?' -> 'Was macht das sicher?', 'Wie sicher ist das aus deiner Sicht?'."""
    main = c.main
    if (
        len(main) >= 2
        and "für" in [w.lower() for w in main[1:3]]
        and all(
            w.lower() in {"nur", "bloß", "eher", "hauptsächlich", "für"}
            for w in main[1 : main.index("für") + 1]
            if "für" in main
        )
    ):
        return [
            make_question("Für wen", c.verb, main[0], a["sicht"], "gedacht"),
            make_question("Wer hat", a["sicht"], "am meisten davon"),
        ]
    j = adjective_index(main, c.lower, "de")
    if j is None:
        return []
    subject, adj, after = main[:j] or ["das"], main[j], main[j + 1 :]
    out = []
    if not (subject == ["es"] and c.tail):
        past = c.verb in ("war", "waren")
        out.append(
            make_question(
                "Was",
                "hat" if past else "macht",
                subject,
                adj,
                after,
                "gemacht" if past else "",
                tail_words(c),
            )
        )
    if adj.lower() in _GRADABLE_DE:
        out.append(make_question("Wie", adj, c.verb, subject, after, a["sicht"], tail_words(c)))
    follow = _FOLLOW_DE.get(adj.lower())
    if follow and c.verb in ("ist", "sind"):
        out.append(follow.format(s=" ".join(subject), **a))
    return out


def open_de(c: Closed, formal: bool) -> list[str]:
    """Open alternatives for a German closed question, most specific first."""
    a = ADDRESS[formal]
    rest = [*c.main, *tail_words(c)]
    subject = c.main[0] if c.main else ""
    s = subject.lower()
    addressed = subject in ("du", "ihr") or (subject == "Sie" and formal)
    out: list[str] = []
    if len(c.tail) >= 2 and bare(c.tail[0]) in W_WORDS["de"]:  # "..., wie das geht" -> "Wie geht das?"
        verb, particle = c.tail[-1], ""
        prefix = re.match(
            r"(zurück|vorbei|weiter|an|auf|aus|ein|mit|vor|zu|ab|los|nach|um|fest|hin|her)(\w{3,})$", verb
        )
        if prefix and prefix.group(2).endswith(("t", "en")):  # "wie man ein Profil anlegt" -> "legt ... an"
            particle, verb = prefix.groups()
        out.append(make_question(c.tail[0], verb, c.tail[1:-1], particle))
    wish = "möchten" if s == "wir" else "möchte"
    if c.kind == "copula":
        out += _copula_de(c, a)
    elif c.kind in ("ability", "permission", "advice") and s in ("ich", "man", "wir"):
        if c.kind == "ability":
            out += [
                make_question("Wie", _KONJUNKTIV.get(c.verb, c.verb), rest),
                make_question("Was wäre nötig, damit", clause_de(c)),
            ]
        if c.kind == "permission":
            out += [
                make_question("Unter welchen Bedingungen", c.verb, rest),
                make_question("Welche Regeln gelten, wenn", subject, c.main[1:], wish, tail_words(c)),
            ]
        if c.kind == "advice":
            out.append(
                make_question("Was spricht", a["sicht"], "dafür, dass", clause_de(c), ", und was dagegen")
            )
        out.append(
            make_question(
                "Worauf",
                "sollten" if s == "wir" else "sollte",
                s,
                "achten, wenn",
                s,
                c.main[1:],
                wish,
                tail_words(c),
            )
        )
    elif c.kind in ("ability", "permission") and addressed:
        out += [
            make_question("Wann", c.verb, rest),
            make_question("Wie", _KONJUNKTIV.get(c.verb, c.verb), rest),
        ]
    elif c.kind == "prediction":
        out.append(make_question("Wie wahrscheinlich ist es, dass", clause_de(c)))
    elif c.kind == "have" and len(c.main) >= 2:
        out += _have_de(c, addressed)
    elif c.kind == "exists" and s == "es":
        thing = c.main[1:]
        while thing and thing[0].lower() in {"da", "dafür", "dazu", "hier", "dort", "schon", "auch", "noch"}:
            thing = thing[1:]
        if thing:
            out.append(make_question("Was", a["weisst"], "über", thing, tail_words(c)))
            plural = thing[0][:1].isupper() and thing[0].lower() not in _ARTICLES_DE
            out.append(
                make_question("Welche", thing, "gibt es", tail_words(c))
                if plural
                else make_question("Wo finde ich", thing, tail_words(c))
            )
    elif c.kind == "opinion" and c.tail and bare(c.tail[0]) in ("dass", "ob"):
        out += [
            make_question("Was spricht", a["sicht"], "dafür, dass", c.tail[1:], ", und was dagegen"),
            make_question("Wie", a["schaetzt"], "ein, ob", c.tail[1:]),
        ]
    elif c.kind == "opinion" and len(c.main) >= 2 and c.main[-1].lower() in ADJECTIVES_DE:
        out += [
            make_question("Wie", c.verb, c.main[:-1]),
            make_question("Was gefällt", a["dir"], "daran, und was nicht"),
        ]
    elif c.kind == "know":
        if c.tail and (bare(c.tail[0]) in W_WORDS["de"] or bare(c.tail[0]) in ("ob", "dass")):
            out.append(make_question("Was", a["weisst"], "darüber,", c.tail))
        elif len(c.main) >= 2:
            out.append(make_question("Was", a["weisst"], "über", c.main[1:]))
            if len(c.main) == 2 and c.main[1][:1].isupper():
                out.append(make_question("Welche Erfahrungen", a["hast"], "mit", c.main[1], "gemacht"))
    elif c.kind == "need":
        thing = [w for w in c.main[1:] if w.lower() not in {"dafür", "dazu"}]
        out.append(make_question("Wofür", c.verb, subject, thing, tail_words(c)))
    elif c.kind == "other" and c.verb.startswith("kost"):
        out.append(
            make_question(
                "Was",
                c.verb,
                [w for w in c.main if w.lower() not in {"was", "etwas", "viel", "extra", "geld"}],
            )
        )
    elif c.kind == "other" and c.verb.startswith(
        (
            "funktion",
            "geh",
            "klapp",
            "hilf",
            "nutz",
            "benutz",
            "verwend",
            "mach",
            "speicher",
            "läuf",
            "lauf",
            "arbeit",
            "lern",
            "schütz",
        )
    ):
        out.append(make_question("Wie", c.verb, rest))
    if len(out) < 2 or c.kind not in ("opinion", "know"):
        out += [
            make_question("Unter welchen Umständen", c.verb, rest),
            make_question("Woran merke ich, ob", clause_de(c)),
            make_question("Was spricht", a["sicht"], "dafür, dass", clause_de(c), ", und was dagegen"),
        ]
    return out


def _have_de(c: Closed, addressed: bool) -> list[str]:
    """'Hast du das schon mal gemacht?' -> 'Welche Erfahrungen hast du damit gemacht?'."""
    last = c.main[-1]
    participle = last.islower() and bool(
        re.search(r"^(?:\w*ge\w+(?:t|en)|(?:be|ver|er|ent|zer|emp)\w+t|\w+iert)$", last)
    )
    subject = c.main[0]
    if not participle:
        n = 2 if c.main[1].lower() in _ARTICLES_DE and len(c.main) > 2 else 1
        if c.main[1].lower().startswith("kein"):
            return [make_question("Wobei", c.verb, c.main, tail_words(c))]
        return [
            make_question("Was für", c.main[1 : 1 + n], c.verb, subject, c.main[1 + n :], tail_words(c)),
            make_question("Wobei", c.verb, c.main, tail_words(c)),
        ]
    thing = [w for w in c.main[1:-1] if w.lower() not in ADVERBS]
    if subject.lower() in ("es", "das"):  # "Hat es dir geholfen?" -> "Was hat dir geholfen?"
        return [
            make_question("Was", c.verb, c.main[1:], tail_words(c)),
            make_question("Wobei", c.verb, c.main, tail_words(c)),
        ]
    out = []
    if addressed and (thing in ([], ["das"], ["es"]) or (len(thing) == 1 and thing[0][:1].isupper())):
        out.append(
            make_question(
                "Welche Erfahrungen",
                c.verb,
                subject,
                "mit " + thing[0] if len(thing) == 1 and thing[0][:1].isupper() else "damit",
                "gemacht",
            )
        )
    out += [
        make_question("Wie ist es gelaufen, als", clause_de(c, drop_adverbs=True)),
        make_question("Wobei", c.verb, c.main, tail_words(c)),
    ]
    return out
