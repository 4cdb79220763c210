"""Gibbs prompts that take up the senior's words: tied to the tool or theme they named, or to a feeling or
event they reported (scepticism, an interruption, no time left)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.catalog import GIBBS_STAGES, GibbsStage
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
class Mood:
    """Something the senior reports (a feeling, an interruption), and the prompts that take it up."""

    pattern: re.Pattern[str]
    prompts: dict[GibbsStage, tuple[str, str]]  # stage -> (German, English); {w} is the senior's own word
    words: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())


def _mood(
    regex: str, prompts: dict[GibbsStage, tuple[str, str]], de_words: str = "", en_words: str = ""
) -> Mood:
    pattern = re.compile(rf"(?<!\w)(?:{regex})(?!\w)", re.IGNORECASE)
    return Mood(pattern, prompts, (frozenset(de_words.split()), frozenset(en_words.split())))


# fmt: off
MOODS: tuple[Mood, ...] = (
    _mood(r"skepti\w*|skepsis|zweifel\w*|misstrau\w*|sceptic\w*|doubt\w*", {"feelings": (
        "Wie hat sich Ihre Skepsis im Lauf der Sitzung verändert, und was hat dazu beigetragen?",
        "How did your scepticism change during the session, and what contributed to that?")}),
    _mood(r"nervös|unsicher|aufgeregt|ungeduldig|angst|nervous|unsure|anxious|uncertain|impatien\w*|insecure",
          {"feelings": ("Was genau hat Sie {w} gemacht, und was hat Ihnen in dem Moment geholfen?",
                        "What exactly made you {w}, and what helped you in that moment?")},
          "unsicher nervös aufgeregt ungeduldig", "unsure nervous anxious uncertain impatient"),
    _mood(r"peinlich|unangenehm|bloßgestellt|embarrass\w*|awkward|not proud|nicht stolz|alt gefühlt|felt old|"
          r"dumm gefühlt|felt stupid", {"feelings": (
              "Was genau war Ihnen unangenehm, und was hat Ihnen geholfen, trotzdem weiterzumachen?",
              "What exactly felt uncomfortable, and what helped you carry on anyway?")}),
    _mood(r"überfordert|zu\s+schnell|zu\s+viel(?!\s+geredet)|overwhelm\w*|too\s+fast|(?<!talked\s)(?<!talking\s)too\s+much",
          {"feelings": ("An welcher Stelle wurde es Ihnen zu viel oder zu schnell, und was hätten Sie da gebraucht?",
                        "At which point did it become too much or too fast, and what would you have needed then?")}),
    _mood(r"frustr\w*|genervt|ärger\w*|annoy\w*|sideways|schiefgelaufen|chaotisch|a mess", {"feelings": (
        "Was genau hat Sie frustriert, und wie sind Sie damit umgegangen?",
        "What exactly frustrated you, and how did you deal with it?")}),
    _mood(r"neugierig|begeister\w*|spannend|faszinier\w*|curious|excit\w*|fascinat\w*|eye-opening|augenöffnend",
          {"feelings": ("Was hat Sie besonders neugierig gemacht oder begeistert?",
                        "What made you particularly curious or excited?")}),
    _mood(r"letzte\w*\s+(?:session|sitzung)|last\s+session|final\s+session|abschluss\w*|wehmütig|vorbei|"
          r"(?:6|sechs)\s+von\s+(?:6|sechs)|6\s+of\s+6|coming\s+to\s+an\s+end", {
              "feelings": ("Was bedeutet es Ihnen, dass das Tandem jetzt zu Ende geht?",
                           "What does it mean to you that the tandem is coming to an end?"),
              "action_plan": ("Wie möchten Sie nach dem Ende des Tandems weiterlernen, und mit wem?",
                              "How will you keep learning once the tandem has ended, and with whom?")}),
    _mood(r"(?:zu|so|sehr)\s+viel\s+geredet|mehr\s+geredet|nicht\s+genug\s+gefragt|zu\s+wenig\s+gefragt|"
          r"talked\s+too\s+much|talked\s+a\s+lot|didn't\s+ask|did\s+not\s+ask", {"analysis": (
              "Was hat dazu geführt, dass Sie mehr geredet als gefragt haben?",
              "What led you to talk more than you asked?")}),
    _mood(r"keine\s+zeit|zeit\s+(?:war\s+)?(?:zu\s+)?knapp|zu\s+wenig\s+zeit|ran\s+out\s+of\s+time|no\s+time|"
          r"not\s+enough\s+time", {
              "analysis": ("Wie kam es, dass die Zeit am Ende knapp wurde, und was ist dadurch zu kurz gekommen?",
                           "How did time run short, and what got left out because of it?"),
              "action_plan": ("Wie sichern Sie beim nächsten Mal Zeit für Ihre Fragen?",
                              "How will you make sure there is time for your questions next time?")}),
    _mood(r"anruf\w*|unterbr\w*|interrupt\w*|phone\s+call|abgelenkt|distract\w*", {"analysis": (
        "Wie hat die Unterbrechung den Verlauf der Sitzung verändert?",
        "How did the interruption change the course of the session?")}),
    _mood(r"crash\w*|abgestürzt|ging\s+nicht|hat\s+nicht\s+funktioniert|didn't\s+work|did\s+not\s+work|wi-?fi|"
          r"wlan|technical\s+problems?|technische\w*\s+probleme?", {"analysis": (
              "Was hat die technische Panne mit dem weiteren Verlauf der Sitzung gemacht?",
              "How did the technical problem affect the rest of the session?")}),
    _mood(r"nicht\s+geschafft|nicht\s+vorbereitet|didn't\s+manage|did\s+not\s+manage|didn't\s+prepare|"
          r"did\s+not\s+prepare|wasn't\s+prepared|not\s+prepared", {
              "analysis": ("Was hat Sie daran gehindert, die vereinbarte Vorbereitung zu schaffen?",
                           "What kept you from preparing what you had agreed on?"),
              "action_plan": ("Was brauchen Sie, damit die Vorbereitung beim nächsten Mal klappt?",
                              "What do you need so that the preparation works out next time?")}),
)
_NEGATIVE = re.compile(
    r"nicht\s+(?:so\s+)?(?:gut|geklappt|funktioniert)|schlecht|schwierig|frustr\w*|badly|\bbad\b|difficult|"
    r"not\s+(?:so\s+|very\s+)?(?:good|well|great)|didn't\s+work|did\s+not\s+work|sideways|a\s+mess",
    re.IGNORECASE,
)
_POSITIVE = re.compile(
    r"(?<!\w)(?:gut|super|toll|klasse|prima|hilfreich|nützlich|gelungen|geklappt|zufrieden|lehrreich|"
    r"erstaunlich|great|good|helpful|useful|went\s+well|worked\s+well|pleased|glad|eye-opening)(?!\w)|👍",
    re.IGNORECASE,
)
_EVALUATION = {
    "convinced": ("Was hat Sie trotz Ihrer anfänglichen Skepsis überzeugt?",
                  "What convinced you despite your initial scepticism?"),
    "positive": ("Was genau ist heute gut gelaufen, und woran machen Sie das fest?",
                 "What exactly went well today, and what makes you say so?"),
    "negative": ("Was genau ist heute nicht so gelaufen, wie Sie es sich gewünscht hätten?",
                 "What exactly did not go the way you had hoped today?"),
}
# fmt: on


def mood_prompts(text: str, lang: Lang) -> dict[GibbsStage, list[str]]:
    """Prompts that take up what the senior reported, by Gibbs stage."""
    index = 0 if lang == "de" else 1
    found: dict[GibbsStage, list[str]] = {stage: [] for stage in GIBBS_STAGES}
    for mood in MOODS:
        match = mood.pattern.search(text)
        if not match:
            continue
        allowed, word = mood.words[index], match.group().lower()
        if allowed and word not in allowed:  # "Angst", "impatience": name the feeling in a word that fits {w}
            word = pick(lang, "unsicher", "unsure")
        for stage, pair in mood.prompts.items():
            found[stage].append(pair[index].format(w=word))
    negative = bool(_NEGATIVE.search(text))
    positive = bool(_POSITIVE.search(_NEGATIVE.sub(" ", text)))
    sceptical = bool(MOODS[0].pattern.search(text))
    if positive:
        found["evaluation"].append(_EVALUATION["convinced" if sceptical else "positive"][index])
    if negative:
        found["evaluation"].append(_EVALUATION["negative"][index])
    return found
