"""State in the data dir: one SQLite file (`db`), its migrations, and a store per concept on top of it."""

from assistant.store.conversations import DEFAULT_USER, ConversationStore
from assistant.store.db import FILENAME, Database
from assistant.store.practice import CriterionScore, PracticeRecord, PracticeStore
from assistant.store.profiles import ProfileStore, SessionRecord, TandemProfile
from assistant.store.records import Conversation, ConversationInfo, Rating, StoredTurn, TurnRecord

__all__ = [
    "DEFAULT_USER",
    "FILENAME",
    "Conversation",
    "ConversationInfo",
    "ConversationStore",
    "CriterionScore",
    "Database",
    "PracticeRecord",
    "PracticeStore",
    "ProfileStore",
    "Rating",
    "SessionRecord",
    "StoredTurn",
    "TandemProfile",
    "TurnRecord",
]
