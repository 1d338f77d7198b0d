"""find_attributions on single sentences of conflict reporting, parsed by the bare model (voices=[])."""

from __future__ import annotations

import pytest

from sayso.attribution import find_attributions, find_quotes, load_reporting_verbs

LEXICON = load_reporting_verbs()


def _find(bare_nlp, text: str) -> list[dict]:
    doc = bare_nlp(text)
    found = find_attributions(doc, [], LEXICON)
    for a in found:  # every span indexes the text it came from
        for key in ("content", "cue", "speaker_mention"):
            if a[key] is not None:
                start, end = a[key]
                assert 0 <= start < end <= len(text)
                assert text[start:end] == text[start:end].strip()
    return found


def _one(found: list[dict], text: str, content: str) -> dict:
    hits = [a for a in found if text[a["content"][0] : a["content"][1]] == content]
    assert hits, [text[a["content"][0] : a["content"][1]] for a in found]
    return hits[0]


def _text(text: str, span: list[int] | None) -> str | None:
    return None if span is None else text[span[0] : span[1]]


@pytest.mark.parametrize(
    ("text", "kind", "content", "cue", "mention", "name"),
    [
        (
            "“The bridge at Kherson is no longer usable for heavy vehicles,” said Colonel Mariana Petrenko.",
            "direct",
            "The bridge at Kherson is no longer usable for heavy vehicles",
            "said",
            "Colonel Mariana Petrenko",
            "Mariana Petrenko",
        ),
        (
            'The defence ministry said that two drones had been shot down over the Black Sea overnight.',
            "indirect",
            "that two drones had been shot down over the Black Sea overnight",
            "said",
            "The defence ministry",
            None,
        ),
        (
            "Army spokesman Oleksiy Hromenko told reporters that the shelling of the depot continued until dawn.",
            "indirect",
            "that the shelling of the depot continued until dawn",
            "told reporters",
            "Army spokesman Oleksiy Hromenko",
            "Oleksiy Hromenko",
        ),
        (
            "According to the regional governor, the power station was hit three times on Sunday.",
            "indirect",
            "the power station was hit three times on Sunday",
            "According to",
            "the regional governor",
            None,
        ),
        (
            "Jan Kowalski said the convoy had “come under sustained artillery fire” near the border.",
            "mixed",
            "the convoy had “come under sustained artillery fire” near the border",
            "said",
            "Jan Kowalski",
            "Jan Kowalski",
        ),
        (
            "Journalists asked the general if his troops had been preparing for a winter offensive.",
            "indirect",
            "if his troops had been preparing for a winter offensive",
            "asked",
            "Journalists",
            None,
        ),
        (
            "The mayor said “we are running out of water” every time the pumping station lost power.",
            "mixed",
            "“we are running out of water” every time the pumping station lost power",
            "said",
            "The mayor",
            None,
        ),
        (
            "The minister urged residents of the border villages to “leave while the road is open” before nightfall.",
            "mixed",
            "residents of the border villages to “leave while the road is open” before nightfall",
            "urged",
            "The minister",
            None,
        ),
        (
            "But as the border guards noted, the crossing had been closed to trucks since Monday.",
            "indirect",
            "the crossing had been closed to trucks since Monday",
            "noted",
            "the border guards",
            None,
        ),
        (
            "The opposition accused the interior ministry of hiding the casualty figures from parliament.",
            "indirect",
            "the interior ministry of hiding the casualty figures from parliament",
            "accused",
            "The opposition",
            None,
        ),
        (
            "Prosecutors charged the former governor with diverting funds meant for the shelters.",
            "indirect",
            "the former governor with diverting funds meant for the shelters",
            "charged",
            "Prosecutors",
            None,
        ),
        (
            "Asked whether the ceasefire would hold, the defence minister said no.",
            "indirect",
            "no",
            "said",
            "the defence minister",
            None,
        ),
        (
            "Most residents of the eastern districts said the same of the relief convoys.",
            "indirect",
            "the same of the relief convoys",
            "said",
            "Most residents of the eastern districts",
            None,
        ),
        (  # the parser hangs "accused" on the reported clause: it is still the spokesman's
            "The rebel spokesman, Omar Hadi, said the militia still held the airport and accused "
            "the army of shelling the market.",
            "indirect",
            "the army of shelling the market",
            "accused",
            "The rebel spokesman, Omar Hadi",
            "Omar Hadi",
        ),
    ],
)
def test_finds_attribution(bare_nlp, text, kind, content, cue, mention, name):
    found = _find(bare_nlp, text)
    a = _one(found, text, content)
    assert a["kind"] == kind
    assert _text(text, a["cue"]) == cue
    assert _text(text, a["speaker_mention"]) == mention
    assert a["speaker_name"] == name
    assert a["cue_class"] == "speech"


