"""Guessing a mail's language from the function words it uses (no models, no downloads).

Each language has a profile of very common short words (its file in intents/languages/); the
language whose words cover the most tokens wins, if it covers enough. Scripts that identify a
language on their own (Greek, kana, Hangul) are checked first. A language the classifier does
not read must win clearly (UNREAD_MARGIN) to be named: a mail named so is not guessed at.
"""

from __future__ import annotations

import re

from intents.languages import LANGUAGES, is_read

# Each language's common words come from its file in intents/languages/ (data, not code).
_PROFILES: dict[str, str] = {code: data.stopwords for code, data in LANGUAGES.items()
                             if data.stopwords}
_WORDS = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?", re.UNICODE)
_INDEX: dict[str, list[str]] = {}
for _lang, _words in _PROFILES.items():
    for _w in set(_words.split()):
        _INDEX.setdefault(_w, []).append(_lang)

_ASCII_WORDS = re.compile(r"[a-z]+(?:'[a-z]+)?")
_WEIGHTS: dict[str, tuple[tuple[str, float], ...]] = {
    word: tuple((lang, 1.0 / len(langs)) for lang in langs) for word, langs in _INDEX.items()}

# A language that is not read is named only on clear evidence: its words must weigh this
# much and lead the next language's by this factor ("see attached" is no Estonian mail).
UNREAD_MIN = 3.0
UNREAD_MARGIN = 1.5
MAX_TOKENS = 400  # the first few hundred words decide; keeps big mails cheap


_SCRIPTS = (("el", re.compile(r"[\u0370-\u03ff]")), ("ja", re.compile(r"[\u3040-\u30ff]")),
            ("ko", re.compile(r"[\uac00-\ud7af]")), ("ru", re.compile(r"[\u0400-\u04ff]")),
            ("zh", re.compile(r"[\u4e00-\u9fff]")))
_LETTER = re.compile(r"[^\W\d_]")
# A letter of any of those scripts: without one, none of them gives the language away.
_ANY_SCRIPT = re.compile("[" + "".join(pattern.pattern[1:-1] for _, pattern in _SCRIPTS) + "]")


def _script(sample: str) -> str:
    """The language a script gives away (kana before Han: Japanese uses both), or ""."""
    if _ANY_SCRIPT.search(sample) is None:
        return ""
    letters = max(1, len(_LETTER.findall(sample)))
    for code, pattern in _SCRIPTS:
        if len(pattern.findall(sample)) / letters > 0.3:
            return code
    return ""


# Bulgarian words no Russian mail uses ("моля", "данни", "съм", "ще"): enough of them make
# a Cyrillic mail Bulgarian, which is read, rather than Russian, which is not.
_BULGARIAN = frozenset(_PROFILES.get("bg", "").split())
BULGARIAN_MIN = 2


def _cyrillic(sample: str) -> str:
    tokens = [t.lower() for t in _WORDS.findall(sample)[:MAX_TOKENS]]
    found = sum(1 for t in tokens if t in _BULGARIAN)
    return "bg" if found >= BULGARIAN_MIN and found >= 0.08 * len(tokens) else "ru"


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, or "und" when it cannot tell."""
    sample = text[:8000]
    if not sample.isascii():
        script = _script(sample)
        if script == "ru":
            return _cyrillic(sample)
        if script:
            return script
        tokens = [t.lower() for t in _WORDS.findall(sample)[:MAX_TOKENS]]
    else:
        # ASCII lower-casing keeps every letter a letter: the same tokens, found faster.
        tokens = _ASCII_WORDS.findall(sample.lower())[:MAX_TOKENS]
    if not tokens:
        return "und"
    scores: dict[str, float] = {}
    for token in tokens:
        for lang, weight in _WEIGHTS.get(token, ()):
            scores[lang] = scores.get(lang, 0.0) + weight  # shared words count less
    if not scores:
        return "und"
    best = max(scores, key=scores.__getitem__)
    top = scores[best]
    second = max((v for k, v in scores.items() if k != best), default=0.0)
    # Short texts need less evidence, but a tie is no answer.
    if top < min(2.0, len(tokens) / 4) or top / len(tokens) < 0.08 or top == second:
        return "und"
    if not is_read(best) and (top < UNREAD_MIN or top < UNREAD_MARGIN * second):
        return "und"  # a read language may be behind it: let the rules try
    return best
