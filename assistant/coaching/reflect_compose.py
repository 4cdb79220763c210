"""Offline composer for `reflect`: Gibbs prompts tied to the senior's words, GROW questions, closed questions
opened up. Everything is rule-based: the banks supply the questions, the rules adapt them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from assistant.catalog import (
    GIBBS_STAGES,
    GROW_PHASES,
    GibbsStage,
    QuestionBank,
    ReflectionPrompts,
    is_open_question,
)
from assistant.coaching.models import ReflectionContent, ReflectionItem, ReflectKind
from assistant.lang import ENGLISH_STOPWORDS, GERMAN_STOPWORDS, Lang, pick

GA, SM, CT, HW, DP, FB, LG = (
    "generative-ai",
    "social-media",
    "collaboration-tools",
    "hybrid-work",
    "data-protection",
    "feedback",
    "learning-goals",
)
TOPIC_NAMES: dict[str, tuple[str, str]] = {
    GA: ("generative KI", "generative AI"),
    SM: ("soziale Medien", "social media"),
    CT: ("digitale Zusammenarbeit", "digital collaboration"),
    HW: ("hybrides Arbeiten", "hybrid work"),
    DP: ("Datenschutz", "data protection"),
    FB: ("Feedback", "feedback"),
    LG: ("Lernziele", "learning goals"),
    "general": ("Ihr Tandem", "your tandem"),
}


@dataclass(frozen=True)
class Term:
    """A tool or theme a senior may mention: how to find it, its question-bank topic, how to name it."""

    pattern: re.Pattern[str]
    topic: str  # question-bank topic ("" for none)
    kind: str  # "tool" (used with mit/with), "theme" (zum Thema/on) or "" (only points to a bank topic)
    de: str = ""
    en: str = ""
    de_dat: str = ""  # German dative where it differs from the nominative ("mit Kanälen")


def _t(regex: str, topic: str, kind: str = "", de: str = "", en: str = "", de_dat: str = "") -> Term:
    pattern = re.compile(rf"(?<!\w)(?:{regex})(?!\w)", re.IGNORECASE)
    return Term(pattern, topic, kind, de, en, de_dat or de)


# fmt: off
LEXICON: tuple[Term, ...] = (
    _t(r"chat\s*-?\s*g(?:pt|tp|bt|pd)(?:-?\d\w*)?", GA, "tool", "ChatGPT", "ChatGPT"),
    _t(r"(?:microsoft\s+|ms\s+)?co-?pilot", GA, "tool", "Copilot", "Copilot"),
    _t(r"gemini", GA, "tool", "Gemini", "Gemini"),
    _t(r"perplexity", GA, "tool", "Perplexity", "Perplexity"),
    _t(r"deepl", GA, "tool", "DeepL", "DeepL"),
    _t(r"midjourney", GA, "tool", "Midjourney", "Midjourney"),
    _t(r"prompt\w*|promt\w*", GA, "tool", "Prompts", "prompts"),
    _t(r"ki-?agent\w*|ai[- ]agents?", GA, "theme", "KI-Agenten", "AI agents"),
    _t(r"generativ\w*\s+(?:ki|ai)|ki|ai|künstlich\w*\s+intelligenz|artificial\s+intelligence", GA, "tool", "KI", "AI"),
    _t(r"image[- ]?tools?|image[- ]?generat\w*|images?|bilder|bildgenerat\w*", GA, "tool", "Bilder", "images",
       "Bildern"),
    _t(r"zusammenfassung\w*|summar(?:y|ies)", GA, "tool", "Zusammenfassungen", "summaries"),
    _t(r"übersetz\w*|translat\w*", GA, "theme", "Übersetzungen", "translations"),
    _t(r"llms?|sprachmodell\w*|language\s+models?|chatbots?|agent\w*", GA),
    _t(r"linked\s?-?in|linkdin", SM, "tool", "LinkedIn", "LinkedIn"),
    _t(r"xing", SM, "tool", "Xing", "Xing"),
    _t(r"insta(?:gramm?)?", SM, "tool", "Instagram", "Instagram"),
    _t(r"facebook", SM, "tool", "Facebook", "Facebook"),
    _t(r"tik\s?-?tok", SM, "tool", "TikTok", "TikTok"),
    _t(r"you\s?-?tube", SM, "tool", "YouTube", "YouTube"),
    _t(r"social[- ]media|soziale\w*\s+(?:medien|netzwerk\w*)", SM, "theme", "Social Media", "social media"),
    _t(r"posts?|posten|postet|gepostet|posting|beitr[aä]g\w*", SM, "theme", "Beiträge", "posts", "Beiträgen"),
    _t(r"follower\w*|hashtags?|personal\s+brand\w*|reichweite|profil\w*|profiles?", SM),
    _t(r"(?:ms|microsoft)\s+teams|teams[- ](?:call|meeting|chat|kan[aä]le?|channel)s?"
       r"|(?:in|über|per|via|mit|zu|with|on|im|using)\s+teams", CT, "tool", "Teams", "Teams"),
    _t(r"teams", CT),
    _t(r"kan[aä]len?|kanäle|channels?", CT, "tool", "Kanäle", "channels", "Kanälen"),
    _t(r"whats\s?-?app", CT, "tool", "WhatsApp", "WhatsApp"),
    _t(r"slack", CT, "tool", "Slack", "Slack"),
    _t(r"share\s?point", CT, "tool", "SharePoint", "SharePoint"),
    _t(r"one\s?drive", CT, "tool", "OneDrive", "OneDrive"),
    _t(r"one\s?note", CT, "tool", "OneNote", "OneNote"),
    _t(r"confluence", CT, "tool", "Confluence", "Confluence"),
    _t(r"trello", CT, "tool", "Trello", "Trello"),
    _t(r"miro", CT, "tool", "Miro", "Miro"),
    _t(r"outlook", CT, "tool", "Outlook", "Outlook"),
    _t(r"excel", CT, "tool", "Excel", "Excel"),
    _t(r"power\s?-?point|ppt", CT, "tool", "PowerPoint", "PowerPoint"),
    _t(r"canva", CT, "tool", "Canva", "Canva"),
    _t(r"e-?mails?|mails?|e-?mailt|mailt", CT, "tool", "E-Mails", "emails"),
    _t(r"chats?", CT, "tool", "Chats", "chats"),
    _t(r"protokoll\w*|meeting\s+notes", CT, "tool", "Protokolle", "meeting notes", "Protokollen"),
    _t(r"präsentation\w*|presentations?|folien|slides", CT, "tool", "Präsentationen", "presentations"),
    _t(r"tabellen?|spreadsheets?", CT, "tool", "Tabellen", "spreadsheets"),
    _t(r"cloud", CT, "theme", "Cloud", "the cloud"),
    _t(r"kollaboration\w*|collaboration|dateiablage|shared\s+(?:documents?|files?|drive)", CT),
    _t(r"videokonferenz\w*|video-?calls?|videoanruf\w*|video\s+calls?", HW, "tool", "Videokonferenzen", "video calls"),
    _t(r"zoom", HW, "tool", "Zoom", "Zoom"),
    _t(r"webex", HW, "tool", "Webex", "Webex"),
    _t(r"hybrid\w*\s+(?:meetings?|besprechung\w*)", HW, "theme", "hybride Besprechungen", "hybrid meetings"),
    _t(r"online-?\s?(?:meetings?|besprechung\w*)", HW, "theme", "Online-Meetings", "online meetings"),
    _t(r"hybrid\w*", HW, "theme", "hybride Zusammenarbeit", "hybrid work"),
    _t(r"home-?office|home\s+office|working\s+from\s+home|remote\s*-?\s*work\w*|mobil\w*\s+arbeit\w*", HW, "theme",
       "Homeoffice", "working from home"),
    _t(r"remote|zugeschaltet\w*|präsenz\w*|office\s+days?|büro\w*|erreichbarkeit|(?:4|vier)-tage-woche"
       r"|four-day\s+week", HW),
    _t(r"phishing\w*", DP, "theme", "Phishing", "phishing"),
    _t(r"passwor[dt]-?manager\w*|password\s+managers?", DP, "tool", "Passwort-Manager", "password managers",
       "Passwort-Managern"),
    _t(r"passw[oö]rt\w*|passwords?|passkeys?", DP, "theme", "Passwörter", "passwords"),
    _t(r"datenschutz\w*|dsgvo|gdpr|data\s+protection|(?:data\s+)?privacy", DP, "theme", "Datenschutz",
       "data protection"),
    _t(r"personenbezogen\w*|personal\s+data|vertraulich\w*|confidential\w*|kundendaten|customer\s+data|"
       r"sicherheit\w*|security|sicher|safe|secure|daten|data|betriebsrat|works\s+council|hacker\w*|mfa|2fa|vpn",
       DP),
    _t(r"feedback\w*|rückmeldung\w*|feedforward|sbi", FB, "theme", "Feedback", "feedback"),
    _t(r"kritik|critici[sz]\w*|lob|praise|ich-botschaft\w*|i-messages?", FB),
    _t(r"lernvereinbarung\w*|learning\s+agreements?", LG, "theme", "Lernvereinbarung", "the learning agreement"),
    _t(r"lernziel\w*|learning\s+goals?|ziele?|goals?|lernen|learn\w*|fähigkeit\w*|skills?|weiterbildung\w*", LG),
    _t(r"podcasts?", "", "tool", "Podcasts", "podcasts"),
    _t(r"apps?", "", "tool", "Apps", "apps"),
    _t(r"smartphones?|handys?|iphones?|tablets?|ipads?", "", "tool", "das Smartphone", "the smartphone",
       "dem Smartphone"),
    _t(r"online-?banking", "", "theme", "Online-Banking", "online banking"),
    _t(r"videos?", "", "tool", "Videos", "videos"),
)
# fmt: on
# Single-word names, for typos the patterns miss ("linkdn", "powerpiont", "datenschuz").
_FUZZY: dict[str, Term] = {
    key: term
    for term in LEXICON
    if term.kind
    for key in {re.sub(r"\W", "", name.lower()) for name in (term.de, term.en) if " " not in name}
    if len(key) >= 6
}
_GENERIC_NOUNS = frozenset(
    """mentorin mentor mentee mentees mentoren sitzung sitzungen session sessions treffen termin tandem ergebnis
    ergebnisse zeit stunde stunden minuten woche wochen tag tage gespräch frage fragen thema themen spaß idee ideen
    gefühl anfang ende mal beispiel sache sachen dinge ding kollegin kollege kollegen chef chefin team teams
    abteilung büro leute menschen hilfe übung schritt schritte problem probleme meinung arbeit aufgabe aufgaben
    erfahrung erfahrungen vorstand bereich werkstudent werkstudentin anruf faden unternehmen firma rückblick jahr
    monat angst skepsis lust nachwuchskraft führungskraft junior juniorin senior montag dienstag mittwoch
    donnerstag freitag samstag sonntag monday tuesday wednesday thursday friday saturday sunday today session
    mentor mentee ich sie ihr ihnen wir first second third last next""".split()
)


def _sentence_start(text: str, index: int) -> bool:
    before = text[:index].rstrip()
    return not before or before[-1] in '.!?:;\n("„'


def _fallback_topic(text: str, lang: Lang) -> str | None:
    """A noun the senior used, when no known tool or theme was found (German: capitalised nouns)."""
    if lang == "en":
        about = re.search(r"\b(?:about|on the topic of)\s+((?:[a-z][\w-]*\s*){1,3})", text, re.IGNORECASE)
        if about:
            words = []
            for word in about.group(1).split():
                if word.lower() in ENGLISH_STOPWORDS or word.lower() in _GENERIC_NOUNS:
                    break
                words.append(word)
            if words:
                return " ".join(words)
    stop = GERMAN_STOPWORDS | ENGLISH_STOPWORDS | _GENERIC_NOUNS
    for match in re.finditer(r"(?<![\w-])[A-ZÄÖÜ][\wäöüß-]{3,}", text):
        word = match.group().strip("-")
        if (
            word.lower() not in stop
            and not any(c.isdigit() for c in word)
            and not _sentence_start(text, match.start())
        ):
            return word
    return None


@dataclass(frozen=True)
class Topic:
    """A tool or theme named in the senior's text, in the reader's language."""

    nom: str
    dat: str
    tool: bool


def find_terms(text: str) -> list[tuple[int, Term]]:
    """Lexicon terms in the text with their positions, overlaps resolved (longest first), typos tolerated."""
    found = sorted(
        ((m.start(), m.end(), term) for term in LEXICON for m in term.pattern.finditer(text)),
        key=lambda item: (item[0], -(item[1] - item[0])),
    )
    kept: list[tuple[int, int, Term]] = []
    for start, end, term in found:
        if not kept or start >= kept[-1][1]:
            kept.append((start, end, term))
    for match in re.finditer(r"[\wäöüß]{6,}", text.lower()):
        if any(s <= match.start() < e for s, e, _ in kept):
            continue
        best = max(_FUZZY, key=lambda key: SequenceMatcher(None, key, match.group()).ratio())
        if (
            abs(len(best) - len(match.group())) <= 2
            and SequenceMatcher(None, best, match.group()).ratio() >= 0.88
        ):
            kept.append((match.start(), match.end(), _FUZZY[best]))
    return [(start, term) for start, _, term in sorted(kept, key=lambda item: item[0])]


def find_topics(text: str, lang: Lang) -> list[Topic]:
    """The tools and themes the senior named, in order of appearance, without repeats.

    >>> [t.nom for t in find_topics("Meine Mentorin hat gezeigt, wie man mit ChatGPT E-Mails entwirft.", "de")]
    ['ChatGPT', 'E-Mails']
    >>> [t.nom for t in find_topics("set up a password manager, then fixed my powerpiont slides", "en")]
    ['password managers', 'PowerPoint', 'presentations']
    """
    topics: list[Topic] = []
    for _, term in find_terms(text):
        if not term.kind:
            continue
        topic = (
            Topic(term.de, term.de_dat, term.kind == "tool")
            if lang == "de"
            else Topic(term.en, term.en, term.kind == "tool")
        )
        if topic.nom not in {t.nom for t in topics}:
            topics.append(topic)
    if not topics:
        word = _fallback_topic(text, lang)
        if word:
            topics.append(Topic(word, word, False))
    return topics


def detect_bank_topic(text: str) -> list[str]:
    """Question-bank topics the text is about, best first; ['general'] when none is recognised.

    >>> detect_bank_topic("Ist ChatGPT sicher?"), detect_bank_topic("data privacy when my team uses chatgpt")
    (['generative-ai', 'data-protection'], ['data-protection', 'generative-ai'])
    >>> detect_bank_topic("What Gen Z actually expects from a manager")
    ['general']
    """
    score: dict[str, float] = {}
    first: dict[str, int] = {}
    for position, term in find_terms(text):
        if term.topic:
            score[term.topic] = score.get(term.topic, 0.0) + (0.5 if term.topic == LG else 1.0)
            first.setdefault(term.topic, position)
    ranked = sorted(score, key=lambda topic: (-score[topic], first[topic]))
    return ranked or ["general"]


# --- after-session: Gibbs prompts -------------------------------------------------------------------

# Bank prompts adapted to what the senior named: (with a tool, with a theme); {dat}/{nom} is the topic.
_TIED: dict[Lang, dict[GibbsStage, tuple[str, str]]] = {
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


def _mood_prompts(text: str, lang: Lang) -> dict[GibbsStage, list[str]]:
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


_STOP_STEMS = frozenset(
    w[:5] for w in GERMAN_STOPWORDS | ENGLISH_STOPWORDS | {"haben", "have", "your", "ihre"}
)


def _stems(text: str) -> set[str]:
    """Content-word stems (first five letters), for overlap between texts."""
    return {w[:5] for w in re.findall(r"[a-zäöüß]{4,}", text.lower())} - _STOP_STEMS


def _similar(a: str, b: str) -> bool:
    """Near-duplicates: most content words shared."""
    sa, sb = _stems(a), _stems(b)
    return bool(sa and sb) and len(sa & sb) / len(sa | sb) > 0.5


def _rank(prompts: list[str], context: str) -> list[str]:
    """Bank prompts that share words with the context first, else in bank order."""
    words = _stems(context)
    return sorted(prompts, key=lambda p: -len(_stems(p) & words))


def _focus(topics: list[Topic], lang: Lang) -> tuple[str, str, bool] | None:
    """The first topic, joined with the second when both are tools or both themes: (nominative, dative, tool)."""
    if not topics:
        return None
    first = topics[0]
    same = [t for t in topics[1:2] if t.tool == first.tool]
    joiner = pick(lang, " und ", " and ")
    return (
        joiner.join(t.nom for t in [first, *same]),
        joiner.join(t.dat for t in [first, *same]),
        first.tool,
    )


def compose_after_session(context: str, lang: Lang, reflection: ReflectionPrompts) -> ReflectionContent:
    """Six to nine Gibbs prompts: adapted to the senior's topic and mood, topped up from the reflection bank."""
    topics = find_topics(context, lang)
    focus = _focus(topics, lang)
    moods = _mood_prompts(context, lang)
    tied: dict[GibbsStage, list[str]] = {}
    for stage in GIBBS_STAGES:
        tied[stage] = list(moods[stage])
        if topics:
            tool_form, theme_form = _TIED[lang][stage]
            first = topics[0]
            nom, dat = (focus[0], focus[1]) if stage == "description" and focus else (first.nom, first.dat)
            tied[stage].append((tool_form if first.tool else theme_form).format(nom=nom, dat=dat))
    bank = {stage: _rank(reflection.get(stage, lang), context) for stage in GIBBS_STAGES}
    chosen: dict[GibbsStage, list[str]] = {stage: [] for stage in GIBBS_STAGES}

    def take(stage: GibbsStage, pool: list[str]) -> bool:
        taken = [q for qs in chosen.values() for q in qs]
        for prompt in pool:
            if all(not _similar(prompt, other) and prompt != other for other in taken):
                chosen[stage].append(prompt)
                return True
        return False

    for stage in GIBBS_STAGES:
        take(stage, tied[stage][:1]) or take(stage, bank[stage])
    priority: tuple[GibbsStage, ...] = (
        "feelings",
        "evaluation",
        "analysis",
        "action_plan",
        "description",
        "conclusion",
    )
    for stage in priority:  # a second prompt that takes up the senior's words, at most two per stage
        if sum(map(len, chosen.values())) < 9 and len(chosen[stage]) < 2:
            take(stage, [p for p in tied[stage] if p not in chosen[stage]])
    for stage in priority:  # then bank prompts, where the stage has no prompt on the senior's mood yet
        if sum(map(len, chosen.values())) < 8 and len(chosen[stage]) < 2 and not moods[stage]:
            take(stage, bank[stage])
    items = [ReflectionItem(label=stage, question=q) for stage in GIBBS_STAGES for q in chosen[stage]]
    about = ""
    if focus:
        about = pick(lang, f" zu {focus[1]}" if focus[2] else f" zum Thema {focus[0]}", f" on {focus[0]}")
    intro = pick(
        lang,
        f"Fragen für Ihre Reflexion der Sitzung{about}, entlang der sechs Phasen des Gibbs-Zyklus von der "
        "Beschreibung bis zum Aktionsplan. Zwei, drei Sätze pro Frage genügen.",
        f"Questions to reflect on your session{about}, following the six stages of Gibbs' reflective cycle from "
        "description to action plan. Two or three sentences per question are enough.",
    )
    return ReflectionContent(intro=intro, items=items)