@pytest.mark.parametrize(
    "text",
    [
        "The convoy reached the border crossing on Tuesday after a long delay.",
        "Residents described the “silent nights” before the offensive began.",
        "The bridge, which was built in 1962, carries the main road east.",
        "As the convoy moved east, the shelling of the town grew heavier.",
        "The minister accused the station.",
        "What the envoy said on Monday was never published.",
        "That said, the offensive stalled within a week of its start.",
        "All told, up to five thousand families could return to the city by spring.",
        "",
    ],
)
def test_finds_nothing(bare_nlp, text):
    assert _find(bare_nlp, text) == []


def test_surname_and_pronoun_resolve_to_full_name(bare_nlp):
    text = (
        "Foreign ministry spokeswoman Anna Lindqvist said the talks would resume next week.\n"
        "Lindqvist added that the delegation had left Geneva.\n"
        "She said that no date had been fixed."
    )
    found = _find(bare_nlp, text)
    names = [a["speaker_name"] for a in found]
    assert names == ["Anna Lindqvist", "Anna Lindqvist", "Anna Lindqvist"]
    assert found[0]["speaker_role"] == "Foreign ministry spokeswoman"
    assert _text(text, found[2]["speaker_mention"]) == "She"


def test_quote_only_paragraph_after_a_report_inherits_running_speaker(bare_nlp):
    text = (
        "General Tomasz Nowak said that his troops would not withdraw from the city.\n"
        "“Our units hold every position they held last week, and supplies are arriving by night.”"
    )
    found = _find(bare_nlp, text)
    assert [a["speaker_name"] for a in found] == ["Tomasz Nowak", "Tomasz Nowak"]
    # the quote is credited to the mention that named its speaker (PolNeAR's convention)
    assert found[1]["rule"] == "running-speaker"
    assert _text(text, found[1]["speaker_mention"]) == "General Tomasz Nowak"


def test_unidentified_pronoun_stays_unknown(bare_nlp):
    text = "He said that the ceasefire had collapsed along the whole front."
    (a,) = _find(bare_nlp, text)
    assert a["speaker_name"] is None
    assert _text(text, a["speaker_mention"]) == "He"


def test_quote_interrupted_by_cue_runs_on(bare_nlp):
    text = "“The airport is closed,” said Maria Duarte. “Flights will resume when the runway is repaired.”"
    (a,) = _find(bare_nlp, text)
    assert _text(text, a["content"]).startswith("The airport is closed")
    assert _text(text, a["content"]).endswith("when the runway is repaired.")
    assert _text(text, a["speaker_mention"]) == "Maria Duarte"
    # the pieces leave the cue out
    assert [_text(text, p) for p in a["parts"]] == ["The airport is closed", "Flights will resume when the runway is repaired."]


def test_inverted_cue_takes_the_name_after_it(bare_nlp):
    text = "“We were arguing that we had to wait for the right moment,” recalled Mr. Rhodes. “Then the call came.”"
    found = _find(bare_nlp, text)
    assert _text(text, found[0]["speaker_mention"]) == "Mr. Rhodes"


def test_cue_inside_its_content_goes_round_it(bare_nlp):
    text = "The general cited three offensives, which he said had failed within a week."
    (a,) = [a for a in _find(bare_nlp, text) if a["rule"] == "indirect-ccomp"]
    assert [_text(text, p) for p in a["parts"]] == ["which", "had failed within a week"]


def test_title_in_the_cue_sentence_does_not_end_the_quote(bare_nlp):
    text = "“We will open the corridor,” the minister said on Channel 4’s “Morning Report” on Sunday. “It is ready.”"
    found = [a for a in _find(bare_nlp, text) if a["rule"] == "direct-cue"]
    assert [_text(text, p) for p in found[0]["parts"]] == ["We will open the corridor", "It is ready."]


def test_trailing_cue_with_its_own_subject_reports_the_clause_before(bare_nlp):
    text = "The garrison remains committed to holding the bridge until the spring, its commander, Oleh Marchenko, told the BBC."
    (a,) = [a for a in _find(bare_nlp, text) if _text(text, a["cue"]) == "told"]
    assert _text(text, a["content"]).startswith("The garrison remains committed")
    assert "Oleh Marchenko" in _text(text, a["speaker_mention"])


def test_cue_crediting_a_quote_reports_its_own_clause_too(bare_nlp):
    text = "“We need more shells,” Petrenko said the brigade had lost two tanks and asked for replacements."
    contents = [_text(text, a["content"]) for a in _find(bare_nlp, text)]
    assert "We need more shells" in contents
    assert any(c.startswith("the brigade had lost two tanks") for c in contents), contents


