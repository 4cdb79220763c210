"""The persona's words from a language model: code hands it the state and the gist (the offline reply, which
already holds the reaction and any concern that surfaced now); the model says it in character, one reply per
turn. The reply is checked (not empty, the role-play's language, in character, short when guarded, no concern
told before its time); a failed check or a failed request leaves the offline reply in place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from langchain_core.language_models import BaseChatModel

from assistant.catalog.practice import Level
from assistant.catalog.scenarios import Scenario
from assistant.modes.roleplay.models import Turn
from assistant.prompts import PromptSpec
from assistant.text.language import detect_language
from assistant.text.sentences import count_sentences

TRANSCRIPT_TURNS = 8
MAX_SENTENCES: dict[Level, int] = {"guarded": 2, "neutral": 4, "open": 6}
# Words that step out of the role: the persona is a person, not an assistant, and knows of no rubric.
_OUT_OF_ROLE = re.compile(
    r"\b(?:as\s+an\s+ai|language\s+model|ai\s+assistant|rubric|scoring|system\s+prompt|my\s+instructions|"
    r"role-?play|als\s+ki|sprachmodell|ki-assistent|bewertungskriterien|rubrik|systemprompt|meine\s+anweisungen|"
    r"rollenspiel)\b",
    re.IGNORECASE,
)
_SPEAKER = {
    "de": {"persona": "Gegenüber", "trainee": "Sie"},
    "en": {"persona": "Persona", "trainee": "Trainee"},
}


def reply_problems(reply: str, scenario: Scenario, level: Level, untold: Sequence[str]) -> list[str]:
    """What is wrong with a model's reply; [] when it can stand."""
    text = reply.strip()
    if not text:
        return ["the reply is empty"]
    problems = []
    if detect_language(text, default=scenario.lang) != scenario.lang:
        problems.append(f"the reply is not in {scenario.lang}")
    if _OUT_OF_ROLE.search(text):
        problems.append("the reply steps out of the role")
    if count_sentences(text) > MAX_SENTENCES[level]:
        problems.append(f"the reply is too long for a {level} persona")
    if any(concern.strip() and concern.strip() in text for concern in untold):
        problems.append("the reply tells a concern that has not been earned")
    return problems


def model_reply(
    llm: BaseChatModel,
    spec: PromptSpec,
    scenario: Scenario,
    level: Level,
    gist: str,
    transcript: list[Turn],
    message: str,
) -> str:
    """One persona reply from the model (raises what the request raises)."""
    speakers = _SPEAKER[scenario.lang]
    recent = transcript[-TRANSCRIPT_TURNS:]
    lines = "\n".join(f"{speakers[t.speaker]}: {t.text}" for t in recent)
    persona = scenario.persona
    messages = spec.render(
        scenario.lang,
        role=persona.role,
        background=persona.background,
        attitude=persona.attitude,
        speaking_style=persona.speaking_style,
        level=level,
        gist=gist,
        transcript=lines,
        message=message,
    )
    answer = llm.invoke(messages)
    content = answer.content if isinstance(answer.content, str) else ""
    return content.strip().strip('"„“').strip()
