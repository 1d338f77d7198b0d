"""Name keys that say when two speaker names can be one real-world person or organisation.

A person's key is (first name, surname) with titles, honorifics, middle names and initials left
out: "President Trump", "Mr. Trump", "Donald J. Trump" and "Donald Trump" all have the surname
"trump", and the last two the first name "donald". A generational suffix belongs to the surname
("Donald Trump Jr." is not his father). An organisation's key is its normalised name, mapped
through the entity alias table ("EU" → "European Union"), with the initials of a long name kept
apart so an acronym can meet it ("ISW" and "Institute for the Study of War").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from sayso.attribution.lexicon import reporting_lexicon
from sayso.entities import INITIALS_SKIP, load_aliases, normalise

SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
PARTICLES = {"de", "van", "von", "der", "den", "da", "del", "della", "di", "du", "la", "le", "bin", "al", "el", "ibn"}
LEADING_PARTICLES = {"de", "van", "von", "der"}  # particles that can open a two-word surname alone
FEMALE_HONORIFICS = {"ms", "mrs", "miss", "madam", "dame"}
MALE_HONORIFICS = {"mr", "sir"}
# Words before a name that are not part of it, beyond the cue lexicon's titles and speaker nouns.
EXTRA_TITLES = {
    "president", "presidential", "vice", "former", "sen", "senator", "rep", "representative", "gov", "governor",
    "secretary", "nominee", "candidate", "democratic", "republican", "gop", "speaker", "mayor", "judge",
    "justice", "chairman", "chairwoman", "chair", "ceo", "professor", "prof", "dr", "house", "state",
    "first", "lady", "attorney", "general", "pope", "king", "queen", "prince", "princess", "rev", "reverend",
    "u.s", "us", "then", "late", "candidate", "hopeful", "billionaire", "businessman", "mogul",
}
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


@functools.lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    lexicon = reporting_lexicon()
    return frozenset({*lexicon["titles"], *lexicon["speaker_nominals"], *EXTRA_TITLES,
                      *FEMALE_HONORIFICS, *MALE_HONORIFICS})


def is_title(word: str) -> bool:
    """A title or honorific written before a name ("Mrs.", "Sen.", "President")."""
    return _plain(word) in _titles()


@dataclass(frozen=True, slots=True)
class PersonName:
    first: str | None
    surname: str
    gender: str | None  # from an honorific: "m", "f" or None

    @property
    def full(self) -> bool:
        return self.first is not None


def _plain(word: str) -> str:
    return " ".join(w.strip(".,'\"") for w in word.casefold().replace("’", "'").split())


def person_name(name: str) -> PersonName | None:
    """The (first, surname) key of a person's name, or None when nothing name-like is left."""
    name = re.sub(r"\(.*?\)|['’]s$", "", name)
    words = [w for w in _WORD.findall(name)]
    gender = None
    titles = _titles()
    while words and _plain(words[0]) in titles:
        word = _plain(words.pop(0))
        gender = gender or ("f" if word in FEMALE_HONORIFICS else "m" if word in MALE_HONORIFICS else None)
    suffix = ""
    if len(words) > 1 and _plain(words[-1]) in SUFFIXES:
        suffix = " " + _plain(words.pop())
    words = [w for w in words if _plain(w)]
    if not words:
        return None
    while len(words) > 1 and _plain(words[-2]) in (PARTICLES if len(words) > 2 else LEADING_PARTICLES):
        words[-2:] = [f"{words[-2]} {words[-1]}"]  # "Bill de Blasio", "De Blasio"; not "Al Gore"
    surname = _plain(words[-1]) + suffix
    given = [w for w in words[:-1] if len(_plain(w)) > 1 and not w.endswith(".")]  # no initials
    first = _plain(given[0]) if given else None
    if first is None and len(words) > 1 and len(_plain(words[0])) > 1:
        first = _plain(words[0])  # "J.D. Vance": an initials-only first name still says who
    return PersonName(first, surname, gender)


def same_first(a: str, b: str) -> bool:
    """One first name is the other or its short form ("Chris" and "Christopher")."""
    return a == b or (min(len(a), len(b)) >= 3 and (a.startswith(b) or b.startswith(a)))


# "Department of Defense" is the "Defense Department", "Ministry of Defence" the "Defence Ministry".
_OF_FORM = re.compile(r"^(?P<before>.*?)\b(?P<noun>department|ministry) of (?:the )?(?P<field>.+)$")


# A web host as an outlet's name: "washingtonpost.com", "www.politico.com", "bbc.co.uk".
_HOST = re.compile(r"^(?:https?://)?(?:www\.)?(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)+)/?$", re.IGNORECASE)
SECOND_LEVEL = {"co", "com", "org", "net", "ac", "gov", "edu"}


def site_name(name: str) -> str | None:
    """The site a web host names ("washingtonpost.com" → "washingtonpost", "bbc.co.uk" → "bbc"),
    so an outlet given as its host meets its spelled-out name; None for no host."""
    found = _HOST.match(name.strip())
    if found is None:
        return None
    *labels, top = found["host"].split(".")
    if not top.isalpha() or not top.islower() or not 2 <= len(top) <= 6:
        return None  # "E.ON", "St.Louis": a name with a dot, no host
    labels = [label.lower() for label in labels]
    if len(labels) > 1 and len(top) == 2 and labels[-1] in SECOND_LEVEL:
        labels.pop()  # "co" of "bbc.co.uk"
    return labels[-1]


def org_key(name: str) -> str:
    """An organisation's key: normalised, "the" and a possessive ("Reuters'", "the Post's")
    dropped, a web host as its site's name, a government department in one word order
    ("Department of Defense", "Defense Department"), aliases to one name."""
    name = site_name(name) or name
    key = normalise(re.sub(r"['’]s$|(?<=s)['’]$", "", name.strip()))
    key = re.sub(r"[^\w& ]", " ", key)
    key = " ".join(key.split())
    aliases = load_aliases()
    canonical = aliases.get(key)
    if canonical:
        key = normalise(canonical)
    of_form = _OF_FORM.match(key)
    if of_form:
        key = f"{of_form['before']}{of_form['field']} {of_form['noun']}"
    canonical = aliases.get(key)
    return normalise(canonical) if canonical else key


def outlet_key(name: str) -> str:
    """An outlet's key: its organisation key without spaces, so "The Washington Post",
    "Washington Post" and "washingtonpost.com" are one outlet."""
    return org_key(name).replace(" ", "")


def initials(key: str) -> str | None:
    """The acronym a long organisation name would have ("institute for the study of war" → "isw")."""
    words = [w for w in key.split() if w not in INITIALS_SKIP]
    return "".join(w[0] for w in words) if len(words) >= 2 else None


def is_acronym(name: str) -> bool:
    letters = name.replace(".", "").strip()
    return 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()
