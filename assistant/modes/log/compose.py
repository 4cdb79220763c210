"""The words of a log turn: the confirmation of a recorded session, and the hint when no tandem is linked."""

from __future__ import annotations

from assistant.modes.log.models import SessionLogged, TopicSource
from assistant.text.language import Lang, pick


def not_linked(lang: Lang) -> SessionLogged:
    """The answer to "log this session" in a conversation without a tandem profile: how to link one."""
    message = pick(
        lang,
        "Dieses Gespräch ist mit keinem Tandem-Profil verknüpft, daher kann ich die Sitzung nirgends eintragen. "
        'Verknüpfe es mit `--tandem NAME`, z. B. `tandem chat "Trag die Sitzung ein: wir haben …" --tandem NAME`; '
        "ein neues Profil legt `tandem tandem add NAME` an.",
        "This conversation is not linked to a tandem profile, so there is nowhere to log the session. Link it "
        'with `--tandem NAME`, e.g. `tandem chat "log this session: we covered …" --tandem NAME`; '
        "`tandem tandem add NAME` creates a profile.",
    )
    return SessionLogged(language=lang, logged=False, message=message)


def confirmation(
    lang: Lang,
    tandem: str,
    number: int,
    total: int,
    topic: str,
    topic_from: TopicSource,
    summary: str,
    summary_given: bool,
    held_on: str,
    next_session: int | None,
    next_topic: str,
) -> SessionLogged:
    """Which session was logged (with its topic and summary) and what comes next, in `lang`."""
    source = {
        "plan": pick(
            lang, " (Thema aus dem Plan in diesem Gespräch)", " (topic from the plan in this conversation)"
        ),
        "summary": pick(lang, " (Thema aus der Zusammenfassung)", " (topic taken from the summary)"),
    }.get(topic_from, "")
    lines = [
        pick(
            lang,
            f"Sitzung {number} von {total} für das Tandem {tandem} eingetragen ({held_on}): "
            f"**{topic}**{source} – {summary}",
            f"Logged session {number} of {total} for tandem {tandem} ({held_on}): **{topic}**{source} – {summary}",
        )
    ]
    if not summary_given:
        lines.append(
            pick(
                lang,
                f"Keine Zusammenfassung angegeben: „Trag Sitzung {number} ein: wir haben …“ ergänzt sie.",
                f"No summary given: “log session {number}: we covered …” adds one.",
            )
        )
    if next_session is None:
        lines.append(
            pick(
                lang,
                f"Damit sind alle {total} geplanten Sitzungen eingetragen – Zeit für den gemeinsamen Rückblick.",
                f"All {total} planned sessions are logged now – time to look back on the tandem together.",
            )
        )
    else:
        suggestion = pick(lang, f", Themenvorschlag: {next_topic}", f", suggested topic: {next_topic}")
        lines.append(
            pick(
                lang,
                f"Als Nächstes: Sitzung {next_session} von {total}{suggestion if next_topic else ''}. "
                "„Plane unsere nächste Sitzung“ bereitet sie vor.",
                f"Next: session {next_session} of {total}{suggestion if next_topic else ''}. "
                "“Plan our next session” prepares it.",
            )
        )
    return SessionLogged(
        language=lang,
        logged=True,
        tandem=tandem,
        session_number=number,
        total_sessions=total,
        topic=topic,
        topic_from=topic_from,
        summary=summary,
        held_on=held_on,
        next_session=next_session,
        next_topic=next_topic,
        message="\n\n".join(lines),
    )
