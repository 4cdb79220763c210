"""`tandem roleplay`: list the scenarios, practise one (on a terminal or from a script of trainee turns) with
a debrief, and report a trainee's progress over the stored sessions."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.errors import InputError
from assistant.settings import Settings
from assistant.store import CriterionScore

if TYPE_CHECKING:
    from assistant.container import Services
    from assistant.modes.roleplay.models import PracticeResult
    from assistant.modes.roleplay.service import RoleplayService, Session

_END = {"/end", "/ende", "/quit"}


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser], default_trainee: str) -> None:
    """Register `tandem roleplay` and its options."""
    p = sub.add_parser(
        "roleplay",
        help="practise a conversation: Tandem plays the other person, then debriefs you against a rubric",
    )
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--list", action="store_true", help="the scenarios you can practise")
    what.add_argument("--scenario", metavar="ID", default=None, help="practise this scenario")
    what.add_argument("--report", action="store_true", help="stored sessions and scores over time")
    p.add_argument(
        "--lang", choices=["de", "en"], default="de", help="language of the role-play (default de)"
    )
    p.add_argument(
        "--trainee", default=None, help=f"who practises (default '{default_trainee}'; for --report: everyone)"
    )
    p.add_argument(
        "--script",
        type=Path,
        default=None,
        metavar="TURNS.jsonl",
        help='the trainee\'s turns, one {"text": "..."} per line (default: interactive on a terminal)',
    )
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument("--md", type=Path, default=None, metavar="FILE", help="also write the session as Markdown")
    p.add_argument("--png", type=Path, default=None, metavar="FILE", help="--report: write a trend plot")
    p.set_defaults(handler=cmd_roleplay, default_trainee=default_trainee)


def _services(settings: Settings) -> Services:
    from assistant.container import build

    return build(settings)


def cmd_roleplay(args: argparse.Namespace, settings: Settings) -> int:
    """Dispatch on --list, --scenario or --report."""
    services = _services(settings)
    if args.list:
        return _list(services.roleplay, args.json)
    if args.report:
        return _report(services, args)
    return _practise(services, args)


def _list(service: RoleplayService, as_json: bool) -> int:
    entries = service.catalogue()
    if as_json:
        print(json.dumps(entries, ensure_ascii=False, indent=2))
        return 0
    for e in entries:
        titles: dict[str, str] = e["title"]  # type: ignore[assignment]
        title = titles.get("en") or next(iter(titles.values()))
        langs = ",".join(e["languages"])  # type: ignore[arg-type]
        print(f"{e['id']:<38} {langs:<6} {e['trainee_role']:<8} {e['difficulty']:<7} {title}")
    return 0


def read_script(path: Path) -> list[str]:
    """The trainee turns of a JSONL script; a bad line is named with what to fix."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(
            f"The script {path} cannot be read ({exc.strerror}); check the path.", "script"
        ) from None
    except UnicodeDecodeError:
        raise InputError(f"The script {path} is not UTF-8; save it as UTF-8.", "script") from None
    turns: list[str] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(
                f"The script {path}, line {number}, is not JSON ({exc.msg}); write one "
                '{"text": "..."} per line.',
                "script",
            ) from None
        if not isinstance(item, dict) or not isinstance(item.get("text"), str) or not item["text"].strip():
            raise InputError(
                f'The script {path}, line {number}, has no "text"; write one {{"text": "..."}} per line.',
                "script",
            )
        turns.append(item["text"])
    if not turns:
        raise InputError(f'The script {path} has no turns; write one {{"text": "..."}} per line.', "script")
    return turns


def _practise(services: Services, args: argparse.Namespace) -> int:
    service = services.roleplay
    trainee = args.trainee or args.default_trainee
    if args.script is not None:
        turns = read_script(args.script)
        session = service.start(args.scenario, args.lang, trainee)
        for text in turns:
            session.say(text)
    elif sys.stdin.isatty():
        session = service.start(args.scenario, args.lang, trainee)
        _interactive(session)
    else:
        raise InputError(
            "Give the trainee's turns with --script TURNS.jsonl, or run on a terminal.", "script"
        )
    result = service.finish(session)
    record = services.practice.save(
        result.trainee,
        result.scenario,
        result.lang,
        result.overall,
        [CriterionScore(criterion=c.id, name=c.name, score=c.score) for c in result.debrief.criteria],
        result.model_dump_json(),
    )
    _print_result(result, record.id, args)
    return 0


def _interactive(session: Session) -> None:
    """Play on a terminal: the persona's line, then the trainee's, until an empty line or /end."""
    hint = {"de": "(leere Zeile oder /ende beendet)", "en": "(an empty line or /end finishes)"}[session.lang]
    print(f"{session.scenario.title}\n{session.scenario.trainee_goal}\n{hint}\n")
    print(f"» {session.transcript[0].text}")
    while True:
        try:
            text = input("> ").strip()
        except EOFError:
            break
        if not text or text.lower() in _END:
            break
        print(f"» {session.say(text).text}")


def _print_result(result: PracticeResult, session_id: int, args: argparse.Namespace) -> None:
    from assistant.render.roleplay import practice_markdown

    if args.md:
        args.md.write_text(practice_markdown(result), encoding="utf-8")
    if args.json:
        data = {"session": session_id, **result.model_dump(mode="json"), "overall": result.overall}
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return
    print(practice_markdown(result))
    print(f"\nsession {session_id} stored for '{result.trainee}'" + (f"; wrote {args.md}" if args.md else ""))


def _report(services: Services, args: argparse.Namespace) -> int:
    sessions = services.practice.sessions(args.trainee)
    who = args.trainee.strip() if args.trainee else None
    criteria: dict[str, list[dict[str, object]]] = {}
    for record in sessions:
        for s in record.scores:
            criteria.setdefault(s.criterion, []).append(
                {
                    "session": record.id,
                    "created": record.created,
                    "scenario": record.scenario,
                    "score": s.score,
                }
            )
    if args.png:
        if not sessions:
            raise InputError("No practice sessions to plot yet; practise with --scenario first.", "trainee")
        from assistant.render.roleplay import trend_plot

        trend_plot(sessions, args.png, f"Tandem role-play: {who or 'all trainees'}")
    if args.json:
        report = {
            "trainee": who,
            "sessions": [r.model_dump() for r in sessions],
            "criteria": criteria,
            "overall": [{"session": r.id, "created": r.created, "overall": r.overall} for r in sessions],
        }
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 0
    if not sessions:
        print("No practice sessions yet; `tandem roleplay --scenario ID` starts one.")
    for r in sessions:
        scores = " ".join(f"{s.criterion}={s.score}" for s in r.scores)
        print(f"{r.id:>4}  {r.created}  {r.trainee:<12} {r.scenario:<36} {r.lang}  {r.overall:.1f}  {scores}")
    if args.png:
        print(f"wrote {args.png}")
    return 0