# --- questions: GROW questions for the mentor --------------------------------------------------------


def subject_phrase(context: str, lang: Lang) -> tuple[str, bool] | None:
    """What the senior wants to ask about, in their words (quoted=True): the phrase after zu/über/about, the
    list after a colon, or a short context; else the tools named (quoted=False, German in the dative).

    >>> subject_phrase("Ich möchte meine Mentorin zu KI im Recruiting befragen.", "de")
    ('KI im Recruiting', True)
    >>> subject_phrase("What Gen Z actually expects from a manager", "en")
    ('What Gen Z actually expects from a manager', True)
    >>> subject_phrase("Mein Team nutzt LinkedIn und Xing, ich selbst bisher gar nicht. Wie fange ich an?", "de")
    ('LinkedIn und Xing', False)
    """
    text = " ".join(context.split()).strip(" .!?")
    pattern = r"\b(?:zu|zum|zur|über|zum Thema)\s+(.+)" if lang == "de" else r"\b(?:about|regarding)\s+(.+)"
    match = re.search(pattern, text)
    if match:
        keep = frozenset("im in der die das den dem des für und mit von bei zur zum of".split())
        words: list[str] = []
        for word in match.group(1).split():
            bare = word.strip(",;:-–.!?")
            if lang == "de" and not (bare[:1].isupper() or bare.isdigit() or bare in keep):
                break
            if lang == "en" and (
                bare.lower() in ENGLISH_STOPWORDS - keep or bare.lower() in _EN_STOP or not bare
            ):
                break
            words.append(bare)
            if word != bare or len(words) == 4:
                break
        while words and words[-1] in keep:
            words.pop()
        if words:
            return " ".join(words), True
    text = text.strip("\"„“”'‚‘«» .!?")
    first = re.split(r"[.!?](?:\s|$)", text)[0]
    if len(first) <= 40 and not {w.lower() for w in re.findall(r"[\w']+", first)} & _PERSONAL:
        return first, True
    tail = text.rsplit(": ", 1)[-1] if ": " in text else text
    if len(tail) <= 60 and not re.search(r"[.!?]\s", tail):
        return tail, True
    named = pick(lang, " und ", " and ").join(t.dat for t in find_topics(context, lang)[:2])
    return (named, False) if named else None


