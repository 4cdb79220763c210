"""`tandem eval reflections`: reflection prompts, GROW questions and opened-up questions on hand-labelled cases.

Every case (`evals/datasets/reflections/cases.jsonl`) is a senior's (or a junior mentor's) own text with what a
trainer expects of the result: the Gibbs stages or GROW phases it must cover, the facts from the text a good
coach would take up (the tool, the event, the feeling; each a list of acceptable spellings), and for open-up the
closed questions with what an open version must ask about, plus words an open version should drop (`avoid`).

Only what the product generated is searched: the intro and the questions, never `context` (the echoed input).
Whether a question is open, whether a question belongs to its stage and whether it judges the person is decided
by the word lists in this module, written from the methods (Gibbs, GROW, W-questions), not by the product's checks.
"""

from __future__ import annotations

import argparse
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from assistant.evaluation.dataset import DATASETS, Split, SplitChoice, load_jsonl
from assistant.evaluation.metrics import rate
from assistant.evaluation.suite import SplitReport, Suite, require_index
from assistant.text.language import Lang

if TYPE_CHECKING:
    from assistant.container import Services
    from assistant.modes.reflect.models import ReflectionSet

DEFAULT_DATASET = DATASETS / "reflections" / "cases.jsonl"
GIBBS = ("description", "feelings", "evaluation", "analysis", "conclusion", "action_plan")
GROW = ("goal", "reality", "options", "will")


class ClosedQuestion(BaseModel):
    """A closed question in the text and what an open version must ask about (every group, any spelling)."""

    model_config = ConfigDict(extra="forbid")
    question: str
    about: list[list[str]] = Field(min_length=1)


class ReflectionCase(BaseModel):
    """One text and what a trainer expects of the reflection built on it."""

    model_config = ConfigDict(extra="forbid")
    id: str
    split: Split
    lang: Lang
    kind: Literal["after-session", "questions", "open-up"]
    text: str
    stages: list[str] = Field(default_factory=list)
    facts: list[list[str]] = Field(default_factory=list)
    closed: list[ClosedQuestion] = Field(default_factory=list)
    avoid: list[str] = Field(default_factory=list)
    note: str = ""

    @model_validator(mode="after")
    def _labels_fit_the_kind(self) -> ReflectionCase:
        allowed = {"after-session": GIBBS, "questions": GROW, "open-up": ()}[self.kind]
        wrong = [stage for stage in self.stages if stage not in allowed]
        if wrong:
            raise ValueError(
                f"stages {wrong} do not belong to kind {self.kind}; use {list(allowed) or 'none'}"
            )
        if self.kind == "open-up" and not self.closed:
            raise ValueError("an open-up case lists its closed questions under 'closed'")
        return self


def load_cases(path: Path = DEFAULT_DATASET, split: SplitChoice = "all") -> list[ReflectionCase]:
    """Read the JSONL dataset (optionally one split); a bad line is reported with its number."""
    return load_jsonl(path, ReflectionCase, split)


