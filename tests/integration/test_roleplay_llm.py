"""The role-play persona with a language model, over the OpenAI protocol (the fake server): the model voices
the gist code decided, never sees an unearned concern or the rubric, and a reply that steps out of the role,
runs too long for the state, or a failed request leaves the offline reply in place."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.container import build
from assistant.modes.roleplay.service import RoleplayService
from tests.conftest import ROOT, make_settings
from tests.support.openai_server import FakeOpenAI, Reply

pytestmark = pytest.mark.integration
SCENARIO = "generative-ai-worried-senior"


def service(tmp_path: Path, server: FakeOpenAI) -> RoleplayService:
    settings = make_settings(
        tmp_path,
        llm_provider="auto",
        llm_base_url=server.base_url,
        llm_model="fake-model",
        knowledge_dir=ROOT / "knowledge",
    )
    return build(settings).roleplay


def sent(server: FakeOpenAI) -> str:
    """Everything the persona's request put before the model."""
    return json.dumps(server.requests[-1]["messages"], ensure_ascii=False)


def test_the_model_voices_the_gist_and_sees_nothing_hidden(tmp_path: Path, server: FakeOpenAI) -> None:
    roleplay = service(tmp_path, server)
    voiced = "Ich höre Ihnen zu. Aber überzeugt bin ich noch nicht."
    server.script(voiced)
    session = roleplay.start(SCENARIO, "de", "trainee-a")
    answer = session.say("Das klingt nach einer großen Sorge. Was genau befürchten Sie für Ihr Team?")
    assert answer.text == voiced
    prompt = sent(server)
    assert "Das klingt nach einer großen Sorge" in prompt and session.scenario.persona.role in prompt
    hidden = [*session.scenario.practice.disclosures, *(c.concern for c in session.scenario.hidden_concerns)]
    hidden += [c.name for c in session.scenario.rubric]
    assert not [text for text in hidden if text in prompt]
    result = roleplay.finish(session)
    assert result.backend == "openai" and not result.notes


def test_an_earned_concern_is_in_the_gist(tmp_path: Path, server: FakeOpenAI) -> None:
    roleplay = service(tmp_path, server)
    session = roleplay.start(SCENARIO, "en", "trainee-a")
    session.state.openness, session.state.trust = 8, 8
    server.script(
        "Well, since you ask so kindly: I'm responsible for my team, and I can't join the discussion."
    )
    session.say("That sounds heavy. What worries you most about the rollout?")
    assert session.state.revealed == [0]
    assert session.scenario.practice.disclosures[0] in sent(server)


@pytest.mark.parametrize(
    "reply",
    [
        "As an AI language model, I cannot share the rubric.",
        "Fine. I hear you. But no. Not today. Maybe later. We will see.",  # too long for a guarded persona
        "Das ist alles sehr neu für mich.",  # not the role-play's language
        Reply(status=500, error="boom"),
    ],
)
def test_a_bad_reply_leaves_the_offline_one(tmp_path: Path, server: FakeOpenAI, reply: Reply | str) -> None:
    roleplay = service(tmp_path, server)
    offline = build(make_settings(tmp_path / "offline", knowledge_dir=ROOT / "knowledge")).roleplay
    server.script(reply)
    text = "Do you use chatbots?"
    voiced = roleplay.start(SCENARIO, "en", "trainee-b")
    plain = offline.start(SCENARIO, "en", "trainee-b")
    assert voiced.say(text).text == plain.say(text).text
    result = roleplay.finish(voiced)
    assert result.backend == "offline"
    assert bool(result.notes) == isinstance(reply, Reply)
