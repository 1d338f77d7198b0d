"""The corpus tables, one SQLAlchemy Core schema for SQLite and PostgreSQL.

Offsets are character offsets into ``documents.text`` (the analysed text), exactly as in the
Analysis records; ``documents.analysis`` keeps the full "sayso/1" JSON so a reader can rebuild the
Analysis with ``model.from_dict`` without re-analysing. ``origin_id`` columns point at the first
stored near-duplicate (NULL: the row is its own origin); ``minhash`` holds the MinHash signature
that the reprint detector compares, ``reprint_bands`` its LSH bands. Full-text indexes are dialect-specific and live in
``migrations``.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()


def _document_fk() -> Column:
    return Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False)


migrations = Table(
    "migrations",
    metadata,
    Column("name", String(200), primary_key=True),
    Column("applied_at", String(40), nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("source_name", Text),  # file path, "file.jsonl:12", WARC record id
    Column("url", Text),
    Column("title", Text),
    Column("author", Text),
    # migration 0004: the outlet, the feed's own id for the article, and every feed field given
    Column("publisher", Text),
    Column("external_id", Text),
    Column("metadata", Text),  # JSON object of the input's metadata fields, as given
    Column("published", String(40)),  # ISO date, YYYY-MM-DD
    Column("published_source", String(20)),
    Column("language", String(10)),
    Column("scale", String(40)),
    Column("word_count", Integer, nullable=False),
    Column("raw", Text, nullable=False),  # the input as given (text or HTML), decoded
    Column("text", Text, nullable=False),  # the analysed text all offsets refer to
    Column("analysis", Text, nullable=False),  # Analysis.to_json(), schema "sayso/1"
    Column("origin_id", Integer, ForeignKey("documents.id")),
    Column("minhash", LargeBinary),
    Column("ingested_at", String(40), nullable=False),
)
Index("ix_documents_published", documents.c.published)
Index("ix_documents_origin", documents.c.origin_id)

passages = Table(
    "passages",
    metadata,
    Column("id", Integer, primary_key=True),
    _document_fk(),
    Column("seq", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("voice", String(10), nullable=False),
    Column("source", Text),
    Column("text", Text, nullable=False),
)
Index("ix_passages_document", passages.c.document_id)

speakers = Table(
    "speakers",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(300), nullable=False, unique=True),  # casefolded canonical name
    Column("canonical", Text, nullable=False),
    Column("aliases", Text, nullable=False),  # JSON list of the mention texts seen
    Column("org", Text),
    Column("role", Text),
    Column("type", String(20)),
    # identity (migration 0003): the root row of this speaker's identity, NULL for a root itself;
    # match_key/initials find candidate rows by index (surname, or normalised organisation name)
    Column("canonical_id", Integer, ForeignKey("speakers.id")),
    Column("match_key", String(300)),
    Column("initials", String(40)),
)
Index("ix_speakers_canonical", speakers.c.canonical_id)
Index("ix_speakers_match_key", speakers.c.match_key)
Index("ix_speakers_initials", speakers.c.initials)

# Every identity change, automatic or a user's, with the pointers it moved so it can be undone.
speaker_merges = Table(
    "speaker_merges",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("action", String(10), nullable=False),  # "merge" | "split"
    Column("speaker_id", Integer, nullable=False),
    Column("into_id", Integer),
    Column("by", String(10), nullable=False),  # "auto" | "user"
    Column("reason", Text, nullable=False),
    Column("moves", Text, nullable=False),  # JSON [[speaker_id, old canonical_id, new canonical_id], ...]
    Column("at", String(40), nullable=False),
    Column("undone_at", String(40)),
)

attributions = Table(
    "attributions",
    metadata,
    Column("id", Integer, primary_key=True),
    _document_fk(),
    Column("seq", Integer, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("content", Text, nullable=False),
    Column("content_start", Integer, nullable=False),
    Column("content_end", Integer, nullable=False),
    Column("cue", Text),
    Column("cue_start", Integer),
    Column("cue_end", Integer),
    Column("speaker_id", Integer, ForeignKey("speakers.id")),
    Column("speaker_name", Text),
    Column("speaker_mention", Text),
    Column("speaker_start", Integer),
    Column("speaker_end", Integer),
    Column("rule", String(100)),
    Column("cue_class", String(20)),  # speech, belief, evidence or perception; null in rows stored before 0008
    Column("origin_id", Integer, ForeignKey("attributions.id")),
    Column("minhash", LargeBinary),
)
Index("ix_attributions_document", attributions.c.document_id)
Index("ix_attributions_speaker", attributions.c.speaker_id)
Index("ix_attributions_origin", attributions.c.origin_id)

assessments = Table(
    "assessments",
    metadata,
    Column("id", Integer, primary_key=True),
    _document_fk(),
    Column("seq", Integer, nullable=False),
    Column("phrase", Text, nullable=False),
    Column("phrase_start", Integer, nullable=False),
    Column("phrase_end", Integer, nullable=False),
    Column("sentence", Text, nullable=False),
    Column("sentence_start", Integer, nullable=False),
    Column("sentence_end", Integer, nullable=False),
    Column("proposition", Text),
    Column("topic", Text, nullable=False),  # proposition when known, else the sentence
    Column("voice", String(10), nullable=False),  # voice of the passage holding the phrase
    # NULL where the scale defines no number for the phrase (migration 0007_unbanded_assessments)
    Column("band", String(60)),
    Column("low", Float),
    Column("high", Float),
    Column("median", Float),
    Column("scale", String(40), nullable=False),
    Column("assessor", Text),
    Column("negated", Boolean, nullable=False),
    Column("rule", String(100)),
    Column("origin_id", Integer, ForeignKey("assessments.id")),
    Column("category", String(20)),  # wep, modal, … (migration 0003_assessment_category)
    Column("minhash", LargeBinary),
)
Index("ix_assessments_document", assessments.c.document_id)
Index("ix_assessments_assessor", assessments.c.assessor)

# Reprint lookup (migration 0009_reprint_bands): one row per LSH band of each stored fingerprint,
# so finding a near-duplicate is an indexed query rather than an index in the writer's memory.
reprint_bands = Table(
    "reprint_bands",
    metadata,
    Column("kind", String(20), primary_key=True),  # the fingerprinted table: documents, attributions, assessments
    Column("band", LargeBinary, primary_key=True),  # the band's number, then its MinHash values
    Column("row_id", Integer, primary_key=True),  # the row's id in that table (no FK: it spans three tables)
    sqlite_with_rowid=False,
)

entities = Table(
    "entities",
    metadata,
    Column("id", Integer, primary_key=True),
    _document_fk(),
    Column("name", Text, nullable=False),
    Column("type", String(40), nullable=False),
    Column("aliases", Text, nullable=False),  # JSON list
)
Index("ix_entities_document", entities.c.document_id)
Index("ix_entities_name", entities.c.name)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("entity_id", Integer, ForeignKey("entities.id", ondelete="CASCADE"), nullable=False),
    _document_fk(),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
)
Index("ix_mentions_entity", mentions.c.entity_id)

dates = Table(
    "dates",
    metadata,
    Column("id", Integer, primary_key=True),
    _document_fk(),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("value", String(40)),
    Column("granularity", String(20), nullable=False),
    Column("relative", Boolean, nullable=False),
    Column("ambiguous", Boolean, nullable=False),
)
Index("ix_dates_document", dates.c.document_id)

# Forecasting questions, the assessments linked to them and their resolutions (scorecards, issue 19).
questions = Table(
    "questions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("text", Text, nullable=False, unique=True),
    Column("opens", String(10), nullable=False),  # YYYY-MM-DD: assessments from this day on bear on it
    Column("closes", String(10), nullable=False),  # YYYY-MM-DD: the last day the question was open
    Column("query", Text, nullable=False),  # the words that find its assessments
    Column("created_by", Text, nullable=False),
    Column("created_at", String(40), nullable=False),
)

question_links = Table(
    "question_links",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("question_id", Integer, ForeignKey(questions.c.id, ondelete="CASCADE"), nullable=False),
    Column("assessment_id", Integer, nullable=False),  # assessments.id; no FK: decisions outlive deletions
    Column("document_id", Integer, nullable=False),
    Column("polarity", String(10), nullable=False),  # "for": the assessed proposition is the question's yes
    Column("status", String(10), nullable=False),  # proposed | accepted | rejected
    Column("evidence", Text),  # why sayso proposed it
    Column("decided_by", Text),
    Column("decided_at", String(40)),
    Column("created_at", String(40), nullable=False),
    UniqueConstraint("question_id", "assessment_id", name="uq_question_links_pair"),
)

question_resolutions = Table(
    "question_resolutions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("question_id", Integer, ForeignKey(questions.c.id, ondelete="CASCADE"), nullable=False),
    Column("outcome", String(3), nullable=False),  # yes | no
    Column("resolved_on", String(10), nullable=False),
    Column("note", Text),
    Column("source", Text),  # where the outcome can be checked
    Column("resolved_by", Text, nullable=False),
    Column("resolved_at", String(40), nullable=False),
)

QUESTION_TABLES = (questions, question_links, question_resolutions)

# Whole tables a user may export; the names are checked against this before any SQL is built.
EXPORTABLE = (
    "documents", "passages", "speakers", "speaker_merges", "attributions", "assessments", "entities",
    "mentions", "dates", "questions", "question_links", "question_resolutions",
)
