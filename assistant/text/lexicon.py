"""The topic lexicon: the tools and themes a text may name, in German and English, each with its question-bank
topic. `assistant.text.topics` searches it; nothing else keeps a list of topic words."""

from __future__ import annotations

import re
from dataclasses import dataclass

# The question bank's topic ids (knowledge/questions.yaml).
GENERATIVE_AI = "generative-ai"
SOCIAL_MEDIA = "social-media"
COLLABORATION_TOOLS = "collaboration-tools"
HYBRID_WORK = "hybrid-work"
DATA_PROTECTION = "data-protection"
FEEDBACK = "feedback"
LEARNING_GOALS = "learning-goals"
GENERAL = "general"  # none of them
# topic -> how to name it (German, English)
TOPIC_NAMES: dict[str, tuple[str, str]] = {
    GENERATIVE_AI: ("generative KI", "generative AI"),
    SOCIAL_MEDIA: ("soziale Medien", "social media"),
    COLLABORATION_TOOLS: ("digitale Zusammenarbeit", "digital collaboration"),
    HYBRID_WORK: ("hybrides Arbeiten", "hybrid work"),
    DATA_PROTECTION: ("Datenschutz", "data protection"),
    FEEDBACK: ("Feedback", "feedback"),
    LEARNING_GOALS: ("Lernziele", "learning goals"),
    GENERAL: ("Ihr Tandem", "your tandem"),
}
# Topics a hands-on exercise on the senior's own device suits.
DIGITAL_TOPICS = frozenset({GENERATIVE_AI, SOCIAL_MEDIA, COLLABORATION_TOOLS, HYBRID_WORK, DATA_PROTECTION})
# How much one mention counts towards a topic: learning goals are named in passing in most texts.
TOPIC_WEIGHTS: dict[str, float] = {LEARNING_GOALS: 0.5}

# Short names keep the table below one term a line.
GA, SM, CT, HW, DP, FB, LG = (
    GENERATIVE_AI,
    SOCIAL_MEDIA,
    COLLABORATION_TOOLS,
    HYBRID_WORK,
    DATA_PROTECTION,
    FEEDBACK,
    LEARNING_GOALS,
)


@dataclass(frozen=True)
class Term:
    """A tool or theme a text may name: how to find it, its question-bank topic, how to name it."""

    pattern: re.Pattern[str]
    topic: str  # question-bank topic ("" for none)
    kind: str  # "tool" (used with mit/with), "theme" (zum Thema/on) or "" (only points to a topic)
    de: str = ""
    en: str = ""
    digital: bool = False  # a digital tool, medium or device (every term of a digital topic is one)
    generic: bool = False  # an everyday word ("sicher", "Büro"): points to its topic, makes no text digital


def _t(regex: str, topic: str, kind: str = "", de: str = "", en: str = "", generic: bool = False) -> Term:
    """A term; terms without a topic are devices and media, so digital too."""
    pattern = re.compile(rf"(?<!\w)(?:{regex})(?!\w)", re.IGNORECASE)
    return Term(pattern, topic, kind, de, en, digital=topic in DIGITAL_TOPICS or not topic, generic=generic)