# --- the suite's own judgement: open or closed --------------------------------------------------------------
_QUESTION_WORDS = {
    "de": frozenset(
        """was wie wer wen wem wessen wo woher wohin warum wieso weshalb weswegen welche welcher welches welchen
        welchem wann wozu wofür womit woran worüber wodurch worauf wovon wobei worin woraus wonach worum wogegen
        inwiefern inwieweit""".split()
    ),
    "en": frozenset("what how which who whom whose when where why".split()),
}
_LEADING_PREPOSITIONS = {
    "de": frozenset(
        "mit in an auf bei für von über unter aus bis seit nach zu um gegen durch ab vor".split()
    ),
    "en": frozenset("in on at for with to from by about of under since until after before".split()),
}
_SUBORDINATORS = {  # a question may open with a clause: "Wenn Sie zurückblicken, was ...?"
    "de": frozenset("wenn falls als nachdem bevor sobald angenommen".split()),
    "en": frozenset("if when looking thinking before after once suppose imagine".split()),
}
_FILLERS = {
    "de": frozenset("und aber also oder dann nun ok okay".split()),
    "en": frozenset("and but so or then now ok okay".split()),
}
# The words a yes/no question opens with: auxiliaries and modals, and the full verbs seniors ask with.
CLOSED_OPENERS = {
    "de": frozenset(
        """ist sind war waren wäre wären bin bist seid habe hab hast hat haben habt hatte hatten hätte hätten
        kann kannst können könnte könnten darf darfst dürfen dürfte muss musst müssen müsste soll sollst sollen
        sollte solltest sollten will willst wollen möchte möchtest möchten werde wirst wird werden würde würdest
        würden gibt gab liegt lohnt reicht bringt macht nutzt nutzen brauche brauchst braucht brauchen stört
        stimmt geht klappt passt findest finden glaubst meinst denkst weißt kennst kennen hilft lerne lernt""".split()
    ),
    "en": frozenset(
        """is are was were am do does did have has had can could may might will would shall should must isn't
        aren't wasn't weren't don't doesn't didn't haven't hasn't can't couldn't won't wouldn't shouldn't
        wouldnt dont doesnt didnt isnt arent cant any anyone""".split()
    ),
}
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def judge_open(question: str, lang: Lang) -> bool:
    """The suite's rule: a question is open if it ends with '?' and opens with a question word (or a preposition
    and one, or a leading 'if/wenn' clause and then one); anything else (a verb, a statement) is closed.

    >>> [judge_open(q, "de") for q in ("Habe ich genug Zeit?", "Woran liegt das?", "Mit wem üben Sie?")]
    [False, True, True]
    >>> [judge_open(q, "en") for q in ("Is it safe?", "If you look back, what stands out?", "In which cases?")]
    [False, True, True]
    """
    text = question.strip().strip("\"'„“”‚‘’»«").strip()
    if not text.endswith("?"):
        return False
    words = [w.lower() for w in _WORD.findall(text)]
    while words and words[0] in _FILLERS[lang]:
        words.pop(0)
    if not words:
        return False
    if words[0] in _QUESTION_WORDS[lang]:
        return True
    if words[0] in _SUBORDINATORS[lang] and "," in text:
        after = [w.lower() for w in _WORD.findall(text.split(",", 1)[1])]
        return bool(after) and after[0] in _QUESTION_WORDS[lang]
    if words[0] in _LEADING_PREPOSITIONS[lang]:
        return any(w in _QUESTION_WORDS[lang] for w in words[1:3])
    return False


