"""Canonical speakers across documents: joined as documents arrive, split and merged by users, undone."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from sayso.errors import InputError
from sayso.model import Analysis, Attribution, Passage, Span, Speaker
from sayso.store import identities, schema
from sayso.store.database import open_store
from sayso.store.query import speakers
from sayso.store.writer import Writer


def _article(*credited: tuple[str, ...], number: int = 0) -> Analysis:
    """Document ``number``, crediting each ``(name, type[, role])`` with one quote."""
    text = f"Story {number}. " + " ".join(f"{name} said item {i} was true." for i, (name, *_) in enumerate(credited))
    attributions, at = [], 0
    for i, (name, type_, *role) in enumerate(credited):
        start = text.index(name, at)
        content = text.index(f"item {i}", start)
        attributions.append(Attribution(
            "indirect", Span.of(text, content, content + 6), None,
            Speaker(name, Span.of(text, start, start + len(name)), role[0] if role else None, None, type_),
        ))
        at = content
    return Analysis(text=text, passages=(Passage(0, len(text), text, "author"),), attributions=tuple(attributions))


def _store(tmp_path, *documents: tuple[tuple[str, str], ...]):
    store = open_store(str(tmp_path / "corpus.db"))
    writer = Writer(store)
    for i, credited in enumerate(documents):
        writer.save(_article(*credited, number=i), raw=str(i), source_name=f"{i}.txt")
    return store


def _identities(store) -> dict[str, str]:
    with store.read() as conn:
        table = identities.identities(conn)
        names = dict(conn.execute(select(schema.speakers.c.id, schema.speakers.c.canonical)).all())
    return {names[i]: name for i, (_, name) in table.items()}


P, ORG = "PERSON", "ORG"


def test_identities_join_name_variants_of_one_person(tmp_path):
    store = _store(
        tmp_path,
        (("Trump", P),),
        (("Donald Trump", P), ("President Trump", P)),
        (("Donald J. Trump", P), ("Mr. Trump", P)),
        (("Donald Trump", P),),
    )
    assert set(_identities(store).values()) == {"Donald Trump"}  # quoted in three documents: well known


def test_identities_need_evidence_to_join_a_surname_to_a_little_known_full_name(tmp_path):
    store = _store(tmp_path, (("Dred Scott", P),), (("Scott", P),), (("Bobby Scott", P), ("Scott", P)))
    found = _identities(store)
    assert found["Scott"] == "Bobby Scott"  # written out in Scott's own document, Dred Scott is not


def test_identities_join_a_surname_to_the_full_name_that_holds_its_title(tmp_path):
    """"Defense Secretary Austin" is the "Defense Secretary Lloyd Austin" quoted elsewhere; a lone
    "Austin" with no title, or another title, is left alone."""
    secretary = "Defense Secretary"
    store = _store(tmp_path, (("Lloyd Austin", P, secretary),), (("Austin", P, secretary),))
    assert _identities(store)["Austin"] == "Lloyd Austin"
    for i, other in enumerate(((("Austin", P),), (("Austin", P, "coach"),))):
        (tmp_path / str(i)).mkdir()
        store = _store(tmp_path / str(i), (("Lloyd Austin", P, secretary),), other)
        assert _identities(store)["Austin"] == "Austin"


def test_identities_keep_two_people_sharing_a_surname_apart(tmp_path):
    store = _store(
        tmp_path,
        (("Donald Trump", P),), (("Donald Trump", P),), (("Donald Trump", P),), (("Donald Trump", P),),
        (("Ivanka Trump", P),),
        (("Trump", P),),
    )
    found = _identities(store)
    assert found["Ivanka Trump"] == "Ivanka Trump"
    assert found["Trump"] == "Donald Trump"  # quoted four times as often as Ivanka


def test_identities_join_a_surname_to_the_full_name_quoted_beside_the_same_storys_voice(tmp_path):
    """"Rafa Ortiz" and the Harbour Authority in one article, "Ortiz" and the Harbour Authority in
    the next, which no other article quotes: one story, one Ortiz."""
    store = _store(tmp_path, (("Rafa Ortiz", P), ("Harbour Authority", ORG)), (("Harbour Authority", ORG), ("Ortiz", P)))
    assert _identities(store)["Ortiz"] == "Rafa Ortiz"


def test_identities_join_a_hyphenated_surname_the_tagger_took_for_a_body(tmp_path):
    """"Ruiz-Delgado said" tagged as an organisation is the surname of the one "Maria Ruiz-Delgado",
    keyed as a person's surname (with its hyphen), and the identity is named by her full name."""
    store = _store(tmp_path, (("Maria Ruiz-Delgado", P), ("Harbour Authority", ORG)),
                   (("Ruiz-Delgado", ORG), ("Harbour Authority", ORG)))
    assert _identities(store)["Ruiz-Delgado"] == "Maria Ruiz-Delgado"