def _g(regex: str, topic: str, kind: str = "", de: str = "", en: str = "") -> Term:
    """A generic term: an everyday word that points to a topic only in context."""
    return _t(regex, topic, kind, de, en, generic=True)


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
    _t(r"image[- ]?tools?|image[- ]?generat\w*|bildgenerat\w*", GA, "tool", "Bilder", "images"),
    _g(r"images?|bilder", GA, "tool", "Bilder", "images"),
    _g(r"zusammenfassung\w*|summar(?:y|ies)", GA, "tool", "Zusammenfassungen", "summaries"),
    _g(r"übersetz\w*|translat\w*", GA, "theme", "Übersetzungen", "translations"),
    _t(r"llms?|sprachmodell\w*|language\s+models?|chatbots?|agent(?:en|s)?|generativ\w*", GA),
    _t(r"linked\s?-?in|linkdin", SM, "tool", "LinkedIn", "LinkedIn"),
    _t(r"xing", SM, "tool", "Xing", "Xing"),
    _t(r"insta(?:gramm?)?", SM, "tool", "Instagram", "Instagram"),
    _t(r"facebook", SM, "tool", "Facebook", "Facebook"),
    _t(r"tik\s?-?tok", SM, "tool", "TikTok", "TikTok"),
    _t(r"you\s?-?tube", SM, "tool", "YouTube", "YouTube"),
    _t(r"social[- ]media|soziale\w*\s+(?:medien|netzwerk\w*)", SM, "theme", "Social Media", "social media"),
    _t(r"posts?|posten|postet|gepostet|posting", SM, "theme", "Beiträge", "posts"),
    _g(r"beitr[aä]g\w*", SM, "theme", "Beiträge", "posts"),
    _t(r"follower\w*|hashtags?|personal\s+brand\w*", SM),
    _g(r"reichweite|profil\w*|profiles?", SM),
    _t(r"(?:ms|microsoft)\s+teams|teams[- ](?:call|meeting|chat|kan[aä]le?|channel)s?"
       r"|(?:in|über|per|via|mit|zu|with|on|over|im|using)\s+teams", CT, "tool", "Teams", "Teams"),
    _g(r"teams", CT),
    _t(r"kan[aä]len?|kanäle|channels?", CT, "tool", "Kanäle", "channels"),
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
    _g(r"protokoll\w*|meeting\s+notes", CT, "tool", "Protokolle", "meeting notes"),
    _g(r"präsentation\w*|presentations?|folien|slides", CT, "tool", "Präsentationen", "presentations"),
    _g(r"tabellen?|spreadsheets?", CT, "tool", "Tabellen", "spreadsheets"),
    _t(r"cloud", CT, "theme", "Cloud", "the cloud"),
    _t(r"kollaboration\w*|collaboration|dateiablage|shared\s+(?:documents?|files?|drive)|co-?editing|kanban\w*"
       r"|planner", CT),
    _t(r"videokonferenz\w*|video-?calls?|videoanruf\w*|video\s+calls?", HW, "tool", "Videokonferenzen", "video calls"),
    _t(r"zoom", HW, "tool", "Zoom", "Zoom"),
    _t(r"webex", HW, "tool", "Webex", "Webex"),
    _t(r"hybrid\w*\s+(?:meetings?|besprechung\w*)", HW, "theme", "hybride Besprechungen", "hybrid meetings"),
    _t(r"online-?\s?(?:meetings?|besprechung\w*)", HW, "theme", "Online-Meetings", "online meetings"),
    _t(r"hybrid\w*", HW, "theme", "hybride Zusammenarbeit", "hybrid work"),
    _t(r"home-?office|home\s+office|working\s+from\s+home|remote\s*-?\s*work\w*|mobil\w*\s+arbeit\w*", HW, "theme",
       "Homeoffice", "working from home"),
    _t(r"remote\w*|zugeschaltet\w*|office\s+days?|asynchron\w*|async\w*", HW),
    _g(r"präsenz\w*|büro\w*|erreichbarkeit|(?:4|vier)-tage-woche|four-day\s+week", HW),
    _t(r"phishing\w*", DP, "theme", "Phishing", "phishing"),
    _t(r"passwor[dt]-?manager\w*|password\s+managers?", DP, "tool", "Passwort-Manager", "password managers"),
    _t(r"passw[oö]rt\w*|passwords?|passkeys?", DP, "theme", "Passwörter", "passwords"),
    _t(r"datenschutz\w*|dsgvo|gdpr|data\s+protection|(?:data\s+)?privacy", DP, "theme", "Datenschutz",
       "data protection"),
    _t(r"personenbezogen\w*|personal\s+data|kundendaten|customer\s+data|(?:it|cyber|daten|informations)-?sicherheit\w*"
       r"|(?:cyber\s*-?)?security|hacker\w*|mfa|2fa|vpn|zwei-?faktor\w*|two-?factor\w*", DP),
    _g(r"vertraulich\w*|confidential\w*|sicherheit\w*|sicher|safe|secure|daten|data|betriebsrat|works\s+council",
       DP),
    _t(r"feedback\w*|rückmeldung\w*|feedforward|sbi", FB, "theme", "Feedback", "feedback"),
    _t(r"ich-botschaft\w*|i-messages?", FB),
    _g(r"kritik|critici[sz]\w*|lob|praise", FB),
    _t(r"lernvereinbarung\w*|learning\s+agreements?", LG, "theme", "Lernvereinbarung", "the learning agreement"),
    _t(r"lernziel\w*|learning\s+goals?", LG),
    _g(r"ziele?|goals?|lernen|learn\w*|fähigkeit\w*|skills?|weiterbildung\w*", LG),
    _t(r"podcasts?", "", "tool", "Podcasts", "podcasts"),
    _t(r"apps?", "", "tool", "Apps", "apps"),
    _t(r"smartphones?|handys?|iphones?|tablets?|ipads?", "", "tool", "das Smartphone", "the smartphone"),
    _t(r"online-?banking", "", "theme", "Online-Banking", "online banking"),
    _t(r"videos?", "", "tool", "Videos", "videos"),
    _t(r"digital\w*|software|online|internet|websites?|webseiten?|homepages?|browser\w*", ""),
)
# fmt: on
# Single-word names, for typos the patterns miss ("linkdn", "powerpiont", "datenschuz").
FUZZY_NAMES: dict[str, Term] = {
    key: term
    for term in LEXICON
    if term.kind
    for key in {re.sub(r"\W", "", name.lower()) for name in (term.de, term.en) if " " not in name}
    if len(key) >= 6
}
# Nouns that name no subject of their own: never the topic of a text.
GENERIC_NOUNS = frozenset(
    """mentorin mentor mentee mentees mentoren sitzung sitzungen session sessions treffen termin tandem ergebnis
    ergebnisse zeit stunde stunden minuten woche wochen tag tage gespräch frage fragen thema themen spaß idee
    ideen gefühl anfang ende mal beispiel sache sachen dinge ding kollegin kollege kollegen chef chefin team
    teams abteilung büro leute menschen hilfe übung schritt schritte problem probleme meinung arbeit aufgabe
    aufgaben erfahrung erfahrungen bereich unternehmen firma jahr monat angst skepsis lust nachwuchskraft
    führungskraft junior juniorin senior montag dienstag mittwoch donnerstag freitag samstag sonntag monday
    tuesday wednesday thursday friday saturday sunday today session mentor mentee ich sie ihr ihnen wir first
    second third last next""".split()
)