def test_passive_cue_credits_its_agent(bare_nlp):
    text = "The strike on the depot was first reported by the regional governor."
    (a,) = _find(bare_nlp, text)
    assert a["rule"] == "indirect-passive"
    assert _text(text, a["content"]) == "The strike on the depot"
    assert _text(text, a["speaker_mention"]) == "the regional governor"


def test_passive_cue_on_a_person_is_not_content(bare_nlp):
    text = "Petrenko was told by his superiors to hold the line."
    assert not [a for a in _find(bare_nlp, text) if a["rule"] == "indirect-passive"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The governor told the BBC the city was “not yet safe” for returning families.", "the city was “not yet safe” for returning families"),
        ("The days when the front had “a quiet season” are gone, said Colonel Petrenko.", "The days when the front had “a quiet season” are gone"),
    ],
)
def test_quote_opening_mid_clause_makes_the_clause_mixed(bare_nlp, text, content):
    found = _find(bare_nlp, text)
    assert [(a["kind"], _text(text, a["content"])) for a in found] == [("mixed", content)]


def test_poll_share_speaks(bare_nlp):
    text = "About 4 in 10 say they want the ceasefire to hold through the winter."
    a = _one(_find(bare_nlp, text), text, "they want the ceasefire to hold through the winter")
    assert _text(text, a["speaker_mention"]) == "About 4 in 10"


def test_reported_clause_ends_where_the_next_report_begins(bare_nlp):
    text = "The mayor said the water supply had been restored, noting that repairs to the grid would take weeks."
    contents = {_text(text, a["cue"]): _text(text, a["content"]) for a in _find(bare_nlp, text)}
    assert contents["said"] == "the water supply had been restored"
    assert contents["noting"] == "that repairs to the grid would take weeks"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("“Not even one,” the commander said.", "Not even one"),
        ("The crowd outside the ministry yelled, “Out, out!”", "Out, out!"),
    ],
)
def test_short_quote_beside_its_cue_is_speech(bare_nlp, text, content):
    assert [_text(text, a["content"]) for a in _find(bare_nlp, text)] == [content]


def test_next_sentence_with_its_own_quote_keeps_its_cue(bare_nlp):
    text = "“We are holding.” The southern line, he said, was “quiet for the first time in a month.”"
    found = _find(bare_nlp, text)
    (a,) = [a for a in found if _text(text, a["cue"]) == "said"]
    assert a["kind"] == "mixed"
    assert _text(text, a["content"]).startswith("The southern line")


def test_short_quote_before_a_later_cue_is_not_its_speech(bare_nlp):
    text = "The mayor called the plan a “fantasy,” and said the city's reserves would run out by March."
    found = _find(bare_nlp, text)
    assert all(_text(text, a["content"]) != "fantasy" for a in found)


@pytest.mark.parametrize(
    ("text", "content", "cue", "mention"),
    [
        ("Observers doubted the ministry's claim that the strike hit only military depots.",
         "that the strike hit only military depots", "claim", "the ministry's"),
        ("His promise to rebuild the bridge by spring was repeated on Monday.", "to rebuild the bridge by spring", "promise", "His"),
    ],
)
def test_report_noun_with_its_clause(bare_nlp, text, content, cue, mention):
    a = _one(_find(bare_nlp, text), text, content)
    assert (a["rule"], _text(text, a["cue"]), _text(text, a["speaker_mention"])) == ("indirect-noun", cue, mention)


def test_lead_in_without_a_reporting_verb_names_its_subject(bare_nlp):
    text = "The defence ministry released the following statement:\n“Our units repelled four attacks near the river overnight.”"
    (a,) = _find(bare_nlp, text)
    assert a["rule"] == "direct-lead-in-actor"
    assert _text(text, a["speaker_mention"]) == "The defence ministry"
    assert _text(text, a["cue"]) == "released the following statement:"


def test_message_put_out_by_someone_speaks_for_them(bare_nlp):
    text = "The campaign sent a message to supporters saying that the rally would go ahead."
    a = _one(_find(bare_nlp, text), text, "that the rally would go ahead")
    assert _text(text, a["speaker_mention"]) == "The campaign"


def test_that_clause_after_the_cues_adverbials_is_its_content(bare_nlp):
    text = "The governor said earlier on Friday during a news conference that the evacuation would resume at dawn."
    a = _one(_find(bare_nlp, text), text, "that the evacuation would resume at dawn")
    assert _text(text, a["cue"]) == "said"


