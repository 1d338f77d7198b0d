"""``sayso questions``: forecasting questions, their links to assessments, and their resolutions."""

from __future__ import annotations

from pathlib import Path

import click

from sayso.cli.corpus import _open, db_option, emit, format_option

LINK_COLUMNS = ["question_id", "assessment_id", "status", "polarity", "published", "assessor", "phrase", "band",
                "sentence", "proposition", "evidence"]


def by_option(function):  # -> click decorator
    from sayso.store.questions import default_user

    return click.option("--by", default=default_user, show_default="your login name",
                        help="Who decides, for the record.")(function)


@click.group()
def questions() -> None:
    """Questions that have resolved, and the assessments that bore on them (for `sayso scorecard`).

    \b
    Examples:
      sayso questions add "Will Donald Trump win the Republican nomination?" \\
          --opens 2015-11-01 --closes 2016-07-19 --query "Trump nomination"
      sayso questions links 1 --status proposed
      sayso questions accept 1 412 415          sayso questions reject 1 417
      sayso questions resolve 1 yes --on 2016-07-19 --note "won the roll call"
      sayso questions import examples/us-2016-questions.jsonl
    """


@questions.command("add")
@click.argument("text")
@click.option("--opens", required=True, metavar="YYYY-MM-DD", help="First day assessments bear on it.")
@click.option("--closes", required=True, metavar="YYYY-MM-DD", help="Last day the question is open.")
@click.option("--query", "query_text", required=True, help="Words every linked assessment's sentence holds.")
@db_option
@by_option
def add(text: str, opens: str, closes: str, query_text: str, db: str, by: str) -> None:
    """Create a question and propose the assessments in the corpus that bear on it."""
    from sayso.scorecards.linking import propose
    from sayso.store.questions import add_question

    store = _open(db)
    question_id = add_question(store, text, opens=opens, closes=closes, query=query_text, by=by)
    proposed = propose(store, question_id)
    click.echo(f"question {question_id}: {proposed} links proposed (review: sayso questions links {question_id})")


@questions.command("list")
@db_option
@format_option
def list_(db: str, fmt: str) -> None:
    """Every question with its link counts and resolution."""
    from sayso.store.questions import list_questions

    emit(list_questions(_open(db)), ["id", "text", "opens", "closes", "proposed", "accepted", "rejected", "outcome",
                                     "resolved_on"], fmt, "questions")


@questions.command("propose")
@click.argument("question_id", type=int)
@db_option
def propose_(question_id: int, db: str) -> None:
    """Propose links again (after more articles were ingested); decided links keep their state."""
    from sayso.scorecards.linking import propose

    click.echo(f"question {question_id}: {propose(_open(db), question_id)} new links proposed")


@questions.command("links")
@click.argument("question_id", type=int, required=False)
@click.option("--status", type=click.Choice(["proposed", "accepted", "rejected"]), help="Only links in this state.")
@db_option
@format_option
def links_(question_id: int | None, status: str | None, db: str, fmt: str) -> None:
    """The links of QUESTION_ID (or of every question), with the sentence to judge each by."""
    from sayso.store.questions import links

    emit(links(_open(db), question_id, status=status), LINK_COLUMNS, fmt, "links")


def _decide(status: str):  # -> click command
    @click.argument("question_id", type=int)
    @click.argument("assessment_ids", type=int, nargs=-1, required=True)
    @click.option("--polarity", type=click.Choice(["for", "against"]),
                  help="Set the polarity: 'for' when the assessed proposition is the question's yes.")
    @db_option
    @by_option
    def decide(question_id: int, assessment_ids: tuple[int, ...], polarity: str | None, db: str, by: str) -> None:
        from sayso.store.questions import decide_links

        count = decide_links(_open(db), question_id, assessment_ids, status, by=by, polarity=polarity)
        click.echo(f"question {question_id}: {count} links {status}")

    return decide


questions.command("accept", help="Accept links from QUESTION_ID to ASSESSMENT_IDS (linking them if not proposed).")(
    _decide("accepted"))
questions.command("reject", help="Reject links from QUESTION_ID to ASSESSMENT_IDS.")(_decide("rejected"))


@questions.command("resolve")
@click.argument("question_id", type=int)
@click.argument("outcome", type=click.Choice(["yes", "no"]))
@click.option("--on", "on", required=True, metavar="YYYY-MM-DD", help="When it resolved.")
@click.option("--note", help="How it resolved.")
@click.option("--source", help="Where the outcome can be checked (a URL or reference).")
@db_option
@by_option
def resolve_(question_id: int, outcome: str, on: str, note: str | None, source: str | None, db: str, by: str) -> None:
    """Record how QUESTION_ID resolved; a later resolution supersedes (and keeps) the earlier one."""
    from sayso.store.questions import resolve

    resolve(_open(db), question_id, outcome, on=on, note=note, source=source, by=by)
    click.echo(f"question {question_id}: resolved {outcome} on {on}")


@questions.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--no-propose", is_flag=True, help="Store the questions without proposing links.")
@db_option
@by_option
def import_(path: Path, no_propose: bool, db: str, by: str) -> None:
    """Questions from JSON Lines: {"text", "opens", "closes", "query", "resolution": {"outcome", "on",
    "note", "source"}}; all lines are checked before any is stored; known questions are skipped."""
    from sayso.scorecards.linking import propose
    from sayso.store.questions import import_questions, list_questions

    store = _open(db)
    added, skipped = import_questions(store, path, by=by)
    proposed = 0 if no_propose else sum(propose(store, q["id"]) for q in list_questions(store))
    click.echo(f"imported {added} questions ({skipped} already stored); {proposed} links proposed")
