"""Handlers of the stored-conversation commands: history list/show/rename/delete/export, rate, ratings."""

from __future__ import annotations

import argparse
import json
from collections import Counter

from assistant.settings import Settings
from assistant.store import ConversationStore


def _store(settings: Settings) -> ConversationStore:
    """The conversation store (the services are lazy: no index, embeddings or model are loaded)."""
    from assistant.container import build

    return build(settings).conversations


def cmd_list(args: argparse.Namespace, settings: Settings) -> int:
    conversations = _store(settings).summaries(args.user)
    if args.json:
        print(json.dumps([c.model_dump() for c in conversations], ensure_ascii=False, indent=2))
        return 0
    if not conversations:
        print(f"No conversations for '{args.user.strip()}' yet; `tandem chat \"...\"` starts one.")
    for c in conversations:
        turns = f"{c.turns} turn" + ("" if c.turns == 1 else "s")
        linked = f"  [tandem {c.tandem}]" if c.tandem else ""
        print(f"{c.id}  {c.updated}  {turns:<9} {c.mode:<8}  {c.title}{linked}")
    return 0


def cmd_show(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.render.conversation import conversation_markdown

    conversation = _store(settings).get(args.user, args.id)
    if args.json:
        print(conversation.model_dump_json(indent=2))
    elif args.md:
        args.md.write_text(conversation_markdown(conversation), encoding="utf-8")
        print(f"wrote {args.md}")
    else:
        print(conversation_markdown(conversation))
    return 0


def cmd_rename(args: argparse.Namespace, settings: Settings) -> int:
    info = _store(settings).rename(args.user, args.id, args.title)
    print(f"{info.id} is now '{info.title}'")
    return 0


def cmd_delete(args: argparse.Namespace, settings: Settings) -> int:
    _store(settings).delete(args.user, args.id)
    print(f"deleted {args.id} with its turns and ratings")
    return 0


def cmd_export(args: argparse.Namespace, settings: Settings) -> int:
    print(_store(settings).export(args.user).model_dump_json(indent=2))
    return 0


def cmd_rate(args: argparse.Namespace, settings: Settings) -> int:
    rating = _store(settings).rate(args.user, args.turn, args.rating.strip().lower(), args.comment)
    print(f"rated {rating.turn} {rating.value} ({rating.prompt_version}, {rating.backend})")
    return 0


def cmd_ratings_export(args: argparse.Namespace, settings: Settings) -> int:
    """Every rating with its turn; without --json, the counts per prompt version and backend first."""
    rated = _store(settings).ratings()
    if args.json:
        print(json.dumps([r.model_dump() for r in rated], ensure_ascii=False, indent=2))
        return 0
    if not rated:
        print("No ratings yet; `tandem rate ID/N up|down` rates a turn.")
        return 0
    counts = Counter((r.prompt_version, r.backend, r.value) for r in rated)
    for prompt, backend in sorted({(r.prompt_version, r.backend) for r in rated}):
        up, down = counts[(prompt, backend, "up")], counts[(prompt, backend, "down")]
        print(f"{prompt:<16} {backend:<8} up {up:>3}  down {down:>3}")
    print()
    for r in rated:
        comment = f": {r.comment}" if r.comment else ""
        print(f"{r.created}  {r.turn:<12} {r.value:<4} {r.mode:<8} {r.message[:60]}{comment}")
    return 0