# --- what each stage asks about, from the two methods ----------------------------------------------------------
_CUES: dict[str, tuple[str, str]] = {  # stage -> (German regex, English regex), matched in lower case
    "description": (
        r"passiert|ausprobiert|gemacht|besprochen|beschreib|erzähl|geschehen|abgelaufen|verlauf|was genau|"
        r"was (?:haben|hat|ist|war)|gezeigt|angeschaut|gesprochen",
        r"happen|tried|try|discuss|describ|walk me|what exactly|what did|what was|took place|showed|talked|looked at",
    ),
    "feelings": (
        r"fühl|gefühl|empfind|ging es (?:ihnen|dir)|emotion|stimmung|durch den kopf|gedacht|bedeutet es|"
        r"unangenehm|wohl|angst|sorge|stolz|freude|ärger|genervt|nervös|unsicher|skepsis|frustr|überrasch",
        r"feel|felt|emotion|mood|mind|at ease|comfort|nervous|anxious|worr|proud|scepticism|skepticism|"
        r"frustrat|annoy|surpris|mean to you",
    ),
    "evaluation": (
        r"\bgut\b|schlecht|funktioniert|geklappt|hilfreich|gelungen|gelaufen|positiv|negativ|gebracht|"
        r"überzeugt|erfolg|nützlich|nicht so",
        r"\bwell\b|\bwork|helpful|useful|good|bad|went|convinc|success|positive|negative|not go",
    ),
    "analysis": (
        r"warum|wieso|weshalb|wie kam es|woran lag|geführt|grund|ursache|rolle|beeinfluss|einfluss|gehindert|"
        r"gebremst|geholfen|verändert|ausgewirkt|erklären sie sich|beigetragen",
        r"\bwhy\b|how come|what led|reason|cause|role|affect|influenc|held you back|helped|kept you|change|"
        r"contribut|explain",
    ),
    "conclusion": (
        r"gelernt|lern|erkenntnis|erkannt|mitnehm|anders machen|verst[ae]h|einsicht|schluss|bedeutet das|"
        r"wissen sie jetzt|weitergeben",
        r"learn|insight|take away|takeaway|differently|understand|reali[sz]|conclu|know now|mean for|pass on",
    ),
    "action_plan": (
        r"nächst|bis zur|als nächstes|vorhaben|vornehm|ausprobieren|umsetzen|schritt|\bwann\b|konkret|weiter|"
        r"plan|künftig|zukünftig",
        r"\bnext\b|before the|will you|going to|plan|step|try out|by when|when will|keep|continue|practi[cs]e|"
        r"from now|future",
    ),
    "goal": (
        r"ziel|erreichen|möchten|wollen|wünsch|am ende|ergebnis|woran würden|merken|erfolg",
        r"goal|achieve|want|like to|hope|by the end|outcome|success|notice|aim",
    ),
    "reality": (
        r"heute|derzeit|aktuell|bisher|schon|bereits|im moment|zurzeit|stand|erfahrung|gerade|momentan|nutzt|"
        r"nutzen sie|machen sie das|läuft|typisch",
        r"today|currently|\bnow\b|so far|already|at the moment|experience|tried|at present|\bdo you\b|\buse\b|"
        r"\bgoes\b|typical",
    ),
    "options": (
        r"könnte|möglich|option|alternativ|ausprobieren|wege|idee|ansätze|ansatz|statt|variante",
        r"could|option|possib|alternative|\btry|ways|idea|approach|instead|might",
    ),
    "will": (
        r"nächst|als erstes|erste[rn]? schritt|bis wann|\bwann\b|werden sie|wirst du|konkret|vornehm|"
        r"verpflicht|umsetzen|tun sie|diese woche",
        r"\bnext\b|first step|by when|\bwhen\b|will you|commit|concrete|going to|what will|this week",
    ),
}
# Wording that judges or blames the person, or pins a label on a generation.
_JUDGEMENT = {
    "de": re.compile(
        r"\bschuld|versag|versäum|hätten sie\b.{0,50}\b(?:sollen|müssen)\b|hättest du\b.{0,50}\b(?:sollen|müssen)\b"
        r"|warum (?:haben sie|hast du) (?:\w+ )?nicht\b|\bzu alt\b|\bfaul\b|unfähig|ausrede|schon wieder|"
        r"immer noch nicht|\bnaiv|typisch (?:jung|alt|gen)|boomer",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"\bfault\b|\bblame|\bfailed\b|\bfailure|why didn't you|why did you not|why haven't you|should have|"
        r"shouldn't have|ought to have|\btoo old\b|\blazy\b|incompeten|\bexcuses?\b|\bnaive|careless|"
        r"still don't|still haven't|typical (?:gen|millennial|boomer|young)|boomer",
        re.IGNORECASE,
    ),
}


@cache
def _term(term: str, whole: bool) -> re.Pattern[str]:
    """A term found at the start of a word (so a stem matches its forms); acronyms in capitals are matched in
    capitals only ('IT' is not 'it'); `whole` also needs the term to end a word."""
    flags = 0 if term.isupper() and len(term) <= 4 else re.IGNORECASE
    return re.compile(rf"(?<![^\W_]){re.escape(term)}" + (r"(?![^\W_])" if whole else ""), flags)


def mentions(text: str, spellings: list[str], whole: bool = False) -> bool:
    """True if any spelling occurs in `text` at the start of a word.

    >>> mentions("Was hat die Outlook-Regeln ausgelöst?", ["Regel"]), mentions("Was hat es gebracht?", ["IT"])
    (True, False)
    """
    return any(_term(spelling, whole).search(text) for spelling in spellings)


def covers(question: str, label: str, stage: str, lang: Lang) -> bool:
    """A question covers a stage if it is labelled with it and asks what the stage asks about."""
    cue = _CUES[stage][0 if lang == "de" else 1]
    return label == stage and re.search(cue, question.lower()) is not None


class CaseScore(BaseModel):
    """What one case earned, with the reasons for every shortfall."""

    id: str
    stages: tuple[int, int] = (0, 0)  # covered, labelled
    facts: tuple[int, int] = (0, 0)
    facts_in_questions: int = 0
    closed: tuple[int, int] = (0, 0)
    open: tuple[int, int] = (0, 0)  # open questions, questions
    judgement_free: bool = True
    language: bool = True
    problems: list[str] = Field(default_factory=list)


