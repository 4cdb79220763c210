from pathlib import Path

import pytest

from assistant import prompts
from assistant.errors import ConfigError
from assistant.settings import PROJECT_ROOT

PROMPTS = PROJECT_ROOT / "prompts"


@pytest.mark.parametrize("path", sorted(PROMPTS.glob("*.yaml")), ids=lambda p: p.stem)
def test_shipped_prompts_are_valid(path: Path) -> None:
    spec = prompts.load(path.stem, PROMPTS)
    assert spec.version and set(spec.languages) == {"de", "en"}


def test_ask_prompt_renders_both_languages() -> None:
    spec = prompts.load("ask", PROMPTS)
    german = spec.render("de", question="Was ist SBI?", context='<material n="1">x</material>')
    assert "Deutsch" in german[0].content and "Was ist SBI?" in german[1].content


def test_missing_variable_raises() -> None:
    with pytest.raises(ConfigError, match="context"):
        prompts.load("ask", PROMPTS).render("en", question="q")


def _write(tmp_path: Path, body: str) -> Path:
    (tmp_path / "demo.yaml").write_text(body, encoding="utf-8")
    return tmp_path


def test_undeclared_placeholder_is_rejected(tmp_path: Path) -> None:
    body = """name: demo
version: "1"
variables: [question]
languages:
  en: {system: "Hi", user: "{question} {extra}"}
  de: {system: "Hallo", user: "{question}"}
"""
    with pytest.raises(ConfigError, match="placeholders"):
        prompts.load("demo", _write(tmp_path, body))


def test_unknown_field_is_rejected(tmp_path: Path) -> None:
    body = """name: demo
version: "1"
variables: []
temperature: 3
languages:
  en: {system: "Hi", user: "Go"}
  de: {system: "Hallo", user: "Los"}
"""
    with pytest.raises(ConfigError, match="temperature"):
        prompts.load("demo", _write(tmp_path, body))
