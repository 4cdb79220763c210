"""Handlers of the core commands: ingest, search, ask, eval, config, serve."""

from __future__ import annotations

import argparse
import json
import sys

from assistant.errors import InputError
from assistant.rag.retrieve import Filters
from assistant.settings import Settings
from assistant.text.language import Lang


def _progress(done: int, total: int) -> None:
    width = 30
    filled = int(width * done / max(total, 1))
    print(
        f"\rembedding [{'#' * filled}{'.' * (width - filled)}] {done}/{total} chunks", end="", file=sys.stderr
    )
    if done >= total:
        print(file=sys.stderr)


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.container import build

    services = build(settings)
    show_progress = sys.stderr.isatty() and not args.json
    report = services.ingest(
        args.paths or None, rebuild=args.rebuild, progress=_progress if show_progress else None
    )
    if args.json:
        print(report.model_dump_json(indent=2))
    else:
        print(
            f"added {report.added}, updated {report.updated}, removed {report.removed}, "
            f"unchanged {report.unchanged}; {report.chunks} chunks in the index"
        )
        for issue in report.errors:
            print(f"skipped {issue.path}: {issue.error}", file=sys.stderr)
    return 1 if report.errors and not (report.added or report.updated or report.unchanged) else 0


def cmd_search(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.container import build

    query = (args.query or "").strip()
    if not query:
        raise InputError("The search query is empty: give some words to search for.")
    k = settings.top_k if args.k is None else args.k
    if not 1 <= k <= 100:
        raise InputError(f"-k must be between 1 and 100, not {k}.")
    hits = build(settings).retriever.search(query, k, Filters(args.lang, args.audience, args.topic))
    if args.json:
        print(
            json.dumps(
                [
                    h.model_dump(
                        include={
                            "id",
                            "source",
                            "title",
                            "section",
                            "lang",
                            "score",
                            "text",
                            "doc_id",
                            "similarity",
                        }
                    )
                    for h in hits
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    if not hits:
        print("No passages found. Run `tandem ingest` first, or loosen the filters.")
    for n, hit in enumerate(hits, start=1):
        where = f"{hit.title} › {hit.section}" if hit.section else hit.title
        snippet = " ".join(hit.text.split())[:200]
        print(f"{n}. [{hit.lang}] {where}  ({hit.source}, score {hit.score:.4f})\n   {snippet}")
    return 0


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.container import build

    service = build(settings).ask
    lang: Lang | None = args.lang
    if args.json:
        print(service.answer(args.question, lang).model_dump_json(indent=2))
        return 0
    answer = None
    for event in service.stream(args.question, lang):
        if event.delta and settings.llm_enabled:
            print(event.delta, end="", flush=True)
        if event.answer is not None:
            answer = event.answer
    assert answer is not None
    if answer.backend == "offline" or not settings.llm_enabled:
        if answer.note:
            print(f"({answer.note})\n", file=sys.stderr)
        print(answer.answer)
    else:
        print()
    if answer.sources:
        print("\nSources:" if answer.language == "en" else "\nQuellen:")
        for s in answer.sources:
            where = f"{s.title} › {s.section}" if s.section else s.title
            print(f"[{s.n}] {where} ({s.source})")
    return 0


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    """One suite on its dev and test splits (or one of them); the JSON report is kept in <data dir>/reports."""
    from assistant.container import build
    from assistant.evaluation.suite import format_eval, load_suite, run_suite

    suite = load_suite(args.suite)
    services = build(settings) if suite.needs_index else None
    report = run_suite(suite, args.split, services, args, args.dataset)
    out = settings.data_dir / "reports"
    out.mkdir(parents=True, exist_ok=True)
    (out / f"eval-{suite.name}.json").write_text(report.model_dump_json(indent=2), encoding="utf-8")
    print(report.model_dump_json(indent=2) if args.json else format_eval(report))
    return 0


def cmd_config(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.llm import describe_backend

    rows = settings.describe()
    if args.json:
        print(json.dumps({name: value for name, value, _ in rows}, indent=2))
        return 0
    width = max(len(name) for name, _, _ in rows)
    for name, value, description in rows:
        print(f"{name:<{width}}  {value or '(empty)'}\n{'':<{width}}  {description}")
    print(f"\nLLM: {describe_backend(settings)}")
    return 0


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.container import build
    from assistant.ui.app import serve

    serve(build(settings), host=args.host, port=args.port)
    return 0
