#include "model/schema.h"

#include <stdio.h>
#include <string.h>

#include "model/db.h"
#include "model/guid.h"
#include "model/item.h"
#include "model/sqlbuf.h"
#include "model/tables.h"
#include "util/i18n.h"

#define NOW "(strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"

/* Schema 1: the domain of a DiDaT session, its documents and codings. */
static const char *const schema_1[] = {
	/* A workshop.  Its system boundaries are four texts. */
	"CREATE TABLE session ("
	"  id          INTEGER PRIMARY KEY,"
	"  title       TEXT NOT NULL CHECK (title <> ''),"
	"  date        TEXT,"
	"  place       TEXT,"
	"  facilitator TEXT,"
	"  notes       TEXT,"
	"  question    TEXT,"  /* main guiding question, Leitfrage */
	"  inside      TEXT,"
	"  outside     TEXT,"
	"  region      TEXT,"
	"  horizon     TEXT,"
	"  created     TEXT NOT NULL DEFAULT " NOW ","
	"  modified    TEXT NOT NULL DEFAULT " NOW ");",
	/* Subgroup / Handlungsbereich, numbered within its session. */
	"CREATE TABLE component ("
	"  id         INTEGER PRIMARY KEY,"
	"  session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,"
	"  number     INTEGER NOT NULL CHECK (number >= 1),"
	"  name       TEXT NOT NULL CHECK (name <> ''),"
	"  question   TEXT,"
	"  UNIQUE (session_id, number));",
	"CREATE TABLE stakeholder ("
	"  id          INTEGER PRIMARY KEY,"
	"  session_id  INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,"
	"  name        TEXT NOT NULL CHECK (name <> ''),"
	"  kind        TEXT NOT NULL DEFAULT 'other' CHECK (kind IN"
	"              ('science', 'business', 'government', 'civil_society', 'other')),"
	"  description TEXT);",
	/* Actor groups that measures are addressed to (A-G in the SME chapter). */
	"CREATE TABLE actor ("
	"  id         INTEGER PRIMARY KEY,"
	"  session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,"
	"  letter     TEXT NOT NULL CHECK (letter <> ''),"
	"  name       TEXT NOT NULL CHECK (name <> ''),"
	"  UNIQUE (session_id, letter));",
	/* Unintended side effects; ratings 1-5, NULL while unrated. */
	"CREATE TABLE unseen ("
	"  id           INTEGER PRIMARY KEY,"
	"  session_id   INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,"
	"  position     INTEGER NOT NULL DEFAULT 0,"
	"  title        TEXT NOT NULL CHECK (title <> ''),"
	"  description  TEXT,"
	"  causes       TEXT,"
	"  component_id INTEGER REFERENCES component(id) ON DELETE SET NULL,"
	"  likelihood   INTEGER CHECK (likelihood BETWEEN 1 AND 5),"
	"  impact       INTEGER CHECK (impact BETWEEN 1 AND 5),"
	"  capacity     INTEGER CHECK (capacity BETWEEN 1 AND 5),"
	"  votes        INTEGER NOT NULL DEFAULT 0 CHECK (votes >= 0));",
	"CREATE TABLE unseen_stakeholder ("
	"  unseen_id      INTEGER NOT NULL REFERENCES unseen(id) ON DELETE CASCADE,"
	"  stakeholder_id INTEGER NOT NULL REFERENCES stakeholder(id) ON DELETE CASCADE,"
	"  UNIQUE (unseen_id, stakeholder_id));",
	"CREATE TABLE variable ("
	"  id          INTEGER PRIMARY KEY,"
	"  session_id  INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,"
	"  position    INTEGER NOT NULL DEFAULT 0,"
	"  name        TEXT NOT NULL CHECK (name <> ''),"
	"  short       TEXT,"
	"  description TEXT);",
	/* The impact matrix; a missing row is an unrated cell, not a 0. */
	"CREATE TABLE impact ("
	"  from_id  INTEGER NOT NULL REFERENCES variable(id) ON DELETE CASCADE,"
	"  to_id    INTEGER NOT NULL REFERENCES variable(id) ON DELETE CASCADE,"
	"  strength INTEGER NOT NULL CHECK (strength BETWEEN 0 AND 3),"
	"  note     TEXT,"
	"  UNIQUE (from_id, to_id),"
	"  CHECK (from_id <> to_id));",
	"CREATE TABLE goal ("
	"  id           INTEGER PRIMARY KEY,"
	"  session_id   INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,"
	"  component_id INTEGER REFERENCES component(id) ON DELETE SET NULL,"
	"  text         TEXT NOT NULL CHECK (text <> ''));",
	"CREATE TABLE goal_unseen ("
	"  goal_id   INTEGER NOT NULL REFERENCES goal(id) ON DELETE CASCADE,"
	"  unseen_id INTEGER NOT NULL REFERENCES unseen(id) ON DELETE CASCADE,"
	"  UNIQUE (goal_id, unseen_id));",
	"CREATE TABLE conflict ("
	"  id          INTEGER PRIMARY KEY,"
	"  session_id  INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,"
	"  goal_a      INTEGER NOT NULL REFERENCES goal(id) ON DELETE CASCADE,"
	"  goal_b      INTEGER NOT NULL REFERENCES goal(id) ON DELETE CASCADE,"
	"  description TEXT,"
	"  CHECK (goal_a <> goal_b));",
	/* Priority 1 (most urgent) to 5. */
	"CREATE TABLE measure ("
	"  id         INTEGER PRIMARY KEY,"
	"  session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,"
	"  text       TEXT NOT NULL CHECK (text <> ''),"
	"  actor_id   INTEGER REFERENCES actor(id) ON DELETE SET NULL,"
	"  horizon    TEXT CHECK (horizon IN ('short', 'medium', 'long')),"
	"  priority   INTEGER CHECK (priority BETWEEN 1 AND 5));",
	"CREATE TABLE measure_goal ("
	"  measure_id INTEGER NOT NULL REFERENCES measure(id) ON DELETE CASCADE,"
	"  goal_id    INTEGER NOT NULL REFERENCES goal(id) ON DELETE CASCADE,"
	"  UNIQUE (measure_id, goal_id));",
	/* Socially robust orientation, one per component. */
	"CREATE TABLE soro ("
	"  id           INTEGER PRIMARY KEY,"
	"  session_id   INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,"
	"  component_id INTEGER REFERENCES component(id) ON DELETE SET NULL,"
	"  text         TEXT NOT NULL CHECK (text <> ''));",
	"CREATE TABLE soro_unseen ("
	"  soro_id   INTEGER NOT NULL REFERENCES soro(id) ON DELETE CASCADE,"
	"  unseen_id INTEGER NOT NULL REFERENCES unseen(id) ON DELETE CASCADE,"
	"  UNIQUE (soro_id, unseen_id));",
	"CREATE TABLE soro_goal ("
	"  soro_id INTEGER NOT NULL REFERENCES soro(id) ON DELETE CASCADE,"
	"  goal_id INTEGER NOT NULL REFERENCES goal(id) ON DELETE CASCADE,"
	"  UNIQUE (soro_id, goal_id));",
	"CREATE TABLE soro_measure ("
	"  soro_id    INTEGER NOT NULL REFERENCES soro(id) ON DELETE CASCADE,"
	"  measure_id INTEGER NOT NULL REFERENCES measure(id) ON DELETE CASCADE,"
	"  UNIQUE (soro_id, measure_id));",
	/* Imported texts.  Their lines never change, so codings never drift;
	 * the SHA-256 of the file refuses the same file twice per session. */
	"CREATE TABLE document ("
	"  id           INTEGER PRIMARY KEY,"
	"  session_id   INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,"
	"  title        TEXT NOT NULL CHECK (title <> ''),"
	"  kind         TEXT NOT NULL DEFAULT 'minutes' CHECK (kind IN"
	"               ('minutes', 'paper', 'draft', 'other')),"
	"  date         TEXT,"
	"  component_id INTEGER REFERENCES component(id) ON DELETE SET NULL,"
	"  filename     TEXT,"
	"  sha256       TEXT NOT NULL,"
	"  line_count   INTEGER NOT NULL DEFAULT 0,"
	"  participants TEXT,"
	"  memo         TEXT,"
	"  imported     TEXT NOT NULL DEFAULT " NOW ","
	"  UNIQUE (session_id, sha256));",
	"CREATE TABLE line ("
	"  document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,"
	"  number      INTEGER NOT NULL,"
	"  text        TEXT NOT NULL,"
	"  PRIMARY KEY (document_id, number)) WITHOUT ROWID;",
	"CREATE TRIGGER line_immutable BEFORE UPDATE ON line BEGIN"
	"  SELECT RAISE(ABORT, 'document lines are never edited'); END;",
	/* Codes: one per item (type + item_id), plus free codes in a tree. */
	"CREATE TABLE code ("
	"  id         INTEGER PRIMARY KEY,"
	"  session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,"
	"  type       TEXT NOT NULL CHECK (type IN"
	"             ('unseen', 'goal', 'measure', 'soro', 'stakeholder', 'variable', 'free')),"
	"  item_id    INTEGER,"
	"  parent_id  INTEGER REFERENCES code(id) ON DELETE CASCADE,"
	"  name       TEXT,"
	"  colour     TEXT,"
	"  definition TEXT,"
	"  memo       TEXT,"
	"  UNIQUE (type, item_id),"
	"  CHECK ((type = 'free') = (item_id IS NULL)),"
	"  CHECK (type = 'free' OR parent_id IS NULL),"
	"  CHECK (type <> 'free' OR name <> ''));",
	"CREATE TRIGGER unseen_code_gone AFTER DELETE ON unseen BEGIN"
	"  DELETE FROM code WHERE type = 'unseen' AND item_id = OLD.id; END;",
	"CREATE TRIGGER goal_code_gone AFTER DELETE ON goal BEGIN"
	"  DELETE FROM code WHERE type = 'goal' AND item_id = OLD.id; END;",
	"CREATE TRIGGER measure_code_gone AFTER DELETE ON measure BEGIN"
	"  DELETE FROM code WHERE type = 'measure' AND item_id = OLD.id; END;",
	"CREATE TRIGGER soro_code_gone AFTER DELETE ON soro BEGIN"
	"  DELETE FROM code WHERE type = 'soro' AND item_id = OLD.id; END;",
	"CREATE TRIGGER stakeholder_code_gone AFTER DELETE ON stakeholder BEGIN"
	"  DELETE FROM code WHERE type = 'stakeholder' AND item_id = OLD.id; END;",
	"CREATE TRIGGER variable_code_gone AFTER DELETE ON variable BEGIN"
	"  DELETE FROM code WHERE type = 'variable' AND item_id = OLD.id; END;",
	/* A code's name: the title or text of its item, or the free code's name. */
	"CREATE VIEW code_label AS SELECT c.id, c.session_id, c.type, c.item_id, c.parent_id,"
	"  c.colour, c.definition, CASE c.type"
	"  WHEN 'free' THEN c.name"
	"  WHEN 'unseen' THEN (SELECT title FROM unseen WHERE id = c.item_id)"
	"  WHEN 'goal' THEN (SELECT text FROM goal WHERE id = c.item_id)"
	"  WHEN 'measure' THEN (SELECT text FROM measure WHERE id = c.item_id)"
	"  WHEN 'soro' THEN (SELECT text FROM soro WHERE id = c.item_id)"
	"  WHEN 'stakeholder' THEN (SELECT name FROM stakeholder WHERE id = c.item_id)"
	"  WHEN 'variable' THEN (SELECT name FROM variable WHERE id = c.item_id)"
	"  END AS name,"
	"  CASE c.type"
	"  WHEN 'unseen' THEN (SELECT component_id FROM unseen WHERE id = c.item_id)"
	"  WHEN 'goal' THEN (SELECT component_id FROM goal WHERE id = c.item_id)"
	"  WHEN 'soro' THEN (SELECT component_id FROM soro WHERE id = c.item_id)"
	"  END AS component_id"
	"  FROM code c;",
	"CREATE TABLE coder ("
	"  id   INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE CHECK (name <> ''));",
	"CREATE TABLE coding ("
	"  id          INTEGER PRIMARY KEY,"
	"  session_id  INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,"
	"  document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,"
	"  first_line  INTEGER NOT NULL CHECK (first_line >= 1),"
	"  last_line   INTEGER NOT NULL,"
	"  code_id     INTEGER NOT NULL REFERENCES code(id) ON DELETE CASCADE,"
	"  coder_id    INTEGER NOT NULL REFERENCES coder(id),"
	"  memo        TEXT,"
	"  created     TEXT NOT NULL DEFAULT " NOW ","
	"  CHECK (last_line >= first_line));",
	"CREATE TRIGGER coding_in_document BEFORE INSERT ON coding"
	"  WHEN NEW.last_line > (SELECT line_count FROM document WHERE id = NEW.document_id)"
	"  BEGIN SELECT RAISE(ABORT, 'coding past the end of its document'); END;",
	/* Every change to user data, for undo/redo and "what changed since".
	 * change_group gathers the rows of one user action; old and new are
	 * the row as JSON.  No foreign key: the log outlives what it logs. */
	"CREATE TABLE changelog ("
	"  id           INTEGER PRIMARY KEY,"
	"  change_group INTEGER NOT NULL,"
	"  at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),"
	"  who          TEXT,"
	"  session_id   INTEGER,"
	"  tbl          TEXT NOT NULL,"
	"  row_id       INTEGER NOT NULL,"
	"  op           TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),"
	"  old          TEXT,"
	"  new          TEXT);",
	"CREATE INDEX changelog_group ON changelog(change_group);",
	"CREATE INDEX changelog_session ON changelog(session_id, id);",
	"CREATE INDEX component_session ON component(session_id);",
	"CREATE INDEX stakeholder_session ON stakeholder(session_id);",
	"CREATE INDEX unseen_session ON unseen(session_id, position);",
	"CREATE INDEX unseen_stakeholder_s ON unseen_stakeholder(stakeholder_id);",
	"CREATE INDEX variable_session ON variable(session_id, position);",
	"CREATE INDEX impact_to ON impact(to_id);",
	"CREATE INDEX goal_session ON goal(session_id);",
	"CREATE INDEX goal_unseen_u ON goal_unseen(unseen_id);",
	"CREATE INDEX conflict_session ON conflict(session_id);",
	"CREATE INDEX measure_session ON measure(session_id);",
	"CREATE INDEX measure_goal_g ON measure_goal(goal_id);",
	"CREATE INDEX soro_session ON soro(session_id);",
	"CREATE INDEX document_session ON document(session_id);",
	"CREATE INDEX code_session ON code(session_id, type);",
	"CREATE INDEX code_parent ON code(parent_id);",
	"CREATE INDEX coding_document ON coding(document_id, first_line);",
	"CREATE INDEX coding_code ON coding(code_id);",
	"CREATE INDEX coding_session ON coding(session_id);",
	NULL,
};

