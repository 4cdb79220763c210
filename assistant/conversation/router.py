"""Route a free chat message to a mode: keyword rules, then similarity to example requests.

The router never calls the language model: a turn's model budget (two requests) belongs to the mode, and the
user sees the chosen mode and can change it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from langchain_core.embeddings import Embeddings
from pydantic import BaseModel, ConfigDict, Field

from assistant.modes.models import Mode
from assistant.text.quotes import find_quotes


class Route(BaseModel):
    """Which mode a chat message goes to, and why."""

    model_config = ConfigDict(extra="forbid")
    mode: Mode
    confidence: float = Field(ge=0.0, le=1.0)
    reason: str = ""


RULES: dict[Mode, tuple[str, ...]] = {
    "prepare": (
        r"\bvorbereit",
        r"\bvorzubereit",
        r"\bprepar",
        r"\bagenda\b",
        r"\bablauf\b",
        r"\b(sitzung|session|termin)\s+(planen|plan)",
        r"\bplan(en)?\b.*\b(sitzung|session)",
        r"\b\d{2,3}\s*(min|minuten|minutes)\b",
    ),
    "feedback": (
        r"\bwie sag(e)? ich\b",
        r"\bhow (do|can|should) i (tell|say)\b",
        r"\bfeedback (geben|give)",
        r"\b(give|giving|geben)\b.*\bfeedback\b",
        r"\bformulier",
        r"\brephrase\b",
        r"\breword\b",
        r"\b(kritisieren|criticise|criticize)\b",
        r"\b(check|prüf)\w*\b.*\b(remark|satz|formulierung|wording|message|nachricht)\b",
        r"\b(is this|is that|ist das|geht das)\s+(so\s+)?(ok|okay|fine|in ordnung)\b",
    ),
    "reflect": (
        r"\breflekt",
        r"\breflect",
        r"\bnach (der|meiner|unserer) (sitzung|session)\b",
        r"\bafter (the|my|our) session\b",
        r"\b(heute|today)\b.*\b(sitzung|session)\b",
        r"\bfragen\b.*\b(mentor|mentorin|stellen)\b",
        r"\bquestions?\b.*\b(ask|mentor)\b",
        r"\boffene fragen?\b.*\b(statt|umformulieren|machen)\b",
        r"\bopen questions?\b.*\binstead\b",
        r"\b(lerntagebuch|learning journal|gibbs)\b",
    ),
}
QUOTED_REMARK = 12  # characters: a quotation this long is a remark to check, not a term in quotes
ASK_MARGIN = 0.08
ASK_HINTS = (r"^(was|wie|welche|wer|wann|warum|wozu|what|how|which|who|when|why|is|are|do|does|can)\b",)
EXAMPLES: dict[Mode, tuple[str, ...]] = {
    "ask": (
        "Was steht in der Lernvereinbarung?",
        "What is the GROW model?",
        "Wie oft trifft sich ein Tandem?",
        "What does the programme office do?",
    ),
    "prepare": (
        "Hilf mir, unsere nächste Sitzung über LinkedIn vorzubereiten.",
        "Plan a 60 minute session on ChatGPT for my mentee.",
        "Ich brauche einen Ablauf für die erste Sitzung.",
        "Prepare session 3 about Teams channels.",
    ),
    "feedback": (
        "Wie sag ich meiner Führungskraft, dass sie immer unterbricht?",
        "How do I tell my mentee his slides are too long?",
        "Ist diese Formulierung okay: Sie sind immer unvorbereitet.",
        "Check my remark: you never listen.",
    ),
    "reflect": (
        "Ich hatte heute meine Sitzung zu KI, was soll ich reflektieren?",
        "Which questions can I ask my junior mentor about LinkedIn?",
        "Help me turn my closed questions into open ones.",
        "Reflection prompts after today's session, please.",
    ),
}


@dataclass
class Router:
    """Classifies a message; `route(message, override)` honours a mode the user picked."""

    embeddings: Embeddings
    _prototypes: dict[Mode, np.ndarray] = field(default_factory=dict)

    def route(
        self, message: str, override: Mode | None = None, vector: Sequence[float] | None = None
    ) -> Route:
        """The mode for a message; `vector` is the message already embedded as a query (embedded once a turn)."""
        if override:
            return Route(mode=override, confidence=1.0, reason="chosen by the user")
        text = message.lower()
        rule_hits: dict[Mode, int] = {
            mode: sum(bool(re.search(p, text)) for p in patterns) for mode, patterns in RULES.items()
        }
        # a quoted remark is one to check; a quoted question is one to open up (reflect), not a remark
        quotes = find_quotes(message, min_length=QUOTED_REMARK)
        rule_hits["feedback"] += any(not quote.text.endswith("?") for quote in quotes)
        similarity = self._similarities(message if vector is None else vector)
        scores: dict[Mode, float] = {mode: similarity[mode] for mode in EXAMPLES}
        for mode, hits in rule_hits.items():
            scores[mode] += 0.3 * min(hits, 2)  # a keyword rule is stronger evidence than similarity
        if not any(rule_hits.values()) and any(re.search(p, text.strip()) for p in ASK_HINTS):
            scores["ask"] += 0.1  # a plain question with no mode keyword is most likely a question
        ranked = sorted(scores, key=lambda m: -scores[m])
        best, second = ranked[0], ranked[1]
        margin = scores[best] - scores[second]
        if best != "ask" and not rule_hits.get(best) and scores[best] - scores["ask"] < ASK_MARGIN:
            # without a keyword, only a clear similarity lead moves a message away from a grounded answer
            best, second = "ask", best
            margin = scores[second] - scores["ask"]
        reason = "keywords and similarity" if rule_hits.get(best) else "similarity to example requests"
        return Route(mode=best, confidence=round(min(1.0, 0.5 + margin * 3), 2), reason=reason)

    def _similarities(self, message: str | Sequence[float]) -> dict[Mode, float]:
        if not self._prototypes:
            for mode, examples in EXAMPLES.items():
                vectors = np.asarray(self.embeddings.embed_documents(list(examples)))
                vectors = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
                centroid = vectors.mean(axis=0)
                self._prototypes[mode] = centroid / (np.linalg.norm(centroid) or 1.0)
        query = np.asarray(self.embeddings.embed_query(message) if isinstance(message, str) else message)
        query = query / (np.linalg.norm(query) or 1.0)
        return {mode: float(vec @ query) for mode, vec in self._prototypes.items()}