def test_programme_title_before_a_cue_is_not_speech(bare_nlp):
    text = "On the BBC’s “Morning Report,” the minister said the corridor “stays open” until Sunday."
    found = _find(bare_nlp, text)
    assert all(_text(text, a["content"]) != "Morning Report" for a in found)
    assert any(_text(text, a["content"]).startswith("the corridor") for a in found)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Kremlin Spokesperson Arkady Volkov claimed on December 6 that the strikes were a response.", "Arkady Volkov"),
        ("Secretary of State Antony Blinken said the talks would resume in Doha.", "Antony Blinken"),
        ("Finland's border guard service said on Monday that the crossings would stay closed.", "Finland's border guard service"),
        ("According to the UN refugee agency, more than 7,000 people fled across the border.", "UN refugee agency"),
    ],
)
def test_speaker_names_drop_titles_and_keep_named_bodies(bare_nlp, text, name):
    (a,) = _find(bare_nlp, text)
    assert a["speaker_name"] == name


def test_owned_body_keeps_its_owner_and_its_later_mention_resolves(bare_nlp):
    text = (
        "Ukraine's air force said on Thursday it had shot down 36 of 40 drones. "
        "Russia's defence ministry said its forces had struck military targets. "
        "The air force said later that air defence had worked in three regions."
    )
    names = [a["speaker_name"] for a in _find(bare_nlp, text) if _text(text, a["cue"]) == "said"]
    assert names == ["Ukraine's air force", "Russia's defence ministry", "Ukraine's air force"]


def test_coordinated_bodies_speak_together(bare_nlp):
    text = "The EU and NATO warned that the strikes would escalate the war."
    (a,) = _find(bare_nlp, text)
    assert a["speaker_name"] == "EU and NATO"


def test_infinitive_cue_speaks_for_the_object_that_controls_it(bare_nlp):
    text = "The defeat led the party chairman to declare that the campaign was over."
    a = _one(_find(bare_nlp, text), text, "that the campaign was over")
    assert _text(text, a["speaker_mention"]) == "the party chairman"


def test_bare_passive_participle_names_no_asker(bare_nlp):
    text = "Asked whether the talks had failed, the minister said they had only stalled."
    found = {_text(text, a["cue"]): a for a in _find(bare_nlp, text)}
    assert found["Asked"]["speaker_mention"] is None
    assert _text(text, found["said"]["speaker_mention"]) == "the minister"


def test_role_is_written_as_in_the_text(bare_nlp):
    text = "Serbia's president Aleksandar Vucic said the police raid was an attempt to expel the Serbs."
    (a,) = _find(bare_nlp, text)
    assert a["speaker_role"] == "Serbia's president"


def test_organisation_in_a_role_loses_the_titles_the_tagger_took(bare_nlp):
    text = "Khortytsia Group of Forces Spokesperson Colonel Viktor Trehubov stated that the town was holding."
    (a,) = _find(bare_nlp, text)
    assert a["speaker_name"] == "Viktor Trehubov"
    assert a["speaker_org"] is None or not a["speaker_org"].endswith(("Spokesperson", "Colonel"))


def test_dateline_is_not_part_of_what_was_said(bare_nlp):
    text = "BEIRUT (AP) — Israeli strikes hit southern Lebanon on Tuesday, the Lebanese health ministry said."
    (a,) = _find(bare_nlp, text)
    assert _text(text, a["content"]) == "Israeli strikes hit southern Lebanon on Tuesday"


def test_second_that_clause_is_reported_too(bare_nlp):
    text = "Officials familiar with the talks said a deal was close but that major gaps remained."
    (a,) = _find(bare_nlp, text)
    assert _text(text, a["content"]) == "a deal was close but that major gaps remained"


def test_role_left_with_a_gap_keeps_its_words_apart(bare_nlp):
    text = "An army spokesperson, Lt. Col. Nadav Shoshani, told reporters the strikes would continue."
    (a,) = _find(bare_nlp, text)
    assert a["speaker_name"] == "Nadav Shoshani"
    assert "spokespersonLt" not in (a["speaker_role"] or "")


def test_as_someone_put_it(bare_nlp):
    text = "As one trader in Odesa put it, “every ship now sails with a war-risk premium.”"
    (a,) = _find(bare_nlp, text)
    assert (_text(text, a["cue"]), _text(text, a["speaker_mention"])) == ("put", "one trader in Odesa")


