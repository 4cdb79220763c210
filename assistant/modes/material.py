"""How retrieved passages are shown to a language model: fenced, numbered, labelled as material."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.schema import Hit


def format_docs(hits: Sequence[Hit]) -> str:
    """Number the passages and fence each one, so the model cites [n] and never obeys the material.

    >>> hit = Hit(id="x", source="f.md", title="Feedback", section="SBI", lang="en", score=1.0,
    ...           text="Describe the situation.")
    >>> print(format_docs([hit]))
    <material n="1" title="Feedback" section="SBI" lang="en">
    Describe the situation.
    </material>
    """
    blocks = []
    for n, hit in enumerate(hits, start=1):
        title = hit.title.replace('"', "'")
        section = hit.section.replace('"', "'")
        body = hit.text.replace("</material>", "</ material>")  # a passage cannot close its own fence
        blocks.append(
            f'<material n="{n}" title="{title}" section="{section}" lang="{hit.lang}">\n{body}\n</material>'
        )
    return "\n\n".join(blocks)
