"""Markdown for every mode's result: the CLI prints it, the UI shows it, exports reuse it."""

from __future__ import annotations

from assistant.modes.feedback.models import FeedbackDraft
from assistant.modes.log.models import SessionLogged
from assistant.modes.prepare.models import SessionPlan
from assistant.modes.reflect.models import ReflectionSet
from assistant.modes.results import Result
from assistant.render.export import plan_to_markdown
from assistant.schema import Answer, Source
from assistant.text.language import Lang, pick


def as_text(text: str) -> str:
    """Content for a Markdown view that renders HTML (the web UI): `&` and `<` escaped, so no tag in it runs.

    Markdown itself (emphasis, lists, tables, quotes) still renders; a `<b>` in the content shows as text.

    >>> as_text('<img src=x onerror="alert(1)"> & **bold**')
    '&lt;img src=x onerror="alert(1)"> &amp; **bold**'
    """
    return text.replace("&", "&amp;").replace("<", "&lt;")


def sources_markdown(sources: list[Source], lang: Lang, html: bool = False) -> str:
    """Numbered sources with title, section and snippet; `html` folds them into a <details> block.

    With `html` the sources' own text is escaped (`as_text`): only the block's tags are HTML.
    """
    if not sources:
        return ""
    heading = pick(lang, "Quellen", "Sources")
    text = as_text if html else str
    lines = [
        f"{s.n}. *{text(s.title)}{' › ' + text(s.section) if s.section else ''}* · `{s.source}`  \n"
        f"   {text(s.snippet)}"
        for s in sources
    ]
    if html:
        return (
            f"\n\n<details open><summary><b>{heading}</b> ({len(sources)})</summary>\n\n"
            + "\n".join(lines)
            + "\n\n</details>"
        )
    return f"\n\n**{heading}**\n\n" + "\n".join(lines)


def feedback_markdown(draft: FeedbackDraft) -> str:
    lang = draft.language
    lines = [f"**{pick(lang, 'Ihre Formulierung', 'Your wording')}:** {draft.remark}", ""]
    if draft.flags:
        lines.append(f"**{pick(lang, 'Was wertend wirkt', 'What sounds judgemental')}**")
        lines += [f"- „{f.text}“ ({f.kind}): {f.why}" for f in draft.flags]
    else:
        lines.append(pick(lang, "Keine wertenden Formulierungen gefunden.", "No judgemental wording found."))
    sbi = draft.sbi
    lines += [
        "",
        f"**SBI** · {pick(lang, 'Situation', 'Situation')}: {sbi.situation}  ",
        f"{pick(lang, 'Verhalten', 'Behaviour')}: {sbi.behaviour}  ",
        f"{pick(lang, 'Wirkung', 'Impact')}: {sbi.impact}  ",
        f"{pick(lang, 'Bitte', 'Request')}: {sbi.request}",
        "",
        f"**{pick(lang, 'Ich-Botschaft', 'I-message')}:** {draft.i_message}",
        "",
        f"**Feedforward:** {draft.feedforward}",
    ]
    if draft.receiving_tips:
        lines += ["", f"**{pick(lang, 'Für die Person, die es hört', 'For the person receiving it')}**"]
        lines += [f"- {tip}" for tip in draft.receiving_tips]
    return "\n".join(lines)


def reflection_markdown(result: ReflectionSet) -> str:
    lines = [result.intro, ""]
    lines += [f"- **{item.label}:** {item.question}" for item in result.items]
    return "\n".join(lines)


def to_markdown(result: Result, html_sources: bool = False, show_note: bool = True) -> str:
    """Any mode's result as Markdown, sources and (optionally) the offline note included.

    `html_sources` is for a view that renders HTML (the web UI): the sources fold into a <details> block and
    every piece of content is escaped (`as_text`), so a message, a passage or a model's answer never runs as HTML.
    """
    if isinstance(result, Answer):
        body = result.answer
    elif isinstance(result, SessionPlan):
        body = plan_to_markdown(result.model_copy(update={"sources": []})).rstrip()
    elif isinstance(result, FeedbackDraft):
        body = feedback_markdown(result)
    elif isinstance(result, SessionLogged):
        body = result.message
    else:
        body = reflection_markdown(result)
    text = as_text if html_sources else str
    markdown = text(body) + sources_markdown(result.sources, result.language, html_sources)
    if show_note and result.note:
        markdown += f"\n\n_{text(result.note)}_"
    return markdown