/* Schema 2: the rating scale of the impact matrix becomes a property of
 * the session: 0-3 after Vester (default) or 0-2 after Scholz & Tietje. */
static const char *const schema_2[] = {
	"ALTER TABLE session ADD COLUMN scale INTEGER NOT NULL DEFAULT 3"
	"  CHECK (scale IN (2, 3));",
	"CREATE TRIGGER impact_scale_insert BEFORE INSERT ON impact"
	"  WHEN NEW.strength > (SELECT s.scale FROM session s JOIN variable v"
	"                       ON v.session_id = s.id WHERE v.id = NEW.from_id)"
	"  BEGIN SELECT RAISE(ABORT, 'strength above the session''s scale'); END;",
	"CREATE TRIGGER impact_scale_update BEFORE UPDATE OF strength ON impact"
	"  WHEN NEW.strength > (SELECT s.scale FROM session s JOIN variable v"
	"                       ON v.session_id = s.id WHERE v.id = NEW.from_id)"
	"  BEGIN SELECT RAISE(ABORT, 'strength above the session''s scale'); END;",
	"CREATE TRIGGER session_scale_lowered BEFORE UPDATE OF scale ON session"
	"  WHEN EXISTS (SELECT 1 FROM impact i JOIN variable v ON v.id = i.from_id"
	"               WHERE v.session_id = NEW.id AND i.strength > NEW.scale)"
	"  BEGIN SELECT RAISE(ABORT, 'the matrix has ratings above the new scale'); END;",
	NULL,
};

