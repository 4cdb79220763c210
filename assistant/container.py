"""The one place that picks implementations: build(settings) -> Services."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from langchain_core.embeddings import Embeddings
from langchain_core.language_models import BaseChatModel

from assistant.auth import Accounts
from assistant.catalog import Catalog, load_catalog
from assistant.llm import make_chat_model
from assistant.modes.ask.service import AskService
from assistant.modes.material import Material
from assistant.rag.background import background_for
from assistant.rag.embeddings import make_embeddings
from assistant.rag.index import ChunkIndex, make_client
from assistant.rag.ingest import Progress, ingest
from assistant.rag.retrieve import FusionConfig, Retriever
from assistant.schema import IngestReport
from assistant.settings import Settings
from assistant.store import FILENAME, ConversationStore, Database, PracticeStore, ProfileStore
from assistant.text.language import Lang

if TYPE_CHECKING:  # the modes are imported when first used, so `tandem config` and `ingest` stay quick
    from assistant.conversation.router import Router
    from assistant.modes.feedback.service import FeedbackService
    from assistant.modes.prepare.service import PrepareService
    from assistant.modes.reflect.service import ReflectService
    from assistant.modes.roleplay.service import RoleplayService

log = logging.getLogger(__name__)


@dataclass
class Services:
    """Everything a command or the UI needs, built lazily so `tandem config` stays instant."""

    settings: Settings
    embeddings_override: Embeddings | None = None
    llm_override: BaseChatModel | None = None

    @cached_property
    def embeddings(self) -> Embeddings:
        return self.embeddings_override or make_embeddings(self.settings)

    @cached_property
    def index(self) -> ChunkIndex:
        return ChunkIndex(make_client(self.settings), self.settings.collection, self.embeddings)

    @cached_property
    def retriever(self) -> Retriever:
        return Retriever(self.index, FusionConfig(keyword_weight=self.settings.keyword_weight))

    @cached_property
    def llm(self) -> BaseChatModel | None:
        return self.llm_override or make_chat_model(self.settings)

    @cached_property
    def catalog(self) -> Catalog:
        return load_catalog(self.settings.knowledge_dir)

    @cached_property
    def database(self) -> Database:
        """The one SQLite file in the data dir, brought up to the current schema when first opened."""
        return Database(self.settings.data_dir / FILENAME)

    @cached_property
    def store(self) -> ProfileStore:
        """Tandem profiles."""
        return ProfileStore(self.database)

    @cached_property
    def conversations(self) -> ConversationStore:
        """Stored conversations, their turns and ratings, per user."""
        return ConversationStore(self.database)

    @cached_property
    def accounts(self) -> Accounts | None:
        """The users who may sign in (TANDEM_AUTH_FILE), or None: no sign-in, one local user."""
        path = self.settings.auth_file
        return Accounts(path) if path is not None else None

    @cached_property
    def material(self) -> Material:
        """The retriever with the configured top-k and relevance floor: every mode reads through it."""
        background = background_for(self.embeddings, self.settings.data_dir)
        return Material(self.retriever, self.settings.top_k, self.settings.min_relevance, background)

    @cached_property
    def prepare(self) -> PrepareService:
        from assistant.modes.prepare.service import PrepareService

        s = self.settings
        return PrepareService(
            self.material,
            self.llm,
            s.prompts_dir,
            self.catalog.agendas,
            self.catalog.profile,
            method=s.llm_structured_method,
            max_chars=s.max_question_chars,
        )

    @cached_property
    def feedback(self) -> FeedbackService:
        from assistant.modes.feedback.service import FeedbackService

        s = self.settings
        return FeedbackService(
            self.material,
            self.llm,
            s.prompts_dir,
            self.catalog.phrases,
            max_chars=s.max_question_chars,
            method=s.llm_structured_method,
        )

    @cached_property
    def reflect(self) -> ReflectService:
        from assistant.modes.reflect.service import ReflectService

        s = self.settings
        return ReflectService(
            self.material,
            self.llm,
            s.prompts_dir,
            self.catalog.questions,
            self.catalog.reflection,
            max_chars=s.max_question_chars,
            method=s.llm_structured_method,
        )

    @cached_property
    def practice(self) -> PracticeStore:
        """Role-play practice sessions by trainee, in the shared database."""
        return PracticeStore(self.database)

    @cached_property
    def roleplay(self) -> RoleplayService:
        """Role-play practice; judgemental remarks are found by the feedback mode's rules (handed in here,
        so neither mode imports the other), citations come through the material."""
        from assistant.modes.feedback.flags import find_flags
        from assistant.modes.roleplay.service import RoleplayService

        phrases = self.catalog.phrases

        def judge(text: str, lang: Lang) -> list[tuple[int, int]]:
            return [(f.start, f.end) for f in find_flags(text, lang, phrases)]

        return RoleplayService(
            self.catalog.scenarios,
            self.catalog.roleplay,
            judge,
            self.material,
            max_chars=self.settings.max_question_chars,
            llm=self.llm,
            prompts_dir=self.settings.prompts_dir,
        )

    @cached_property
    def router(self) -> Router:
        from assistant.conversation.router import Router

        return Router(self.embeddings)

    @cached_property
    def ask(self) -> AskService:
        s = self.settings
        return AskService(
            material=self.material,
            embeddings=self.embeddings,
            llm=self.llm,
            prompts_dir=s.prompts_dir,
            max_question_chars=s.max_question_chars,
        )

    def ingest(
        self, paths: list[Path] | None = None, rebuild: bool = False, progress: Progress | None = None
    ) -> IngestReport:
        """Sync paths (default: the knowledge dir); --rebuild drops the index and re-ingests every known root."""
        roots = list(paths) if paths is not None else [self.settings.knowledge_dir]
        if rebuild:
            known = [Path(r) for r in self.index.known_roots()]
            roots += [r for r in known if r.exists() and r.resolve() not in {p.resolve() for p in roots}]
            self.index.reset()
        report = ingest(
            roots,
            self.index,
            chunk_size=self.settings.chunk_size,
            chunk_overlap=self.settings.chunk_overlap,
            max_bytes=int(self.settings.max_upload_mb * 1_000_000),
            progress=progress,
        )
        if "retriever" in self.__dict__:
            self.retriever.refresh()
        return report


def build(
    settings: Settings | None = None,
    *,
    embeddings: Embeddings | None = None,
    llm: BaseChatModel | None = None,
) -> Services:
    """Wire the services; tests pass fakes for the embeddings or the chat model."""
    return Services(settings or Settings(), embeddings_override=embeddings, llm_override=llm)
