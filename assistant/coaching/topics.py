"""Which programme topic a free text is about, by keywords in German and English."""

from __future__ import annotations

import re

# bank topic -> keywords (lower-case word stems); order matters: the first topic with the most hits wins
TOPIC_KEYWORDS: dict[str, tuple[str, ...]] = {
    "generative-ai": (
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
    "social-media": (
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
    "collaboration-tools": (
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
    "hybrid-work": (
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
    "data-protection": (
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
    "feedback": ("feedback", "rückmeldung", "kritik", "sbi", "ich-botschaft", "i-message", "feedforward"),
    "learning-goals": ("lernziel", "learning goal", "ziel", "goal", "lernvereinbarung", "learning agreement"),
}
DIGITAL_TOPICS = frozenset(
    {"generative-ai", "social-media", "collaboration-tools", "hybrid-work", "data-protection"}
)
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
    return best if scores[best] else "general"


def is_digital(text: str) -> bool:
    """True for topics a hands-on exercise on the senior's own device suits.

    >>> is_digital("Microsoft Teams Kanäle"), is_digital("Feedbackkultur im Team")
    (True, False)
    """
    return detect_topic(text) in DIGITAL_TOPICS or _hits(text.lower(), _EXTRA_DIGITAL) > 0