/* Schema 3: full-text search (FTS5).  German must match as people expect:
 * unicode61 folds case ("ÄNDERUNG" finds "änderung") but keeps umlauts
 * (remove_diacritics 0: "Daten" is not "Däten").
 *
 * line_fts holds one row per document line; its rowid is
 * document_id * 2^32 + number, so the place of a hit needs no extra
 * column, a document's lines are contiguous and in order, and a bulk
 * import appends rows in rowid order.  columnsize=0: no ranking needed.
 *
 * item_fts holds one row per searchable text of an item; its rowid is
 * item_id * 64 + kind * 4 + field, with kind 1 unseen, 2 goal, 3 measure,
 * 4 soro, 5 stakeholder, 6 variable, 7 component, 8 free code and field
 * the text's place in the kind's list (model/search.c names them).
 * Triggers keep both in sync; lines are never updated (line_immutable). */
#define FTS_TOKENIZE "tokenize = 'unicode61 remove_diacritics 0'"
#define ITEM_ROWID(row, kind, field) row ".id * 64 + " kind " * 4 + " field
#define ITEM_ROW(row, kind, field, col) \
	"(" ITEM_ROWID(row, kind, field) ", " row "." col ", " row ".session_id)"
#define ITEM_FTS_DELETE(kind) \
	"DELETE FROM item_fts WHERE rowid BETWEEN " ITEM_ROWID("OLD", kind, "0") \
	" AND " ITEM_ROWID("OLD", kind, "3") ";"