_PERSONAL = frozenset("ich wir mein meine mir mich uns unser i we my me i'm i'd our us".split())
_EN_STOP = frozenset("next tomorrow today please because so - –".split())


def compose_questions(context: str, lang: Lang, bank: QuestionBank) -> ReflectionContent:
    """Two bank questions per GROW phase for the recognised topic, one more from a second topic if any."""
    ranked = [t for t in detect_bank_topic(context) if any(bank.get(t, p, lang) for p in GROW_PHASES)]
    topic = ranked[0] if ranked else "general"
    second = next((t for t in ranked[1:] if t != "general"), None)
    items: list[ReflectionItem] = []
    for phase in GROW_PHASES:
        pool = _rank(bank.get(topic, phase, lang), context) or bank.get("general", phase, lang)
        picked = pool[:2]
        if second and phase in ("reality", "options"):
            picked += [q for q in _rank(bank.get(second, phase, lang), context) if q not in picked][:1]
        items += [ReflectionItem(label=phase, question=q) for q in picked]
    subject = subject_phrase(context, lang)
    name = TOPIC_NAMES.get(topic, TOPIC_NAMES["general"])
    if subject:
        phrase, quoted = subject
        about = pick(
            lang,
            f"zu „{phrase}“" if quoted else f"zu {phrase}",
            f"on '{phrase}'" if quoted else f"on {phrase}",
        )
    else:
        about = pick(lang, f"zum Thema {name[0]}", f"on {name[1]}")
    intro = pick(
        lang,
        f"Offene Fragen {about} für das Gespräch mit Ihrer Mentorin oder Ihrem Mentor, nach dem GROW-Modell "
        "geordnet (Ziel, Ist-Situation, Optionen, nächste Schritte). Gehen Sie sie gemeinsam durch und passen Sie "
        "die Anrede an, wenn Sie sich duzen.",
        f"Open questions {about} for the conversation with your mentor, ordered by the GROW model (goal, reality, "
        "options, will). Go through them together and adapt them to your situation.",
    )
    return ReflectionContent(intro=intro, items=items)


