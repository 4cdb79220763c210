"""The `tandem` command line: one parser, handlers in `core` (material) and `modes` (coaching)."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from assistant import __version__
from assistant.cli import core, history, modes, roleplay, users
from assistant.errors import InputError, TandemError
from assistant.evaluation.suite import SUITES
from assistant.settings import Settings, load_settings
from assistant.store.conversations import DEFAULT_USER

Handler = Callable[[argparse.Namespace, Settings], int]
# The services name the field of bad input; the command line names the flag that sets it.
FLAGS = {
    "topic": "--topic",
    "minutes": "--minutes",
    "session": "--session and --of",
    "senior": "--senior",
    "context": "--context",
    "kind": "--kind",
    "date": "--date",
    "user": "--user",
    "comment": "--comment",
    "tandem": "--tandem",
    # role-play practice (tandem roleplay)
    "scenario": "--scenario",
    "trainee": "--trainee",
    "script": "--script",
}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit code."""
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    try:
        settings = load_settings()
        handler: Handler = args.handler
        return handler(args, settings)
    except TandemError as exc:
        hint = f" ({FLAGS[exc.field]})" if isinstance(exc, InputError) and exc.field in FLAGS else ""
        print(f"tandem: {exc}{hint}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tandem", description="Coaching assistant for reverse-mentoring programmes."
    )
    parser.add_argument("--version", action="version", version=f"tandem {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what happens")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _core_commands(sub)
    _mode_commands(sub)
    _history_commands(sub)
    _users_commands(sub)
    # --- role-play practice: `tandem roleplay` (handlers and options in cli/roleplay.py) ---
    roleplay.add_parser(sub, DEFAULT_USER)
    return parser


def _lang(p: argparse.ArgumentParser, help_text: str = "answer language (default: detected)") -> None:
    p.add_argument("--lang", choices=["de", "en"], default=None, help=help_text)


def _core_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("ingest", help="index files or folders (default: the knowledge dir)")
    p.add_argument("paths", nargs="*", type=Path, help="files or folders; default TANDEM_KNOWLEDGE_DIR")
    p.add_argument("--rebuild", action="store_true", help="drop the index and re-ingest everything it held")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(handler=core.cmd_ingest)

    p = sub.add_parser("search", help="hybrid search over the indexed material")
    p.add_argument("query")
    p.add_argument("-k", type=int, default=None, help="number of hits (default TANDEM_TOP_K)")
    _lang(p, "only passages in this language")
    p.add_argument("--audience", choices=["junior", "senior", "trainer", "all"], default=None)
    p.add_argument("--topic", default=None, help="only passages with this topic")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=core.cmd_search)

    p = sub.add_parser("ask", help="a grounded answer with citations")
    p.add_argument("question")
    _lang(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=core.cmd_ask)

    p = sub.add_parser("eval", help="run an evaluation suite on its dev and test splits")
    p.add_argument("suite", choices=list(SUITES), help="what to evaluate")
    p.add_argument(
        "--dataset",
        type=Path,
        default=None,
        help="JSONL dataset (default: the suite's file in evals/datasets/)",
    )
    p.add_argument(
        "--split",
        choices=["dev", "test", "all"],
        default="all",
        help="which split of the dataset (all: dev and test side by side, with the gap)",
    )
    p.add_argument("--mode", choices=["hybrid", "dense", "keyword"], default="hybrid", help="retrieval mode")
    p.add_argument(
        "--only", choices=["prepare", "feedback", "reflect", "chat"], default=None, help="modes: one mode"
    )
    p.add_argument("--limit", type=int, default=None, help="modes: at most N cases per mode (quick LLM runs)")
    p.add_argument("--json", action="store_true", help="print the full report as JSON")
    p.set_defaults(handler=core.cmd_eval)

    p = sub.add_parser("config", help="print the effective settings, secrets masked")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=core.cmd_config)

    p = sub.add_parser("serve", help="serve the web UI")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=7860)
    p.set_defaults(handler=core.cmd_serve)