#define ITEM_FTS_INSERT "INSERT INTO item_fts(rowid, text, session_id) VALUES "
#define ITEM_FTS_TRIGGERS(table, kind, columns, new_rows) \
	"CREATE TRIGGER " table "_fts_insert AFTER INSERT ON " table " BEGIN " \
	ITEM_FTS_INSERT new_rows "; END;", \
	"CREATE TRIGGER " table "_fts_update AFTER UPDATE OF session_id, " columns \
	" ON " table " BEGIN " ITEM_FTS_DELETE(kind) " " ITEM_FTS_INSERT new_rows "; END;", \
	"CREATE TRIGGER " table "_fts_delete AFTER DELETE ON " table " BEGIN " \
	ITEM_FTS_DELETE(kind) " END;"
#define ITEM_FTS_FILL(table, kind, field, col) \
	"INSERT INTO item_fts(rowid, text, session_id) SELECT " \
	"id * 64 + " kind " * 4 + " field ", " col ", session_id FROM " table ";"

static const char *const schema_3[] = {
	"CREATE VIRTUAL TABLE line_fts USING fts5(text, " FTS_TOKENIZE ", columnsize = 0);",
	"CREATE VIRTUAL TABLE item_fts USING fts5(text, session_id UNINDEXED, " FTS_TOKENIZE ");",
	"CREATE TRIGGER line_fts_insert AFTER INSERT ON line BEGIN"
	"  INSERT INTO line_fts(rowid, text)"
	"  VALUES (NEW.document_id * 4294967296 + NEW.number, NEW.text); END;",
	"CREATE TRIGGER line_fts_delete AFTER DELETE ON line BEGIN"
	"  DELETE FROM line_fts WHERE rowid = OLD.document_id * 4294967296 + OLD.number; END;",
	"INSERT INTO line_fts(rowid, text)"
	"  SELECT document_id * 4294967296 + number, text FROM line ORDER BY document_id, number;",
	ITEM_FTS_TRIGGERS("unseen", "1", "title, description, causes",
		ITEM_ROW("NEW", "1", "0", "title") ", " ITEM_ROW("NEW", "1", "1", "description") ", "
		ITEM_ROW("NEW", "1", "2", "causes")),
	ITEM_FTS_TRIGGERS("goal", "2", "text", ITEM_ROW("NEW", "2", "0", "text")),
	ITEM_FTS_TRIGGERS("measure", "3", "text", ITEM_ROW("NEW", "3", "0", "text")),
	ITEM_FTS_TRIGGERS("soro", "4", "text", ITEM_ROW("NEW", "4", "0", "text")),
	ITEM_FTS_TRIGGERS("stakeholder", "5", "name, description",
		ITEM_ROW("NEW", "5", "0", "name") ", " ITEM_ROW("NEW", "5", "1", "description")),
	ITEM_FTS_TRIGGERS("variable", "6", "name, description",
		ITEM_ROW("NEW", "6", "0", "name") ", " ITEM_ROW("NEW", "6", "1", "description")),
	ITEM_FTS_TRIGGERS("component", "7", "name, question",
		ITEM_ROW("NEW", "7", "0", "name") ", " ITEM_ROW("NEW", "7", "1", "question")),
	/* Only free codes have texts of their own; item codes show their item's. */
	"CREATE TRIGGER code_fts_insert AFTER INSERT ON code WHEN NEW.type = 'free' BEGIN "
	ITEM_FTS_INSERT ITEM_ROW("NEW", "8", "0", "name") ", "
	ITEM_ROW("NEW", "8", "1", "definition") "; END;",
	"CREATE TRIGGER code_fts_update AFTER UPDATE OF session_id, type, name, definition ON code"
	"  BEGIN " ITEM_FTS_DELETE("8") " INSERT INTO item_fts(rowid, text, session_id)"
	"  SELECT " ITEM_ROWID("NEW", "8", "0") ", NEW.name, NEW.session_id WHERE NEW.type = 'free'"
	"  UNION ALL SELECT " ITEM_ROWID("NEW", "8", "1") ", NEW.definition, NEW.session_id"
	"  WHERE NEW.type = 'free'; END;",
	"CREATE TRIGGER code_fts_delete AFTER DELETE ON code BEGIN " ITEM_FTS_DELETE("8") " END;",
	ITEM_FTS_FILL("unseen", "1", "0", "title"),
	ITEM_FTS_FILL("unseen", "1", "1", "description"),
	ITEM_FTS_FILL("unseen", "1", "2", "causes"),
	ITEM_FTS_FILL("goal", "2", "0", "text"),
	ITEM_FTS_FILL("measure", "3", "0", "text"),
	ITEM_FTS_FILL("soro", "4", "0", "text"),
	ITEM_FTS_FILL("stakeholder", "5", "0", "name"),
	ITEM_FTS_FILL("stakeholder", "5", "1", "description"),
	ITEM_FTS_FILL("variable", "6", "0", "name"),
	ITEM_FTS_FILL("variable", "6", "1", "description"),
	ITEM_FTS_FILL("component", "7", "0", "name"),
	ITEM_FTS_FILL("component", "7", "1", "question"),
	ITEM_FTS_FILL("(SELECT * FROM code WHERE type = 'free')", "8", "0", "name"),
	ITEM_FTS_FILL("(SELECT * FROM code WHERE type = 'free')", "8", "1", "definition"),
	NULL,
};

