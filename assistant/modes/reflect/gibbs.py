"""Gibbs prompts that take up the senior's words: tied to the tool or theme they named, to the feelings they
name (in their own word), to what happened (a technical problem, an interruption, short time, a late or cancelled
session, the end of the tandem), to their plan and to the words they quoted. Every cue is general."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.catalog import GIBBS_STAGES, GibbsStage
from assistant.modes.reflect.anchors import Feeling, feelings, plan, quotations
from assistant.text.language import Lang, pick

# Bank prompts adapted to what the senior named: (with a tool, with a theme); {dat}/{nom} is the topic.
TIED_PROMPTS: dict[Lang, dict[GibbsStage, tuple[str, str]]] = {
    "de": {
        "description": (
            "Was genau haben Sie heute mit {dat} selbst ausprobiert?",
            "Was genau haben Sie heute zum Thema {nom} besprochen oder selbst ausprobiert?",
        ),
        "feelings": (
            "Wie ging es Ihnen, während Sie mit {dat} gearbeitet haben?",
            "Wie ging es Ihnen, als es um das Thema {nom} ging?",
        ),
        "evaluation": (
            "Was hat bei {dat} gut funktioniert, und was noch nicht?",
            "Was war beim Thema {nom} für Sie hilfreich, und was noch nicht?",
        ),
        "analysis": (
            "Warum hat der praktische Teil mit {dat} Ihrer Meinung nach so funktioniert, wie er funktioniert hat?",
            "Was hat Ihnen geholfen, beim Thema {nom} ehrliche Fragen zu stellen, und was hat Sie gebremst?",
        ),
        "conclusion": (
            "Was haben Sie über {nom} gelernt, das Sie vorher nicht wussten?",
            "Was haben Sie zum Thema {nom} gelernt, das Sie vorher nicht wussten?",
        ),
        "action_plan": (
            "Was möchten Sie mit {dat} bis zur nächsten Sitzung selbst ausprobieren, und wann?",
            "Welchen Schritt zum Thema {nom} gehen Sie bis zur nächsten Sitzung selbst, und wann?",
        ),
    },
    "en": {
        "description": (
            "What exactly did you try out yourself with {dat} today?",
            "What exactly did you discuss or try out yourself on {nom} today?",
        ),
        "feelings": (
            "How did you feel while you were working with {dat}?",
            "How did you feel when the conversation turned to {nom}?",
        ),
        "evaluation": (
            "What worked well with {dat}, and what did not work yet?",
            "What was helpful for you about {nom}, and what was not yet?",
        ),
        "analysis": (
            "Why do you think the hands-on part with {dat} worked, or did not work, the way it did?",
            "What helped you ask honest questions about {nom}, and what held you back?",
        ),
        "conclusion": (
            "What have you learned about {nom} that you did not know before?",
            "What have you learned about {nom} that you did not know before?",
        ),
        "action_plan": (
            "What will you try out with {dat} on your own before the next session, and when?",
            "Which step on {nom} will you take on your own before the next session, and when?",
        ),
    },
}


@dataclass(frozen=True)
class Event:
    """Something that happened in the session, and the prompts that take it up; {thing} is what failed."""

    pattern: re.Pattern[str]
    prompts: dict[GibbsStage, tuple[str, str]]  # stage -> (German, English)


def _event(regex: str, prompts: dict[GibbsStage, tuple[str, str]]) -> Event:
    return Event(re.compile(rf"(?<!\w)(?:{regex})(?!\w)", re.IGNORECASE), prompts)


# fmt: off
SCEPTICISM = re.compile(r"(?<!\w)(?:skepti\w*|skepsis|zweifel\w*|misstrau\w*|sceptic\w*|skeptic\w*|doubt\w*)(?!\w)",
                        re.IGNORECASE)
_SCEPTICISM_PROMPT = ("Wie hat sich Ihre Skepsis im Lauf der Sitzung verändert, und was hat dazu beigetragen?",
                      "How did your {word} change during the session, and what contributed to that?")
_FEELING_PROMPTS = {  # (German, English); {w} is the feeling in the senior's word
    "unpleasant": ("Was genau hat dazu geführt, dass Sie sich {w} gefühlt haben, und was hat Ihnen in dem Moment "
                   "geholfen?", "What exactly made you feel {w}, and what helped you in that moment?"),
    "pleasant": ("Was genau hat dazu geführt, dass Sie sich {w} gefühlt haben, und was davon möchten Sie mitnehmen?",
                 "What exactly made you feel {w}, and what would you like to keep from that?"),
    "impersonal": ("Was genau war Ihnen {w}, und was hat Ihnen geholfen, trotzdem weiterzumachen?",
                   "What exactly felt {w}, and what helped you carry on anyway?"),
    "fun": ("Was genau hat Ihnen Spaß gemacht, und was hat das für Ihr Lernen bedeutet?",
            "What exactly was fun, and what did that do for your learning?"),
}
TECHNICAL = (r"ausgefallen|abgestürzt|ging\s+nicht|gingen\s+nicht|(?:hat|haben)\s+nicht\s+funktioniert|"
             r"funktionierte\s+nicht|hing|aufgehängt|eingefroren|crash\w*|froze|frozen|died|did(?:n't|nt|\s+not)\s+work|"
             r"stopped\s+working|wi-?fi|wlan|technical\s+problems?|technische\w*\s+(?:probleme?|panne)|panne")
EVENTS: tuple[Event, ...] = (
    _event(r"zu\s+schnell|zu\s+viel(?!\s+geredet)|too\s+fast|(?<!talked\s)(?<!talking\s)too\s+much", {"feelings": (
        "An welcher Stelle wurde es Ihnen zu viel oder zu schnell, und was hätten Sie da gebraucht?",
        "At which point did it become too much or too fast, and what would you have needed then?")}),
    _event(r"letzte\w*\s+(?:session|sitzung|treffen)|abschluss\w*|zu\s+ende|vorbei|(\d+)\s+von\s+\1|"
           r"(?:last|final)\s+(?:session|meeting)|(\d+)\s+of\s+\2|coming\s+to\s+an\s+end", {
               "feelings": ("Was bedeutet es Ihnen, dass das Tandem jetzt zu Ende geht?",
                            "What does it mean to you that the tandem is coming to an end?"),
               "action_plan": ("Wie möchten Sie nach dem Ende des Tandems weiterlernen, und mit wem?",
                               "How will you keep learning once the tandem has ended, and with whom?")}),
    _event(r"(?:zu|so|sehr)\s+viel\s+geredet|mehr\s+geredet|nicht\s+genug\s+gefragt|zu\s+wenig\s+gefragt|"
           r"talked\s+too\s+much|talked\s+a\s+lot|didn't\s+ask|did\s+not\s+ask", {"analysis": (
               "Was hat dazu geführt, dass Sie mehr geredet als gefragt haben?",
               "What led you to talk more than you asked?")}),
    _event(r"keine\s+zeit|zeit\s+(?:war\s+)?(?:zu\s+)?knapp|zu\s+wenig\s+zeit|gehetzt|ran\s+out\s+of\s+time|no\s+time|"
           r"not\s+enough\s+time|rushed", {
               "analysis": ("Wie kam es, dass die Zeit knapp wurde, und was ist dadurch zu kurz gekommen?",
                            "How did time run short, and what got left out because of it?"),
               "action_plan": ("Wie sichern Sie beim nächsten Mal Zeit für Ihre Fragen?",
                               "How will you make sure there is time for your questions next time?")}),
    _event(r"anruf\w*|unterbr\w*|interrupt\w*|phone\s+call|abgelenkt|distract\w*", {"analysis": (
        "Wie hat die Unterbrechung den Verlauf der Sitzung verändert?",
        "How did the interruption change the course of the session?")}),
    _event(TECHNICAL, {"analysis": ("Wie hat sich die {thing} auf den weiteren Verlauf der Sitzung ausgewirkt?",
                                    "How did the {thing} affect the rest of the session?")}),
    _event(r"zu\s+spät|verspät\w*|(?:was|were|came|arrived|started|running)\s+(?:\d+\s+min\w*\s+)?late", {"analysis": (
        "Wie hat der verspätete Beginn die Sitzung beeinflusst, und was möchten Sie dazu künftig absprechen?",
        "How did the late start affect the session, and what would you like to agree on for the future?")}),
    _event(r"abgesagt|verschoben|cancel\w*|postpon\w*|reschedul\w*", {
        "analysis": ("Wie hat es sich auf Ihr Lernen ausgewirkt, dass Termine abgesagt oder verschoben wurden?",
                     "How did the cancelled or postponed sessions affect your learning?"),
        "action_plan": ("Wie schützen Sie den nächsten Termin, damit er stattfindet?",
                        "How will you protect the next slot so that it takes place?")}),
    _event(r"nicht\s+geschafft|nicht\s+vorbereitet|didn't\s+manage|did\s+not\s+manage|didn't\s+prepare|"
           r"did\s+not\s+prepare|wasn't\s+prepared|not\s+prepared", {
               "analysis": ("Was hat Sie daran gehindert, die vereinbarte Vorbereitung zu schaffen?",
                            "What kept you from preparing what you had agreed on?"),
               "action_plan": ("Was brauchen Sie, damit die Vorbereitung beim nächsten Mal klappt?",
                               "What do you need so that the preparation works out next time?")}),
)
_NEGATIVE = re.compile(
    r"nicht\s+(?:so\s+)?(?:gut|geklappt|funktioniert)|schlecht|schwierig|frustr\w*|mühsam|zäh|chaotisch|"
    r"schief\w*|enttäusch\w*|badly|\bbad\b|difficult|not\s+(?:so\s+|very\s+)?(?:good|well|great)|didn't\s+work|"
    r"did\s+not\s+work|went\s+wrong|mess(?:y)?\b|chaotic|disappoint\w*",
    re.IGNORECASE,
)
_POSITIVE = re.compile(
    r"(?<!\w)(?:gut|super|toll|klasse|prima|hilfreich|nützlich|gelungen|geklappt|zufrieden|lehrreich|"
    r"erstaunlich|interessant|great|good|helpful|useful|went\s+well|worked\s+well|pleased|glad|interesting)(?!\w)|👍",
    re.IGNORECASE,
)
_EVALUATION = {
    "convinced": ("Was hat Sie trotz Ihrer anfänglichen Skepsis überzeugt?",
                  "What convinced you despite your initial {word}?"),
    "positive": ("Was genau ist heute gut gelaufen, und woran machen Sie das fest?",
                 "What exactly went well today, and what makes you say so?"),
    "negative": ("Was genau ist heute nicht so gelaufen, wie Sie es sich gewünscht hätten?",
                 "What exactly did not go the way you had hoped today?"),
}
_QUOTED = ("Was steckte hinter „{q}“, und wie sehen Sie das jetzt?",
           "What was behind '{q}', and how do you see it now?")
_PLAN_PROMPT = ("Was ist Ihr erster Schritt zu Ihrem Vorhaben „{p}“, und wann gehen Sie ihn?",
                "What is your first step towards '{p}', and when will you take it?")
# fmt: on


def _feeling_prompt(feeling: Feeling, lang: Lang) -> str:
    kind = feeling.form if feeling.form != "personal" else "unpleasant" if feeling.unpleasant else "pleasant"
    return pick(lang, *_FEELING_PROMPTS[kind]).format(w=feeling.word)


def _thing(text: str, match: re.Match[str], lang: Lang) -> str:
    """What failed, in the senior's word: the cue itself if it names a thing ('WLAN'), else the last noun before
    it in its clause ('the demo crashed'); German makes a compound ('WLAN-Panne')."""
    cue = match.group()
    if re.fullmatch(r"wi-?fi|wlan", cue, re.IGNORECASE):
        word = cue
    else:
        clause = re.split(r"[.,;:!?\n(]|\s[-–]\s", text[: match.start()])[-1]
        stop = (
            r"der|die|das|den|dem|des|ein|eine|mein|meine|unser|unsere|im|am|the|my|our|a|an|ist|sind|war|was|"
            r"hat|haben|ständig|immer|wieder|twice|again|always|just|also|auch"
        )
        words = [w for w in re.findall(r"[\w-]+", clause) if not re.fullmatch(stop, w, re.IGNORECASE)]
        nouns = (
            [w for w in words if w[:1].isupper()] if lang == "de" and clause != clause.lower() else words[-1:]
        )
        word = nouns[0] if nouns else ""
    if lang == "de":
        return f"{word[:1].upper()}{word[1:]}-Panne" if word else "technische Panne"
    return f"problem with the {word.lower() if not word.isupper() else word}" if word else "technical problem"


def anchored_prompts(text: str, lang: Lang) -> dict[GibbsStage, list[str]]:
    """Prompts that take up what the senior wrote, by Gibbs stage: feelings, events, quotes, the plan."""
    index = 0 if lang == "de" else 1
    found: dict[GibbsStage, list[str]] = {stage: [] for stage in GIBBS_STAGES}
    sceptic = SCEPTICISM.search(text)
    word = "skepticism" if sceptic and sceptic.group().lower().startswith("sk") else "scepticism"
    if sceptic:
        found["feelings"].append(_SCEPTICISM_PROMPT[index].format(word=word))
    found["feelings"] += [_feeling_prompt(f, lang) for f in feelings(text, lang)]
    for event in EVENTS:
        match = event.pattern.search(text)
        if match:
            for stage, pair in event.prompts.items():
                prompt = pair[index]
                found[stage].append(
                    prompt.format(thing=_thing(text, match, lang)) if "{thing}" in prompt else prompt
                )
    found["analysis"] += [_QUOTED[index].format(q=q) for q in quotations(text)]
    intention = plan(text, lang)
    if intention:
        found["action_plan"].insert(0, _PLAN_PROMPT[index].format(p=intention))
    negative = bool(_NEGATIVE.search(text))
    positive = bool(_POSITIVE.search(_NEGATIVE.sub(" ", text)))
    if positive:
        found["evaluation"].append(
            _EVALUATION["convinced" if sceptic else "positive"][index].format(word=word)
        )
    if negative:
        found["evaluation"].append(_EVALUATION["negative"][index])
    return found
