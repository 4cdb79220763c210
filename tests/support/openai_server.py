"""A small OpenAI-compatible chat-completions server on 127.0.0.1 for protocol tests.

It speaks the parts Tandem uses: POST /v1/chat/completions (plain JSON and SSE streaming) and GET /v1/models.
Replies are scripted; every request body is recorded for assertions.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    """One scripted reply: text content, or an HTTP error status with a message."""

    content: str = ""
    status: int = 200
    error: str = ""
    tool_args: dict[str, Any] | None = None  # answer a tools request with this function call
    hang: float = 0.0  # wait this long before answering (an endpoint that never answers in time)
    raw: str | None = None  # send this body (or SSE data line) as is: malformed JSON


@dataclass
class FakeOpenAI:
    """Start with `with FakeOpenAI() as server:`; `server.base_url` goes into TANDEM_LLM_BASE_URL."""

    replies: deque[Reply] = field(default_factory=deque)
    requests: list[dict[str, Any]] = field(default_factory=list)
    default: Reply = field(default_factory=lambda: Reply(content="No scripted reply left."))

    def __post_init__(self) -> None:
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def script(self, *replies: Reply | str) -> None:
        self.replies.extend(r if isinstance(r, Reply) else Reply(content=r) for r in replies)

    def __enter__(self) -> FakeOpenAI:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _next(self) -> Reply:
        return self.replies.popleft() if self.replies else self.default

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                if self.path.rstrip("/").endswith("/models"):
                    self._json(200, {"object": "list", "data": [{"id": "fake-model", "object": "model"}]})
                else:
                    self._json(404, {"error": {"message": "not found"}})

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                if not self.path.rstrip("/").endswith("/chat/completions"):
                    self._json(404, {"error": {"message": f"no route {self.path}"}})
                    return
                fake.requests.append(body)
                reply = fake._next()
                if reply.hang:
                    time.sleep(reply.hang)
                if reply.raw is not None:
                    self._raw(reply.raw, bool(body.get("stream")))
                elif reply.status != 200:
                    self._json(
                        reply.status,
                        {
                            "error": {
                                "message": reply.error or "scripted failure",
                                "type": "server_error",
                                "code": None,
                            }
                        },
                    )
                elif reply.tool_args is not None and body.get("tools"):
                    call = {
                        "id": "call_1",
                        "type": "function",
                        "function": {
                            "name": body["tools"][0]["function"]["name"],
                            "arguments": json.dumps(reply.tool_args),
                        },
                    }
                    model = body.get("model", "fake-model")
                    if body.get("stream"):
                        self.send_response(200)
                        self.send_header("Content-Type", "text/event-stream")
                        self.end_headers()
                        self._event(
                            _chunk(model, {"role": "assistant", "tool_calls": [{"index": 0, **call}]}, None)
                        )
                        self._event(_chunk(model, {}, "tool_calls"))
                        self.wfile.write(b"data: [DONE]\n\n")
                        self.wfile.flush()
                    else:
                        payload = _completion("", model)
                        payload["choices"][0]["message"] = {
                            "role": "assistant",
                            "content": None,
                            "tool_calls": [call],
                        }
                        payload["choices"][0]["finish_reason"] = "tool_calls"
                        self._json(200, payload)
                elif body.get("stream"):
                    self._stream(reply.content, body.get("model", "fake-model"))
                else:
                    self._json(200, _completion(reply.content, body.get("model", "fake-model")))

            def _json(self, status: int, payload: dict[str, Any]) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _stream(self, content: str, model: str) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                words = content.split(" ")
                pieces = [w if i == 0 else " " + w for i, w in enumerate(words)]
                for i, piece in enumerate(pieces):
                    delta: dict[str, Any] = {"content": piece}
                    if i == 0:
                        delta["role"] = "assistant"
                    self._event(_chunk(model, delta, None))
                self._event(_chunk(model, {}, "stop"))
                self.wfile.write(b"data: [DONE]\n\n")
                self.wfile.flush()

            def _raw(self, text: str, stream: bool) -> None:
                data = (f"data: {text}\n\ndata: [DONE]\n\n" if stream else text).encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream" if stream else "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
                self.wfile.flush()

            def _event(self, payload: dict[str, Any]) -> None:
                self.wfile.write(f"data: {json.dumps(payload)}\n\n".encode())
                self.wfile.flush()

        return Handler


def _completion(content: str, model: str) -> dict[str, Any]:
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": 0,
        "model": model,
        "choices": [
            {"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}
        ],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }


def _chunk(model: str, delta: dict[str, Any], finish: str | None) -> dict[str, Any]:
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion.chunk",
        "created": 0,
        "model": model,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }
