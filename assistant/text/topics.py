"""Which programme topic a free text is about, by keywords in German and English."""

from __future__ import annotations

import re

# The question bank's topic ids (knowledge/questions.yaml), shared with the reflect mode's lexicon.
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

# bank topic -> keywords (lower-case word stems); order matters: the first topic with the most hits wins
TOPIC_KEYWORDS: dict[str, tuple[str, ...]] = {
    GENERATIVE_AI: (
        "ki",
        "ai",
        "chatgpt",
        "copilot",
        "gemini",
        "prompt",
        "künstliche intelligenz",
        "artificial intelligence",
        "generativ",
        "llm",
        "chatbot",
        "sprachmodell",
    ),
    SOCIAL_MEDIA: (
        "linkedin",
        "social media",
        "soziale medien",
        "post",
        "instagram",
        "personal brand",
        "personal branding",
        "reichweite",
        "follower",
        "hashtag",
        "xing",
    ),
    COLLABORATION_TOOLS: (
        "teams",
        "slack",
        "kollaboration",
        "collaboration",
        "sharepoint",
        "onedrive",
        "kanal",
        "channel",
        "chat",
        "kanban",
        "planner",
        "trello",
        "co-editing",
        "tool",
    ),
    HYBRID_WORK: (
        "hybrid",
        "remote",
        "homeoffice",
        "home office",
        "videokonferenz",
        "video call",
        "meeting",
        "asynchron",
        "async",
        "präsenz",
    ),
    DATA_PROTECTION: (
        "datenschutz",
        "data protection",
        "dsgvo",
        "gdpr",
        "phishing",
        "passwort",
        "password",
        "sicherheit",
        "security",
        "mfa",
        "zwei-faktor",
        "two-factor",
        "2fa",
        "vpn",
    ),
    FEEDBACK: ("feedback", "rückmeldung", "kritik", "sbi", "ich-botschaft", "i-message", "feedforward"),
    LEARNING_GOALS: ("lernziel", "learning goal", "ziel", "goal", "lernvereinbarung", "learning agreement"),
}
DIGITAL_TOPICS = frozenset({GENERATIVE_AI, SOCIAL_MEDIA, COLLABORATION_TOOLS, HYBRID_WORK, DATA_PROTECTION})
_EXTRA_DIGITAL = (
    "digital",
    "app",
    "software",
    "excel",
    "cloud",
    "online",
    "smartphone",
    "tablet",
    "zoom",
    "outlook",
    "e-mail",
    "email",
    "website",
    "browser",
    "tiktok",
    "youtube",
    "podcast",
)


def _hits(text: str, keywords: tuple[str, ...]) -> int:
    return sum(1 for kw in keywords if re.search(rf"(?<![a-zäöüß]){re.escape(kw)}", text))


def detect_topic(text: str) -> str:
    """The question-bank topic a text is about, or 'general'.

    >>> detect_topic("Wie erkläre ich ChatGPT meiner Chefin?"), detect_topic("LinkedIn profile"), detect_topic("Tee")
    ('generative-ai', 'social-media', 'general')
    """
    lowered = text.lower()
    scores = {topic: _hits(lowered, kws) for topic, kws in TOPIC_KEYWORDS.items()}
    best = max(scores, key=lambda t: scores[t])
    return best if scores[best] else GENERAL


def is_digital(text: str) -> bool:
    """True for topics a hands-on exercise on the senior's own device suits.

    >>> is_digital("Microsoft Teams Kanäle"), is_digital("Feedbackkultur im Team")
    (True, False)
    """
    return detect_topic(text) in DIGITAL_TOPICS or _hits(text.lower(), _EXTRA_DIGITAL) > 0