/* Schema 4: undo and redo through the change log, and drafts of open
 * editors. */
static const char *const schema_4[] = {
	/* One row per undo or redo (model/undo.c).  TARGET_GROUP is the user
	 * action (a change group of the log) that was reverted or re-applied,
	 * DONE_GROUP the change group that did it: the undo is in the log like
	 * any change, and this table keeps it off the undo stack.  A group is
	 * undone while its latest step is an undo; a redo step is possible
	 * while no user action of the session came after that undo.  No
	 * foreign key: like the log, the steps outlive what they name. */
	"CREATE TABLE undo_step ("
	"  id           INTEGER PRIMARY KEY,"
	"  session_id   INTEGER NOT NULL,"
	"  kind         TEXT NOT NULL CHECK (kind IN ('undo', 'redo')),"
	"  target_group INTEGER NOT NULL,"
	"  done_group   INTEGER NOT NULL UNIQUE,"
	"  at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')));",
	"CREATE INDEX undo_step_target ON undo_step(target_group, id);",
	"CREATE INDEX undo_step_session ON undo_step(session_id, id);",
	/* What was typed into an open editor when the program was stopped,
	 * offered again on the next start (model/draft.c).  TARGET is a key
	 * the screen chooses ("unseen:7:description"), one draft per target
	 * and session; ORIGINAL is the field's value when editing began.
	 * Not user data: not logged, and the session's modified time stays. */
	"CREATE TABLE draft ("
	"  id         INTEGER PRIMARY KEY,"
	"  session_id INTEGER REFERENCES session(id) ON DELETE CASCADE,"
	"  target     TEXT NOT NULL CHECK (target <> ''),"
	"  original   TEXT,"
	"  text       TEXT NOT NULL,"
	"  saved_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')));",
	"CREATE UNIQUE INDEX draft_target ON draft(coalesce(session_id, 0), target);",
	NULL,
};

