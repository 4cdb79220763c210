"""The tools and themes a senior may name, in German and English: the lexicon `reflect_topics` searches."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.text.topics import (
    COLLABORATION_TOOLS,
    DATA_PROTECTION,
    FEEDBACK,
    GENERATIVE_AI,
    HYBRID_WORK,
    LEARNING_GOALS,
    SOCIAL_MEDIA,
)

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
FUZZY_NAMES: dict[str, Term] = {
    key: term
    for term in LEXICON
    if term.kind
    for key in {re.sub(r"\W", "", name.lower()) for name in (term.de, term.en) if " " not in name}
    if len(key) >= 6
}
GENERIC_NOUNS = frozenset(
    """mentorin mentor mentee mentees mentoren sitzung sitzungen session sessions treffen termin tandem ergebnis
    ergebnisse zeit stunde stunden minuten woche wochen tag tage gespräch frage fragen thema themen spaß idee ideen
    gefühl anfang ende mal beispiel sache sachen dinge ding kollegin kollege kollegen chef chefin team teams
    abteilung büro leute menschen hilfe übung schritt schritte problem probleme meinung arbeit aufgabe aufgaben
    erfahrung erfahrungen vorstand bereich werkstudent werkstudentin anruf faden unternehmen firma rückblick jahr
    monat angst skepsis lust nachwuchskraft führungskraft junior juniorin senior montag dienstag mittwoch
    donnerstag freitag samstag sonntag monday tuesday wednesday thursday friday saturday sunday today session
    mentor mentee ich sie ihr ihnen wir first second third last next""".split()
)
