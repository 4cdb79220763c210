"""Every mode's result type in one union, for the edges (CLI, UI, store) that handle any of them."""

from __future__ import annotations

from assistant.modes.feedback.models import FeedbackDraft
from assistant.modes.prepare.models import SessionPlan
from assistant.modes.reflect.models import ReflectionSet
from assistant.schema import Answer

Result = Answer | SessionPlan | FeedbackDraft | ReflectionSet
