"""A conversation linked to a tandem profile: which profile a turn builds on, plans that continue the tandem's
session log, and sessions recorded in it ("log this session").

The dispatcher asks `linked_tandem` before a turn runs (an unknown `--tandem` stops the turn there) and hands
prepare and log turns to `run_linked`; every other turn runs as in any conversation. The conversation store keeps
the link (`ConversationStore.record(..., tandem=)`); the profile and its session log live in `store/profiles.py`,
and the plan is built by prepare's own profile path (`PrepareService.plan(..., profile=)`).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from assistant.conversation.parameters import names_topic, prepare_parameters
from assistant.conversation.record import Thread
from assistant.errors import InputError
from assistant.modes.generation import Outcome
from assistant.modes.log import compose
from assistant.modes.log.models import TopicSource
from assistant.modes.results import Result
from assistant.store import ProfileStore, TandemProfile
from assistant.text.language import Lang, pick
from assistant.text.topics import find_terms

if TYPE_CHECKING:
    from assistant.container import Services

Run = tuple[
    Result, Outcome | None, dict[str, Any]
]  # the result, how the model did (None: no model), parameters
MAX_SUMMARY = 300  # the profile's limit for a session's one-line summary

# "Thema LinkedIn, …" / "topic: LinkedIn; …" at the start of what follows the colon
_THEME = re.compile(r"^(?:thema|topic)\s*:?\s*([^,;.–]+)[,;.–]?\s*", re.IGNORECASE)
# what happened, when the message has no colon: "… that we covered X", "…, wir haben X geübt"
_THAT = re.compile(r"\b(?:that|dass)\s+((?:we|wir)\b.+)", re.IGNORECASE)
_CLAUSE = re.compile(r"[,;–—]\s*((?:we|wir|today|heute)\b.+)", re.IGNORECASE)
# what a topic read from "log this session on X …" must not keep: where it goes, the verb's particle, "please"
_LOG_TAIL = re.compile(
    r"(?:\s+(?:ins|in das|in den|in unser\w*|in the|into the|to the|to our|in our)\s+\w+)?"
    r"(?:\s+(?:ein|fest|auf|eintragen|festhalten|notieren|protokollieren|dokumentieren|aufschreiben|bitte|"
    r"please))*\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class TandemLink:
    """The tandem profile a turn builds on, the user, and the conversation (None: the turn starts one)."""

    profile: TandemProfile
    user: str
    conversation: str | None


@dataclass(frozen=True)
class SessionNote:
    """What a "log this session" message says: topic, summary and session number, "" or None where it says none."""

    topic: str
    summary: str
    session: int | None


def require_profile(store: ProfileStore, name: str) -> TandemProfile:
    """The named tandem profile; an unknown name says how to create one, and which exist."""
    name = (name or "").strip()
    if not name:
        raise InputError("--tandem needs the name of a tandem profile, e.g. --tandem tandem-a.", "tandem")
    known = store.names()
    if name not in known:
        listed = f" Known profiles: {', '.join(known)}." if known else ""
        raise InputError(
            f"No tandem profile named '{name}'. Create it with "
            f"`tandem tandem add {name} --senior ROLE --goal GOAL --sessions N`.{listed}",
            "tandem",
        )
    return store.tandem(name)


def linked_tandem(
    services: Services, thread: Thread | None, continued: str | None = None
) -> TandemLink | None:
    """The profile a turn builds on: the one named with `--tandem` (it must exist), else `continued`, the one the
    continued conversation is linked to (the dispatcher has already read the conversation), else none."""
    if thread is None:
        return None
    name = thread.tandem if thread.tandem is not None else continued
    if name is None:
        return None
    return TandemLink(require_profile(services.store, name), thread.user, thread.conversation)


def run_linked(
    services: Services, mode: str, message: str, language: Lang, link: TandemLink | None
) -> Run | None:
    """A log turn (with or without a tandem), or a plan on the linked tandem; None: the mode runs as usual."""
    if mode == "log":
        return log_session(services, message, language, link)
    if mode == "prepare" and link is not None:
        return plan_next(services, message, language, link.profile)
    return None


# -- planning on the profile -----------------------------------------------------------------------------------


def plan_next(services: Services, message: str, language: Lang, profile: TandemProfile) -> Run:
    """A plan that continues the tandem: session n of k, the senior, earlier sessions as history (prepare's profile
    path), on the topic the message names, else on the one `next_topic` picks."""
    ask = prepare_parameters(message)
    topic, source = (ask.topic, "message") if names_topic(message) else next_topic(profile, language)
    if ask.session is None and not ask.last and profile.next_session > profile.sessions_planned:
        raise InputError(_all_held(profile))
    plan, outcome = services.prepare.plan(
        topic, ask.minutes, ask.session, ask.of, lang=language, profile=profile, last=ask.last
    )
    parameters = {**asdict(ask), "topic": topic, "topic_from": source, "tandem": profile.name}
    return plan, outcome, {**parameters, "language": language}


def next_topic(profile: TandemProfile, lang: Lang) -> tuple[str, str]:
    """What the next session is about when the request names nothing, and why: the first of the tandem's topics no
    session has had yet, else the goal the earlier sessions worked on least, else last time's topic continued,
    else getting started."""
    held = {_key(s.topic) for s in profile.sessions}
    for topic in profile.topics:
        if _key(topic) not in held:
            return topic, "tandem topics"
    if profile.goals:
        done = _words(" ".join(f"{s.topic} {s.summary}" for s in profile.sessions))
        return min(profile.goals, key=lambda goal: len(_words(goal) & done)), "tandem goals"
    if profile.sessions:
        return max(profile.sessions, key=lambda s: s.number).topic, "last session"
    return pick(
        lang, "Kennenlernen und Lernvereinbarung", "Getting started and the learning agreement"
    ), "start"


def _all_held(profile: TandemProfile) -> str:
    return (
        f"Tandem '{profile.name}' has logged all {profile.sessions_planned} planned sessions; name the session "
        f"you mean, e.g. “plan session {profile.sessions_planned}” or “log session {profile.sessions_planned}: …”."
    )


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[\w-]+", text.casefold()) if len(w) > 3}


# -- recording a session ---------------------------------------------------------------------------------------


def read_note(message: str) -> SessionNote:
    """Topic, summary and session number from a request to log a session.

    >>> read_note("log this session: we tried prompts for e-mails")
    SessionNote(topic='', summary='we tried prompts for e-mails', session=None)
    >>> read_note("Trag Sitzung 2 zu LinkedIn ein, wir haben ihr Profil überarbeitet")
    SessionNote(topic='LinkedIn', summary='wir haben ihr Profil überarbeitet', session=2)
    >>> read_note("notiere: Thema Teams-Kanäle, wir haben zwei Kanäle angelegt")
    SessionNote(topic='Teams-Kanäle', summary='wir haben zwei Kanäle angelegt', session=None)
    """
    head, _, body = message.partition(":")
    body = " ".join(body.split())
    topic = ""
    theme = _THEME.match(body)
    if theme:
        topic, body = theme.group(1).strip(), body[theme.end() :]
    summary = body
    clause = None if summary else (_THAT.search(head) or _CLAUSE.search(head))
    if clause:
        summary = clause.group(1)
        head = head[: clause.start()]
    if not topic and names_topic(head):
        topic = _LOG_TAIL.sub("", prepare_parameters(head).topic).strip()
    return SessionNote(topic[:120], _one_line(summary), prepare_parameters(head).session)


def log_session(services: Services, message: str, language: Lang, link: TandemLink | None) -> Run:
    """Record the session in the linked profile (topic from the message, else this conversation's latest plan, else
    what the summary names; today's date) and confirm it with what comes next; without a tandem, say how to link."""
    if link is None:
        return compose.not_linked(language), None, {"tandem": None, "language": language}
    profile = link.profile
    note = read_note(message)
    plan = _latest_plan(services, link)
    held = {s.number for s in profile.sessions}
    planned = plan.get("session_number") if plan else None
    if note.session is not None:
        number = note.session
    elif isinstance(planned, int) and planned not in held and planned <= profile.sessions_planned:
        number = planned
    else:
        number = profile.next_session
    if number > profile.sessions_planned:
        raise InputError(_all_held(profile))
    topic, source = _topic(note, plan, language)
    if not topic:
        raise InputError(
            f"Which topic did session {number} cover? Name it, e.g. “log this session on LinkedIn: we set up her "
            "profile” or “Trag die Sitzung zu LinkedIn ein: wir haben ihr Profil angelegt”.",
            "message",
        )
    twin = next((s for s in profile.sessions if note.summary and _key(s.summary) == _key(note.summary)), None)
    if twin is not None and note.session is None:
        raise InputError(
            f"Session {twin.number} of tandem '{profile.name}' is already logged with this summary. To log another "
            f"session, say what it covered; to change session {twin.number}, “log session {twin.number}: …”.",
            "message",
        )
    summary = note.summary or pick(
        language, "gehalten; keine Zusammenfassung notiert", "held; no summary noted"
    )
    updated = services.store.log_session(profile.name, topic, summary, number)
    following = updated.next_session if updated.next_session <= updated.sessions_planned else None
    upcoming = next_topic(updated, language)[0] if following is not None else ""
    held_on = next(s.held_on for s in updated.sessions if s.number == number)
    result = compose.confirmation(
        language,
        profile.name,
        number,
        updated.sessions_planned,
        topic,
        source,
        summary,
        bool(note.summary),
        held_on,
        following,
        upcoming,
    )
    parameters = {
        "tandem": profile.name,
        "session": number,
        "topic": topic,
        "topic_from": source,
        "summary": summary,
        "language": language,
    }
    return result, None, parameters


def _latest_plan(services: Services, link: TandemLink) -> dict[str, Any] | None:
    """The result of this conversation's latest plan since its latest log turn, if any."""
    if link.conversation is None:
        return None
    for turn in reversed(services.conversations.get(link.user, link.conversation).history):
        if turn.mode == "log":
            return None
        if turn.mode == "prepare":
            return turn.result
    return None


def _topic(note: SessionNote, plan: dict[str, Any] | None, lang: Lang) -> tuple[str, TopicSource]:
    if note.topic:
        return note.topic, "message"
    if plan and str(plan.get("topic", "")).strip():
        return str(plan["topic"]).strip(), "plan"
    names: list[str] = []
    for _, term in find_terms(note.summary):
        name = pick(lang, term.de, term.en) or term.en or term.de
        if name and not term.generic and name not in names:
            names.append(name)
    return (pick(lang, " und ", " and ").join(names[:2]), "summary") if names else ("", "")


def _one_line(text: str) -> str:
    """The summary as the profile keeps it: one line of at most 300 characters, cut at a word."""
    line = " ".join(text.split()).strip(" .")
    if len(line) <= MAX_SUMMARY:
        return line
    return line[: MAX_SUMMARY - 1].rsplit(" ", 1)[0] + "…"