def test_put_without_it_reports_nothing(bare_nlp):
    assert _find(bare_nlp, "The army put the bridge under guard before the convoy arrived.") == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Spokesman Dmitry Peskov called the accusations “absurd” and “unfounded.”", "the accusations “absurd” and “unfounded.”"),
        ("The ministry described the strike as “a war crime.”", "the strike as “a war crime.”"),
    ],
)
def test_labelling_verb_reports_the_label_it_quotes(bare_nlp, text, content):
    (a,) = _find(bare_nlp, text)
    assert (a["kind"], _text(text, a["content"])) == ("mixed", content)


def test_labelling_verb_without_a_quote_reports_nothing(bare_nlp):
    assert _find(bare_nlp, "Residents called him a hero.") == []


def test_call_for_reports_the_demand(bare_nlp):
    text = "The UN Security Council called for an immediate ceasefire in Gaza."
    (a,) = _find(bare_nlp, text)
    assert (_text(text, a["cue"]), _text(text, a["content"])) == ("called for", "an immediate ceasefire in Gaza")
    assert a["speaker_name"] == "UN Security Council"


def test_message_from_a_body_speaks_for_it(bare_nlp):
    text = "A statement from Hamas said the talks would resume in Cairo."
    (a,) = _find(bare_nlp, text)
    assert (a["speaker_name"], _text(text, a["speaker_mention"])) == ("Hamas", "A statement from Hamas")


def test_unnamed_body_has_no_name(bare_nlp):
    text = "A government agency said on Monday that the crossings would stay closed."
    (a,) = _find(bare_nlp, text)
    assert a["speaker_name"] is None


def test_accused_of_hung_on_the_object_still_reports(bare_nlp):
    text = "Moldova's interior minister, Dorin Ceban, accused pro-Russian networks of paying voters in the region."
    (a,) = _find(bare_nlp, text)
    assert _text(text, a["content"]) == "pro-Russian networks of paying voters in the region"
    assert a["speaker_name"] == "Dorin Ceban"


@pytest.mark.parametrize(
    "text",
    [
        "Speaking on MSNBC's “The Rachel Maddow Show” on Thursday, the envoy remarked that the talks had stalled.",
        "Humphrey, who calls the general a “sociopath,” said he would not serve under him.",
    ],
)
def test_titles_and_mid_clause_words_are_not_quotations(bare_nlp, text):
    found = _find(bare_nlp, text)
    assert found and all(a["kind"] != "direct" for a in found), found


@pytest.mark.parametrize(
    ("text", "content", "name"),
    [
        (
            (
                "But in a call with reporters on Dec. 2, Col. Steven Warren, a military spokesman in Baghdad, said, "
                "“A raid is a combat operation. There is no way around that.”"
            ),
            "A raid is a combat operation. There is no way around that.",
            "Steven Warren",
        ),
        ("“They were professionals, but also competitors,” William Daley, the president's former chief of staff, said of their time.",
         "They were professionals, but also competitors", "William Daley"),
    ],
)
def test_speaker_the_parser_hung_elsewhere(bare_nlp, text, content, name):
    a = _one(_find(bare_nlp, text), text, content)
    assert (a["kind"], a["speaker_name"]) == ("direct", name)


def test_participle_after_an_adverb_speaks_for_the_main_subject(bare_nlp):
    text = "The senator said she would vote for the bill, essentially conceding that the amendments had failed."
    a = _one(_find(bare_nlp, text), text, "that the amendments had failed")
    assert _text(text, a["speaker_mention"]) == "The senator"


def test_short_scare_quote_is_not_speech(bare_nlp):
    text = "The so-called “quiet zone” near the river was shelled on Monday, the governor said."
    assert all(_text(text, a["content"]) != "quiet zone" for a in _find(bare_nlp, text))


def test_title_case_programme_in_the_cue_sentence_does_not_end_the_quote(bare_nlp):
    text = "“Jobs first,” the minister said on “The Morning Show With Anna Kovalenko” last month. “Then the roads.”"
    found = [a for a in _find(bare_nlp, text) if a["rule"] == "direct-cue"]
    assert [_text(text, p) for p in found[0]["parts"]] == ["Jobs first", "Then the roads."]


def test_quote_in_one_piece_has_no_parts(bare_nlp):
    text = "“The airport is closed until further notice,” said Maria Duarte."
    (a,) = _find(bare_nlp, text)
    assert a["parts"] == []