# --- question grammar: find the questions, tell open from closed, open the closed ones up ------------

_W = {
    "de": frozenset(
        "was wie wer wen wem wessen wo woher wohin warum weshalb wieso weswegen welche welcher welches welchen "
        "welchem wann wozu wofür womit woran worüber wodurch worauf wovon wobei worin woraus wonach worum "
        "inwiefern inwieweit wieviel".split()
    ),
    "en": frozenset("what how which who whom whose when where why".split()),
}
_PREPS = {
    "de": frozenset("mit in an auf bei für von über unter aus bis seit nach zu um gegen durch ab".split()),
    "en": frozenset("in on at for with to from by about of under since until".split()),
}
_FILLERS = {
    "de": frozenset("und aber also oder dann denn ja nein okay ok gut na nun so hey hallo kurz noch".split()),
    "en": frozenset("and but so or then okay ok yes no well right now hey hi also".split()),
}
_PRONOUNS = {
    "de": frozenset("ich du er sie es wir ihr man das dies jemand sich".split()),
    "en": frozenset("i you we they it this that these those he she there someone anyone people one".split()),
}
# fmt: off
_VERBS_DE: dict[str, frozenset[str]] = {
    kind: frozenset(words.split())
    for kind, words in {
        "copula": "ist sind war waren wäre wären bist seid bin",
        "ability": "kann kannst können könnt könnte könntest könnten",
        "permission": "darf darfst dürfen dürft dürfte",
        "advice": "muss musst müssen müsste soll sollst sollen sollte solltest sollten",
        "prediction": "wird wirst werden werde würde würdest würden",
        "wish": "will willst wollen möchte möchtest möchten",
        "have": "hast hat habt haben habe hab hatte hattest hatten",
        "exists": "gibt gab",
        "opinion": "findest finden findet glaubst glauben meinst meinen denkst denken stimmt",
        "know": "weißt weisst wisst wissen kennst kennen kennt",
        "need": "brauche brauch brauchst braucht brauchen",
    }.items()
}
_VERBS_EN: dict[str, frozenset[str]] = {
    "copula": frozenset("is are was were am".split()),
    "ability": frozenset("can could may".split()),
    "advice": frozenset("should shall must".split()),
    "prediction": frozenset("will would might".split()),
    "do": frozenset("do does did".split()),
    "have": frozenset("have has had".split()),
}
_KONJUNKTIV = {"kann": "könnte", "kannst": "könntest", "können": "könnten", "könnt": "könntet"}
_DROP = {  # built-in answers and softeners that an open question does without
    "de": frozenset("nicht überhaupt denn eigentlich vielleicht eventuell bitte".split()),
    "en": frozenset("not maybe perhaps possibly please".split()),
}
_SUBORDINATE = {
    "de": frozenset("wenn weil obwohl dass ob falls sobald bevor nachdem".split()),
    "en": frozenset("if whether because although unless".split()),
}
_NOT_VERB_DE = _PRONOUNS["de"] | _PREPS["de"] | frozenset(
    """der die das den dem des ein eine einen einem einer mein meine dein deine heute jetzt hier da dort bitte
    danke nur auch schon kein keine nicht ne gell alles klar richtig wirklich echt oft immer so genauso gleich
    anders""".split()
)
_ARTICLES_DE = frozenset("ein eine einen einem einer der die das den dem des kein keine keinen".split())
_SEPARABLE = frozenset("an auf aus ein mit vor zu ab zurück los weiter hin her fest nach vorbei um".split())
_ADVERBS = frozenset("schon mal einmal jemals je bereits ever already yet just".split())
_ADJ_DE = frozenset(
    """sicher schwer schwierig kompliziert einfach leicht teuer nützlich hilfreich sinnvoll wichtig riskant
    zuverlässig verlässlich gut schlecht schnell langsam aufwendig aufwändig nötig notwendig produktiv normal üblich
    gefährlich genau realistisch seltsam komisch professionell privat effektiv effizient beliebt verbreitet
    modern aktuell erlaubt okay ok zulässig legal verboten gratis neu alt fertig viel wenig""".split()
)
_GRADABLE_DE = _ADJ_DE - frozenset("erlaubt okay ok zulässig legal verboten gratis fertig viel wenig".split())
_FOLLOW_DE = {
    **dict.fromkeys("sicher gefährlich riskant".split(), "Welche Risiken {siehst} dabei?"),
    **dict.fromkeys(
        "schwer schwierig kompliziert aufwendig aufwändig".split(), "Was ist daran {sicht} am schwierigsten?"
    ),
    **dict.fromkeys("erlaubt okay ok zulässig legal".split(), "Welche Regeln gelten dafür?"),
    **dict.fromkeys("nützlich hilfreich sinnvoll".split(), "Wofür ist {s} {sicht} besonders nützlich?"),
}
_ADJ_EN = frozenset(
    """safe secure hard difficult easy complicated useful helpful expensive important risky reliable accurate good
    bad fast slow necessary productive common normal popular effective realistic likely private dangerous weird
    strange professional appropriate allowed ok okay fine legal true free worth""".split()
)
_GRADABLE_EN = _ADJ_EN - frozenset("allowed ok okay fine legal true free worth".split())
_FOLLOW_EN = {
    **dict.fromkeys("safe secure dangerous risky".split(), "Which risks do you see with {s}?"),
    **dict.fromkeys("hard difficult complicated".split(), "What is the hardest part about {s}?"),
    **dict.fromkeys("useful helpful worth".split(), "What would {s} be most useful for?"),
}
_VERBS_COMMON_EN = frozenset(
    """be get find use work help see like know need want think make take go do have install try learn read write
    post share send save change replace feel notice mind react understand show tell give start stop keep become
    look sound mean put run set pay cost call ask answer lose hack access store track steal leak delete crash break
    require allow accept expect believe happen matter apply trust rely follow join sign log upload download open
    create edit update protect affect come say talk meet care approve complain hear watch""".split()
)
_OPINION_EN = frozenset("think believe feel reckon suppose".split())
_OBJECT_EN = {"i": "me", "we": "us", "they": "them", "he": "him", "she": "her"}
_PARTICIPLES_EN = frozenset("done seen been made tried used written taken given gone had got heard read found "
                            "shown known built bought thought taught put set run".split())
