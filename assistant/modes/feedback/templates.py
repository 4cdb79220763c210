"""The offline composer's wording: sentences and placeholders per address form (Sie, du, English), and the
receiving tips. Placeholders in square brackets ask the user for what the remark does not say."""

from __future__ import annotations

import re
from typing import Literal

from assistant.text.language import Lang

Form = Literal["sie", "du", "en"]

T: dict[Form, dict[str, str]] = {
    "sie": {
        "situation": "[Wann und wo war das? Konkret ergänzen, z. B. „im Teammeeting am Montag“]",
        "behaviour": "[Konkret ergänzen, was gesagt oder getan wurde{topic}, so wie eine Kamera es "
        "aufgezeichnet hätte, etwa: „{example}“]",
        "example": "In der Sitzung am Dienstag haben Sie während meiner Erklärung zweimal auf das Handy geschaut.",
        "topic": ", bezogen auf {words}",
        "observation": "[konkrete Beobachtung]",
        "impact": "Ich war danach [unsicher / irritiert: passendes Gefühlswort wählen], und "
        "[Folge für mich oder andere ergänzen].",
        "request": "Wie haben Sie die Situation erlebt, und was könnten wir beim nächsten Mal anders machen?",
        "i_message": "Mir ist Folgendes aufgefallen: {behaviour} {feeling} {wish}",
        "feeling": "Das hat mich [verunsichert / irritiert: passendes Wort wählen], und [Folge für mich ergänzen].",
        "wish": "Ich würde mir wünschen, dass [Wunsch für das nächste Mal ergänzen].",
        "praise_first": "{praise} Außerdem ist mir Folgendes aufgefallen: ",
        "feedforward": "Beim nächsten Mal könnten Sie [eine konkrete Idee ergänzen{topic}]. Wenn ich noch "
        "einen Vorschlag machen darf: Lassen Sie uns zu Beginn unseres nächsten Termins kurz absprechen, "
        "worauf wir beide achten wollen. Wie klingt das für Sie?",
        # placeholders for what a judgement leaves out
        "seen": "[was genau war zu sehen oder zu hören?]",
        "how": "[wie {word} genau?]",
        "who": "[wer genau?]",
        "often": "[wie oft genau?]",
        "were": "",
        "was": "",
        "which": "[welche genau: {words}]",
        # praise
        "praise_behaviour": "[Was genau war gut? Einen Moment konkret beschreiben, so wie eine Kamera ihn "
        "aufgezeichnet hätte, etwa: „{example}“]",
        "praise_example": "Im Call am Montag haben Sie die Agenda vorab geschickt und sich an die Zeiten gehalten.",
        "praise_impact": "[Was hat es Ihnen oder anderen gebracht? Etwa: „Ich konnte mich gut vorbereiten.“]",
        "praise_request": "Könnten Sie das in unseren nächsten Sitzungen beibehalten?",
        "praise_i_message": "Mir ist Folgendes aufgefallen: {behaviour} {impact} Danke dafür, ich würde mir "
        "wünschen, dass wir das so beibehalten.",
        "praise_feedforward": "Behalten Sie das bei, auch in unseren nächsten Sitzungen. Wenn Sie mögen, sagen "
        "Sie mir zu Beginn des nächsten Termins, wozu Sie sich als Nächstes eine Rückmeldung wünschen.",
        # a request
        "request_behaviour": "[Worum geht es? Den Anlass konkret ergänzen, etwa: „Am Donnerstag habe ich "
        "einen Kundentermin.“]",
        "request_impact": "[Was würde das für Sie oder andere leichter machen? Konkret ergänzen.]",
        "request_i_message": "Ich möchte Sie um etwas bitten: {request} [Kurz ergänzen, was es mir leichter "
        "machen würde.]",
    },
    "en": {
        "situation": '[When and where was it? Add it concretely, e.g. "in the team meeting on Monday"]',
        "behaviour": "[Add concretely what was said or done{topic}, the way a camera would have recorded "
        'it, for example: "{example}"]',
        "example": "In Tuesday's session you looked at your phone twice while I was explaining.",
        "topic": ", about {words}",
        "observation": "[the concrete observation]",
        "impact": "I was [unsure / irritated: pick the word that fits] afterwards, and "
        "[add the consequence for me or others].",
        "request": "How did you experience the situation, and what could we do differently next time?",
        "i_message": "I noticed the following: {behaviour} {feeling} {wish}",
        "feeling": "It left me [unsure / irritated: pick the word that fits], and [add the consequence for me].",
        "wish": "I would like [add my wish for next time].",
        "praise_first": "{praise} I also noticed the following: ",
        "feedforward": "Next time, you could [add one concrete idea{topic}]. If I may suggest one more "
        "thing: let's agree at the start of our next session what we both want to pay attention to. How "
        "does that sound to you?",
        "seen": "[what exactly could be seen or heard?]",
        "how": "[how {word} exactly?]",
        "who": "[who exactly?]",
        "often": "[how often exactly?]",
        "were": "were",
        "was": "was",
        "which": "[which exactly: {words}]",
        "praise_behaviour": "[What exactly was good? Describe one moment concretely, the way a camera would have "
        'recorded it, for example: "{example}"]',
        "praise_example": "In Monday's call you sent the agenda beforehand and kept to the times.",
        "praise_impact": '[What did it bring you or others? For example: "I could prepare well."]',
        "praise_request": "Could you do it the same way in our next sessions?",
        "praise_i_message": "I noticed the following: {behaviour} {impact} Thank you for that; I would like us "
        "to keep it that way.",
        "praise_feedforward": "Do it the same way in our next sessions, too. If you like, tell me at the start of "
        "our next session what you would like feedback on next.",
        "request_behaviour": '[What is it about? Add the occasion concretely, for example: "On Thursday I have a '
        'client meeting."]',
        "request_impact": "[What would it make easier for you or others? Add it concretely.]",
        "request_i_message": "I would like to ask you something: {request} [Add briefly what it would make easier "
        "for me.]",
    },
}
T["du"] = {
    **T["sie"],
    "example": "In der Sitzung am Dienstag hast du während meiner Erklärung zweimal auf das Handy geschaut.",
    "request": "Wie hast du die Situation erlebt, und was könnten wir beim nächsten Mal anders machen?",
    "feedforward": "Beim nächsten Mal könntest du [eine konkrete Idee ergänzen{topic}]. Wenn ich noch einen "
    "Vorschlag machen darf: Lass uns zu Beginn unseres nächsten Termins kurz absprechen, worauf wir beide achten "
    "wollen. Wie klingt das für dich?",
    "praise_example": "Im Call am Montag hast du die Agenda vorab geschickt und dich an die Zeiten gehalten.",
    "praise_impact": "[Was hat es dir oder anderen gebracht? Etwa: „Ich konnte mich gut vorbereiten.“]",
    "praise_request": "Könntest du das in unseren nächsten Sitzungen beibehalten?",
    "praise_feedforward": "Behalte das bei, auch in unseren nächsten Sitzungen. Wenn du magst, sag mir zu Beginn "
    "des nächsten Termins, wozu du dir als Nächstes eine Rückmeldung wünschst.",
    "request_impact": "[Was würde das für dich oder andere leichter machen? Konkret ergänzen.]",
    "request_i_message": "Ich möchte dich um etwas bitten: {request} [Kurz ergänzen, was es mir leichter machen "
    "würde.]",
}