/* Schema 5: a document's lines are indexed for search in one statement
 * when its import finishes (document_finish, and session_duplicate for a
 * copy), no longer by a trigger per line: FTS5 writes its pending index
 * out at every statement, so the trigger made a 200,000-line import about
 * four times slower.  Lines are written by nothing else. */
static const char *const schema_5[] = {
	"DROP TRIGGER line_fts_insert;",
	NULL,
};

/* Two codings D and K of the same lines with the same code by the same
 * coder. */
#define CODING_TWINS(d, k) \
	d ".document_id = " k ".document_id AND " d ".first_line = " k ".first_line" \
	" AND " d ".last_line = " k ".last_line AND " d ".code_id = " k ".code_id" \
	" AND " d ".coder_id = " k ".coder_id"

/* Schema 6: a passage is coded with a code by a coder once.  Earlier
 * versions accepted the same coding twice, which counted the passage
 * twice everywhere.  Each set of twins becomes its oldest coding (the
 * lowest id), which gathers the different memos of all, oldest first and
 * a blank line apart.  The merge is no user action: the coding rows'
 * log triggers are dropped first (schema_migrate_to() makes them again
 * afterwards), so it is neither undone nor marks the session modified. */
static const char *const schema_6[] = {
	"DROP TRIGGER IF EXISTS log_coding_update;",
	"DROP TRIGGER IF EXISTS log_coding_delete;",
	"UPDATE coding AS k SET memo = (SELECT group_concat(memo, char(10) || char(10)) FROM"
	"  (SELECT d.memo AS memo FROM coding d WHERE " CODING_TWINS("d", "k") " AND d.memo <> ''"
	"   GROUP BY d.memo ORDER BY min(d.id)))"
	"  WHERE NOT EXISTS (SELECT 1 FROM coding d WHERE " CODING_TWINS("d", "k") " AND d.id < k.id)"
	"  AND EXISTS (SELECT 1 FROM coding d WHERE " CODING_TWINS("d", "k") " AND d.id > k.id);",
	"DELETE FROM coding AS k WHERE EXISTS (SELECT 1 FROM coding d WHERE " CODING_TWINS("d", "k")
	"  AND d.id < k.id);",
	"CREATE UNIQUE INDEX coding_once ON coding(document_id, first_line, last_line, code_id,"
	"  coder_id);",
	NULL,
};

/* Schema 7: units finer than a paragraph, and a draft's own numbers.  A
 * document imported with a wrap width keeps it (wrap); each stored line
 * that continues the paragraph of the line above has part > 0; a draft
 * line keeps the number printed in front of it (printed), its text is
 * stored without it. */
static const char *const schema_7[] = {
	"ALTER TABLE document ADD COLUMN wrap INTEGER;",
	"ALTER TABLE line ADD COLUMN part INTEGER NOT NULL DEFAULT 0;",
	"ALTER TABLE line ADD COLUMN printed INTEGER;",
	NULL,
};

/* Schema 8: stable GUIDs for what REFI-QDA exchanges (codes, documents
 * as sources, codings as selections, coders as users), so that a code
 * keeps its GUID from one export to the next.  New rows get theirs as
 * they are inserted (model/guid.h); existing rows here, without being
 * logged, as in schema 6. */
static const char *const schema_8[] = {
	"DROP TRIGGER IF EXISTS log_code_update;",
	"DROP TRIGGER IF EXISTS log_document_update;",
	"DROP TRIGGER IF EXISTS log_coding_update;",
	"ALTER TABLE code ADD COLUMN guid TEXT;",
	"ALTER TABLE document ADD COLUMN guid TEXT;",
	"ALTER TABLE coding ADD COLUMN guid TEXT;",
	"ALTER TABLE coder ADD COLUMN guid TEXT;",
	"UPDATE code SET guid = " SQL_NEW_GUID ";",
	"UPDATE document SET guid = " SQL_NEW_GUID ";",
	"UPDATE coding SET guid = " SQL_NEW_GUID ";",
	"UPDATE coder SET guid = " SQL_NEW_GUID ";",
	NULL,
};

/* Schema 9: the room.  A session names its participants; an undo or
 * redo step names the person who took it, so that each person's undo
 * takes back their own changes (model/undo.h); the log is searched by
 * person. */
static const char *const schema_9[] = {
	"DROP TRIGGER IF EXISTS log_session_update;",
	"ALTER TABLE session ADD COLUMN participants TEXT;",
	"ALTER TABLE undo_step ADD COLUMN who TEXT;",
	"CREATE INDEX changelog_who ON changelog(session_id, who, id);",
	NULL,
};

/* One migration per schema version.  COUNT, when set, counts before the
 * migration what it changes in the user's data; a non-zero count becomes
 * the note ONE or MANY (db_notice()) once the migration is committed. */