_ADDRESS = {
    False: {"sicht": "aus deiner Sicht", "siehst": "siehst du", "weisst": "weißt du", "dir": "dir",
            "machst": "machst du", "erzaehlst": "kannst du mir", "schaetzt": "schätzt du", "hast": "hast du",
            "deinem": "deinem"},
    True: {"sicht": "aus Ihrer Sicht", "siehst": "sehen Sie", "weisst": "wissen Sie", "dir": "Ihnen",
           "machst": "machen Sie", "erzaehlst": "können Sie mir", "schaetzt": "schätzen Sie", "hast": "haben Sie",
           "deinem": "Ihrem"},
}
_QUOTED = [
    re.compile(p)
    for p in (r"„([^“”\"]+?\?)[“”\"]", r"\"([^\"]+?\?)\"", r"»([^«]+?\?)«", r"«([^»]+?\?)»", r"‚([^‘’]+?\?)[‘’]",
              r"‘([^’]+?\?)’", r"(?<!\w)'((?:[^'?]|(?<=\w)'(?=\w))+\?)'")
]
_ABBREVIATION = re.compile(r"\b(z\.\s?B|d\.\s?h|u\.\s?a|e\.\s?g|i\.\s?e|bzw|ca|usw|etc)\.", re.IGNORECASE)
# fmt: on
MAX_QUESTIONS = 6


def _bare(word: str) -> str:
    return word.lower().strip(",;:.!?\"'„“”»«()")


def _lead(words: list[str], lang: Lang) -> list[str]:
    """The words from the first one that is not a filler ('Okay, ...', 'Und ...')."""
    start = 0
    while start < len(words) - 1 and _bare(words[start]) in _FILLERS[lang]:
        start += 1
    return words[start:]


def is_w_question(text: str, lang: Lang) -> bool:
    """True if the question opens with a W-/wh-word (or a preposition and one: 'Mit wem ...', 'In which ...').

    >>> is_w_question("Wie sicher ist das?", "de"), is_w_question("Ist das sicher?", "de")
    (True, False)
    >>> is_w_question("And in which cases would you use it?", "en")
    True
    """
    words = [_bare(w).split("'")[0] for w in _lead(text.split(), lang)]
    if not words:
        return False
    return words[0] in _W[lang] or (len(words) > 1 and words[0] in _PREPS[lang] and words[1] in _W[lang])


def _question_start(part: str, lang: Lang) -> str | None:
    """The question inside a sentence ('Meine Frage ist: Ist das sicher?'), or None if there is none."""
    words = part.split()
    openers = _W[lang] | frozenset().union(*(_VERBS_DE if lang == "de" else _VERBS_EN).values())
    lead = _lead(words, lang)
    first = _bare(lead[0]) if lead else ""
    if first in openers or (lang == "de" and _plausible_verb_de(lead)):
        return " ".join(lead)
    for i in range(1, len(words)):
        prev = words[i - 1]
        cue = prev[-1:] in ":,–-" or _bare(prev) in {"like", "wie", "etwa", "zb", "eg", "as"}
        if _bare(words[i]) in openers and (words[i][:1].isupper() or cue):
            return " ".join(words[i:])
    return part if part.endswith("?") else None


def _plausible_verb_de(words: list[str]) -> bool:
    """A German question that opens with a finite verb: 'Geht das ...', 'brauch ich ...', 'Funktioniert ...'."""
    if len(words) < 2 or _bare(words[0]) in _NOT_VERB_DE or words[0].endswith(","):
        return False
    return _bare(words[1]) in _PRONOUNS["de"] or _bare(words[0]).endswith(("t", "st"))


def _split_run_on(part: str, lang: Lang) -> list[str]:
    """'ist das sicher hast du das schon mal gemacht' -> two questions (a verb and a pronoun start one)."""
    words = part.split()
    verbs = frozenset().union(*(_VERBS_DE if lang == "de" else _VERBS_EN).values())
    cuts = [0]
    for i in range(2, len(words) - 1):
        prev = _bare(words[i - 1])
        if (
            _bare(words[i]) in verbs
            and _bare(words[i + 1]) in _PRONOUNS[lang]
            and prev not in _W[lang]
            and prev not in _SUBORDINATE[lang]
            and prev not in {"to", "zu", "dass", "that", "ob"}
        ):
            cuts.append(i)
    pieces = [words[a:b] for a, b in zip(cuts, [*cuts[1:], len(words)], strict=True)]
    return [" ".join(p[:-1] if _bare(p[-1]) in {"und", "oder", "and", "or"} else p) for p in pieces if p]


def split_questions(text: str, lang: Lang) -> list[str]:
    """The questions in a text: quoted ones if any, else each '?'-ended part or line, run-ons split.

    >>> split_questions("Ist das sicher? Can I use it?? hast du das schon mal gemacht", "de")
    ['Ist das sicher?', 'Can I use it?', 'hast du das schon mal gemacht?']
    >>> split_questions("My questions are always like 'Is ChatGPT safe?' and 'Should I use it?'", "en")
    ['Is ChatGPT safe?', 'Should I use it?']
    """
    quoted = sorted((m.start(), m.group(1)) for p in _QUOTED for m in p.finditer(text))
    found: list[str] = [q for _, q in quoted]
    if not found:
        for line in re.split(r"[\n;•]+", _ABBREVIATION.sub(lambda m: m.group(1).replace(".", ""), text)):
            for part in re.findall(r"[^?]+\?+|[^?]+$", line):
                part = re.sub(r"^\s*(?:[-*–]|\d+[.)])\s*", "", part).strip()
                asked = part.endswith("?")
                part = re.split(r"(?<=[.!:])\s+", part)[-1].strip()
                start = _question_start(re.sub(r"\?+$", "?", part), lang) if part else None
                if start:
                    found += [start] if asked else _split_run_on(start, lang)
    questions: dict[str, str] = {}
    for question in found:
        question = " ".join(question.split()).strip(" -–")
        if re.search(r"\w", question):
            question = question.rstrip("?!. ") + "?"
            questions.setdefault(re.sub(r"\W+", " ", question.lower()).strip(), question)
    return list(questions.values())[:MAX_QUESTIONS]


@dataclass
class _Closed:
    """A closed question taken apart: its opening verb, the words up to a comma or clause, and the rest."""

    verb: str
    kind: str
    main: list[str]
    tail: list[str]
    lower: bool  # written all in lower case, so capitals say nothing about nouns
    comma: bool = True  # the rest followed a comma (German always sets one before a clause)


def _parse(question: str, lang: Lang) -> _Closed | None:
    """Take a yes/no question apart; None if it does not open with a verb Tandem knows how to handle."""
    text = re.sub(r"(?i)\bgibt's\b", "gibt es", question.replace("’", "'")).strip().rstrip("?!.… ")
    words: list[str] = []
    for raw in text.split():
        word = raw.strip('"„“”»«‚‘()').lstrip("'")
        abbreviation = re.fullmatch(r"(?:\w\.)+|[a-zäöü]{2,4}\.", word.lower()) and len(text.split()) > 1
        if word[-1:] in ".:;!?…" and not (abbreviation and word[-1] == "."):  # "z. B.", "e.g." stay
            word = word.rstrip(".:;!?…") + ","
        if _bare(word) in _DROP[lang] and words:
            words[-1] += "," if word.endswith(",") and not words[-1].endswith(",") else ""
        elif word.strip(","):
            words.append(word)
    words = _lead(words, lang)
    if len(words) == 1 and _bare(words[0]) in (_ADJ_DE if lang == "de" else _ADJ_EN):
        words = [*pick(lang, "ist das", "is this").split(), *words]  # "sicher?" means "Ist das sicher?"
    if len(words) < 2:
        return None
    verb = words[0].lower().rstrip(",")
    if lang == "en":
        verb = {"can't": "can", "won't": "will", "ain't": "is", "shan't": "shall"}.get(verb, verb)
        verb = verb[:-3] if verb.endswith("n't") else verb
    table = _VERBS_DE if lang == "de" else _VERBS_EN
    kind = next((k for k, verbs in table.items() if verb in verbs), "")
    if not kind and lang == "de" and _plausible_verb_de(words):
        kind = "other"
    if kind == "ability" and verb == "may" and _bare(words[1]) not in {"i", "we"}:
        kind = "prediction"  # "May it crash?" predicts; "May I ...?" asks for permission
    if not kind:
        return None
    main: list[str] = []
    tail: list[str] = []
    comma = lang == "de"
    for i, word in enumerate(words[1:]):
        if i > 0 and _bare(word) in _SUBORDINATE[lang]:
            tail = words[1 + i :]
            break
        main.append(word.rstrip(","))
        if word.endswith(","):
            tail, comma = words[2 + i :], True
            break
    tail[-1:] = [w.rstrip(",") for w in tail[-1:]]
    return _Closed(verb, kind, main, tail, text == text.lower(), comma)


