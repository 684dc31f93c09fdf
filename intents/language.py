"""Guessing a mail's language from the function words it uses (no models, no downloads).

Each language has a profile of very common short words; the language whose words cover the
most tokens wins, if it covers enough. Scripts that identify a language on their own (Greek,
kana, Hangul) are checked first.
"""

from __future__ import annotations

import re

_PROFILES: dict[str, str] = {
    "en": "the and to of you i a is that for it my in your me please this with be have are not"
          " on we can would will do at from as was our all any",
    "es": "el la de que y en los las por un una para con no mi mis me su sus es se lo al del"
          " le por favor muy gracias hola quiero datos",
    "de": "der die das und ich sie nicht mit mich mir ist ein eine zu den dem des von bitte"
          " auf für meine meiner meinen sehr wir ihr ihre ihnen auch daten",
    "fr": "le la les de des et je vous que pas mes mon ma une un est en pour du au avec"
          " ne sur me il nous votre vos merci bonjour données",
    "it": "il lo la gli le di che e non mi miei mie per un una sono con del della dei vostri"
          " vostro si è ho grazie dati",
    "nl": "de het een en ik van je u niet dat is mijn op te met voor zijn aan ook wij uw"
          " graag gegevens",
    "pt": "o os a as de que e não meu meus minha minhas um uma para com do da dos das em"
          " por é se ao vocês dados",
    "sv": "och att det som en ett jag är inte på med för av till om mig min mina er ni har"
          " uppgifter",
    "da": "og at det som en et jeg er ikke på med for af til om mig min mine jer i har"
          " oplysninger",
    "no": "og at det som en et jeg er ikke på med for av til om meg min mine dere har"
          " opplysninger",
    "cs": "a je se na že to v ve jsem mi mě o k s z pro by jak které moje mých vás vaše"
          " údaje osobní",
    "hr": "i je se na da u za mi me od su moje mojih vas vaše ne koji podatke osobne"
          " molim",
    "pl": "i w nie się na że z do jest to jak mnie mi o moje moich pan pani proszę dane"
          " osobowe",
    "ro": "și de la în nu că pe cu o un este mă mi meu mele vă dumneavoastră date"
          " personale vă rog",
    "fi": "ja on ei että se minä olen minun tiedot henkilötiedot kanssa mutta kiitos",
}
_WORDS = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?", re.UNICODE)
_INDEX: dict[str, list[str]] = {}
for _lang, _words in _PROFILES.items():
    for _w in set(_words.split()):
        _INDEX.setdefault(_w, []).append(_lang)

_ASCII_WORDS = re.compile(r"[a-z]+(?:'[a-z]+)?")
_WEIGHTS: dict[str, tuple[tuple[str, float], ...]] = {
    word: tuple((lang, 1.0 / len(langs)) for lang in langs) for word, langs in _INDEX.items()}

MAX_TOKENS = 400  # the first few hundred words decide; keeps big mails cheap


_SCRIPTS = (("el", re.compile(r"[\u0370-\u03ff]")), ("ja", re.compile(r"[\u3040-\u30ff]")),
            ("ko", re.compile(r"[\uac00-\ud7af]")), ("ru", re.compile(r"[\u0400-\u04ff]")),
            ("zh", re.compile(r"[\u4e00-\u9fff]")))
_LETTER = re.compile(r"[^\W\d_]")


def _script(sample: str) -> str:
    """The language a script gives away (kana before Han: Japanese uses both), or ""."""
    letters = max(1, len(_LETTER.findall(sample)))
    for code, pattern in _SCRIPTS:
        if len(pattern.findall(sample)) / letters > 0.3:
            return code
    return ""


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, or "und" when it cannot tell."""
    sample = text[:8000]
    if not sample.isascii():
        script = _script(sample)
        if script:
            return script
        tokens = [t.lower() for t in _WORDS.findall(sample)[:MAX_TOKENS]]
    else:
        # ASCII lower-casing keeps every letter a letter: the same tokens, found faster.
        tokens = _ASCII_WORDS.findall(sample.lower())[:MAX_TOKENS]
    if not tokens:
        return "und"
    scores: dict[str, float] = dict.fromkeys(_PROFILES, 0.0)
    for token in tokens:
        for lang, weight in _WEIGHTS.get(token, ()):
            scores[lang] += weight  # shared words count less
    ranked = sorted(scores, key=lambda k: -scores[k])
    best, second = ranked[0], ranked[1]
    # Short texts need less evidence, but a tie is no answer.
    if scores[best] < min(2.0, len(tokens) / 4) or scores[best] / len(tokens) < 0.08 \
            or scores[best] == scores[second]:
        return "und"
    return best
