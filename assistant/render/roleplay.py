"""Role-play output: a finished session as Markdown (transcript, measures, debrief with evidence and
citations) and the progress report's trend plot (PNG, matplotlib)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from assistant.modes.roleplay.models import PracticeResult

if TYPE_CHECKING:
    from assistant.store.practice import PracticeRecord

_WORDS = {
    "de": {
        "persona": "Gegenüber",
        "trainee": "Sie",
        "transcript": "Gesprächsverlauf",
        "measures": "Messwerte",
        "debrief": "Auswertung",
        "overall": "Gesamt",
        "strengths": "Stärken",
        "next": "Beim nächsten Mal ausprobieren",
        "talk": "Redeanteil",
        "ratio": "Anteil offener Fragen",
        "jargon": "Fachjargon",
        "summaries": "Zusammenfassungen und Spiegelungen",
        "checks": "Rückfragen",
        "feedback": "Feedback mit Situation, Ich-Botschaft und Wirkung",
        "concerns": "Verborgene Anliegen angesprochen",
        "evidence": "Belege",
        "source": "Grundlage",
        "anchors": "Stufen",
        "none": "keiner",
        "yes": "ja",
        "no": "nein",
        "state": "Offenheit",
        "guarded": "verschlossen",
        "neutral": "abwartend",
        "open": "offen",
    },
    "en": {
        "persona": "Persona",
        "trainee": "You",
        "transcript": "Transcript",
        "measures": "Measures",
        "debrief": "Debrief",
        "overall": "Overall",
        "strengths": "Strengths",
        "next": "Try next time",
        "talk": "Talk share",
        "ratio": "Open-question ratio",
        "jargon": "Jargon",
        "summaries": "Summaries and reflections",
        "checks": "Check-backs",
        "feedback": "Feedback with situation, I-statement and impact",
        "concerns": "Hidden concerns surfaced",
        "evidence": "Evidence",
        "source": "Rests on",
        "anchors": "Levels",
        "none": "none",
        "yes": "yes",
        "no": "no",
        "state": "openness",
        "guarded": "guarded",
        "neutral": "neutral",
        "open": "open",
    },
}


def practice_markdown(result: PracticeResult) -> str:
    """The whole session as Markdown: transcript with the persona's state, measures, debrief."""
    w = _WORDS[result.lang]
    lines = [f"# {result.title}", "", f"{result.trainee} · {result.scenario} · {result.lang}", ""]
    lines += [f"## {w['transcript']}", ""]
    for turn in result.transcript:
        who = w["persona"] if turn.speaker == "persona" else w["trainee"]
        state = f" _({w['state']} {turn.state.openness}/10, {w[turn.state.level]})_" if turn.state else ""
        lines.append(f"{turn.number}. **{who}:** {turn.text}" + (state if turn.speaker == "persona" else ""))
    m = result.measures
    ratio = f"{m.open_question_ratio:.0%}" if m.open_question_ratio is not None else "–"
    lines += [
        "",
        f"## {w['measures']}",
        "",
        f"- {w['talk']}: {m.talk_share:.0%}",
        f"- {w['ratio']}: {ratio} ({m.open_questions}/{m.questions})",
        f"- {w['jargon']}: {', '.join(m.jargon) or w['none']}",
        f"- {w['summaries']}: {m.summaries}; {w['checks']}: {m.check_backs}",
        f"- {w['feedback']}: {w['yes'] if m.feedback.complete else w['no']}",
        f"- {w['concerns']}: {result.concerns_revealed}/{result.concerns_total}",
        "",
        f"## {w['debrief']}",
        "",
        f"**{w['overall']}: {result.debrief.overall:.1f}/4**",
        "",
    ]
    for c in result.debrief.criteria:
        lines += [f"### {c.name}: {c.score}/4", "", c.reason, ""]
        if c.quotes:
            lines.append(f"{w['evidence']}:")
            lines += [f"- {'+' if q.stance == 'for' else '−'} ({q.turn}) „{q.text}“" for q in c.quotes]
            lines.append("")
        if c.citation:
            where = f"{c.citation.title}" + (f" › {c.citation.section}" if c.citation.section else "")
            lines += [f"{w['source']}: {where} ({c.citation.doc_id})", f"> {c.citation.excerpt}", ""]
        lines.append(f"<details><summary>{w['anchors']}</summary>\n")
        lines += [f"- {level}: {text}" for level, text in c.anchors.items()]
        lines += ["", "</details>", ""]
    lines += [f"## {w['strengths']}", "", *(f"- {s}" for s in result.debrief.strengths), ""]
    lines += [f"## {w['next']}", "", *(f"- {s}" for s in result.debrief.next_time), ""]
    return "\n".join(lines)


def trend_plot(sessions: list[PracticeRecord], path: Path, title: str) -> None:
    """Scores per criterion and overall, session by session, as a PNG line chart."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    xs = list(range(1, len(sessions) + 1))
    fig, ax = plt.subplots(figsize=(8, 4.5))
    criteria = list(dict.fromkeys(s.criterion for record in sessions for s in record.scores))
    for criterion in criteria:
        points = [
            (x, score.score)
            for x, record in zip(xs, sessions, strict=True)
            for score in record.scores
            if score.criterion == criterion
        ]
        ax.plot([p[0] for p in points], [p[1] for p in points], marker="o", alpha=0.5, label=criterion)
    ax.plot(xs, [r.overall for r in sessions], marker="s", linewidth=3, color="black", label="overall")
    ax.set_xticks(xs, [f"{x}\n{r.scenario[:14]}" for x, r in zip(xs, sessions, strict=True)], fontsize=7)
    ax.set_ylim(-0.2, 4.2)
    ax.set_ylabel("score (0-4)")
    ax.set_title(title)
    ax.legend(fontsize=7, loc="center left", bbox_to_anchor=(1, 0.5))
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
