"""Tandem profiles and the sessions they held."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

from pydantic import BaseModel, Field

from assistant.errors import InputError
from assistant.store.db import Database
from assistant.text.language import Lang, pick


class SessionRecord(BaseModel):
    """One session a tandem held, with a one-line summary."""

    number: int
    held_on: str
    topic: str
    summary: str


class TandemProfile(BaseModel):
    """A tandem: who (names or roles), what for, and what happened so far."""

    name: str
    junior: str = ""
    senior: str = ""
    goals: list[str] = Field(default_factory=list)
    topics: list[str] = Field(default_factory=list)
    sessions_planned: int = 6
    lang: Lang = "de"
    sessions: list[SessionRecord] = Field(default_factory=list)

    @property
    def next_session(self) -> int:
        return max((s.number for s in self.sessions), default=0) + 1

    def history(self, lang: Lang, last: int = 2) -> str:
        """The latest sessions as one line, for the next plan's check-in."""
        recent = sorted(self.sessions, key=lambda s: s.number)[-last:]
        word = pick(lang, "Sitzung", "Session")
        return "; ".join(f"{word} {s.number} ({s.topic}): {s.summary}" for s in recent)


class ProfileStore:
    """Tandem profiles, in the data dir's database."""

    def __init__(self, database: Database) -> None:
        self.db = database

    def add_tandem(self, profile: TandemProfile) -> TandemProfile:
        """Create a tandem; the name must be new."""
        if not profile.name.strip():
            raise InputError('A tandem needs a name, e.g. tandem tandem add "finance-ai".')
        if not 1 <= profile.sessions_planned <= 50:
            raise InputError("--sessions must be between 1 and 50.")
        try:
            with self.db.transaction() as db:
                db.execute(
                    "INSERT INTO tandems (name, junior, senior, goals, topics, sessions_planned, lang) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        profile.name.strip(),
                        profile.junior,
                        profile.senior,
                        json.dumps(profile.goals),
                        json.dumps(profile.topics),
                        profile.sessions_planned,
                        profile.lang,
                    ),
                )
        except sqlite3.IntegrityError as exc:
            raise InputError(f"A tandem named '{profile.name}' exists already; choose another name.") from exc
        return self.tandem(profile.name.strip())

    def tandem(self, name: str) -> TandemProfile:
        """A tandem with its sessions; an unknown name is an error that lists the known ones."""
        with self.db.read() as db:
            row = db.execute("SELECT * FROM tandems WHERE name = ?", (name,)).fetchone()
            if row is None:
                known = [r["name"] for r in db.execute("SELECT name FROM tandems ORDER BY name")]
                hint = (
                    f" Known tandems: {', '.join(known)}."
                    if known
                    else " Create it with `tandem tandem add`."
                )
                raise InputError(f"No tandem named '{name}'.{hint}")
            sessions = db.execute(
                "SELECT number, held_on, topic, summary FROM sessions WHERE tandem_id = ? ORDER BY number",
                (row["id"],),
            ).fetchall()
        return TandemProfile(
            name=row["name"],
            junior=row["junior"],
            senior=row["senior"],
            goals=json.loads(row["goals"]),
            topics=json.loads(row["topics"]),
            sessions_planned=row["sessions_planned"],
            lang=row["lang"],
            sessions=[SessionRecord(**dict(s)) for s in sessions],
        )

    def names(self) -> list[str]:
        with self.db.read() as db:
            return [r["name"] for r in db.execute("SELECT name FROM tandems ORDER BY name")]

    def log_session(
        self, name: str, topic: str, summary: str, number: int | None = None, held_on: str | None = None
    ) -> TandemProfile:
        """Record a session held (the next number by default); the summary is one line."""
        profile = self.tandem(name)
        number = number or profile.next_session
        if not topic.strip() or not summary.strip():
            raise InputError("A session needs --topic and a one-line --summary.")
        if "\n" in summary.strip() or len(summary) > 300:
            raise InputError("Keep the summary to one line of at most 300 characters.")
        if not 1 <= number <= profile.sessions_planned:
            raise InputError(
                f"Session {number} is outside 1..{profile.sessions_planned} for tandem '{name}'."
            )
        when = held_on or date.today().isoformat()
        try:
            date.fromisoformat(when)
        except ValueError as exc:
            raise InputError(f"--date must be a date like 2026-12-01, not '{when}'.") from exc
        with self.db.transaction() as db:
            tandem_id = db.execute("SELECT id FROM tandems WHERE name = ?", (name,)).fetchone()["id"]
            db.execute(
                "INSERT INTO sessions (tandem_id, number, held_on, topic, summary) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (tandem_id, number) DO UPDATE SET held_on = excluded.held_on, "
                "topic = excluded.topic, summary = excluded.summary",
                (tandem_id, number, when, topic.strip(), summary.strip()),
            )
        return self.tandem(name)