def score_case(case: ReflectionCase, result: ReflectionSet) -> CaseScore:
    """Score one result against its labels: only the intro and the questions are read, never `context`."""
    lang: Lang = result.language
    questions = [(item.label, item.question) for item in result.items]
    generated = "\n".join([result.intro, *(q for _, q in questions)])
    asked = "\n".join(q for _, q in questions)
    score = CaseScore(id=case.id, language=lang == case.lang)
    problems = score.problems
    if not score.language:
        problems.append(f"written in {lang}, the case is {case.lang}")
    covered = [s for s in case.stages if any(covers(q, label, s, lang) for label, q in questions)]
    score.stages = (len(covered), len(case.stages))
    if len(covered) < len(case.stages):
        problems.append(f"stages not covered: {[s for s in case.stages if s not in covered]}")
    used = [f for f in case.facts if mentions(generated, f)]
    score.facts = (len(used), len(case.facts))
    score.facts_in_questions = sum(mentions(asked, f) for f in case.facts)
    if len(used) < len(case.facts):
        problems.append(f"facts not used: {[f[0] for f in case.facts if f not in used]}")
    open_questions = [q for _, q in questions if judge_open(q, lang)]
    score.open = (len(open_questions), len(questions))
    closed_out = [q for _, q in questions if q not in open_questions]
    if closed_out:
        problems.append(f"not open: {closed_out}")
    opened = [
        c for c in case.closed if any(all(mentions(q, group) for group in c.about) for q in open_questions)
    ]
    score.closed = (len(opened), len(case.closed))
    if len(opened) < len(case.closed):
        problems.append(f"no open version of: {[c.question for c in case.closed if c not in opened]}")
    judging = [m.group() for m in _JUDGEMENT[lang].finditer(generated)]
    judging += [term for term in case.avoid if mentions(generated, [term], whole=True)]
    score.judgement_free = not judging
    if judging:
        problems.append(f"judging or loaded words: {judging}")
    return score


def _rate(pairs: list[tuple[int, int]]) -> float:
    return rate(sum(a for a, _ in pairs), sum(b for _, b in pairs))


def summarise(scores: list[CaseScore]) -> dict[str, float]:
    """The suite's metrics over scored cases: each a rate in [0, 1], higher is better."""
    return {
        "stage_coverage": _rate([s.stages for s in scores]),
        "fact_use": _rate([s.facts for s in scores]),
        "fact_use_in_questions": _rate([(s.facts_in_questions, s.facts[1]) for s in scores]),
        "open_up_coverage": _rate([s.closed for s in scores]),
        "open_questions": _rate([s.open for s in scores]),
        "no_judgement": _rate([(int(s.judgement_free), 1) for s in scores]),
        "language": _rate([(int(s.language), 1) for s in scores]),
    }


def _run(path: Path, split: Split, services: Services | None, options: argparse.Namespace) -> SplitReport:
    services = require_index(services)
    scores: list[CaseScore] = []
    backends: dict[str, int] = {}
    for case in load_cases(path, split):
        # the language is detected from the text, as in a chat turn
        result, outcome = services.reflect.reflect(case.text, case.kind)
        backends[outcome.backend] = backends.get(outcome.backend, 0) + 1
        scores.append(score_case(case, result))
    details: dict[str, Any] = {"backends": backends, "cases": [s.model_dump() for s in scores]}
    return SplitReport(
        n=len(scores),
        metrics=summarise(scores),
        failures=[f"{s.id}: {'; '.join(s.problems)}" for s in scores if s.problems],
        details=details,
    )


SUITE = Suite(
    name="reflections",
    description="reflect mode: Gibbs/GROW coverage, facts taken up, open questions, no judgement (hand-labelled)",
    dataset=DEFAULT_DATASET,
    run=_run,
    # the test split as measured (offline composer, prompt reflect v2.1), rounded down a little
    thresholds={
        "stage_coverage": 0.97,
        "fact_use": 0.66,
        "fact_use_in_questions": 0.64,
        "open_up_coverage": 0.92,
        "open_questions": 0.98,
        "no_judgement": 0.97,
        "language": 0.97,
    },
)
