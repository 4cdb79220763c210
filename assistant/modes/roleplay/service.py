"""The role-play service: pick a scenario, play the persona turn by turn, then debrief.

Offline the persona answers from the scenario's replies (`persona.py`); the state, the scores, the evidence
check and the measures are code in every case. Citations come from the knowledge base through `Material`
(the guideline documents the scenario names first).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from langchain_core.language_models import BaseChatModel

from assistant import prompts
from assistant.catalog.practice import RoleplayBank
from assistant.catalog.scenarios import RubricCriterion, Scenario
from assistant.errors import InputError, require_text
from assistant.modes.generation import MODEL_ERRORS, llm_failure_note
from assistant.modes.material import Material
from assistant.modes.roleplay.behaviours import Behaviour, Judge, detect, kinds
from assistant.modes.roleplay.debrief import debrief
from assistant.modes.roleplay.measures import measure
from assistant.modes.roleplay.models import Citation, PracticeResult, StateView, Turn
from assistant.modes.roleplay.persona import offline_reply
from assistant.modes.roleplay.state import PersonaState
from assistant.modes.roleplay.voice import model_reply, reply_problems
from assistant.rag.retrieve import Filters
from assistant.text.language import Lang

log = logging.getLogger(__name__)
EXCERPT_CHARS = 300
MAX_TURNS = 40


@dataclass
class Session:
    """One role-play in progress: the scenario, the persona's state and the transcript so far."""

    scenario: Scenario
    trainee: str
    bank: RoleplayBank
    judge: Judge | None
    max_chars: int
    state: PersonaState
    llm: BaseChatModel | None = None
    prompts_dir: Path | None = None
    transcript: list[Turn] = field(default_factory=list)
    found: dict[int, list[Behaviour]] = field(default_factory=dict)
    model_turns: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def lang(self) -> Lang:
        """The scenario's language, the language of the whole role-play."""
        return self.scenario.lang

    def say(self, text: str) -> Turn:
        """The trainee's turn: detect what it does, move the state, and return the persona's answer."""
        text = require_text(text, "turn", self.max_chars, _EXAMPLE[self.lang])
        if len(self.found) >= MAX_TURNS:
            raise InputError(f"A role-play has at most {MAX_TURNS} trainee turns; finish this one.", "turn")
        behaviours = detect(text, self.lang, self.judge)
        surfaced = self.state.step(kinds(behaviours))
        number = len(self.transcript) + 1
        self.found[number] = behaviours
        view = StateView.model_validate(self.state.snapshot())
        labels = list(dict.fromkeys(b.kind for b in behaviours))
        self.transcript.append(
            Turn(number=number, speaker="trainee", text=text, behaviours=labels, state=view)
        )
        reply = offline_reply(
            self.scenario, self.bank.lang(self.lang).reactions, self.state, behaviours, surfaced, number // 2
        )
        if self.llm is not None and self.prompts_dir is not None:
            reply = self._voiced(reply, text)
        answer = Turn(number=number + 1, speaker="persona", text=reply, state=view)
        self.transcript.append(answer)
        return answer

    def _voiced(self, gist: str, message: str) -> str:
        """The model's words for the gist, or the gist itself when the request or the checks fail."""
        assert self.llm is not None and self.prompts_dir is not None
        spec = prompts.load("roleplay", self.prompts_dir)
        history = self.transcript[:-1]
        try:
            reply = model_reply(self.llm, spec, self.scenario, self.state.level, gist, history, message)
        except MODEL_ERRORS as exc:
            log.warning("role-play reply from the model failed, answering offline: %s", exc)
            self.notes.append(llm_failure_note(exc, self.lang))
            return gist
        untold = [d for i, d in enumerate(self.scenario.practice.disclosures) if i not in self.state.revealed]
        problems = reply_problems(reply, self.scenario, self.state.level, untold)
        if problems:
            log.warning("role-play reply rejected (%s), answering offline", "; ".join(problems))
            return gist
        self.model_turns += 1
        return reply


_EXAMPLE = {"de": "Was ist Ihnen für heute wichtig?", "en": "What matters most to you today?"}