def test_belief_cue_is_classed(bare_nlp):
    text = "Analysts believe that the offensive will stall before winter."
    (a,) = _find(bare_nlp, text)
    assert a["cue_class"] == "belief"


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        ("He said “the road is open” today.", ["the road is open"]),
        ("He said \"the road is open\" today.", ["the road is open"]),
        ("He said ''the road is open'' today.", ["the road is open"]),
        ("Il a dit «la route est ouverte» hier.", ["la route est ouverte"]),
        ("“The line never closes, and the shelling goes on", ["The line never closes, and the shelling goes on"]),
        ("The army’s units don’t move.", []),
        # web text mixes its marks: a curly quote closed by a straight one, or by a second opener
        ("“The roads are potholed,\" she said. \"The grid fails.”", ["The roads are potholed", "The grid fails."]),
        ("“Apparently not,“ he said. “A leopard doesn’t change.”", ["Apparently not", "A leopard doesn’t change."]),
    ],
)
def test_find_quotes(text, inner):
    quotes = find_quotes(text, LEXICON["quote_marks"]["pairs"])
    assert [text[q.inner_start : q.inner_end] for q in quotes] == inner


def test_quote_spanning_paragraphs():
    text = "“The first paragraph of the statement runs on.\n“And the second one ends here,” he said."
    (q,) = find_quotes(text, LEXICON["quote_marks"]["pairs"])
    assert text[q.inner_start : q.inner_end] == text[1 : text.index(",”")]
    assert q.closed


@pytest.mark.parametrize(
    ("text", "content", "mention"),
    [
        ("Senator Ruth Calder: Ceasefire Talks Have Failed Again", "Ceasefire Talks Have Failed Again", "Senator Ruth Calder"),
        (
            "Ministry of Defence: Russian forces lost three tanks near the river.",
            "Russian forces lost three tanks near the river",
            "Ministry of Defence",
        ),
    ],
)
def test_name_and_colon_open_a_report(bare_nlp, text, content, mention):
    a = _one(_find(bare_nlp, text), text, content)
    assert a["rule"] == "name-colon"
    assert _text(text, a["cue"]) == ":"
    assert _text(text, a["speaker_mention"]) == mention
    assert a["cue_class"] == "speech"


@pytest.mark.parametrize(
    "text",
    [
        "Update: The bridge was reopened on Sunday after repairs.",
        "Editor’s Note: This article was first published in March.",
        "The Latest: Convoy reaches the border crossing.",
        "Wednesday, October 5: The council met again in the evening.",
        "Key judgments: the front line will hold through the winter.",
        "Frontline: Convoy reaches the bridge.\n\nThe convoy of aid trucks crossed the river at dawn.",
        "Background: Talks have stalled.\n\nMediator Anna Background said the talks would resume.",
        # a caption's picture credit names who made the picture, not a speaker
        "Mayor Jane Roe. Image: Springfield City Council.",
        "Jane Roe in Kyiv. Photograph: Maria Lopez.",
    ],
)
def test_label_and_colon_report_nothing(bare_nlp, text):
    assert [a for a in _find(bare_nlp, text) if a["rule"] == "name-colon"] == []


@pytest.mark.parametrize(
    ("text", "content", "mention"),
    [
        (  # a headline's bare surname the parser misses, named in full in the story
            "Marek: No Talks Before the Spring Offensive\n\nGeneral Tomas Marek told reporters the army would not negotiate.",
            "No Talks Before the Spring Offensive",
            "Marek",
        ),
        (  # a transcript's speaker label, opening several paragraphs
            "HOST: The convoy reached the bridge on Tuesday, is that right?\n\nGUEST: Yes.\n\n"
            "HOST: And what happened to the trucks after that?",
            "And what happened to the trucks after that?",
            "HOST",
        ),
    ],
)
def test_name_the_document_knows_opens_a_report(bare_nlp, text, content, mention):
    a = _one(_find(bare_nlp, text), text, content)
    assert a["rule"] == "name-colon"
    assert _text(text, a["speaker_mention"]) == mention


