import re
from pathlib import Path

import pytest
from pydantic import SecretStr

from assistant.cli import main
from assistant.settings import Settings


def test_openai_api_key_is_honoured_and_switches_the_llm_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-1234567890")
    settings = Settings()
    assert settings.llm_api_key is not None and settings.llm_enabled


def test_default_is_offline() -> None:
    assert not Settings().llm_enabled


def test_offline_provider_wins_over_a_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-1234567890")
    monkeypatch.setenv("TANDEM_LLM_PROVIDER", "offline")
    assert not Settings().llm_enabled


def test_dotenv_is_read(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("TANDEM_TOP_K=7\nTANDEM_LLM_BASE_URL=http://127.0.0.1:9/v1/\n")
    settings = Settings()
    assert settings.top_k == 7 and settings.llm_base_url == "http://127.0.0.1:9/v1"


def test_every_setting_has_a_description() -> None:
    assert all(description for _, _, description in Settings().describe())


def test_config_masks_secrets(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-secret-value-9876")
    assert main(["config"]) == 0
    out = capsys.readouterr().out
    assert "sk-secret" not in out and "****9876" in out and "TANDEM_CHROMA_URL" in out


def test_bad_setting_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TANDEM_TOP_K", "many")
    assert main(["config"]) == 2
    err = capsys.readouterr().err
    assert "TANDEM_TOP_K" in err or "top_k" in err


def test_readme_documents_every_setting() -> None:
    from assistant.settings import PROJECT_ROOT

    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    assert "make run" in readme and "make test" in readme
    for name, _, _ in Settings().describe():
        assert f"`{name}`" in readme, f"{name} is missing from the README's configuration table"


def test_readme_shows_every_default() -> None:
    """The configuration table's default column says what the code does (a changed default updates both)."""
    from assistant.settings import PROJECT_ROOT

    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    shown = dict(re.findall(r"^\| `(TANDEM_\w+)` \| *`?([^|`]*?)`? *\|", readme, flags=re.MULTILINE))
    for name, field in Settings.model_fields.items():
        default = field.get_default(call_default_factory=True)
        if isinstance(default, SecretStr) or default is None:
            expected = ""
        elif isinstance(default, Path):
            expected = default.name
        else:
            expected = str(default)
        assert shown[f"TANDEM_{name.upper()}"].strip() == expected, f"README default of TANDEM_{name.upper()}"
