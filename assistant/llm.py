"""The chat model factory: an OpenAI-compatible endpoint through langchain-openai, or none (offline)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from langchain_core.language_models import BaseChatModel
from pydantic import SecretStr

if TYPE_CHECKING:
    from assistant.settings import Settings


def make_chat_model(settings: Settings) -> BaseChatModel | None:
    """ChatOpenAI against OpenAI, Azure OpenAI's v1 endpoint, Ollama, vLLM or llama.cpp; None when offline."""
    if not settings.llm_enabled:
        return None
    from langchain_openai import ChatOpenAI

    key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else "not-needed"
    return ChatOpenAI(
        model=settings.llm_model,
        base_url=settings.llm_base_url or None,
        api_key=SecretStr(key),
        temperature=settings.llm_temperature,
        timeout=settings.llm_timeout,
        max_retries=0,  # the turn owns its budget: at most two requests (assistant/modes/generation.py)
        # `streaming` is left unset on purpose: invoke() (structured output) stays a plain request, since some
        # servers (llama.cpp) repeat the tool name in every streamed chunk; .stream() still streams free text.
    )


def describe_backend(settings: Settings) -> str:
    """One line saying which LLM answers, for banners and `tandem config`."""
    if not settings.llm_enabled:
        return "offline composer (no LLM configured)"
    return f"{settings.llm_model} at {settings.llm_base_url or 'the OpenAI API'}"
