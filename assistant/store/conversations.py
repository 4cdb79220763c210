"""Conversations, their turns and ratings, per user: nobody reads, changes or rates another user's.

Every query names the user, so another user's conversation and a missing one give the same "not found".
"""

from __future__ import annotations

import json
import secrets
import sqlite3
from datetime import UTC, datetime
from typing import Any

from assistant.errors import InputError
from assistant.store.db import Database
from assistant.store.records import (
    Conversation,
    ConversationInfo,
    RatedTurn,
    Rating,
    StoredTurn,
    TurnRecord,
    UserExport,
    turn_ref,
)

DEFAULT_USER = "local"  # without sign-in there is one local user
MAX_TITLE = 120


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def require_user(name: str | None) -> str:
    """A user name: one line, 1 to 64 characters."""
    user = (name or "").strip()
    if not user or len(user) > 64 or not user.isprintable():
        raise InputError("A user name is one line of 1 to 64 characters, e.g. --user anna.", "user")
    return user


def title_from(message: str, limit: int = 60) -> str:
    """The first words of the first message, cut at a word boundary.

    >>> title_from("Plan our second session on video calls, 45 minutes, with a short warm-up please")
    'Plan our second session on video calls, 45 minutes, with a…'
    """
    text = " ".join(message.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def parse_ref(ref: str) -> tuple[str, int]:
    """A turn reference ID/N, as `tandem history show` prints it."""
    conversation, _, number = ref.strip().rpartition("/")
    if not conversation or not number.isdigit():
        raise InputError(
            f"'{ref}' is not a turn: name it CONVERSATION/NUMBER as `tandem history show` prints it, "
            "e.g. 3f9a1c2b/2.",
            "turn",
        )
    return conversation, int(number)


class ConversationStore:
    """Stored conversations in the data dir's database; every method takes the user it acts for."""

    def __init__(self, database: Database) -> None:
        self.db = database

    # -- reading ---------------------------------------------------------------------------------------

    def _owned(self, db: sqlite3.Connection, user: str, conversation: str) -> sqlite3.Row:
        row = db.execute(
            "SELECT * FROM conversations WHERE id = ? AND user = ?", (conversation, user)
        ).fetchone()
        if row is None:
            raise self._not_found(user, conversation)
        return row  # type: ignore[no-any-return]  # sqlite3 rows are untyped

    @staticmethod
    def _not_found(user: str, conversation: str) -> InputError:
        return InputError(
            f"No conversation '{conversation}' in {user}'s history; "
            f"your conversation list shows the ones you can open (`tandem history list --user {user}` on the "
            "command line).",
            "conversation",
        )

    def require(self, user: str, conversation: str) -> None:
        """Raise "not found" unless `user` has this conversation (checked before a turn runs)."""
        with self.db.read() as db:
            self._owned(db, require_user(user), conversation)

    def summaries(self, user: str) -> list[ConversationInfo]:
        """The user's conversations, the latest first."""
        with self.db.read() as db:
            rows = db.execute(
                "SELECT c.*, COUNT(t.id) AS turns, "
                "(SELECT mode FROM turns WHERE conversation = c.id ORDER BY number DESC LIMIT 1) AS mode "
                "FROM conversations c LEFT JOIN turns t ON t.conversation = c.id "
                "WHERE c.user = ? GROUP BY c.id ORDER BY c.updated DESC, c.rowid DESC",
                (require_user(user),),
            ).fetchall()
        return [self._info(row) for row in rows]

    @staticmethod
    def _info(row: sqlite3.Row) -> ConversationInfo:
        return ConversationInfo(
            id=row["id"],
            user=row["user"],
            title=row["title"],
            created=row["created"],
            updated=row["updated"],
            turns=row["turns"],
            mode=row["mode"] or "",
            tandem=row["tandem"],
        )

    def get(self, user: str, conversation: str) -> Conversation:
        """A conversation with its turns and the user's ratings of them."""
        user = require_user(user)
        with self.db.read() as db:
            return self._conversation(db, user, self._owned(db, user, conversation))

    def _conversation(self, db: sqlite3.Connection, user: str, row: sqlite3.Row) -> Conversation:
        turns = db.execute(
            "SELECT t.*, r.value, r.comment, r.prompt_version AS r_prompt, r.backend AS r_backend, "
            "r.created AS r_created FROM turns t LEFT JOIN ratings r ON r.turn = t.id AND r.user = ? "
            "WHERE t.conversation = ? ORDER BY t.number",
            (user, row["id"]),
        ).fetchall()
        history = [self._turn(t, user) for t in turns]
        return Conversation(
            id=row["id"],
            user=row["user"],
            title=row["title"],
            created=row["created"],
            updated=row["updated"],
            turns=len(history),
            mode=history[-1].mode if history else "",
            tandem=row["tandem"],
            state=json.loads(row["state"]),
            history=history,
        )

    @staticmethod
    def _turn(row: sqlite3.Row, user: str) -> StoredTurn:
        rating = None
        if row["value"] is not None:
            rating = Rating(
                turn=turn_ref(row["conversation"], row["number"]),
                user=user,
                value=row["value"],
                comment=row["comment"],
                prompt_version=row["r_prompt"],
                backend=row["r_backend"],
                created=row["r_created"],
            )
        return StoredTurn(
            conversation=row["conversation"],
            number=row["number"],
            created=row["created"],
            message=row["message"],
            mode=row["mode"],
            parameters=json.loads(row["parameters"]),
            result=json.loads(row["result"]),
            sources=json.loads(row["sources"]),
            prompt_version=row["prompt_version"],
            backend=row["backend"],
            rating=rating,
        )

    def export(self, user: str) -> UserExport:
        """Everything stored about `user`: conversations with turns and state, and their ratings."""
        user = require_user(user)
        with self.db.read() as db:
            rows = db.execute(
                "SELECT * FROM conversations WHERE user = ? ORDER BY created, rowid", (user,)
            ).fetchall()
            conversations = [self._conversation(db, user, row) for row in rows]
        ratings = [t.rating for c in conversations for t in c.history if t.rating is not None]
        return UserExport(user=user, exported=now(), conversations=conversations, ratings=ratings)

    # -- writing ---------------------------------------------------------------------------------------

    def record(
        self, user: str, conversation: str | None, turn: TurnRecord, tandem: str | None = None
    ) -> StoredTurn:
        """Store a turn, starting a conversation when `conversation` is None, in ONE transaction.

        The turn, the conversation's new state and its time (and, with `tandem`, its link to that tandem
        profile) are written together or not at all.
        """
        user = require_user(user)
        created = now()
        with self.db.transaction() as db:
            if conversation is None:
                conversation = self._start(db, user, title_from(turn.message), created)
            else:
                self._owned(db, user, conversation)
            number = self._insert_turn(db, conversation, turn, created)
            self._update_state(db, conversation, turn, number, created)
            if tandem is not None:
                self._link(db, conversation, tandem)
        return StoredTurn(conversation=conversation, number=number, created=created, **turn.model_dump())

    @staticmethod
    def _start(db: sqlite3.Connection, user: str, title: str, created: str) -> str:
        for _ in range(5):
            conversation = secrets.token_hex(4)
            try:
                db.execute(
                    "INSERT INTO conversations (id, user, title, created, updated) VALUES (?, ?, ?, ?, ?)",
                    (conversation, user, title, created, created),
                )
                return conversation
            except sqlite3.IntegrityError:
                continue  # the id is taken (by anyone): draw again
        raise AssertionError("five random conversation ids in a row were taken")

    @staticmethod
    def _insert_turn(db: sqlite3.Connection, conversation: str, turn: TurnRecord, created: str) -> int:
        number = int(
            db.execute(
                "SELECT COALESCE(MAX(number), 0) + 1 FROM turns WHERE conversation = ?", (conversation,)
            ).fetchone()[0]
        )
        db.execute(
            "INSERT INTO turns (conversation, number, message, mode, parameters, result, sources, "
            "prompt_version, backend, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                conversation,
                number,
                turn.message,
                turn.mode,
                _json(turn.parameters),
                _json(turn.result),
                _json(turn.sources),
                turn.prompt_version,
                turn.backend,
                created,
            ),
        )
        return number

    @staticmethod
    def _update_state(
        db: sqlite3.Connection, conversation: str, turn: TurnRecord, number: int, created: str
    ) -> None:
        state = {"mode": turn.mode, "parameters": turn.parameters, "result": turn.result, "turn": number}
        db.execute(
            "UPDATE conversations SET state = ?, updated = ? WHERE id = ?",
            (_json(state), created, conversation),
        )

    def link(self, user: str, conversation: str, tandem: str) -> ConversationInfo:
        """Link one of the user's conversations to a tandem profile (by name; linking again replaces it).

        The store keeps the name only; that the profile exists is checked by whoever links
        (`conversation.tandem`), since the profile store is another concept.
        """
        user = require_user(user)
        with self.db.transaction() as db:
            self._owned(db, user, conversation)
            self._link(db, conversation, tandem)
        return next(c for c in self.summaries(user) if c.id == conversation)

    @staticmethod
    def _link(db: sqlite3.Connection, conversation: str, tandem: str) -> None:
        name = tandem.strip()
        if not name:
            raise InputError(
                "A tandem name is needed to link a conversation, e.g. --tandem tandem-a.", "tandem"
            )
        db.execute("UPDATE conversations SET tandem = ? WHERE id = ?", (name, conversation))

    def rename(self, user: str, conversation: str, title: str) -> ConversationInfo:
        """Give a conversation a new title (one line, at most 120 characters)."""
        user = require_user(user)
        title = " ".join((title or "").split())
        if not title or len(title) > MAX_TITLE:
            raise InputError(f"A title is one line of 1 to {MAX_TITLE} characters.", "title")
        with self.db.transaction() as db:
            self._owned(db, user, conversation)
            db.execute("UPDATE conversations SET title = ? WHERE id = ?", (title, conversation))
        return next(c for c in self.summaries(user) if c.id == conversation)

    def delete(self, user: str, conversation: str) -> None:
        """Delete a conversation with its turns and their ratings."""
        user = require_user(user)
        with self.db.transaction() as db:
            self._owned(db, user, conversation)
            db.execute("DELETE FROM conversations WHERE id = ?", (conversation,))

    # -- ratings ---------------------------------------------------------------------------------------

    def rate(self, user: str, ref: str, value: str, comment: str = "") -> Rating:
        """Thumbs up or down on one of the user's turns; rating again replaces the earlier rating."""
        user = require_user(user)
        conversation, number = parse_ref(ref)
        if value not in ("up", "down"):
            raise InputError(f"A rating is up or down, not '{value}'.", "rating")
        comment = (comment or "").strip()
        if len(comment) > 2000:
            raise InputError(f"The comment has {len(comment)} characters; the limit is 2000.", "comment")
        created = now()
        with self.db.transaction() as db:
            self._owned(db, user, conversation)
            row = db.execute(
                "SELECT id, prompt_version, backend FROM turns WHERE conversation = ? AND number = ?",
                (conversation, number),
            ).fetchone()
            if row is None:
                raise InputError(
                    f"Conversation '{conversation}' has no turn {number}; "
                    f"`tandem history show {conversation}` lists its turns.",
                    "turn",
                )
            db.execute(
                "INSERT INTO ratings (turn, user, value, comment, prompt_version, backend, created) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (turn, user) DO UPDATE SET value = excluded.value, "
                "comment = excluded.comment, created = excluded.created",
                (row["id"], user, value, comment, row["prompt_version"], row["backend"], created),
            )
        return Rating(
            turn=turn_ref(conversation, number),
            user=user,
            value=value,
            comment=comment,
            prompt_version=row["prompt_version"],
            backend=row["backend"],
            created=created,
        )

    def ratings(self) -> list[RatedTurn]:
        """Every rating with the turn it rates, oldest first, without user names (for the evals)."""
        with self.db.read() as db:
            rows = db.execute(
                "SELECT r.value, r.comment, r.prompt_version, r.backend, r.created, t.conversation, "
                "t.number, t.mode, t.message, t.parameters, t.result FROM ratings r "
                "JOIN turns t ON t.id = r.turn ORDER BY r.created, r.rowid"
            ).fetchall()
        return [
            RatedTurn(
                turn=turn_ref(r["conversation"], r["number"]),
                value=r["value"],
                comment=r["comment"],
                prompt_version=r["prompt_version"],
                backend=r["backend"],
                created=r["created"],
                mode=r["mode"],
                message=r["message"],
                parameters=json.loads(r["parameters"]),
                result=json.loads(r["result"]),
            )
            for r in rows
        ]


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