class RoleplayService:
    """Role-play practice over the catalog's scenarios."""

    def __init__(
        self,
        scenarios: list[Scenario],
        bank: RoleplayBank,
        judge: Judge | None = None,
        material: Material | None = None,
        max_chars: int = 2000,
        llm: BaseChatModel | None = None,
        prompts_dir: Path | None = None,
    ) -> None:
        self.scenarios = scenarios
        self.bank, self.judge, self.material, self.max_chars = bank, judge, material, max_chars
        self.llm, self.prompts_dir = llm, prompts_dir

    def catalogue(self) -> list[dict[str, object]]:
        """One entry per scenario id: title (by language), languages, trainee role, difficulty."""
        entries: dict[str, dict[str, object]] = {}
        for s in self.scenarios:
            entry = entries.setdefault(
                s.id,
                {
                    "id": s.id,
                    "title": {},
                    "languages": [],
                    "trainee_role": s.trainee_role,
                    "difficulty": s.difficulty,
                },
            )
            entry["title"][s.lang] = s.title  # type: ignore[index]
            entry["languages"].append(s.lang)  # type: ignore[attr-defined]
        return list(entries.values())

    def scenario(self, scenario_id: str, lang: Lang) -> Scenario:
        """The scenario; an unknown id or language names what exists."""
        for s in self.scenarios:
            if s.id == scenario_id.strip() and s.lang == lang:
                return s
        known = sorted({s.id for s in self.scenarios})
        raise InputError(
            f"No role-play scenario '{scenario_id}' in '{lang}'. Known: {', '.join(known)} "
            "(`tandem roleplay --list`).",
            "scenario",
        )

    def start(self, scenario_id: str, lang: Lang, trainee: str) -> Session:
        """A new session; the transcript opens with the persona's opening line."""
        name = require_text(trainee, "trainee", 80, "trainee-a")
        scenario = self.scenario(scenario_id, lang)
        state = PersonaState.start(scenario.difficulty, len(scenario.hidden_concerns))
        session = Session(
            scenario, name, self.bank, self.judge, self.max_chars, state, self.llm, self.prompts_dir
        )
        view = StateView.model_validate(state.snapshot())
        session.transcript.append(Turn(number=1, speaker="persona", text=scenario.opening_line, state=view))
        return session

    def finish(self, session: Session) -> PracticeResult:
        """The debrief and measures of a session with at least one trainee turn."""
        if not session.found:
            raise InputError("The role-play has no trainee turn yet; say something first.", "turn")
        words = self.bank.lang(session.lang).debrief
        return PracticeResult(
            scenario=session.scenario.id,
            title=session.scenario.title,
            lang=session.lang,
            trainee=session.trainee,
            concerns_total=len(session.scenario.hidden_concerns),
            concerns_revealed=len(session.state.revealed),
            transcript=session.transcript,
            measures=measure(session.transcript, session.found),
            debrief=debrief(session.scenario, words, session.transcript, session.found, self.cite),
            backend="openai" if session.model_turns else "offline",
            notes=list(dict.fromkeys(session.notes)),
        )

    def run(self, scenario_id: str, lang: Lang, trainee: str, turns: list[str]) -> PracticeResult:
        """A scripted role-play: every trainee turn in order, then the debrief."""
        session = self.start(scenario_id, lang, trainee)
        for text in turns:
            session.say(text)
        return self.finish(session)

    def cite(self, criterion: RubricCriterion, scenario: Scenario) -> Citation | None:
        """The guideline passage for a criterion: the best hit among the scenario's guideline documents,
        else the best relevant passage in the scenario's language; None without an index."""
        if self.material is None or self.material.retriever.is_empty():
            return None
        query = f"{criterion.name}: {criterion.description}"
        hits = self.material.retriever.search(query, self.material.top_k * 4, Filters(lang=scenario.lang))
        guided = [h for h in hits if h.doc_id in scenario.guideline_docs]
        candidates = guided or self.material.relevant(query, Filters(lang=scenario.lang))
        if not candidates:
            return None
        hit = candidates[0]
        excerpt = hit.text.strip()
        if len(excerpt) > EXCERPT_CHARS:
            excerpt = excerpt[:EXCERPT_CHARS].rsplit(" ", 1)[0] + " …"
        return Citation(
            doc_id=hit.doc_id, title=hit.title, section=hit.section, source=hit.source, excerpt=excerpt
        )
