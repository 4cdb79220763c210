"""Every mode's result type in one union, for the edges (CLI, UI, store) that handle any of them."""

from __future__ import annotations

from assistant.modes.feedback.models import FeedbackDraft
from assistant.modes.log.models import SessionLogged
from assistant.modes.models import Mode
from assistant.modes.prepare.models import SessionPlan
from assistant.modes.reflect.models import ReflectionSet
from assistant.schema import Answer

Result = Answer | SessionPlan | FeedbackDraft | ReflectionSet | SessionLogged

# Which type a stored result of each mode is read back as.
RESULT_TYPES: dict[Mode, type[Result]] = {
    "ask": Answer,
    "prepare": SessionPlan,
    "feedback": FeedbackDraft,
    "reflect": ReflectionSet,
    "log": SessionLogged,
}