@pytest.mark.parametrize(
    ("text", "content_start", "cue", "mention"),
    [
        # a parenthetical cue inside its own content still has its subject as the speaker
        ("In the eastern districts, the governor said, the shelling went on all night.", "In the eastern districts", "said", "the governor"),
        # a noun speaking through its own participle is the speaker, cut before the verb
        ("Residents gathered outside the town hall saying that the water had run out.", "that the water", "saying", "Residents"),
        # a message speaks for whoever put it out
        ("The army issued a statement saying that the bridge had been destroyed overnight.", "that the bridge", "saying", "The army"),
        ("The ministry released a short video saying that the convoy had reached the city.", "that the convoy", "saying", "The ministry"),
        # a participle after a comma speaks for the main clause's subject, wherever the parser hung it
        ("The minister stressed that the talks were over, suggesting that sanctions would follow.", "that sanctions", "suggesting", "The minister"),
        # the cue inside its own content: the speaker is its subject
        ("The general cited three offensives, which he said had failed within a week.", "which", "said", "he"),
    ],
)
def test_speaker_of_parentheticals_and_participles(bare_nlp, text, content_start, cue, mention):
    found = [a for a in _find(bare_nlp, text) if _text(text, a["content"]).startswith(content_start)]
    assert found, _find(bare_nlp, text)
    assert _text(text, found[0]["cue"]) == cue
    assert _text(text, found[0]["speaker_mention"]) == mention


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Olena Marchenko, who heads the city’s water utility, said the pumps would be repaired by Friday.",
         "Olena Marchenko, who heads the city’s water utility"),
        ("Olena Marchenko, speaking in Kharkiv on Monday, said the pumps would be repaired by Friday.", "Olena Marchenko"),
        ("Olena Marchenko, the head of the city’s water utility, said the pumps would be repaired by Friday.",
         "Olena Marchenko, the head of the city’s water utility"),
    ],
)
def test_speaker_mention_ends_before_an_aside(bare_nlp, text, mention):
    a = _one(_find(bare_nlp, text), text, "the pumps would be repaired by Friday")
    assert _text(text, a["speaker_mention"]) == mention
    assert a["speaker_name"] == "Olena Marchenko"


@pytest.mark.parametrize(
    ("text", "content", "mention"),
    [
        # a passive cue speaks through its agent; without one, no one is named
        ("The general was asked by reporters whether the bridge had been destroyed.", "whether the bridge had been destroyed", "reporters"),
        ("It was reported that the convoy had been ambushed near the border.", "that the convoy had been ambushed near the border", None),
        # "quoted as saying": the one quoted is the speaker
        ("The spokesman was quoted as saying that the talks had failed.", "that the talks had failed", "The spokesman"),
    ],
)
def test_passive_cues(bare_nlp, text, content, mention):
    a = _one(_find(bare_nlp, text), text, content)
    assert _text(text, a["speaker_mention"]) == mention


def test_incomplete_lexicon_is_a_config_error(bare_nlp):
    from sayso.errors import ConfigError

    doc = bare_nlp("The minister said the talks had failed.")
    partial = {k: v for k, v in LEXICON.items() if k != "report_nouns"}
    with pytest.raises(ConfigError, match="report_nouns"):
        find_attributions(doc, [], partial)
    with pytest.raises(ConfigError, match="classes"):
        find_attributions(doc, [], {k: v for k, v in LEXICON.items() if k != "classes"})


def test_quote_after_another_persons_sentence_is_not_a_continuation(bare_nlp):
    text = "“The bridge is gone,” the captain said. The engineer shook her head slowly. “We can rebuild it in a week.”"
    (first, *_rest) = [a for a in _find(bare_nlp, text) if a["rule"] == "direct-cue"]
    assert _text(text, first["content"]) == "The bridge is gone"
    assert not first["parts"]


def test_mixed_clause_runs_on_into_the_quote_after_its_cue(bare_nlp):
    text = ("At the border crossings, drivers wait longer “because the scanners keep failing,” the inspector said. "
            "“Nobody has fixed them since spring.”")
    (a,) = [a for a in _find(bare_nlp, text) if a["rule"] == "mixed-clause"]
    assert a["kind"] == "mixed"
    assert [_text(text, p) for p in a["parts"]] == [
        "At the border crossings, drivers wait longer “because the scanners keep failing,”",
        "Nobody has fixed them since spring.",
    ]
    assert _text(text, a["speaker_mention"]) == "the inspector"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The ministry said the bridge was still standing, while rebel commanders claimed they had destroyed it.",
         "the bridge was still standing"),
        ("Officials said the convoy would leave on Monday, though the road remained closed to civilians.",
         "the convoy would leave on Monday"),
    ],
)
def test_writers_counterpoint_is_not_what_was_said(bare_nlp, text, content):
    found = [a for a in _find(bare_nlp, text) if _text(text, a["cue"]) == "said"]
    assert [_text(text, a["content"]) for a in found] == [content]


def test_content_stops_before_the_phrase_that_sources_it(bare_nlp):
    text = ("In a message posted on Sunday, the channel pointed to the strike as revenge for the raids on the port, "
            "according to a report from a monitoring group.")
    found = _find(bare_nlp, text)
    sourced = [a for a in found if a["rule"] == "according-to"]
    assert [_text(text, a["speaker_mention"]) for a in sourced] == ["a report from a monitoring group"]
    for a in found:
        if a["rule"] != "according-to":
            assert "according" not in _text(text, a["content"])
            assert _text(text, a["content"]).endswith("the raids on the port")