def _q(*parts: str | list[str]) -> str:
    """Join words into a question: one space, no space before commas, capital first letter, one '?'."""
    words = [w for part in parts for w in ([part] if isinstance(part, str) else part) if w]
    text = re.sub(r"\s+,", ",", " ".join(words)).strip(" ,")
    text = re.sub(r"\bi\b", "I", re.sub(r",+", ",", text))
    return text[:1].upper() + text[1:] + "?"


def _tail(c: _Closed) -> list[str]:
    return [",", *c.tail] if c.tail and c.comma else c.tail


def _clause_de(c: _Closed, drop_adverbs: bool = False) -> list[str]:
    """The question as a subordinate clause, verb last: 'ob ich das für E-Mails nutzen kann'."""
    main = [w for w in c.main if not (drop_adverbs and w.lower() in _ADVERBS)]
    verb = c.verb
    if c.kind in ("other", "need", "know", "opinion") and main and main[-1].lower() in _SEPARABLE:
        verb, main = main[-1].lower() + verb, main[:-1]
    return [*main, verb, *_tail(c)]


def _adjective(main: list[str], lower: bool, lang: Lang) -> int | None:
    """Index of the predicate adjective in 'das Tool sicher für Kundendaten' (None for 'das ein Problem')."""
    known = _ADJ_DE if lang == "de" else _ADJ_EN
    suffix = (
        r"(ig|lich|bar|sam|isch|los|haft|iv|ell)$" if lang == "de" else r"(ful|ous|able|ible|ive|ic|al|less)$"
    )
    for i, word in enumerate(main):
        adjectival = word.lower() in known or (len(word) > 4 and re.search(suffix, word.lower()))
        if (i or len(main) == 1) and (lang == "en" or lower or not word[:1].isupper()) and adjectival:
            return i
    last = main[-1] if main else ""
    if lang == "de" and len(main) >= 2 and not lower and last.islower() and last not in _NOT_VERB_DE:
        return len(main) - 1
    return None


def _copula_de(c: _Closed, a: dict[str, str]) -> list[str]:
    main = c.main
    if (
        len(main) >= 2
        and "für" in [w.lower() for w in main[1:3]]
        and all(
            w.lower() in {"nur", "bloß", "eher", "hauptsächlich", "für"}
            for w in main[1 : main.index("für") + 1]
            if "für" in main
        )
    ):
        return [
            _q("Für wen", c.verb, main[0], a["sicht"], "gedacht"),
            _q("Wer hat", a["sicht"], "am meisten davon"),
        ]
    j = _adjective(main, c.lower, "de")
    if j is None:
        return []
    subject, adj, after = main[:j] or ["das"], main[j], main[j + 1 :]
    out = []
    if not (subject == ["es"] and c.tail):
        past = c.verb in ("war", "waren")
        out.append(
            _q("Was", "hat" if past else "macht", subject, adj, after, "gemacht" if past else "", _tail(c))
        )
    if adj.lower() in _GRADABLE_DE:
        out.append(_q("Wie", adj, c.verb, subject, after, a["sicht"], _tail(c)))
    follow = _FOLLOW_DE.get(adj.lower())
    if follow and c.verb in ("ist", "sind"):
        out.append(follow.format(s=" ".join(subject), **a))
    return out


def _open_de(c: _Closed, formal: bool) -> list[str]:
    """Open alternatives for a German closed question, most specific first."""
    a = _ADDRESS[formal]
    rest = [*c.main, *_tail(c)]
    subject = c.main[0] if c.main else ""
    s = subject.lower()
    addressed = subject in ("du", "ihr") or (subject == "Sie" and formal)
    out: list[str] = []
    if len(c.tail) >= 2 and _bare(c.tail[0]) in _W["de"]:  # "..., wie das geht" -> "Wie geht das?"
        verb, particle = c.tail[-1], ""
        prefix = re.match(
            r"(zurück|vorbei|weiter|an|auf|aus|ein|mit|vor|zu|ab|los|nach|um|fest|hin|her)(\w{3,})$", verb
        )
        if prefix and prefix.group(2).endswith(("t", "en")):  # "wie man ein Profil anlegt" -> "legt ... an"
            particle, verb = prefix.groups()
        out.append(_q(c.tail[0], verb, c.tail[1:-1], particle))
    wish = "möchten" if s == "wir" else "möchte"
    if c.kind == "copula":
        out += _copula_de(c, a)
    elif c.kind in ("ability", "permission", "advice") and s in ("ich", "man", "wir"):
        if c.kind == "ability":
            out += [
                _q("Wie", _KONJUNKTIV.get(c.verb, c.verb), rest),
                _q("Was wäre nötig, damit", _clause_de(c)),
            ]
        if c.kind == "permission":
            out += [
                _q("Unter welchen Bedingungen", c.verb, rest),
                _q("Welche Regeln gelten, wenn", subject, c.main[1:], wish, _tail(c)),
            ]
        if c.kind == "advice":
            out.append(_q("Was spricht", a["sicht"], "dafür, dass", _clause_de(c), ", und was dagegen"))
        out.append(
            _q(
                "Worauf",
                "sollten" if s == "wir" else "sollte",
                s,
                "achten, wenn",
                s,
                c.main[1:],
                wish,
                _tail(c),
            )
        )
    elif c.kind in ("ability", "permission") and addressed:
        out += [_q("Wann", c.verb, rest), _q("Wie", _KONJUNKTIV.get(c.verb, c.verb), rest)]
    elif c.kind == "prediction":
        out.append(_q("Wie wahrscheinlich ist es, dass", _clause_de(c)))
    elif c.kind == "have" and len(c.main) >= 2:
        out += _have_de(c, addressed)
    elif c.kind == "exists" and s == "es":
        thing = c.main[1:]
        while thing and thing[0].lower() in {"da", "dafür", "dazu", "hier", "dort", "schon", "auch", "noch"}:
            thing = thing[1:]
        if thing:
            out.append(_q("Was", a["weisst"], "über", thing, _tail(c)))
            plural = thing[0][:1].isupper() and thing[0].lower() not in _ARTICLES_DE
            out.append(
                _q("Welche", thing, "gibt es", _tail(c)) if plural else _q("Wo finde ich", thing, _tail(c))
            )
    elif c.kind == "opinion" and c.tail and _bare(c.tail[0]) in ("dass", "ob"):
        out += [
            _q("Was spricht", a["sicht"], "dafür, dass", c.tail[1:], ", und was dagegen"),
            _q("Wie", a["schaetzt"], "ein, ob", c.tail[1:]),
        ]
    elif c.kind == "opinion" and len(c.main) >= 2 and c.main[-1].lower() in _ADJ_DE:
        out += [_q("Wie", c.verb, c.main[:-1]), _q("Was gefällt", a["dir"], "daran, und was nicht")]
    elif c.kind == "know":
        if c.tail and (_bare(c.tail[0]) in _W["de"] or _bare(c.tail[0]) in ("ob", "dass")):
            out.append(_q("Was", a["weisst"], "darüber,", c.tail))
        elif len(c.main) >= 2:
            out.append(_q("Was", a["weisst"], "über", c.main[1:]))
            if len(c.main) == 2 and c.main[1][:1].isupper():
                out.append(_q("Welche Erfahrungen", a["hast"], "mit", c.main[1], "gemacht"))
    elif c.kind == "need":
        thing = [w for w in c.main[1:] if w.lower() not in {"dafür", "dazu"}]
        out.append(_q("Wofür", c.verb, subject, thing, _tail(c)))
    elif c.kind == "other" and c.verb.startswith("kost"):
        out.append(
            _q(
                "Was",
                c.verb,
                [w for w in c.main if w.lower() not in {"was", "etwas", "viel", "extra", "geld"}],
            )
        )
    elif c.kind == "other" and c.verb.startswith(
        (
            "funktion",
            "geh",
            "klapp",
            "hilf",
            "nutz",
            "benutz",
            "verwend",
            "mach",
            "speicher",
            "läuf",
            "lauf",
            "arbeit",
            "lern",
            "schütz",
        )
    ):
        out.append(_q("Wie", c.verb, rest))
    if len(out) < 2 or c.kind not in ("opinion", "know"):
        out += [
            _q("Unter welchen Umständen", c.verb, rest),
            _q("Woran merke ich, ob", _clause_de(c)),
            _q("Was spricht", a["sicht"], "dafür, dass", _clause_de(c), ", und was dagegen"),
        ]
    return out


