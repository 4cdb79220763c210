"""Handlers of the coaching commands: prepare, feedback, reflect, chat, tandem profiles."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime

from assistant.errors import InputError
from assistant.modes.generation import Outcome
from assistant.modes.results import Result
from assistant.render.markdown import to_markdown
from assistant.settings import Settings
from assistant.store import TandemProfile


def _emit(result: Result, as_json: bool, extra: dict[str, object] | None = None) -> None:
    if as_json:
        payload = json.loads(result.model_dump_json())
        payload.update(extra or {})
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        print(to_markdown(result))


def _outcome(outcome: Outcome | None) -> dict[str, object]:
    if outcome is None:
        return {}
    return {
        "checks": {
            "first_try_ok": outcome.first_try_ok,
            "repaired": outcome.repaired,
            "errors": outcome.errors,
        }
    }


def cmd_prepare(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.container import build
    from assistant.render.export import plan_to_ics, plan_to_markdown

    services = build(settings)
    profile = services.store.tandem(args.tandem) if args.tandem else None
    start = None
    if args.ics:
        if not args.date:
            raise InputError("--ics needs --date, e.g. --date 2026-12-03T10:00")
        try:
            start = datetime.fromisoformat(args.date)
        except ValueError as exc:
            raise InputError(
                f"--date must be an ISO date and time like 2026-12-03T10:00, not '{args.date}'"
            ) from exc
    plan, outcome = services.prepare.plan(
        args.topic, args.minutes, args.session, args.of, args.senior, args.lang, profile
    )
    if args.md:
        args.md.write_text(plan_to_markdown(plan), encoding="utf-8")
        print(f"wrote {args.md}")
    elif args.ics and start is not None:
        args.ics.write_bytes(plan_to_ics(plan, start))
        print(f"wrote {args.ics}")
    else:
        _emit(plan, args.json, _outcome(outcome))
    return 0


def cmd_feedback(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.container import build

    draft, outcome = build(settings).feedback.coach(args.remark, args.context, args.lang)
    _emit(draft, args.json, _outcome(outcome))
    return 0


def cmd_reflect(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.container import build

    result, outcome = build(settings).reflect.reflect(args.context, args.kind, args.lang)
    _emit(result, args.json, _outcome(outcome))
    return 0


def cmd_chat(args: argparse.Namespace, settings: Settings) -> int:
    """One turn, recorded: a new conversation, or the next turn of --conversation."""
    from assistant.container import build
    from assistant.conversation.dispatch import respond
    from assistant.conversation.record import Thread

    thread = Thread(args.user, args.conversation, args.tandem)
    turn = respond(build(settings), args.message, args.mode, args.lang, thread)
    if args.json:
        payload = {
            "conversation": turn.conversation,
            "turn": turn.ref,
            "tandem": turn.tandem,
            "mode": turn.route.mode,
            "route": turn.route.model_dump(),
            "parameters": turn.parameters,
            "result": json.loads(turn.result.model_dump_json()),
            **_outcome(turn.outcome),
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        print(f"[{turn.route.mode} · {turn.route.reason}; wrong? add --mode]", file=sys.stderr)
        print(to_markdown(turn.result))
        linked = f" (linked to tandem {turn.tandem})" if turn.tandem else ""
        print(
            f"[turn {turn.ref}{linked}: continue with --conversation {turn.conversation}, "
            f"rate with `tandem rate {turn.ref} up|down`]",
            file=sys.stderr,
        )
    return 0


def cmd_tandem_add(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.container import build

    profile = TandemProfile(
        name=args.name,
        junior=args.junior,
        senior=args.senior,
        goals=args.goal,
        topics=args.topic,
        sessions_planned=args.sessions,
        lang=args.lang,
    )
    build(settings).store.add_tandem(profile)
    print(f"tandem '{args.name}' created: {args.sessions} sessions planned")
    return 0


def cmd_tandem_log(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.container import build

    profile = build(settings).store.log_session(args.name, args.topic, args.summary, args.number, args.date)
    print(f"logged; next session is {profile.next_session} of {profile.sessions_planned}")
    return 0


def cmd_tandem_show(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.container import build

    profile = build(settings).store.tandem(args.name)
    if args.json:
        print(profile.model_dump_json(indent=2))
        return 0
    print(
        f"{profile.name}: {profile.junior or '?'} → {profile.senior or '?'} ({profile.lang}), "
        f"{len(profile.sessions)} of {profile.sessions_planned} sessions held"
    )
    for goal in profile.goals:
        print(f"  goal: {goal}")
    for s in profile.sessions:
        print(f"  {s.number}. {s.held_on} {s.topic}: {s.summary}")
    return 0
