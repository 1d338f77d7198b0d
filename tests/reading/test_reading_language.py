"""English only: clearly non-English input is refused, thin evidence only warned about."""

from __future__ import annotations

import pytest

from sayso.errors import InputError
from sayso.reading import english_share, read

FRENCH = (
    "Le ministère de la Défense a annoncé lundi que de nouvelles unités seraient déployées près de la "
    "frontière nord. Selon les analystes, cette décision vise surtout à rassurer la population, qui "
    "craint une escalade du conflit. Les autorités locales ont demandé aux habitants de rester calmes "
    "et de suivre les consignes de sécurité diffusées par la radio."
)
GERMAN = (
    "Das Verteidigungsministerium teilte am Montag mit, dass neue Einheiten an die nördliche Grenze "
    "verlegt würden. Nach Einschätzung von Fachleuten soll die Entscheidung vor allem die Bevölkerung "
    "beruhigen, die eine Ausweitung des Konflikts befürchtet. Die Behörden forderten die Einwohner auf, "
    "Ruhe zu bewahren und den Anweisungen im Radio zu folgen."
)
RUSSIAN = (
    "Министерство обороны в понедельник заявило, что новые подразделения будут переброшены к северной "
    "границе. По мнению экспертов, это решение прежде всего призвано успокоить население, которое "
    "опасается расширения конфликта. Местные власти призвали жителей сохранять спокойствие и следовать "
    "указаниям, которые передаются по радио."
)
ENGLISH = (
    "The defence ministry announced on Monday that new units would be deployed near the northern "
    "border. According to analysts, the decision is above all meant to reassure a population that "
    "fears the conflict will spread. Local authorities asked residents to stay calm and to follow "
    "the safety instructions broadcast on the radio."
)


@pytest.mark.parametrize("text", [FRENCH, GERMAN, RUSSIAN])
def test_non_english_is_refused(text):
    with pytest.raises(InputError, match="does not look like English.*English only"):
        read(text)


def test_non_english_bytes_in_a_legacy_codec_are_refused_too():
    with pytest.raises(InputError, match="English only"):
        read(RUSSIAN.encode("cp1251"))


def test_english_passes_without_warning():
    share, other, count = english_share(ENGLISH)
    assert share > 0.3 and other < 0.05 and count > 40
    assert read(ENGLISH).warnings == ()


def test_english_with_a_foreign_quote_passes():
    document = read(f"{ENGLISH}\n{ENGLISH}\n{FRENCH}")
    assert document.language == "en"


@pytest.mark.parametrize(
    "text",
    [
        "Le gouvernement a déclaré mardi que les négociations se poursuivront malgré les tensions.",
        "Die Regierung erklärte am Dienstag, dass die Gespräche trotz der Spannungen weitergehen.",
        "Правительство заявило во вторник, что переговоры с европейскими партнёрами "
        "продолжатся на следующей неделе.",
    ],
)
def test_short_foreign_sentence_with_clear_evidence_is_refused(text):
    with pytest.raises(InputError, match="English only"):
        read(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kyiv, Kharkiv, Odesa.",
        "Le ministère refuse.",
        "Bakhmut, Soledar, Vuhledar, Avdiivka, Marinka, Kreminna, Svatove, Lyman, Izium, Kupiansk, Balakliia",
        "Russian troops pull back from Kherson region amid Ukrainian counteroffensive",
    ],
)
def test_short_ambiguous_input_only_warns(text):
    document = read(text)
    assert any("may not be English" in w for w in document.warnings)