static const struct migration {
	const char *const *sql;
	const char *count;
	const char *one, *many;
} migrations[] = {
	{ schema_1, NULL, NULL, NULL },
	{ schema_2, NULL, NULL, NULL },
	{ schema_3, NULL, NULL, NULL },
	{ schema_4, NULL, NULL, NULL },
	{ schema_5, NULL, NULL, NULL },
	{ schema_6, "SELECT count(*) FROM coding AS k WHERE EXISTS (SELECT 1 FROM coding d WHERE "
		CODING_TWINS("d", "k") " AND d.id < k.id)",
		NP_("%lld duplicate coding merged", "%lld duplicate codings merged") },
	{ schema_7, NULL, NULL, NULL },
	{ schema_8, NULL, NULL, NULL },
	{ schema_9, NULL, NULL, NULL },
};

/* The tables whose rows are user data (model/tables.h): each change to
 * them is logged and marks its session modified. */
const char *schema_logged_table(size_t i)
{
	const struct data_table *t = data_table_at(i);
	return t ? t->name : NULL;
}

/* For each column of TABLE but SKIP, FMT with the column as both of its
 * two %s, the pieces joined by SEP. */
static enum status add_per_column(struct db *db, struct sqlbuf *b, const char *table,
	const char *skip, const char *sep, const char *fmt)
{
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT name FROM pragma_table_info('%s') WHERE name <> '%s'"
		" ORDER BY cid", table, skip);
	struct db_stmt *st = db_prepare(db, sql);
	if (!st)
		return STATUS_DB;
	enum db_step step;
	for (bool first = true; (step = db_step(st)) == DB_ROW; first = false) {
		sqlbuf_addf(b, "%s", first ? "" : sep);
		const char *col = db_column_text(st, 0);
		sqlbuf_addf(b, fmt, col, col);
	}
	db_reset(st);
	return step == DB_DONE ? STATUS_OK : STATUS_DB;
}

/* json_object('col', ROW.col, ...) over the table's columns. */
static enum status add_row_json(struct db *db, struct sqlbuf *b, const char *table,
	const char *row)
{
	char fmt[32];
	snprintf(fmt, sizeof fmt, "'%%s', %s.\"%%s\"", row);
	sqlbuf_addf(b, "json_object(");
	enum status rc = add_per_column(db, b, table, "", ", ", fmt);
	sqlbuf_addf(b, ")");
	return rc;
}

static enum status build_log_trigger(struct db *db, struct sqlbuf *b, const struct data_table *t,
	const char *op)
{
	bool insert = strcmp(op, "insert") == 0, delete = strcmp(op, "delete") == 0;
	const char *row = delete ? "OLD" : "NEW";
	enum status rc = STATUS_OK;
	/* Deletes are logged before they happen: a cascade deletes the
	 * children after the parent row is gone but before the parent's
	 * AFTER trigger, so the parent's log row must already be there for
	 * a child to find its session through the change group. */
	sqlbuf_addf(b, "DROP TRIGGER IF EXISTS log_%s_%s;CREATE TRIGGER log_%s_%s %s %s ON %s ",
		t->name, op, t->name, op, delete ? "BEFORE" : "AFTER", op, t->name);
	/* an update that changes more than the modification time */
	if (!insert && !delete) {
		sqlbuf_addf(b, "WHEN ");
		rc = add_per_column(db, b, t->name, "modified", " OR ", "OLD.\"%s\" IS NOT NEW.\"%s\"");
	}
	sqlbuf_addf(b, " BEGIN INSERT INTO changelog(change_group, who, session_id, tbl, row_id, op,"
		" old, new) VALUES (didat_change_group(), didat_user(), coalesce(");
	sqlbuf_add_row(b, t->session, row);
	sqlbuf_addf(b, ", (SELECT session_id FROM changelog WHERE change_group = didat_change_group()"
		" AND session_id IS NOT NULL ORDER BY id DESC LIMIT 1)), '%s', %s.rowid, '%s', ",
		t->name, row, op);
	if (insert)
		sqlbuf_addf(b, "NULL");
	else if (rc == STATUS_OK)
		rc = add_row_json(db, b, t->name, "OLD");
	sqlbuf_addf(b, ", ");
	if (delete)
		sqlbuf_addf(b, "NULL");
	else if (rc == STATUS_OK)
		rc = add_row_json(db, b, t->name, "NEW");
	sqlbuf_addf(b, ");");
	if (strcmp(t->name, "session") != 0) {
		sqlbuf_addf(b, " UPDATE session SET modified = %s WHERE id = ", NOW);
		sqlbuf_add_row(b, t->session, row);
		sqlbuf_addf(b, ";");
	}
	sqlbuf_addf(b, " END;");
	return rc;
}

static enum status create_log_trigger(struct db *db, const struct data_table *t, const char *op)
{
	struct sqlbuf b = { 0 };
	enum status rc = build_log_trigger(db, &b, t, op);
	if (rc == STATUS_OK && b.failed)
		rc = db_fail(db, STATUS_NOMEM, "%s", _("out of memory"));
	if (rc == STATUS_OK)
		rc = db_exec_script(db, b.text);
	sqlbuf_free(&b);
	return rc;
}

/* (Re)creates the change-log triggers from the tables' current columns,
 * so that a migration that adds a column logs it too. */
