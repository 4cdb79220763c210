"""Exports of a session plan: Markdown to share, and an iCalendar event with the agenda."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from assistant.modes.prepare.models import SessionPlan
from assistant.text.language import pick


def plan_to_markdown(plan: SessionPlan) -> str:
    """The plan as a Markdown document."""
    lang = plan.language
    lines = [f"# {plan.title}", ""]
    if plan.senior:
        lines += [f"*{pick(lang, 'Mit', 'With')}: {plan.senior}*", ""]
    lines += [f"## {pick(lang, 'Ziele', 'Goals')}", *(f"- {g}" for g in plan.goals), ""]
    lines += [f"## {pick(lang, 'Ablauf', 'Agenda')} ({plan.minutes} min)", ""]
    start = 0
    for item in plan.agenda:
        lines.append(f"### {start:>3}–{start + item.minutes} min · {item.title}")
        lines.append(item.activity)
        lines += [f"- {q}" for q in item.guiding_questions]
        lines.append("")
        start += item.minutes
    if plan.exercise:
        lines += [f"## {plan.exercise.title} ({plan.exercise.minutes} min)"]
        lines += [f"{n}. {step}" for n, step in enumerate(plan.exercise.steps, start=1)] + [""]
    if plan.materials:
        lines += [f"## {pick(lang, 'Material', 'Materials')}", *(f"- {m}" for m in plan.materials), ""]
    if plan.next_time:
        lines += [
            f"## {pick(lang, 'Für das nächste Mal', 'For next time')}",
            *(f"- {n}" for n in plan.next_time),
            "",
        ]
    if plan.sources:
        lines += [f"## {pick(lang, 'Quellen', 'Sources')}"]
        lines += [
            f"[{s.n}] {s.title}{' › ' + s.section if s.section else ''} ({s.source})" for s in plan.sources
        ]
    return "\n".join(lines).rstrip() + "\n"


def plan_to_ics(plan: SessionPlan, start: datetime) -> bytes:
    """One VEVENT at `start`, as long as the session, with the agenda in the description."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//Tandem//reverse mentoring coach//EN")
    calendar.add("version", "2.0")
    event = Event()
    event.add("uid", f"{uuid.uuid4()}@tandem")
    event.add("summary", plan.title)
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=plan.minutes))
    event.add("dtstamp", datetime.now().astimezone())
    event.add("description", plan_to_markdown(plan))
    calendar.add_component(event)
    return bytes(calendar.to_ical())
