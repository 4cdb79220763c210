"""What kind of remark it is, so that praise is coached as praise: criticism (something was flagged, or an
observation to raise), vague or specific praise, or a plain request."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from assistant.catalog import FeedbackPhrases
from assistant.modes.feedback.flags import Lexicon
from assistant.modes.feedback.models import FlaggedSpan
from assistant.modes.feedback.rules import is_request
from assistant.modes.feedback.whom import OTHERS, SPEAKER, norm, tokens
from assistant.text.language import Lang
from assistant.text.sentences import split_sentences

Tone = Literal["criticism", "praise", "vague_praise", "request"]
# Words that name no particular behaviour (closed-class words and generic nouns): "Great session today" and
# "Sie machen das immer toll" say nothing about what exactly was good.
_GENERIC = frozenset(
    """i me my we us our you u your ur he she it they them their this that these those the a an and or but so to
    of in on at for with about from by as than then too very really just always never all everything it's is are
    was were be been am do did does have has had will would can could should not no yes up today session sessions
    meeting job work things stuff honestly ich mir mich mein meine wir uns unser unsere du dir dich dein deine sie
    ihnen ihr ihre er es das der die den dem des ein eine einen einem und oder aber zu von im am an auf für mit
    über aus bei als wie dann auch sehr echt einfach immer nie alles heute ist sind war waren bin bist hat haben
    hatte wird werden kann können nicht kein keine ja nein mal halt eben doch sitzung termin arbeit sache dass
    sich""".split()
)


def remark_tone(remark: str, lang: Lang, flags: Sequence[FlaggedSpan], phrases: FeedbackPhrases) -> Tone:
    """'criticism' if anything was flagged; 'praise' or 'vague_praise' if the remark praises or thanks;
    'request' if every sentence asks for something; otherwise 'criticism' (an observation to raise).

    >>> from assistant.catalog import load_catalog
    >>> from assistant.settings import PROJECT_ROOT
    >>> bank = load_catalog(PROJECT_ROOT / "knowledge").phrases
    >>> remark_tone("Passt alles, war super!", "de", [], bank), remark_tone("Can we meet on Friday?", "en", [], bank)
    ('vague_praise', 'request')
    """
    if flags:
        return "criticism"
    lexicon = Lexicon(phrases, lang)
    words = tokens(remark)
    praise = [w for w in words if lexicon.is_praise(remark, w.start())]
    if praise:
        covered = {pos for w in praise for pos in range(w.start(), _praise_end(lexicon, remark, w.start()))}
        content = [
            w
            for w in words
            if w.start() not in covered
            and norm(w.group()) not in _GENERIC | SPEAKER | OTHERS
            and not norm(w.group()).isdigit()
        ]
        return "praise" if len(content) >= 2 else "vague_praise"
    sentences = split_sentences(remark, line_breaks=True)
    if sentences and all(is_request(s, lang) or s.rstrip().endswith("?") for s in sentences):
        return "request"
    return "criticism"


def _praise_end(lexicon: Lexicon, text: str, pos: int) -> int:
    regex = lexicon.praise_regex
    m = regex.match(text, pos) if regex else None
    return m.end() if m else pos + 1