def test_identities_read_no_story_in_a_voice_the_whole_corpus_quotes(tmp_path):
    store = _store(tmp_path, (("Harbour Authority", ORG),), (("Rafa Ortiz", P), ("Harbour Authority", ORG)),
                   (("Ortiz", P), ("Harbour Authority", ORG)))
    assert _identities(store)["Ortiz"] == "Ortiz"


def test_identities_keep_a_shared_surname_apart_in_one_story(tmp_path):
    store = _store(tmp_path, (("Rafa Ortiz", P), ("Harbour Authority", ORG)), (("Lena Ortiz", P), ("Harbour Authority", ORG)),
                   (("Ortiz", P), ("Harbour Authority", ORG)))
    found = _identities(store)
    assert (found["Ortiz"], found["Rafa Ortiz"], found["Lena Ortiz"]) == ("Ortiz", "Rafa Ortiz", "Lena Ortiz")


def test_identities_leave_a_surname_alone_when_no_one_dominates(tmp_path):
    store = _store(tmp_path, (("Bill Clinton", P),), (("Hillary Clinton", P),), (("Clinton", P),))
    assert _identities(store)["Clinton"] == "Clinton"


def test_identities_join_an_acronym_and_alias_of_one_organisation(tmp_path):
    store = _store(
        tmp_path,
        (("Institute for the Study of War", ORG),), (("ISW", ORG),),
        (("EU", ORG),), (("European Union", ORG),),
    )
    found = _identities(store)
    assert found["ISW"] == "Institute for the Study of War"
    assert found["EU"] == found["European Union"]


def test_identities_join_an_outlet_written_with_the_article_or_as_its_host(tmp_path):
    store = _store(tmp_path, (("The Harbour Times", ORG),), (("harbourtimes.com", ORG),), (("Harbour Post", ORG),),
                   (("Harbour Times", ORG),))
    found = _identities(store)
    assert found["harbourtimes.com"] == found["Harbour Times"] == found["The Harbour Times"]
    assert found["Harbour Post"] == "Harbour Post"


def test_identities_never_join_a_person_and_an_organisation_by_initials(tmp_path):
    store = _store(tmp_path, (("Ivan Smirnov", P),), (("IS", ORG),))
    assert _identities(store) == {"Ivan Smirnov": "Ivan Smirnov", "IS": "IS"}


def test_identities_split_stays_split_and_undo_restores(tmp_path):
    store = _store(tmp_path, (("Donald Trump", P),), (("Trump", P), ("Donald Trump", P)))
    with store.read() as conn:
        row = conn.execute(select(schema.speakers.c.id).where(schema.speakers.c.canonical == "Trump")).scalar_one()
    with store.write() as conn:
        identities.split(conn, row)
    assert _identities(store)["Trump"] == "Trump"
    Writer(store).save(_article(("Trump", P), ("Donald Trump", P)), raw="again", source_name="again.txt")
    with store.write() as conn:
        identities.rebuild(conn)  # automatic identities recomputed: the user's split still holds
    assert _identities(store)["Trump"] == "Trump"
    with store.write() as conn:
        undone = identities.undo(conn)
    assert undone["action"] == "split" and _identities(store)["Trump"] == "Donald Trump"


def test_identities_user_merge_and_its_undo(tmp_path):
    store = _store(tmp_path, (("Kremlin", ORG),), (("Dmitry Peskov", P),))
    with store.read() as conn:
        ids = dict(conn.execute(select(schema.speakers.c.canonical, schema.speakers.c.id)).all())
    with store.write() as conn:
        identities.merge(conn, ids["Dmitry Peskov"], ids["Kremlin"])
        with pytest.raises(InputError):
            identities.merge(conn, ids["Dmitry Peskov"], ids["Kremlin"])
    assert _identities(store)["Dmitry Peskov"] == _identities(store)["Kremlin"]
    with store.write() as conn:
        identities.undo(conn)
        assert identities.undo(conn) is None
    assert _identities(store)["Dmitry Peskov"] == "Dmitry Peskov"


def test_identities_are_the_same_on_reingest(tmp_path):
    documents = ((("Trump", P),), (("Donald Trump", P),), (("ISW", ORG),), (("Institute for the Study of War", ORG),))
    first = _identities(_store(tmp_path / "a", *documents)) if (tmp_path / "a").mkdir() is None else None
    second = _identities(_store(tmp_path / "b", *documents)) if (tmp_path / "b").mkdir() is None else None
    assert first == second


