"""Route a free chat message to a mode: request patterns, then similarity to example requests.

The router never calls the language model: a turn's model budget (two requests) belongs to the mode, and the
user sees the chosen mode and can change it.

The patterns recognise what a message asks for (a plan for a meeting, words for the tandem partner, a look
back at a session, questions for the mentor), never a topic: "What is an I-message?" names feedback but asks
for an explanation. The examples are generic requests of each mode, written independently of the eval
datasets (`evals/datasets/routing/`), which must never be copied or paraphrased here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from langchain_core.embeddings import Embeddings
from pydantic import BaseModel, ConfigDict, Field

from assistant.modes.models import Mode
from assistant.text.quotes import find_quotes


class Route(BaseModel):
    """Which mode a chat message goes to, and why."""

    model_config = ConfigDict(extra="forbid")
    mode: Mode
    confidence: float = Field(ge=0.0, le=1.0)
    reason: str = ""


_MEETING = r"(sitzung|session|termin|treffen|tandemtreffen|meeting|einheit|stunde|hour)"
RULES: dict[Mode, tuple[str, ...]] = {
    # a plan for a meeting: preparing, an agenda or timings, planning or structuring a meeting, its length
    "prepare": (
        r"\b(vorbereit|vorzubereit|prepar|prep\b|get ready for)",
        r"\b(agenda|ablauf\w*|tagesordnung|fahrplan|sitzungsplan|session plan|outline|timings?|zeitplan|time plan)\b",
        r"\b(blöcke|blocks|block by block|übungsteil|practice block)\b",
        rf"\b(plan\w*|durchplan\w*|strukturier\w*|structure|gestalt\w*|design|organi[sz]e|build|baue?n?|"
        rf"aufbau\w*|entw[ei]rf\w*|sketch)\b.*\b{_MEETING}",
        rf"\b{_MEETING}\b.*\b(plan\w*|durchplan\w*|strukturier\w*|structure|gestalt\w*|aufbau\w*|aussehen|look like)\b",
        r"\b\d{2,3}\s*-?\s*(min|mins|minuten|minutes)\b",
    ),
    # words for the tandem partner: how to tell someone, feedback to give, a remark to phrase, soften or check
    "feedback": (
        r"\bwie (sag|bring|erklär|vermittl|sprech)\w* ich\b",
        r"\b(meine[mnr]?|ihm|ihr)\b.*\b(sagen|mitteilen|beibringen|rückmelden)\b",
        r"\bhow (do|can|should|would) i (tell|say|let|address|raise|bring up)\b",
        r"\btell\s+(my|our|him|her)\b|\blet\s+(my|our|him|her)\b.*\bknow\b|\bsay to (my|him|her)\b",
        r"\b(feedback|rückmeldung)\b.*\b(geben|give)\b|\b(geb\w*|give|giving)\b.*\b(feedback|rückmeldung)\b",
        r"\bfeedback (für|for|to) \w",
        r"\b(formulier\w*|rephrase|reword|word it|phrase it|soften|entschärf\w*)\b",
        r"\b(netter|freundlicher|kinder|nicer|less rude|weniger hart|diplomatischer)\b",
        r"\b(zu hart|zu direkt|zu unhöflich|too harsh|too blunt|too rude|too direct)\b",
        r"\b(is this|is that|ist das|geht das|passt das)\s+(so\s+)?(ok|okay|fine|in ordnung)\b",
        r"\b(check|prüf)\w*\b.*\b(remark|satz|formulierung|wording|message|nachricht|rückmeldung)\b",
    ),
    # a look back at a session that took place, questions for the mentor, closed questions opened up
    "reflect": (
        r"\b(reflekt\w*|reflexion|reflect\w*|lerntagebuch|learning journal|journal entry)\b",
        rf"\b(nach|after)\s+(der|meiner|unserer|dem|the|my|our|today's|heutigen?)\s+\w*\s?{_MEETING}",
        rf"\b(heute|today|today's|heutigen?)\b.*\b{_MEETING}\b|\b(hatte|hatten|had)\b.*\b{_MEETING}\b",
        r"\b(just|gerade|eben)\s+(had|finished|did|came|hatte|hatten|war|waren|aus|raus|fertig|vorbei)\b",
        rf"\b{_MEETING}\b.*\b(vorbei|is over|done|finished|hinter mir|behind me)\b",
        r"\b(frag\w*|ask)\b.*\b(mentor|mentorin)\b|\b(mentor|mentorin)\b.*\b(frag\w*|ask)\b",
        r"\b(questions?|fragen?)\b.*\b(ask|stellen|bring|mentor|mentorin)\b",
        r"\b(went well|lief gut|gut lief|was lief|what went|how i reacted|wie ich reagiert|gefühlt|fühlte|felt)\b",
        r"\b(mach\w*|turn|make|rewrite|umformulier\w*|umschreib\w*|stell\w*)\b.*\b(offene?[nr]?|open|bessere?n?|better)\b",
        r"\b(meine|my)\b.*\b(fragen|questions)\b.*\b(offen\w*|open|closed|geschlossen\w*)|\b(ja[/-]nein|yes[/-]no)\b",
    ),
    # a question for information: what a term means, what the programme's rules say
    "ask": (
        r"^(was (genau )?(ist|sind|bedeutet|heißt)|what(?: i|')s|whats|what (are|does)|explain|erklär\w*|"
        r"unterschied|difference)\b",
        r"\b(darf|dürfen|muss|müssen|erlaubt|allowed|pflicht|regel|rule|zählt|counts?)\b.*\?",
    ),
}
# -- recording a session held: the "log" action ----------------------------------------------------------
# A request to record a session in the tandem's log: a verb of recording (a closed bilingual class: log, record,
# note down, write down, document, eintragen, festhalten, notieren, protokollieren, dokumentieren, …) whose object
# is a particular session ("this session", "die heutige Sitzung", "session 3", "it"), or alone before a colon
# that introduces what to note ("notiere: …"). Judged on the head of the message (before the first colon): what
# follows is what happened, whatever words it uses. Questions about logging ("how do I log a session?") and the
# other senses (a video recording, a calendar entry) are no such request.
_DET = (
    r"(?:this|that|the|our|my|today'?s|todays|yesterday'?s|this week'?s|last|latest|"
    r"die|diese|unsere|meine|heutige|heutigen|gestrige|gestrigen|letzte|letzten|das|dieses|unser|mein|"
    r"den|diesen|unseren|meinen)"
)
_SESSION_OBJECT = rf"(?:{_DET}\s+(?:[\w'-]+\s+){{0,2}}?{_MEETING}|{_MEETING}\s*(?:nr\.?\s*)?\d{{1,2}})\b"
_PRONOUN = r"(?:it|this|das|es|dies|sie)\b"
_TAIL_VERBS = (
    r"(?:eintragen|einzutragen|notieren|festhalten|festzuhalten|protokollieren|dokumentieren|aufschreiben|"
    r"aufzuschreiben|vermerken|erfassen|loggen)"
)
_FRONT_VERBS = (
    r"(?:log|record|document|write down|jot down|note down|"
    r"(?:notier|protokollier|dokumentier|vermerk|erfass|logg)(?:e|en)?\b)"
)
_SEPARABLE = r"(?:trag|trage|tragt|halt|halte|haltet|schreib|schreibe|schreibt)"  # … ein / fest / auf
# where a German verb or particle ends the request: the end, or what happened next ("trag das ein, wir haben …");
# a clause of another kind ("festhalten, wie ich reagiert habe") is the verb's object, not the session
_CLAUSE_END = r"(?:[.!?]*$|\s*[,;–—]\s*(?:we|wir|today|heute|bitte|please|danke|thanks)\b)"
_FILLER = r"(?:(?:bitte|please|mal|noch|kurz|dir|uns|für uns|for me|for us|für mich|now|jetzt|gleich)\s+)*"
LOG_RULES: tuple[str, ...] = (
    # verb first: "log this session", "notiere die Sitzung", "note it down", "protokolliere Sitzung 3"
    rf"\b{_FRONT_VERBS}\s+{_FILLER}(?:{_SESSION_OBJECT}|{_PRONOUN})",
    r"\b(?:note|write|jot)\s+(?:it|this|that|(?:this|the|our|today'?s)\s+\w+)\s+down\b",
    # German separable verbs: "trag die Sitzung ein", "halte das fest", "schreib die Sitzung auf"
    rf"\b{_SEPARABLE}\s+{_FILLER}(?:{_SESSION_OBJECT}|{_PRONOUN})[^,;.!?]*\b(?:ein|fest|auf)\s*{_CLAUSE_END}",
    # German verb last: "die Sitzung bitte eintragen", "kannst du unsere Sitzung festhalten"
    rf"(?:{_SESSION_OBJECT}|^{_MEETING})\s+(?:[\w'-]+\s+){{0,5}}?(?<!zum )(?<!zur )(?<!beim )(?<!zu )"
    rf"{_TAIL_VERBS}\s*{_CLAUSE_END}",
    rf"\b{_PRONOUN}\s+{_FILLER}{_TAIL_VERBS}\s*{_CLAUSE_END}",
    # what happened, as a that-clause: "record that we covered prompts", "trag ein, dass wir Prompts geübt haben"
    rf"\b(?:{_FRONT_VERBS}|{_TAIL_VERBS}|{_SEPARABLE}\s+{_FILLER}(?:ein|fest|auf))"
    r"\b[^.?!]*?\b(?:that|dass)\s+(?:we|wir)\b",
    # into the log: "add this session to our log", "put it in the log"
    r"\b(?:add|put|save)\b.*\b(?:to|in|into)\s+(?:the|my|our)\s+(?:tandem\s+)?(?:log|logbook|session log)\b",
)
# a head that is only the verb, before a colon: "notiere: …", "log: …", "trag ein: …"
LOG_COLON_HEAD = (
    rf"^{_FILLER}(?:log|record|note down|write down|{_TAIL_VERBS}|notiere?|protokolliere?|"
    rf"{_SEPARABLE}\s+{_FILLER}(?:ein|fest|auf))\s*{_FILLER}$"
)
# a question about logging, not a request to log: a question word first, or "how to"/"wie man"/"explain"
LOG_QUESTION = (
    r"^(?:how|what|why|when|where|which|who|should|shall|must|do|does|did|is|are|can i|could i|may i|"
    r"wie|was|warum|wieso|weshalb|wozu|wann|wo|welche\w*|wer|soll\w*|muss|müssen|darf|dürfen|kann ich|"
    r"könnte ich|ist|sind|gibt)\b|\b(?:how to|how do|how can|how should|wie man|wie kann|wie soll|explain|"
    r"erklär\w*|tipps?|tips?|best practices?)\b"
)
# the other senses of recording or entering a session: on video or audio, in a calendar
LOG_OTHER_SENSE = (
    r"\b(?:video|audio|kamera|camera|mikrofon|microphone|aufnahme\w*|aufzeichn\w*|aufnehm\w*|film\w*|"
    r"screen ?recording|kalender\w*|calendar|outlook|termin(?:e)? im)\b"
)


def is_log_request(message: str) -> bool:
    """True when a message asks to record a session held in the tandem's log (the "log" action).

    >>> is_log_request("log this session: we tried prompts for e-mails"), is_log_request("Trag die Sitzung ein")
    (True, True)
    >>> is_log_request("How do I log a session?"), is_log_request("Wie dokumentiere ich eine Sitzung?")
    (False, False)
    """
    head, colon, body = message.partition(":")
    head = " ".join(head.lower().split()).strip(" ,;!-–")
    if not head or re.search(LOG_QUESTION, head) or re.search(LOG_OTHER_SENSE, head):
        return False
    if colon and body.strip() and re.search(LOG_COLON_HEAD, head):
        return True
    return any(re.search(pattern, head) for pattern in LOG_RULES)


QUOTED_REMARK = 12  # characters: a quotation this long is a remark to check, not a term in quotes
RULE_WEIGHT = 0.3  # a request pattern is stronger evidence than similarity to the examples
ASK_MARGIN = 0.08
ASK_HINTS = (r"^(was|wie|welche|wer|wann|warum|wozu|what|how|which|who|when|why|is|are|do|does|can)\b",)
NEAREST = 3  # a mode's similarity is the mean of its three nearest examples
EXAMPLES: dict[Mode, tuple[str, ...]] = {
    "ask": (
        "Welche Regeln gelten für die Vertraulichkeit im Tandem?",
        "What counts as a completed tandem?",
        "Was bedeutet Datenminimierung?",
        "Where does reverse mentoring come from?",
        "Was tun, wenn die Chemie im Tandem nicht stimmt?",
        "What should a junior mentor do when a senior gets defensive?",
        "Erklär mir den Unterschied zwischen offenen und geschlossenen Fragen.",
        "Why is giving feedback upwards so hard?",
        "Wie funktioniert die Zwei-Faktor-Anmeldung?",
        "What is the programme office allowed to know about our sessions?",
        "Dürfen Führungskräfte Mentee ihrer eigenen Mitarbeitenden sein?",
        "What are typical pitfalls of reverse mentoring programmes?",
        "Was passiert am Ende mit den Umfragedaten?",
        "How do I recognise a phishing e-mail?",
    ),
    "prepare": (
        "Plane mir eine Sitzung zum Thema Cloud-Speicher für meine Mentorin.",
        "Draft a session outline on Kanban boards for my mentee.",
        "Ich brauche eine Tagesordnung mit Zeiten für unser nächstes Tandemtreffen.",
        "Put together a timed plan for our upcoming mentoring meeting about podcasts.",
        "Eine Einheit zu digitalen Whiteboards, 75 Minuten: Welche Blöcke brauche ich?",
        "I have to run the next tandem session on calendar sharing – what goes into it, block by block?",
        "Bereite mit mir das vierte Treffen vor, es geht um Barrierefreiheit in Dokumenten.",
        "A session on newsletters for a senior leader: give me the blocks with minutes.",
        "Strukturiere die Halbzeit-Sitzung, in der wir unsere Ziele überprüfen.",
        "What should the practice block look like when my mentee wants to learn screen recording?",
        "Kannst du einen Übungsteil mit Zeitplan zu Instagram-Stories entwerfen?",
        "Design a 50-minute meeting on e-signatures for a board member.",
    ),
    "feedback": (
        "Mein Mentee vergisst ständig die vereinbarten Übungsaufgaben. Wie spreche ich das an?",
        "How do I let my senior know that calling me 'the kid' in front of others bothers me?",
        "Prüf bitte meine Rückmeldung: 'Ihre Kamera ist immer aus, das nervt.'",
        "Is this too blunt: 'You ignored every idea I brought today.'",
        "Ich möchte meiner Führungskraft sagen, dass sie Terminänderungen allein entscheidet.",
        "Help me word feedback for my mentee about the jargon in his team updates.",
        "Wie gebe ich meinem Mentor Rückmeldung, dass ich mehr selbst ausprobieren möchte?",
        "Make this kinder before I send it to my mentee: 'Your spreadsheet is unreadable.'",
        "Meine Mentorin schreibt alles in Großbuchstaben. Kannst du mir einen Satz dafür vorschlagen?",
        "I want to give my senior mentee an SBI on how she dismissed questions at the town hall.",
        "Formulier mir eine Ich-Botschaft: mein Mentee schaut beim Erklären aus dem Fenster.",
        "Could you rephrase 'you're hopeless with technology' so my mentee can actually hear it?",
    ),
    "reflect": (
        "Unser Treffen zu Cloud-Ordnern ist vorbei, ich möchte in Ruhe darüber nachdenken, was passiert ist.",
        "Walk me through a reflection on the meeting I just had about digital whiteboards.",
        "Ich habe mich in der letzten Sitzung überfordert gefühlt. Wie verarbeite ich das?",
        "What went well and what didn't in my mentoring meeting on podcasts? Help me think it through.",
        "Mein Mentor hat mir Kanban gezeigt. Hilf mir, das Erlebte Schritt für Schritt durchzugehen.",
        "The exercise on calendar sharing failed twice; I'd like to look at how I reacted.",
        "Hilf mir mit Fragen an meine Mentorin, wie ihr Team Aufgaben untereinander verteilt.",
        "Give me open questions to explore how my junior mentor organises her week.",
        "Suggest GROW questions I can use with my mentor about accessibility.",
        "Ist 'Nutzt du Podcasts?' eine geschlossene Frage? Wie klingt sie offen?",
        "Are these good questions for my mentor or too closed: 'Is Kanban useful? Do you use it daily?'",
        "Zwischenbilanz nach drei Treffen: Wie entwickle ich mich als Mentee?",
    ),
}


def rule_hits(message: str) -> dict[Mode, int]:
    """How many request patterns of each mode a message matches; quotations count as well.

    A quoted statement is a remark to check (feedback); a quoted question is one to open up (reflect).

    >>> rule_hits("Plan session 2, 45 min")["prepare"], rule_hits('Zu hart? "Sie sind nie da."')["feedback"]
    (2, 2)
    >>> rule_hits("What is an I-message?")
    {'prepare': 0, 'feedback': 0, 'reflect': 0, 'ask': 1}
    """
    text = message.lower()
    hits: dict[Mode, int] = {
        mode: sum(bool(re.search(p, text)) for p in patterns) for mode, patterns in RULES.items()
    }
    quotes = find_quotes(message, min_length=QUOTED_REMARK)
    hits["feedback"] += any(not quote.text.endswith("?") for quote in quotes)
    hits["reflect"] += any(quote.text.endswith("?") for quote in find_quotes(message, min_length=4))
    return hits


@dataclass
class Router:
    """Classifies a message; `route(message, override)` honours a mode the user picked."""

    embeddings: Embeddings
    _examples: dict[Mode, np.ndarray] = field(default_factory=dict)

    def route(
        self, message: str, override: Mode | None = None, vector: Sequence[float] | None = None
    ) -> Route:
        """The mode for a message; `vector` is the message already embedded as a query (embedded once a turn)."""
        if override:
            return Route(mode=override, confidence=1.0, reason="chosen by the user")
        if is_log_request(
            message
        ):  # recording a session is an action, not a kind of answer: the rule decides
            return Route(mode="log", confidence=0.9, reason="a request to record a session")
        hits = rule_hits(message)
        similarity = self._similarities(message if vector is None else vector)
        scores = {mode: similarity[mode] + RULE_WEIGHT * min(hits[mode], 2) for mode in EXAMPLES}
        if not any(hits.values()) and any(re.search(p, message.lower().strip()) for p in ASK_HINTS):
            scores["ask"] += 0.1  # a plain question with no request pattern is most likely a question
        ranked = sorted(scores, key=lambda m: -scores[m])
        best, second = ranked[0], ranked[1]
        margin = scores[best] - scores[second]
        if best != "ask" and not hits[best] and scores[best] - scores["ask"] < ASK_MARGIN:
            # without a request pattern, only a clear similarity lead moves a message away from an answer
            best, second = "ask", best
            margin = scores[second] - scores["ask"]
        reason = "request patterns and similarity" if hits[best] else "similarity to example requests"
        return Route(mode=best, confidence=round(min(1.0, 0.5 + margin * 3), 2), reason=reason)

    def _similarities(self, message: str | Sequence[float]) -> dict[Mode, float]:
        if not self._examples:
            for mode, examples in EXAMPLES.items():
                vectors = np.asarray(self.embeddings.embed_documents(list(examples)))
                self._examples[mode] = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
        query = np.asarray(self.embeddings.embed_query(message) if isinstance(message, str) else message)
        query = query / (np.linalg.norm(query) or 1.0)
        return {
            mode: float(np.sort(vectors @ query)[-NEAREST:].mean())
            for mode, vectors in self._examples.items()
        }