def test_question_put_to_the_speaker_is_not_part_of_the_answer(bare_nlp):
    text = 'Asked by a reporter whether the pass was open, she said, "We reopened it at dawn, and the trucks are moving."'
    said = [a for a in _find(bare_nlp, text) if _text(text, a["cue"]) == "said"]
    assert said
    assert all("Asked" not in _text(text, a["content"]) for a in said)


def test_speaker_goes_on_in_a_sentence_that_leads_into_a_quote(bare_nlp):
    text = "“The convoy is late again,” the governor said. That makes the crossing “a trap for everyone who waits there.”"
    (a,) = [a for a in _find(bare_nlp, text) if a["rule"] == "direct-cue"]
    assert [_text(text, p) for p in a["parts"]] == [
        "The convoy is late again",
        "That makes the crossing “a trap for everyone who waits there.”",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The depot has been a lifeline for the city; the army said it would guard the road.",
        "The depot has been a lifeline for the city — the army reported losing two trucks there.",
    ],
)
def test_clause_closed_off_before_the_cue_is_not_what_was_said(bare_nlp, text):
    for a in _find(bare_nlp, text):
        assert "lifeline" not in _text(text, a["content"])


def test_writers_gloss_closing_the_clause_is_not_what_was_said(bare_nlp):
    text = ("The minister said the sticking point was his demand to close the northern crossing, a plan the "
            "army has quietly dropped in recent weeks.")
    found = [a for a in _find(bare_nlp, text) if _text(text, a["cue"]) == "said"]
    assert [_text(text, a["content"]) for a in found] == [
        "the sticking point was his demand to close the northern crossing"
    ]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        # the parser hangs the clause's last phrase on the cue that interrupts it
        ("The ceasefire would be tested, the envoy said, by the first exchange of prisoners.",
         ["The ceasefire would be tested", "by the first exchange of prisoners"]),
        ("The truce would be tested, Ivanov said, by the first exchange of prisoners.",
         ["The truce would be tested", "by the first exchange of prisoners"]),
        ("The offensive would be slowed, Kovalenko said, by the autumn rains.",
         ["The offensive would be slowed", "by the autumn rains"]),
        ("The strikes were aimed at fuel depots, officials said, including two near the port.",
         ["The strikes were aimed at fuel depots", "including two near the port"]),
        ("The shipments were of several kinds, the ministry said, including shells, drones and fuel.",
         ["The shipments were of several kinds", "including shells, drones and fuel"]),
    ],
)
def test_clause_interrupted_by_its_cue_goes_round_it(bare_nlp, text, parts):
    found = _find(bare_nlp, text)
    assert len(found) == 1, found
    assert [_text(text, p) for p in found[0]["parts"]] == parts
    assert _text(text, found[0]["content"]) == text.rstrip(".")


def test_cue_with_its_own_adverbial_does_not_go_round(bare_nlp):
    text = "The ceasefire held, the envoy said on Tuesday."
    found = _find(bare_nlp, text)
    assert [_text(text, a["content"]) for a in found] == ["The ceasefire held"]
    assert not found[0]["parts"]


@pytest.mark.parametrize(
    "text",
    [
        "The defence ministry said in a statement that the bridge had been destroyed overnight.",
        "The Red Cross director Maksym Dotsenko says in a statement that the shelters are full.",
    ],
)
def test_statement_a_cue_speaks_through_is_its_channel_not_a_report(bare_nlp, text):
    (a,) = _find(bare_nlp, text)
    assert _text(text, a["cue"]) in ("said", "says")
    assert _text(text, a["content"]).startswith("that the")
    assert _text(text, a["speaker_mention"]) == text[: text.index(" sa")]


def test_that_clause_misparsed_as_relative_on_the_cues_adverbial_is_the_report(bare_nlp):
    text = "The Russian Defence Ministry said in a daily briefing that its forces had repelled attacks near Kupiansk."
    (a,) = _find(bare_nlp, text)
    assert _text(text, a["content"]) == "that its forces had repelled attacks near Kupiansk"
    assert _text(text, a["speaker_mention"]) == "The Russian Defence Ministry"


def test_relative_clause_with_its_gap_on_the_cues_adverbial_is_not_a_report(bare_nlp):
    text = "The ministry said in a statement that the army released on Sunday."
    assert not any(_text(text, a["content"]).startswith("that the army") for a in _find(bare_nlp, text))


def test_a_relative_clause_that_spells_an_idiom_still_reports(bare_nlp):
    """"That said, …" reports nothing; "banners that said, “…”" credits the banners' words."""
    text = "Protesters in the square carried banners that said, “The war must end before the winter comes.”"
    a = _one(_find(bare_nlp, text), text, "The war must end before the winter comes.")
    assert (a["kind"], _text(text, a["cue"])) == ("direct", "said")