static enum status create_log_triggers(struct db *db)
{
	static const char *const ops[] = { "insert", "update", "delete" };
	const struct data_table *t;
	for (size_t i = 0; (t = data_table_at(i)); i++) {
		for (size_t j = 0; j < 3; j++) {
			enum status rc = create_log_trigger(db, t, ops[j]);
			if (rc != STATUS_OK)
				return rc;
		}
	}
	return STATUS_OK;
}

/* The search-index triggers of item kind T (schema 3 made the first
 * ones): one item_fts row per searched column, rowid = id * 64 + the
 * kind's search number * 4 + the column's place, so that a new kind in
 * kinds.def is searched without a trigger written by hand. */
static void build_fts_triggers(struct sqlbuf *b, const struct item_type *t)
{
	const char *name = t->table;
	int k = t->search;
	struct sqlbuf rows = { 0 };
	size_t field = 0;
	for (const char *c = t->searched; *c; field++) {
		size_t n = strcspn(c, ",");
		sqlbuf_addf(&rows, "%s(NEW.id * 64 + %d * 4 + %zu, NEW.\"%.*s\", NEW.session_id)",
			field ? ", " : "", k, field, (int)n, c);
		c += n;
		c += strspn(c, ", ");
	}
	b->failed = b->failed || rows.failed;
	const char *values = rows.text ? rows.text : "";
	char drop[128];
	snprintf(drop, sizeof drop, "DELETE FROM item_fts WHERE rowid BETWEEN OLD.id * 64 + %d * 4"
		" AND OLD.id * 64 + %d * 4 + 3;", k, k);
	sqlbuf_addf(b, "DROP TRIGGER IF EXISTS %s_fts_insert; DROP TRIGGER IF EXISTS %s_fts_update;"
		" DROP TRIGGER IF EXISTS %s_fts_delete;", name, name, name);
	sqlbuf_addf(b, " CREATE TRIGGER %s_fts_insert AFTER INSERT ON %s BEGIN"
		" INSERT INTO item_fts(rowid, text, session_id) VALUES %s; END;", name, name, values);
	sqlbuf_addf(b, " CREATE TRIGGER %s_fts_update AFTER UPDATE OF session_id, %s ON %s BEGIN %s"
		" INSERT INTO item_fts(rowid, text, session_id) VALUES %s; END;", name, t->searched, name,
		drop, values);
	sqlbuf_addf(b, " CREATE TRIGGER %s_fts_delete AFTER DELETE ON %s BEGIN %s END;", name, name,
		drop);
	sqlbuf_free(&rows);
}

/* Once the search index exists (schema 3 on), every searched kind's triggers. */
static enum status create_fts_triggers(struct db *db)
{
	int64_t have = 0;
	enum status rc = db_query_int(db, &have, "SELECT count(*) FROM sqlite_master"
		" WHERE name = 'item_fts'", "");
	struct sqlbuf b = { 0 };
	for (int i = 0; rc == STATUS_OK && have && i < ITEM_KIND_COUNT; i++)
		if (item_type((enum item_kind)i)->search)
			build_fts_triggers(&b, item_type((enum item_kind)i));
	if (rc == STATUS_OK && b.failed)
		rc = db_fail(db, STATUS_NOMEM, "%s", _("out of memory"));
	if (rc == STATUS_OK && b.text)
		rc = db_exec_script(db, b.text);
	sqlbuf_free(&b);
	return rc;
}

/* Runs migration M; *COUNT gets what its count query found (0 without). */
static enum status migrate(struct db *db, const struct migration *m, int64_t *count)
{
	enum status rc = STATUS_OK;
	*count = 0;
	if (m->count)
		rc = db_query_int(db, count, m->count, "");
	for (size_t i = 0; m->sql[i] && rc == STATUS_OK; i++)
		rc = db_exec_script(db, m->sql[i]);
	return rc;
}

enum status schema_migrate_to(struct db *db, int64_t from, int64_t to)
{
	int64_t counts[sizeof migrations / sizeof migrations[0]] = { 0 };
	enum status rc = db_begin(db);
	if (rc != STATUS_OK)
		return rc;
	for (int64_t v = from; v < to && rc == STATUS_OK; v++)
		rc = migrate(db, &migrations[v], &counts[v]);
	if (rc == STATUS_OK)
		rc = create_log_triggers(db);
	if (rc == STATUS_OK)
		rc = create_fts_triggers(db);
	if (rc == STATUS_OK) {
		char pragma[96];
		snprintf(pragma, sizeof pragma, "PRAGMA user_version = %lld; PRAGMA application_id = %d;",
			(long long)to, SCHEMA_APPLICATION_ID);
		rc = db_exec_script(db, pragma);
	}
	rc = db_end(db, rc);
	/* said only once it is true: after the commit */
	for (int64_t v = from; v < to && rc == STATUS_OK; v++)
		if (counts[v])
			db_set_notice(db, P_(migrations[v].one, migrations[v].many,
				(unsigned long)counts[v]), (long long)counts[v]);
	return rc;
}

enum status schema_migrate(struct db *db, int64_t from)
{
	_Static_assert(sizeof migrations / sizeof migrations[0] == SCHEMA_VERSION,
		"one migration per schema version");
	return schema_migrate_to(db, from, SCHEMA_VERSION);
}