def _have_de(c: _Closed, addressed: bool) -> list[str]:
    last = c.main[-1]
    participle = last.islower() and bool(
        re.search(r"^(?:\w*ge\w+(?:t|en)|(?:be|ver|er|ent|zer|emp)\w+t|\w+iert)$", last)
    )
    subject = c.main[0]
    if not participle:
        n = 2 if c.main[1].lower() in _ARTICLES_DE and len(c.main) > 2 else 1
        if c.main[1].lower().startswith("kein"):
            return [_q("Wobei", c.verb, c.main, _tail(c))]
        return [
            _q("Was für", c.main[1 : 1 + n], c.verb, subject, c.main[1 + n :], _tail(c)),
            _q("Wobei", c.verb, c.main, _tail(c)),
        ]
    thing = [w for w in c.main[1:-1] if w.lower() not in _ADVERBS]
    if subject.lower() in ("es", "das"):  # "Hat es dir geholfen?" -> "Was hat dir geholfen?"
        return [_q("Was", c.verb, c.main[1:], _tail(c)), _q("Wobei", c.verb, c.main, _tail(c))]
    out = []
    if addressed and (thing in ([], ["das"], ["es"]) or (len(thing) == 1 and thing[0][:1].isupper())):
        out.append(
            _q(
                "Welche Erfahrungen",
                c.verb,
                subject,
                "mit " + thing[0] if len(thing) == 1 and thing[0][:1].isupper() else "damit",
                "gemacht",
            )
        )
    out += [
        _q("Wie ist es gelaufen, als", _clause_de(c, drop_adverbs=True)),
        _q("Wobei", c.verb, c.main, _tail(c)),
    ]
    return out


def _subject_en(words: list[str]) -> tuple[list[str], list[str]]:
    """Split 'my team find it weird' into subject and verb phrase, by the first known verb."""
    for i in range(1, min(5, len(words))):
        if _bare(words[i]) in _VERBS_COMMON_EN:
            return words[:i], words[i:]
    first = _bare(words[0]) if words else ""
    n = 1 if first in _PRONOUNS["en"] or len(words) < 3 else 2
    if first not in {
        "the",
        "a",
        "an",
        "my",
        "your",
        "our",
        "their",
        "his",
        "her",
        "its",
        "this",
        "that",
        "any",
        "some",
    }:
        n = 1
    return words[:n], words[n:]


def _open_en(c: _Closed) -> list[str]:
    """Open alternatives for an English closed question, most specific first."""
    words = [*c.main, *_tail(c)]
    subject, vp = _subject_en(words)
    s = " ".join(subject).lower()
    v = c.verb
    out: list[str] = []
    if c.kind == "copula":
        out += _copula_en(c)
    elif c.kind == "ability":
        out.append(_q("How could", words))
        if s in ("i", "we", "you") and vp:
            out.append(_q("What would", subject, "need to", vp))
        if s in ("i", "we") and vp:
            out.append(_q("What should", subject, "watch out for when", subject, vp))
        if s == "you" and vp:
            out.append(_q("When could you", vp))
    elif c.kind == "advice" and vp:
        if s in ("i", "we"):
            out.append(_q("What should", subject, "watch out for when", subject, vp))
        out.append(_q("What speaks for and against the idea that", subject, v, vp))
    elif c.kind == "prediction" and vp:
        out.append(_q("When", v, words) if s == "you" else _q("How likely is it that", subject, v, vp))
    elif c.kind == "do" and vp:
        out += _do_en(c, subject, vp)
    elif c.kind == "have":
        out += _have_en(c, words)
    if c.kind == "do" and len(out) >= 2:
        return out
    out.append(
        _q("Under which conditions", v, words) if c.kind != "do" else _q("In which situations", v, words)
    )
    return out


def _copula_en(c: _Closed) -> list[str]:
    words, v = [*c.main, *_tail(c)], c.verb
    if _bare(words[0]) == "there":
        thing = words[2:] if len(words) > 2 and _bare(words[1]) in {"any", "some"} else words[1:]
        return [_q("What can you tell me about", thing), _q("Where can I find", thing)] if thing else []
    if (
        len(words) >= 2
        and _bare(words[1]) in {"for", "only", "just", "mainly", "really"}
        and "for" in words[1:3]
    ):
        return [
            _q("Who", v, words[0], "for, in your experience"),
            _q("Who gets the most out of", _OBJECT_EN.get(_bare(words[0]), words[0]), ", in your view"),
        ]
    subject = [_OBJECT_EN.get(words[0].lower(), words[0]), *words[1:]]
    out = [_q("What made" if v in ("was", "were") else "What makes", subject)]
    j = _adjective(c.main, c.lower, "en")
    if j is not None:
        who, adj, after = c.main[:j] or ["this"], c.main[j], c.main[j + 1 :]
        if adj.lower() in _GRADABLE_EN:
            out.append(_q("How", adj, v, who, after, "in your view", _tail(c)))
        follow = _FOLLOW_EN.get(adj.lower())
        if follow and v in ("is", "are"):
            out.append(follow.format(s=" ".join(_OBJECT_EN.get(w.lower(), w) for w in who)))
        if adj.lower() in {"allowed", "ok", "okay", "fine", "legal", "appropriate"} and after[:1] == ["to"]:
            out.append(_q("Which rules apply when I", after[1:]))
    return out


