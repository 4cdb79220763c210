"""Role-play practice sessions by trainee: the finished result (as JSON: no mode imported) and each rubric
criterion's score, so progress over time is one query."""

from __future__ import annotations

from datetime import UTC, datetime

from pydantic import BaseModel, Field

from assistant.errors import InputError
from assistant.store.db import Database


class CriterionScore(BaseModel):
    """A criterion's score in one session."""

    criterion: str
    name: str
    score: int = Field(ge=0, le=4)


class PracticeRecord(BaseModel):
    """A stored role-play session, without its transcript."""

    id: int
    trainee: str
    scenario: str
    lang: str
    created: str
    overall: float
    scores: list[CriterionScore]


class PracticeStore:
    """Practice sessions in the shared database."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def save(
        self,
        trainee: str,
        scenario: str,
        lang: str,
        overall: float,
        scores: list[CriterionScore],
        result: str,
    ) -> PracticeRecord:
        """Store a finished session and its scores in one transaction."""
        name = trainee.strip()
        if not name:
            raise InputError("The trainee is empty: name who practised, e.g. “trainee-a”.", "trainee")
        created = datetime.now(UTC).isoformat(timespec="seconds")
        with self.database.transaction() as db:
            cursor = db.execute(
                "INSERT INTO practice_sessions (trainee, scenario, lang, created, overall, result) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (name, scenario, lang, created, overall, result),
            )
            session = int(cursor.lastrowid or 0)
            db.executemany(
                "INSERT INTO practice_scores (session, criterion, name, score) VALUES (?, ?, ?, ?)",
                [(session, s.criterion, s.name, s.score) for s in scores],
            )
        return PracticeRecord(
            id=session,
            trainee=name,
            scenario=scenario,
            lang=lang,
            created=created,
            overall=overall,
            scores=scores,
        )

    def sessions(self, trainee: str | None = None) -> list[PracticeRecord]:
        """Stored sessions, oldest first; only one trainee's when named."""
        where, params = ("WHERE trainee = ?", (trainee.strip(),)) if trainee else ("", ())
        with self.database.read() as db:
            rows = db.execute(
                f"SELECT id, trainee, scenario, lang, created, overall FROM practice_sessions {where} "
                "ORDER BY created, id",
                params,
            ).fetchall()
            scores: dict[int, list[CriterionScore]] = {}
            for row in db.execute(
                "SELECT session, criterion, name, score FROM practice_scores ORDER BY rowid"
            ):
                scores.setdefault(row["session"], []).append(
                    CriterionScore(criterion=row["criterion"], name=row["name"], score=row["score"])
                )
        return [PracticeRecord(**dict(row), scores=scores.get(row["id"], [])) for row in rows]

    def result(self, session: int) -> str:
        """The stored result (JSON) of a session; an unknown id raises InputError."""
        with self.database.read() as db:
            row = db.execute("SELECT result FROM practice_sessions WHERE id = ?", (session,)).fetchone()
        if row is None:
            raise InputError(f"No practice session {session}; `tandem roleplay --report` lists them.")
        return str(row["result"])
