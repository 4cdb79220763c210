"""Thumbs up or down on an answer, with an optional comment: stored with the turn's prompt version and backend."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import gradio as gr

from assistant.container import Services
from assistant.errors import TandemError
from assistant.render.markdown import as_text
from assistant.store.conversations import parse_ref
from assistant.store.records import Rating
from assistant.ui.conversations import Downloads
from assistant.ui.session import Session, warn
from assistant.ui.users import current_user

NOT_STORED = "This answer was not stored, so it cannot be rated · Diese Antwort wurde nicht gespeichert."
NO_RATING = "Rate an answer first (👍/👎), then save a comment · Erst eine Antwort bewerten."
UNRATED = "A rating stays until you give the other thumb · Eine Bewertung bleibt, bis Sie umentscheiden."


def rated(rating: Rating) -> str:
    """The status line after a rating."""
    thumb = "👍" if rating.value == "up" else "👎"
    comment = f": {as_text(rating.comment)}" if rating.comment else ""
    return f"Bewertet · rated {rating.turn} {thumb}{comment}"


class RatingHandlers:
    """The chatbot's thumbs and the comment box; the download button's file is rewritten with the rating."""

    def __init__(self, services: Services, downloads: Downloads) -> None:
        self.services = services
        self.downloads = downloads

    def like(
        self, session: Session, comment: str, data: gr.LikeData, request: gr.Request
    ) -> tuple[Any, str, Any]:
        """A thumb on message `data.index` rates its stored turn, with the comment box's text.

        Outputs: session, status, download button."""
        index = data.index if isinstance(data.index, int) else data.index[0]
        ref = session.refs[index] if 0 <= index < len(session.refs) else None
        if ref is None:
            return gr.skip(), NOT_STORED, gr.skip()
        if data.liked not in (True, False):
            return gr.skip(), UNRATED, gr.skip()
        value = "up" if data.liked else "down"
        status, download = self._rate(current_user(request), ref, value, comment)
        return replace(session, rated=(ref, value)), status, download

    def comment(self, session: Session, comment: str, request: gr.Request) -> tuple[str, Any]:
        """Save the comment box with the last rating given in this tab. Outputs: status, download button."""
        if session.rated is None:
            return NO_RATING, gr.skip()
        ref, value = session.rated
        return self._rate(current_user(request), ref, value, comment)

    def _rate(self, user: str, ref: str, value: str, comment: str) -> tuple[str, Any]:
        store = self.services.conversations
        try:
            rating = store.rate(user, ref, value, comment)
            return rated(rating), self.downloads.button(store.get(user, parse_ref(ref)[0]))
        except TandemError as exc:
            return warn(exc), gr.skip()