def _mode_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("prepare", help="plan a session (juniors)")
    p.add_argument("--topic", required=True)
    p.add_argument(
        "--minutes", type=int, default=None, help="session length, 10-240 (default: the programme's standard)"
    )
    p.add_argument(
        "--session", type=int, default=None, help="session number (default 1, or the tandem's next)"
    )
    p.add_argument("--of", type=int, default=None, help="sessions in total (default 6, or the tandem's plan)")
    p.add_argument("--senior", default="", help="who the senior is, e.g. 'Head of Finance, new to AI tools'")
    p.add_argument("--tandem", default=None, help="build on a stored tandem profile (see `tandem tandem`)")
    _lang(p)
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true")
    out.add_argument("--md", type=Path, default=None, metavar="FILE", help="write the plan as Markdown")
    out.add_argument(
        "--ics", type=Path, default=None, metavar="FILE", help="write an iCalendar event (needs --date)"
    )
    p.add_argument("--date", default=None, help="start of the session for --ics, e.g. 2026-12-03T10:00")
    p.set_defaults(handler=modes.cmd_prepare)

    p = sub.add_parser("feedback", help="check a remark and rewrite it as SBI, I-message and feedforward")
    p.add_argument("remark")
    p.add_argument("--context", default="", help="where and when it happened")
    _lang(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=modes.cmd_feedback)

    p = sub.add_parser(
        "reflect", help="reflection prompts, questions for the mentor, or open questions (seniors)"
    )
    p.add_argument("context")
    p.add_argument("--kind", choices=["after-session", "questions", "open-up"], default="after-session")
    _lang(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=modes.cmd_reflect)

    p = sub.add_parser("chat", help="a free message: Tandem picks the mode (override with --mode)")
    p.add_argument("message")
    p.add_argument("--mode", choices=["ask", "prepare", "feedback", "reflect", "log"], default=None)
    p.add_argument(
        "--conversation", default=None, metavar="ID", help="continue this conversation (default: start one)"
    )
    p.add_argument(
        "--tandem",
        default=None,
        metavar="NAME",
        help="link the conversation to this tandem profile: plans continue its sessions, 'log this session' "
        "records one (a continued conversation keeps its link)",
    )
    _user(p)
    _lang(p)
    p.add_argument("--json", action="store_true", help="the result as JSON, with the conversation id")
    p.set_defaults(handler=modes.cmd_chat)

    p = sub.add_parser("tandem", help="tandem profiles: add, log a session, show")
    tsub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    a = tsub.add_parser("add", help="create a tandem profile")
    a.add_argument("name")
    a.add_argument("--junior", default="", help="name or role of the junior mentor")
    a.add_argument("--senior", default="", help="name or role of the senior mentee")
    a.add_argument("--goal", action="append", default=[], help="a goal (repeatable)")
    a.add_argument("--topic", action="append", default=[], help="a topic (repeatable)")
    a.add_argument("--sessions", type=int, default=6, help="sessions planned")
    a.add_argument("--lang", choices=["de", "en"], default="de")
    a.set_defaults(handler=modes.cmd_tandem_add)
    a = tsub.add_parser("log", help="record a session held, with a one-line summary")
    a.add_argument("name")
    a.add_argument("--topic", required=True)
    a.add_argument("--summary", required=True)
    a.add_argument("--number", type=int, default=None)
    a.add_argument("--date", default=None, help="when it was held, e.g. 2026-11-20 (default today)")
    a.set_defaults(handler=modes.cmd_tandem_log)
    a = tsub.add_parser("show", help="print a tandem profile")
    a.add_argument("name")
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=modes.cmd_tandem_show)


def _user(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--user", default=DEFAULT_USER, help=f"whose conversations (default: the local user '{DEFAULT_USER}')"
    )


def _history_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("history", help="stored conversations: list, show, rename, delete, export")
    hsub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    a = hsub.add_parser("list", help="your conversations, the latest first")
    _user(a)
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=history.cmd_list)
    a = hsub.add_parser("show", help="a conversation with its turns")
    a.add_argument("id", metavar="ID")
    _user(a)
    out = a.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true")
    out.add_argument("--md", type=Path, default=None, metavar="FILE", help="write it as Markdown")
    a.set_defaults(handler=history.cmd_show)
    a = hsub.add_parser("rename", help="give a conversation a new title")
    a.add_argument("id", metavar="ID")
    a.add_argument("title", metavar="TITLE")
    _user(a)
    a.set_defaults(handler=history.cmd_rename)
    a = hsub.add_parser("delete", help="delete a conversation, its turns and their ratings")
    a.add_argument("id", metavar="ID")
    _user(a)
    a.set_defaults(handler=history.cmd_delete)
    a = hsub.add_parser("export", help="everything stored about a user, as JSON")
    a.add_argument("--user", required=True, help="whose data")
    a.set_defaults(handler=history.cmd_export)

    p = sub.add_parser("rate", help="thumbs up or down on a turn (ID/N, as `tandem history show` prints it)")
    p.add_argument("turn", metavar="TURN")
    p.add_argument("rating", metavar="up|down")
    p.add_argument("--comment", default="", help="what was good or wrong")
    _user(p)
    p.set_defaults(handler=history.cmd_rate)

    p = sub.add_parser("ratings", help="ratings for the evals")
    rsub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    a = rsub.add_parser("export", help="every rating with its turn, prompt version and backend")
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=history.cmd_ratings_export)


def _users_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from assistant.auth import ROLES

    p = sub.add_parser("users", help="who may sign in to the web UI (the file TANDEM_AUTH_FILE names)")
    usub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    password = "the password is asked for twice on a terminal, or read as the first line of stdin"
    a = usub.add_parser("add", help="add a user with a role", description=f"Add a user; {password}.")
    a.add_argument("name", metavar="NAME")
    a.add_argument("--role", required=True, choices=ROLES, help="what the user does in the programme")
    a.set_defaults(handler=users.cmd_add)
    a = usub.add_parser("passwd", help="set a new password", description=f"Set a new password; {password}.")
    a.add_argument("name", metavar="NAME")
    a.set_defaults(handler=users.cmd_passwd)
    a = usub.add_parser("remove", help="remove a user (their conversations stay stored)")
    a.add_argument("name", metavar="NAME")
    a.set_defaults(handler=users.cmd_remove)
    a = usub.add_parser("list", help="names, roles and when they were added (never the hashes)")
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=users.cmd_list)