def address_form(remark: str, lang: Lang) -> Form:
    """'du' if a German remark speaks informally, else 'sie'; 'en' for English."""
    if lang == "en":
        return "en"
    return "du" if re.search(r"\b(?:du|dich|dir|dein\w*)\b", remark, re.IGNORECASE) else "sie"


TIPS: dict[Lang, dict[str, str]] = {
    "de": {
        "thank": "Hören Sie bis zum Ende zu und bedanken Sie sich zuerst, etwa: „Danke, dass Sie das offen "
        "ansprechen.“ Ein Dank ist noch keine Zustimmung.",
        "clarify": "Stellen Sie Verständnisfragen, bevor Sie etwas erklären: „Woran haben Sie das gemerkt?“",
        "generalisation": "Suchen Sie nicht die Ausnahme, sondern fragen Sie nach einem Beispiel: „Wann ist "
        "Ihnen das zuletzt aufgefallen?“",
        "label": "Fragen Sie, woran Ihr Gegenüber den Eindruck festmacht: „Was genau haben Sie beobachtet?“",
        "you_statement": "Reagieren Sie auf das Anliegen hinter dem Urteil: „Was sollte ich aus Ihrer Sicht "
        "anders machen?“",
        "mind_reading": "Trennen Sie Absicht und Wirkung: Bestätigen Sie zuerst die Wirkung („Ich sehe, dass "
        "das so angekommen ist“) und erklären Sie Ihre Absicht erst danach.",
        "sarcasm": "Bleiben Sie ruhig und sprechen Sie den Ärger direkt an: „Ich merke, dass Sie verärgert "
        "sind. Worum geht es Ihnen genau?“",
        "insult": "Nehmen Sie sich einen Moment, bevor Sie antworten, und fragen Sie dann nach dem Vorfall: "
        "„Was ist aus Ihrer Sicht passiert?“",
        "accept": "Nehmen Sie das Lob an, ohne es kleinzureden: Ein einfaches „Danke, das freut mich“ genügt.",
        "specifics": "Fragen Sie nach, was genau gut war: „Was hat Ihnen daran am meisten geholfen?“ So wissen "
        "Sie, was Sie beibehalten sollten.",
        "decide": "Entscheiden Sie danach bewusst, was Sie übernehmen, und berichten Sie in einer der "
        "nächsten Sessions, was Sie ausprobiert haben.",
    },
    "en": {
        "thank": 'Listen to the end and say thank you first, for example: "Thank you for raising this so '
        'openly." A thank-you is not agreement.',
        "clarify": 'Ask clarifying questions before you explain anything: "What made you notice it?"',
        "generalisation": 'Do not look for the exception; ask for an example: "When did you last notice it?"',
        "label": 'Ask what the impression is based on: "What exactly did you observe?"',
        "you_statement": 'Respond to the concern behind the verdict: "What would you like me to do '
        'differently?"',
        "mind_reading": 'Separate intent and impact: acknowledge the impact first ("I see that it came across '
        'that way") and explain your intent only afterwards.',
        "sarcasm": 'Stay calm and name the frustration directly: "I can tell this annoyed you. What is it '
        'about, exactly?"',
        "insult": 'Take a moment before you answer, then ask about the incident: "What happened, from your '
        'point of view?"',
        "accept": 'Accept the praise without playing it down: a simple "Thank you, I\'m glad to hear that" is '
        "enough.",
        "specifics": 'Ask what exactly worked: "What helped you most?" Then you know what to keep doing.',
        "decide": "Afterwards, decide consciously what you will take on, and tell your mentor in one of the "
        "next sessions what you tried.",
    },
}
