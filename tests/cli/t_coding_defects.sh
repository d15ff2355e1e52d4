# Defects of issue 9 in the coding and the import and export of files:
# the same coding twice (12), files that are not text (13), line ends in
# CSV cells (15) and the formula guard (16).

# --- 12: the same lines, code and coder once -------------------------------

run_ok new "Doppelt"
out_id
S=$ID
printf 'eins\nzwei\ndrei\nvier\nfünf\nsechs\nsieben\n' > doppelt.txt
run_ok import-doc $S doppelt.txt
out_id
D=$ID
run_ok add code $S "Test"
run_ok code $S "$D" 1-6 Test
out_id
K=$ID
# the twin: exit 2, the message names lines, document, code, coder and the coding
refused 2 code $S "$D" 1-6 Test
err_has "Kodierung: Zeilen 1–6 von Dokument $D sind schon mit „Test“ von tester kodiert (Kodierung $K)"
out_empty
sql_is "SELECT count(*) FROM coding WHERE document_id = $D" 1 "the twin is not stored"
refused 2 code $S "$D" 1-6 Test --memo "anderes Memo"
run_ok code $S "$D" 3 Test
out_id
K3=$ID
refused 2 code $S "$D" 3 Test
err_has "Zeile 3 von Dokument $D ist schon mit „Test“ von tester kodiert (Kodierung $K3)"
# another coder, other lines or another code are other codings
run_ok code $S "$D" 1-6 Test --coder anna
run_ok code $S "$D" 1-5 Test
out_id
K15=$ID
run_ok add code $S "Anderes"
run_ok code $S "$D" 1-6 Anderes
# moving a coding onto another's lines is the same twin
refused 2 coding $S "$K15" --lines 1-6
err_has "(Kodierung $K)"
run_ok coding $S "$K15" --memo "nur das Memo"
sql_is "SELECT count(*) FROM coding WHERE document_id = $D" 5
# the counts see the passage once
run_ok codes $S
same "$(awk '$4 == "Test" { print $3 }' "$OUT")" 4 "codes counts each coding once"

# codebook merge still drops the twins it would make
run_ok add code $S "Dublette"
run_ok code $S "$D" 1-6 Dublette --memo "aus der Dublette"
run_ok code $S "$D" 7 Dublette
run_ok codebook $S merge Dublette Test
sql_is "SELECT count(*) FROM coding c JOIN code l ON l.id = c.code_id WHERE l.name = 'Test'" 5 \
	"merge moves one coding and drops its twin"
sql_is "SELECT memo FROM coding WHERE id = $K" "aus der Dublette" "the twin's memo goes to the kept coding"

# an old database with twins: the migration keeps the oldest, joins the
# memos and says how many went
OLD_DB=$PWD/old.db
printf 'a\nb\nc\n' > alt.txt
# old_db: a database of schema 5, which had no unique index, with a
# document and the free code Test; the codings' insert trigger calls a
# function of the program, so it goes too (the migration makes it again)
old_db() {
	rm -f "$OLD_DB" "$OLD_DB-wal" "$OLD_DB-shm"
	DIDAT_DB=$OLD_DB "$DIDAT" new "Alt" >/dev/null 2>&1
	DIDAT_DB=$OLD_DB "$DIDAT" import-doc 1 alt.txt >/dev/null 2>&1
	DIDAT_DB=$OLD_DB "$DIDAT" add code 1 Test >/dev/null 2>&1
	sqlite3 "$OLD_DB" "DROP INDEX IF EXISTS coding_once; DROP TRIGGER log_coding_insert;
		INSERT INTO coder(name) VALUES ('tester'), ('anna'); PRAGMA user_version = 5;"
}
# old_codings VALUES: codings (first, last, coder, memo) of the code Test
old_codings() {
	sqlite3 "$OLD_DB" "INSERT INTO coding(session_id, document_id, first_line, last_line, code_id,
		coder_id, memo) SELECT 1, 1, f, l, (SELECT id FROM code WHERE name = 'Test'),
		(SELECT id FROM coder WHERE name = k), m FROM (SELECT column1 AS f, column2 AS l,
		column3 AS k, column4 AS m FROM (VALUES $1));"
}
old_db
same "$(sqlite3 "$OLD_DB" 'PRAGMA user_version')" 5 "the database is of schema 5"
# five twins with the memos "", "eins", none, "zwei", "eins"; two more
# twins; anna's coding of the same lines is no twin
old_codings "(1, 2, 'tester', ''), (1, 2, 'tester', 'eins'), (1, 2, 'tester', NULL),
	(1, 2, 'tester', 'zwei'), (1, 2, 'tester', 'eins'),
	(3, 3, 'tester', NULL), (3, 3, 'tester', NULL), (3, 3, 'anna', 'anna')"
same "$(sqlite3 "$OLD_DB" 'SELECT count(*) FROM coding')" 8 "eight codings before"
K1=$(sqlite3 "$OLD_DB" 'SELECT min(id) FROM coding')
DIDAT_DB=$OLD_DB didat codes 1
same "$STATUS" 0 "the old database opens"
err_has "didat: 5 doppelte Kodierungen zusammengeführt"
same "$(sqlite3 "$OLD_DB" 'PRAGMA user_version')" 6 "migrated to schema 6"
same "$(sqlite3 "$OLD_DB" 'SELECT group_concat(id - '$K1') FROM coding ORDER BY id')" "0,5,7" \
	"the oldest of each set of twins stays"
same "$(sqlite3 "$OLD_DB" "SELECT memo FROM coding WHERE id = $K1")" "$(printf 'eins\n\nzwei')" \
	"the distinct memos are joined, a blank line apart"
same "$(sqlite3 "$OLD_DB" "SELECT quote(memo) FROM coding WHERE id = $K1 + 5")" NULL "no memo stays none"
same "$(sqlite3 "$OLD_DB" "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND sql LIKE '%UNIQUE%coding(%'")" 1 \
	"a unique index on coding"
same "$(sqlite3 "$OLD_DB" "SELECT count(*) FROM changelog WHERE tbl = 'coding'")" 0 \
	"the merge is no user action: not in the change log, not undone"
# said once: the next start has nothing to say
DIDAT_DB=$OLD_DB didat codes 1
err_lacks "zusammengeführt"
# the database refuses twins too, whoever writes
same "$(sqlite3 "$OLD_DB" "DROP TRIGGER IF EXISTS log_coding_insert; INSERT INTO coding(session_id, document_id, first_line,
	last_line, code_id, coder_id) SELECT session_id, document_id, first_line, last_line, code_id,
	coder_id FROM coding WHERE id = $K1;" 2>&1 | grep -c UNIQUE)" 1 "the index refuses a twin"
# one twin: the singular
old_db
old_codings "(2, 2, 'tester', NULL), (2, 2, 'tester', NULL)"
DIDAT_DB=$OLD_DB didat sessions
err_has "didat: 1 doppelte Kodierung zusammengeführt"
# an old database without twins migrates silently
old_db
old_codings "(2, 2, 'tester', NULL), (2, 3, 'tester', NULL)"
DIDAT_DB=$OLD_DB didat sessions
same "$STATUS" 0 "an old database without twins opens"
err_lacks "zusammengeführt"
same "$(sqlite3 "$OLD_DB" 'SELECT count(*) FROM coding')" 2 "nothing merged"