def _do_en(c: _Closed, subject: list[str], vp: list[str]) -> list[str]:
    s, v = " ".join(subject).lower(), c.verb
    verb, rest = _bare(vp[0]), vp[1:]
    if verb == "know":
        whether = ["whether", *rest[1:]] if rest and _bare(rest[0]) == "if" else rest
        out = [_q("What", v, subject, "know about", whether)]
        if rest and (_bare(rest[0]) in _W["en"] or _bare(rest[0]) in {"if", "whether"}):
            out.append(_q("How would you explain", whether))
        return out
    if verb in ("like", "love", "enjoy"):
        return [_q("What", v, subject, "like about", rest), _q("How", v, subject, "like", rest)]
    if verb in _OPINION_EN and s == "you":
        clause = rest[1:] if rest and _bare(rest[0]) == "that" else rest
        return [
            _q("What is your view on whether", clause),
            _q("What speaks for and against the idea that", clause),
        ]
    if verb == "have" and rest and _bare(rest[0]) != "to":
        if _bare(rest[0]) in {"any", "some", "a", "an"} and len(rest) >= 2:
            kind = "What kind of" if _bare(rest[0]) in {"a", "an"} else "What"
            return [
                _q(kind, rest[1], v, subject, "have", rest[2:]),
                _q("What can you tell me about", rest[1:]),
            ]
        return [_q("What", rest[0], v, subject, "have", rest[1:]), _q("What can you tell me about", rest)]
    if verb == "need" and rest:
        if _bare(rest[0]) == "to":
            return [_q("What would happen if", subject, "did not", rest[1:])]
        return [_q("What would", subject, "need", rest, "for")]
    if verb == "want" and rest and _bare(rest[0]) == "to":
        return [
            _q("How would", subject, "like", rest),
            _q("Under which conditions would", subject, "want", rest),
        ]
    comparing = {"less", "more", "better", "worse", "enough", "too"} & {_bare(w) for w in vp}
    out = [_q("How", v, subject, vp)] if not comparing and verb not in {"have", "need", "want"} else []
    if v == "do" and s not in ("you", "i"):
        out.append(_q("What have you noticed about whether", subject, vp))
    return out


def _have_en(c: _Closed, words: list[str]) -> list[str]:
    for p in range(1, min(5, len(words))):
        word = _bare(words[p])
        if word.endswith("ed") or word in _PARTICIPLES_EN:
            subject = [w for w in words[:p] if _bare(w) not in _ADVERBS]
            thing = words[p + 1 :]
            clean = [w for w in words if _bare(w) not in {"ever", "already", "yet"}]
            out = []
            if thing and _bare(thing[0]) not in _PREPS["en"] and word != "been":
                out.append(_q("What experience", c.verb, subject, "had with", thing))
            return [*out, _q("In which situations", c.verb, clean), _q("How", c.verb, clean)]
    return []


def _quoted_alternatives(question: str, lang: Lang, formal: bool) -> list[str]:
    """For questions no rule understands: invite an answer about the question itself."""
    core = re.sub(r"[.:;!?…\"„“”']+", "", question).strip()
    a = _ADDRESS[formal]
    if lang == "de":
        return [f"Was {a['erzaehlst']} zu „{core}“ erzählen?", f"Wie {a['siehst']} die Frage „{core}“?"]
    return [f"What can you tell me about '{core}'?", f"How do you see the question '{core}'?"]


def open_alternatives(questions: list[str], lang: Lang) -> dict[str, list[str]]:
    """For each question: open alternatives (variants that go deeper, if it already is open).

    >>> open_alternatives(["Ist das sicher?"], "de")["Ist das sicher?"][:3]
    ['Was macht das sicher?', 'Wie sicher ist das aus deiner Sicht?', 'Welche Risiken siehst du dabei?']
    >>> open_alternatives(["Can I use this for my emails?"], "en")["Can I use this for my emails?"][:2]
    ['How could I use this for my emails?', 'What would I need to use this for my emails?']
    """
    formal = lang == "de" and any(
        w.strip(",") in {"Sie", "Ihnen", "Ihr", "Ihre", "Ihrem", "Ihren", "Ihrer"}
        for q in questions
        for w in q.split()[1:]
    )
    a = _ADDRESS[formal]
    result: dict[str, list[str]] = {}
    for question in questions:
        key = re.sub(r"\W+", " ", question.lower()).strip()
        if is_w_question(question, lang):
            core = question.rstrip("?!. ")
            core = core[:1].upper() + core[1:]
            options = pick(
                lang,
                f"{core}, und woran {a['machst']} das fest?|{core}, zum Beispiel in {a['deinem']} Arbeitsalltag?",
                f"{core}, and what makes you say that?|{core}, for example in your day-to-day work?",
            ).split("|")
        else:
            parsed = _parse(question, lang)
            options = (_open_de(parsed, formal) if lang == "de" else _open_en(parsed)) if parsed else []
        unique = list(
            dict.fromkeys(
                o
                for o in options
                if is_open_question(o, lang) and re.sub(r"\W+", " ", o.lower()).strip() != key
            )
        )
        result[question] = (
            unique if len(unique) >= 2 else [*unique, *_quoted_alternatives(question, lang, formal)]
        )
    return result


# --- open-up: closed questions made open -------------------------------------------------------------


def compose_open_up(context: str, lang: Lang, bank: QuestionBank) -> ReflectionContent:
    """Two or three open alternatives for each question found in the text."""
    found = split_questions(context, lang)
    if not found:
        topic = detect_bank_topic(context)[0]
        examples = [
            q
            for phase in GROW_PHASES[:3]
            for q in (bank.get(topic, phase, lang) or bank.get("general", phase, lang))[:1]
        ]
        intro = pick(
            lang,
            "In Ihrem Text habe ich keine Frage gefunden. Schreiben Sie Ihre geschlossenen Fragen dazu, etwa "
            "„Ist das sicher?“; bis dahin einige offene Beispielfragen aus dem Programm.",
            "I found no question in your text. Add your closed questions, for example 'Is this safe?'; until then, "
            "here are some open example questions from the programme.",
        )
        return ReflectionContent(
            intro=intro, items=[ReflectionItem(label="open", question=q) for q in examples]
        )
    alternatives = open_alternatives(found, lang)
    per_question = 3 if len(found) <= 3 else 2
    items: list[ReflectionItem] = []
    seen: set[str] = set()
    for options in alternatives.values():
        fresh = [q for q in options if q.lower() not in seen][:per_question]
        seen.update(q.lower() for q in fresh)
        items += [ReflectionItem(label="open", question=q) for q in fresh]
    formal = lang == "de" and "Sie" in context.split()[1:]
    spare = [q for q in pick(lang, _SPARE_DE[formal], _SPARE_EN).split("|") if q.lower() not in seen]
    items += [ReflectionItem(label="open", question=q) for q in spare[: max(0, 3 - len(items))]]
    already = [q for q in found if alternatives[q] and q in _open_given(found, lang)]
    intro = pick(
        lang,
        "Offene Varianten Ihrer Fragen: Sie laden Ihr Gegenüber zum Erzählen ein, statt nur Ja oder Nein zu erbitten.",
        "Open versions of your questions: they invite your mentor to explain instead of answering yes or no.",
    )
    if already:
        quoted = pick(lang, " und ", " and ").join(pick(lang, f"„{q}“", f"'{q}'") for q in already[:2])
        intro += pick(
            lang,
            f" {quoted} {'ist' if len(already) == 1 else 'sind'} schon offen; dazu trotzdem Varianten, "
            "die tiefer gehen.",
            f" {quoted} {'is' if len(already) == 1 else 'are'} already open; here are variants that go deeper anyway.",
        )
    return ReflectionContent(intro=intro, items=items)


_SPARE_DE = {
    False: "Welche Erfahrungen hast du damit gemacht?|Was sollte ich dazu noch wissen?",
    True: "Welche Erfahrungen haben Sie damit gemacht?|Was sollte ich dazu noch wissen?",
}
_SPARE_EN = "What experience have you had with this?|What else should I know about this?"


def _open_given(found: list[str], lang: Lang) -> list[str]:
    return [q for q in found if is_w_question(q, lang)]


def compose_reflection(
    context: str, kind: ReflectKind, lang: Lang, questions: QuestionBank, reflection: ReflectionPrompts
) -> ReflectionContent:
    """The offline result for any kind; it passes `check_reflection` for every reasonable input."""
    if kind == "questions":
        return compose_questions(context, lang, questions)
    if kind == "open-up":
        return compose_open_up(context, lang, questions)
    return compose_after_session(context, lang, reflection)