def test_speakers_lists_one_row_per_identity_with_its_aliases(tmp_path):
    store = _store(tmp_path, (("Donald Trump", P),), (("Donald J. Trump", P),), (("Donald Trump", P), ("Mr. Trump", P)))
    rows = speakers(store)
    assert len(rows) == 1 and rows[0]["speaker"] == "Donald Trump" and rows[0]["quotes"] == 4
    assert {"Mr. Trump", "Donald J. Trump"} <= set(rows[0]["aliases"])
    assert speakers(store, limit=1, offset=1) == []


def test_timeline_gives_each_documents_own_voice_its_author(tmp_path, make_analysis):
    from sayso.store.query import timeline

    store = open_store(str(tmp_path / "voices.db"))
    writer = Writer(store)
    openings = ("Grain prices rose in Odesa as ships waited.", "Rail repairs near Lviv ended on Sunday night.",
                "Talks in Geneva stalled over prisoner lists.")
    for i, (title, url) in enumerate((("First", None), ("Second", None), ("Third", "https://www.wire.example/3"))):
        endings = ("before the spring thaw", "while the river stays frozen", "in the coming week")
        text = f"{openings[i]} An attack from the north is unlikely {endings[i]}."
        analysis = make_analysis(text, published=f"2022-10-0{i + 1}", title=title, url=url, assessments=[
            ("unlikely", "unlikely", (0.2, 0.45, 0.3), "author", "An attack from the north")])
        writer.save(analysis, raw=text, source_name=f"{i}.txt")
    sources = [r["source"] for r in timeline(store, "attack north")]
    assert sources == ["unknown author of First (document 1)", "unknown author of Second (document 2)",
                       "wire.example"]
    assert all(r["status"] == "first" for r in timeline(store, "attack north"))
    from sayso.store.query import search

    assert [r["speaker"] for r in search(store, "attack north")] == sources


def test_timeline_gives_an_outlet_one_name_however_its_documents_spell_it(tmp_path, make_analysis):
    from sayso.store.query import timeline

    store = open_store(str(tmp_path / "outlets.db"))
    writer = Writer(store)
    for i, (publisher, phrase, band) in enumerate((("The Daily Ledger", "unlikely", (0.2, 0.45, 0.3)),
                                                   ("dailyledger.com", "likely", (0.55, 0.8, 0.7)))):
        text = f"Port news {i}. A strike at the docks is {phrase} before the spring thaw."
        analysis = make_analysis(text, published=f"2022-10-0{i + 1}", title=f"T{i}", assessments=[
            (phrase, phrase, band, "author", "A strike at the docks")])
        writer.save(analysis, raw=text, source_name=f"{i}.txt", meta={"publisher": publisher})
    rows = timeline(store, "strike docks")
    assert [r["source"] for r in rows] == ["The Daily Ledger", "The Daily Ledger"]
    assert [r["status"] for r in rows] == ["first", "change"]


def _defining(text: str, *credited: str) -> Analysis:
    """``text`` crediting each name (an organisation) where it next occurs before " said"."""
    attributions, at = [], 0
    for name in credited:
        start = text.index(name, at)
        content = text.index("item", start)
        attributions.append(Attribution("indirect", Span.of(text, content, content + 6), None,
                                        Speaker(name, Span.of(text, start, start + len(name)), None, None, ORG)))
        at = content
    return Analysis(text=text, passages=(Passage(0, len(text), text, "author"),), attributions=tuple(attributions))


def test_identities_join_an_acronym_the_document_defines_for_a_name_it_credits(tmp_path):
    """"NITMED" is no initials of its name; the document that writes "… Hygiene (NITMED)" says it is
    that body, and a later document's "NITMED" joins it too. An acronym only set beside a name
    that is not defined by it stays apart."""
    long = "Northern Institute for Tropical Medicine and Hygiene"
    store = open_store(str(tmp_path / "acronyms.db"))
    writer = Writer(store)
    for i, (text, credited) in enumerate((
        (f"Story 0. The {long} (NITMED) said item 0 was true. NITMED said item 1 was true.", (long, "NITMED")),
        ("Story 1. NITMED said item 0 was true.", ("NITMED",)),
        ("Story 2. The Harbour Board said item 0 was true. HPA said item 1 was true.", ("Harbour Board", "HPA")),
    )):
        writer.save(_defining(text, *credited), raw=text, source_name=f"{i}.txt")
    found = _identities(store)
    assert found["NITMED"] == found[long]  # one identity, named by its most quoted name
    assert found["HPA"] == "HPA" and found["Harbour Board"] == "Harbour Board"
