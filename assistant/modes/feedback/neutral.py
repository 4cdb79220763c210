"""A remark taken apart for the offline rewrite: what the other person did (with the judgements dropped or
turned into placeholders), what the speaker felt, what they ask for, what they praise, and the facts of the
parts that could not be kept ("last three e-mails", "über eine Seite")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from assistant.catalog import FeedbackPhrases
from assistant.modes.feedback.flags import Lexicon, find_flags, without_placeholders
from assistant.modes.feedback.models import FlaggedSpan
from assistant.modes.feedback.rules import behaviour_problems, is_request
from assistant.modes.feedback.templates import Form, T
from assistant.modes.feedback.whom import SPEAKER, Whom, norm, tokens
from assistant.text.language import ENGLISH_STOPWORDS, GERMAN_STOPWORDS, Lang
from assistant.text.quotes import QUOTE_MARKS
from assistant.text.sentences import sentence_starts

# Generalising adverbs that can go without changing what was observed ("never" cannot: the sentence would say
# the opposite, so a sentence with it is not kept).
_DROPPABLE = {"immer", "ständig", "dauernd", "andauernd", "permanent", "schon wieder", "always", "constantly",
              "continually", "all the time", "yet again", "forever", "obviously", "clearly", "evidently",
              "apparently", "offensichtlich", "offenbar", "anscheinend", "scheinbar"}  # fmt: skip
# Generalisations that deny: what is left without them says the opposite, so the part is not kept.
_DENYING = re.compile(
    r"^(?:never|not\s+(?:even\s+)?once|nie|niemals|nimmer|nobody|no[\s-]one|keiner|niemand\w*|any(?:one|body))\b",
    re.IGNORECASE,
)
_ACT_LIKE = re.compile(r"^(?:act|acts|acting|pretend\w*|tu(?:n|st|t)\s+so)\b", re.IGNORECASE)
_PERSON = re.compile(r"^(?:every(?:one|body)|alle|jeder)$", re.IGNORECASE)
_EVERY = re.compile(r"^(?:every|jede[rsnm]?)\s+(.+)$", re.IGNORECASE)
_DEGREE = re.compile(r"\b(?:too|zu)\s+(\S+)$", re.IGNORECASE)
_BE = frozenset("is are was were am 're r 's you're youre ist sind war waren bist warst seid".split())
_SUBORDINATE = frozenset("dass wenn weil ob als that if because when whether while".split())
_PRONOUNS = frozenset("sie ihr ihre ihren ihrem ihnen du dein deine deinen dir dich euch euer eure".split())
_NUMBER = re.compile(r"^(?:\d+\S*|one|two|three|four|five|six|ten|zwei|drei|vier|fünf|sechs|zehn)$", re.I)


@dataclass
class Parts:
    """The remark, sorted by who and what each part is about."""

    observed: list[str] = field(default_factory=list)
    feelings: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    praise: list[str] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)


def tidy(text: str) -> str:
    """One sentence: single spaces, no space before punctuation, no dangling comma, a full stop, a capital."""
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r"([,;:])\s*(?=[,;:.!?])", "", text).strip(" ,;:–—-" + QUOTE_MARKS)
    text = re.sub(r"[!?…]+$", ".", text)
    if text and text[-1] not in ".":
        text += "."
    return text[:1].upper() + text[1:]


def split_remark(
    remark: str, lang: Lang, form: Form, flags: Sequence[FlaggedSpan], phrases: FeedbackPhrases
) -> Parts:
    """Sort each part of the remark (sentences, cut at "but"/"aber") into observed behaviour, own feelings,
    requests and praise; a judged part keeps its facts and gets a placeholder for what it does not say."""
    lexicon = Lexicon(phrases, lang)
    whom = Whom(remark, lang, lexicon.is_praise, [(f.start, f.end) for f in flags])
    parts = Parts()
    for start, end in _segments(whom):
        text = remark[start:end].strip(" ,;:–—-")
        inside = [f for f in flags if start <= f.start < end]
        first = next(iter(tokens(remark, start, end)), None)
        if first is None:
            continue
        if not inside:
            if is_request(text, lang) or text.endswith("?"):
                parts.requests.append(text.strip())
            elif whom.subject(max(first.end(), whom.clause(first.start())[1] - 1)) == "speaker":
                parts.feelings.append(tidy(text))
            elif whom.praise(start):
                parts.praise.append(tidy(text))
            else:
                _observe(text, lang, phrases, parts, remark, start, end, inside)
            continue
        neutral, facts = _neutralise(whom, start, end, inside, form, lang)
        parts.facts += facts
        if neutral is None or text.endswith("?"):
            parts.facts += [] if neutral is None else fact_phrases(remark, start, end, inside, lang)
            continue
        _observe(neutral, lang, phrases, parts, remark, start, end, inside)
    parts.facts = list(dict.fromkeys(parts.facts))[:4]
    parts.topics = list(dict.fromkeys(fact_phrases(remark, 0, len(remark), flags, lang)))[:3]
    return parts


def _observe(
    text: str,
    lang: Lang,
    phrases: FeedbackPhrases,
    parts: Parts,
    remark: str,
    start: int,
    end: int,
    inside: list[FlaggedSpan],
) -> None:
    """Keep a neutral part as observed behaviour if it reads as one; otherwise keep only its facts."""
    sentence = tidy(text)
    words = tokens(sentence)
    problems = [p for p in behaviour_problems(sentence, lang, phrases) if "names no action" not in p]
    if len(words) < 3 or problems or find_flags(without_placeholders(sentence), lang, phrases):
        parts.facts += fact_phrases(remark, start, end, inside, lang)
    else:
        parts.observed.append(sentence)


def _segments(whom: Whom) -> list[tuple[int, int]]:
    """Sentences, cut at contrast words ("but", "aber"), so that praise and criticism are handled apart."""
    found = []
    for start, end in whom.sentences:
        pos = start
        while pos < end:
            seg_start, seg_end = whom.segment(pos)
            found.append((max(seg_start, start), min(seg_end, end)))
            nxt = next(iter(tokens(whom.text, max(seg_end, pos + 1), end)), None)
            if nxt is None:
                break
            if seg_end < end:  # skip the contrast word itself
                word = tokens(whom.text, seg_end, end)
                nxt = word[1] if len(word) > 1 and word[0].start() == nxt.start() else nxt
            pos = nxt.start()
    return list(dict.fromkeys(found))


def _neutralise(
    whom: Whom, start: int, end: int, flags: list[FlaggedSpan], form: Form, lang: Lang
) -> tuple[str | None, list[str]]:
    """The part with each judgement dropped or replaced by a placeholder (None if nothing observable is left),
    and the facts of the clauses that had to go ("nobody else gets a word in": the opposite would be left)."""
    remark, t = whom.text, T[form]
    edits: list[tuple[int, int, str]] = []
    facts: list[str] = []
    for flag in sorted(flags, key=lambda f: f.start):
        word = norm(flag.text)
        before = remark[start : flag.start].strip(" " + QUOTE_MARKS)
        if flag.end - flag.start >= 0.6 * len(remark[start:end].strip()):
            return None, fact_phrases(remark, start, end, flags, lang)
        if _ACT_LIKE.match(word):  # the pretence that follows is the guess: only its facts stay
            facts += fact_phrases(remark, flag.end, end, flags, lang)
            edits.append((flag.start, end, ""))
        elif keep := re.match(r"(keeps?)\s+\w+ing$", word):  # "you keep interrupting me"
            _, ce = whom.clause(flag.start)
            edits.append(
                (flag.start, flag.start + len(keep[1]), t["were"] if keep[1] == "keep" else t["was"])
            )
            edits.append((min(ce, end), min(ce, end), t["often"]))
        elif _DENYING.match(flag.text) or (flag.kind == "sarcasm" and before):
            cs, _ = whom.clause(flag.start)
            cs, ce = max(cs, start), end  # with the clauses that depend on it ("… ask if I have questions")
            facts += fact_phrases(remark, cs, ce, flags, lang)
            joint = re.search(
                r"(?:[,;–—-]\s*)?(?:\b(?:and|und|but|aber)\s*)?$", remark[start:cs], re.IGNORECASE
            )
            edits.append((start + joint.start() if joint else cs, ce, ""))
        elif flag.kind == "sarcasm" or (word in _DROPPABLE and before):
            after = re.match(r"\s*[,:!–—-]", remark[flag.end :]) if flag.kind == "sarcasm" else None
            edits.append((flag.start, flag.end + (after.end() if after else 0), ""))
        elif word in _DROPPABLE:
            return None, fact_phrases(remark, start, end, flags, lang)  # German word order would break
        elif _PERSON.match(word):
            edits.append((flag.start, flag.end, t["who"]))
        elif every := _EVERY.match(flag.text):
            edits.append((flag.start, flag.end, t["which"].format(words=every[1])))
        elif degree := _DEGREE.search(flag.text):
            edits.append((flag.start, flag.end, t["how"].format(word=degree[1].rstrip(".,!?"))))
        else:  # "Your slides are a mess" -> "Your slides [what exactly could be seen or heard?]"
            be = [w for w in tokens(remark, start, flag.start) if norm(w.group()) in _BE]
            cut = be[-1].start() if be and "," not in remark[be[-1].end() : flag.start] else flag.start
            if any(cut <= f.start < flag.start for f in flags):
                cut = flag.start  # another judgement in between keeps its own placeholder
            edits.append((cut, flag.end, t["seen"]))
    out, pos = "", start
    for cut_start, cut_end, replacement in sorted(edits):
        if cut_start < pos:
            continue
        out += remark[pos:cut_start] + (f" {replacement} " if replacement else " ")
        pos = cut_end
    out = re.sub(r"(\[[^\]]*\])(?:\s*\1)+", r"\1", (out + remark[pos:end]).strip())
    words, first = tokens(without_placeholders(out)), next(iter(tokens(out)), None)
    if len(words) < 2 or (
        first is not None and norm(first.group()) in _SUBORDINATE and not out.startswith("[")
    ):
        return None, facts + fact_phrases(remark, start, end, flags, lang)  # a subordinate clause alone
    return out, facts


def _judging_words(flag: FlaggedSpan) -> tuple[int, int]:
    """The words of a flag that judge: of "every new tool" and "keep interrupting" only the first one."""
    if _EVERY.match(flag.text) or re.match(r"keeps?\s", flag.text, re.IGNORECASE):
        return flag.start, flag.start + len(flag.text.split()[0])
    return flag.start, flag.end


def fact_phrases(remark: str, start: int, end: int, flags: Sequence[FlaggedSpan], lang: Lang) -> list[str]:
    """Facts of a part that cannot be kept: in German its nouns (with a number before them and an adverb
    after), in English its runs of content words; never a flagged word, a pronoun or a function word."""
    stop = GERMAN_STOPWORDS if lang == "de" else ENGLISH_STOPWORDS
    starts = sentence_starts(remark)
    flagged = [_judging_words(f) for f in flags]
    runs: list[list[re.Match[str]]] = [[]]
    for word in tokens(remark, start, end):
        w = norm(word.group())
        usable = (
            not any(s < word.end() and word.start() < e for s, e in flagged)
            and w not in _PRONOUNS
            and "'" not in w
            and (w not in stop or _NUMBER.match(w))
            and w not in SPEAKER
        )
        if lang == "de" and usable and not _NUMBER.match(w):  # a noun, or a word after "fünf Minuten"
            after_number = bool(runs[-1]) and bool(_NUMBER.match(runs[-1][0].group()))
            usable = (word.group()[:1].isupper() and word.start() not in starts) or after_number
        if usable:
            runs[-1].append(word)
        elif runs[-1]:
            runs.append([])
    phrases = [
        remark[run[0].start() : run[-1].end()] for run in runs if run and _noun_phrase(remark, run, lang)
    ]
    return [p for p in phrases if len(p) >= 2]


def _noun_phrase(remark: str, run: list[re.Match[str]], lang: Lang) -> bool:
    """German runs start with a noun or a number; an English run is no noun phrase when it follows a subject
    or an auxiliary ("you talk", "nobody else gets", "don't care"): then it starts with a verb."""
    if lang == "de" or _NUMBER.match(run[0].group()):
        return True
    before = tokens(remark, max(0, run[0].start() - 20), run[0].start())
    return not before or norm(before[-1].group()) not in _VERB_LEADS


_VERB_LEADS = frozenset(
    """i you u we they he she it nobody everyone everybody anyone anybody someone people else do does did don't
    doesn't didn't will would can could should never always constantly keep keeps ur""".split()
)
