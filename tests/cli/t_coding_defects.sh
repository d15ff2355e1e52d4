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
# old_db: a database of schema 5, which had no unique index (nor the
# columns of schema 7), with a
# document and the free code Test; the codings' insert trigger calls a
# function of the program, so it goes too (the migration makes it again)
old_db() {
	rm -f "$OLD_DB" "$OLD_DB-wal" "$OLD_DB-shm"
	DIDAT_DB=$OLD_DB "$DIDAT" new "Alt" >/dev/null 2>&1
	DIDAT_DB=$OLD_DB "$DIDAT" import-doc 1 alt.txt >/dev/null 2>&1
	DIDAT_DB=$OLD_DB "$DIDAT" add code 1 Test >/dev/null 2>&1
	sqlite3 "$OLD_DB" "DROP INDEX IF EXISTS coding_once; DROP TRIGGER log_coding_insert;
		DROP TRIGGER log_document_insert; DROP TRIGGER log_document_update;
		DROP TRIGGER log_document_delete; ALTER TABLE document DROP COLUMN wrap; ALTER TABLE line DROP COLUMN part;
		ALTER TABLE line DROP COLUMN printed;
		DROP TRIGGER log_code_update; DROP TRIGGER log_code_insert; DROP TRIGGER log_code_delete;
		DROP TRIGGER log_coding_delete; DROP TRIGGER log_coding_update;
		ALTER TABLE code DROP COLUMN guid;
		ALTER TABLE document DROP COLUMN guid; ALTER TABLE coding DROP COLUMN guid;
		ALTER TABLE coder DROP COLUMN guid;
		DROP TRIGGER log_session_insert; DROP TRIGGER log_session_update;
		DROP TRIGGER log_session_delete; ALTER TABLE session DROP COLUMN participants;
		DROP INDEX changelog_who; ALTER TABLE undo_step DROP COLUMN who;
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
same "$(sqlite3 "$OLD_DB" 'PRAGMA user_version')" 9 "migrated to schema 9"
same "$(sqlite3 "$OLD_DB" "SELECT count(*) FROM pragma_table_info('line') WHERE name IN ('part', 'printed')")" 2 \
	"schema 7 adds a line's part and printed number"
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

# --- 13: files that are not text are refused by what they are -------------

run_ok new "Keine Texte"
out_id
T=$ID
docs() { sql "SELECT count(*) FROM document"; }
DOCS=$(docs)
# not_text FILE KIND: refused with exit 2, nothing stored, the message
# names the file and the kind
not_text() {
	refused 2 import-doc $T "$1"
	err_has "$1 ist $2"
	same "$(docs)" "$DOCS" "$1: no document"
}
printf '%%PDF-1.4\n%%\342\343\317\323\n1 0 obj\n<< /Type /Catalog >>\nendobj\n' > Protokoll.pdf
not_text Protokoll.pdf "eine PDF-Datei, keine Textdatei"
err_has "pdftotext Protokoll.pdf Protokoll.txt"
printf '{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Arial;}} Protokoll UG 1\\par }\n' > Protokoll.rtf
not_text Protokoll.rtf "eine RTF-Datei, keine Textdatei"
err_has "pandoc -t plain Protokoll.rtf -o Protokoll.txt"
if command -v python3 >/dev/null 2>&1; then
	python3 - <<'PY'
import zipfile
def zipped(name, entries, first=None):
    with zipfile.ZipFile(name, 'w', zipfile.ZIP_DEFLATED) as z:
        if first:
            z.writestr(zipfile.ZipInfo(first[0]), first[1])  # stored, as ODF wants
        for path, data in entries:
            z.writestr(path, data)
zipped('Protokoll.docx', [('[Content_Types].xml', '<Types/>'), ('_rels/.rels', '<Relationships/>'),
    ('word/document.xml', '<w:document><w:body><w:p>Protokoll</w:p></w:body></w:document>')])
zipped('Protokoll.odt', [('content.xml', '<office:document-content/>')],
    ('mimetype', 'application/vnd.oasis.opendocument.text'))
zipped('Tabelle.xlsx', [('[Content_Types].xml', '<Types/>'), ('xl/workbook.xml', '<workbook/>')])
zipped('Anhang.zip', [('liesmich.txt', 'Hallo')])
PY
	not_text Protokoll.docx "ein Word-Dokument (.docx), keine Textdatei"
	err_has "pandoc -t plain Protokoll.docx -o Protokoll.txt"
	err_has "LibreOffice „Datei › Speichern unter › Text (.txt)“"
	# the kind comes from the content, not the name
	cp Protokoll.docx Bericht.txt
	not_text Bericht.txt "ein Word-Dokument (.docx)"
	err_has "pandoc -t plain Bericht.txt -o Bericht-text.txt"
	not_text Protokoll.odt "ein OpenDocument-Text (.odt), keine Textdatei"
	err_has "pandoc -t plain Protokoll.odt -o Protokoll.txt"
	cp Protokoll.odt odt-ohne-endung
	not_text odt-ohne-endung "ein OpenDocument-Text (.odt)"
	not_text Tabelle.xlsx "eine Excel-Tabelle (.xlsx)"
	err_has "import-csv"
	not_text Anhang.zip "ein ZIP-Archiv, keine Textdatei"
else
	skip "python3 missing: no zip files"
fi
printf '\320\317\021\340\241\261\032\341\0\0\0\0\0\0\0\0' > Alt.doc
not_text Alt.doc "ein Word-Dokument im alten Format (.doc), keine Textdatei"
err_has "LibreOffice „Datei › Speichern unter › Text (.txt)“"
printf '\211PNG\r\n\032\n\0\0\0\rIHDR' > Foto.png
not_text Foto.png "ein PNG-Bild, keine Textdatei"
printf '\377\330\377\340\0\020JFIF\0' > Foto.jpg
not_text Foto.jpg "ein JPEG-Bild, keine Textdatei"
printf 'GIF89a\001\0\001\0' > Bild.gif
not_text Bild.gif "ein GIF-Bild, keine Textdatei"
printf '\037\213\010\0\0\0\0\0\0\003' > Protokoll.txt.gz
not_text Protokoll.txt.gz "ein gzip-Archiv, keine Textdatei"
# UTF-16 and UTF-32, with and without BOM, named with the way to UTF-8
printf 'P\0r\0o\0t\0o\0k\0o\0l\0l\0\n\0\344\0\n\0' > le16.txt
not_text le16.txt "in UTF-16 (little-endian, ohne BOM) kodiert"
err_has "iconv -f UTF-16LE -t UTF-8 le16.txt -o le16-utf8.txt"
printf '\0P\0r\0o\0t\0o\0k\0o\0l\0l\0\n' > be16.txt
not_text be16.txt "in UTF-16 (big-endian, ohne BOM) kodiert"
printf '\377\376P\0r\0o\0t\0\n\0' > bom16.txt
not_text bom16.txt "in UTF-16 kodiert"
err_has "iconv -f UTF-16 -t UTF-8 bom16.txt -o bom16-utf8.txt"
printf 'P\0\0\0r\0\0\0o\0\0\0\n\0\0\0' > le32.txt
not_text le32.txt "in UTF-32 (little-endian, ohne BOM) kodiert"
printf '\377\376\0\0P\0\0\0\n\0\0\0' > bom32.txt
not_text bom32.txt "in UTF-32 kodiert"
# with good files: none of them goes in
printf 'gut\n' > gut.txt
refused 2 import-doc $T gut.txt Protokoll.pdf
err_has "Protokoll.pdf ist eine PDF-Datei"
same "$(docs)" "$DOCS" "all or none"
# text still goes in: UTF-8, Windows-1252, a name with a space
printf 'Straße, „Zitat“ – Ende\n' > utf8.txt
run_ok import-doc $T utf8.txt
sql_is "SELECT text FROM line WHERE document_id = (SELECT id FROM document WHERE filename = 'utf8.txt')" \
	"Straße, „Zitat“ – Ende"
printf 'Stra\337e, \204Zitat\223 \226 Ende\r\n' > "cp 1252.txt"
run_ok import-doc $T "cp 1252.txt"
sql_is "SELECT text FROM line WHERE document_id = (SELECT id FROM document WHERE filename = 'cp 1252.txt')" \
	"Straße, „Zitat“ – Ende"
printf '%% Notiz: PDF-Export folgt\n{kein rtf}\nPK-Wagen\n' > fast.txt
run_ok import-doc $T fast.txt
same "$(docs)" "$((DOCS + 3))" "three text files went in"

# --- 15: line ends inside CSV cells are stored as LF ------------------------

run_ok new "Zeilenenden"
out_id
Z=$ID
# a codes table from Windows: records end with CRLF, one definition has
# CRLF inside its quotes, one a lone CR (old Mac), one CRLF in Windows-1252
printf 'id,path,colour,definition\r\n1,Daten,,"erste Zeile\r\nzweite Zeile"\r\n2,Eigentum,,"eins\rzwei\r\rdrei"\r\n' > codes_crlf.csv
run_ok import-csv $Z codes codes_crlf.csv
sql_is "SELECT count(*) FROM code WHERE session_id = $Z AND instr(definition, char(13)) > 0" 0 "no CR stored"
sql_is "SELECT definition FROM code WHERE session_id = $Z AND name = 'Daten'" "$(printf 'erste Zeile\nzweite Zeile')"
sql_is "SELECT definition FROM code WHERE session_id = $Z AND name = 'Eigentum'" "$(printf 'eins\nzwei\n\ndrei')"
run_ok codebook $Z show Daten
out_lacks "$(printf '\r')"
out_lacks "^M"
printf 'id;path;colour;definition\r\n1;Gr\374n;;"S\374\337\r\nsauer"\r\n' > codes_1252.csv
run_ok import-csv $Z codes codes_1252.csv
sql_is "SELECT definition FROM code WHERE session_id = $Z AND name = 'Grün'" "$(printf 'Süß\nsauer')" \
	"Windows-1252 with CRLF in a cell"
# an items table: an unseen's description over lines, CRLF and lone CR
printf 'title,description,causes\r\nAbfluss,"Zeile 1\r\nZeile 2","Ursache A\rUrsache B"\r\n' > unseens_crlf.csv
run_ok import-csv $Z unseens unseens_crlf.csv
sql_is "SELECT description || '|' || causes FROM unseen WHERE session_id = $Z AND title = 'Abfluss'" \
	"$(printf 'Zeile 1\nZeile 2|Ursache A\nUrsache B')"
sql_is "SELECT count(*) FROM unseen WHERE session_id = $Z AND (instr(description, char(13)) OR instr(causes, char(13)))" 0 \
	"no CR in items"
# and the export writes the LF cell back in quotes, CRLF only between records
run_ok export unseens $Z -o unseens_back.csv
same "$(grep -c "$(printf 'Zeile 1\r')" unseens_back.csv)" 0 "the cell's line end is LF on the way out"

# --- 16: the formula guard guards formulas and keeps quotes exact ---------

run_ok new "Zitate"
out_id
Q=$ID
# the lines of the minutes: what a spreadsheet shows as text, then what
# it would evaluate
cat > zitate.txt <<'TXT'
- 10.30 Uhr Beginn
-Abbau von Abhängigkeiten
– Gedankenstrich
+ Vorteil: schneller
-Ziel: mehr Daten
004
2019/09
-1 Punkt Abzug
+49 30 1234
=SUMME(A1)
@Leute
-SUM(A1:A2)
+HYPERLINK("http://x")
-A1
TXT
run_ok import-doc $Q zitate.txt
out_id
DQ=$ID
run_ok add code $Q "Zitat"
for n in $(seq 1 14); do
	run_ok code $Q "$DQ" "$n" Zitat --memo "$(sed -n "${n}p" zitate.txt)"
done
# guard_checks FILE: each quote and memo is the line, with a ' exactly
# before the last seven
guard_checks() {
	python3 - "$1" <<'PY'
import csv, sys
lines = open('zitate.txt', encoding='utf-8').read().split('\n')[:14]
with open(sys.argv[1], newline='', encoding='utf-8') as f:
    rows = list(csv.DictReader(f))
by = {int(r['first_line']): r for r in rows}
for n, line in enumerate(lines, 1):
    want = line if n <= 7 else "'" + line
    for col in ('quote', 'memo'):
        got = by.get(n, {}).get(col)
        print(('PASS ' if got == want else 'FAIL ') + 'line %d %s: %r, expected %r' % (n, col, got, want))
PY
}
if command -v python3 >/dev/null 2>&1; then
	run_ok export hinge $Q -o zitate.csv
	py_out=$(guard_checks zitate.csv)
	same "$(printf '%s\n' "$py_out" | grep -c '^PASS')" 28 "hinge: quotes and memos exact, formulas guarded"
	printf '%s\n' "$py_out" | grep '^FAIL' >&2
else
	skip "python3 missing: no CSV parsing"
fi
# the bytes themselves: a quote that starts with - before a space or a word
run_ok export hinge $Q
out_has ",- 10.30 Uhr Beginn,"
out_has ",-Abbau von Abhängigkeiten,"
out_has ",– Gedankenstrich,"
out_has ",004,"
out_has ",2019/09,"
out_has ",'-1 Punkt Abzug,"
out_has ",'-SUM(A1:A2),"
out_has ",'-A1,"
# items tables: exact on the way out, and the same text on the way back
run_ok add unseen $Q --description "- 10.30 Uhr: Beginn" --causes "-1 Grad" -- "-Abbau von Abhängigkeiten"
run_ok add unseen $Q "Zahlen" --description "004" --causes "2019/09"
run_ok export unseens $Q -o unseens_q.csv
cp unseens_q.csv "$OUT"
out_has ",-Abbau von Abhängigkeiten,- 10.30 Uhr: Beginn,'-1 Grad,"
out_has ",Zahlen,004,2019/09,"
run_ok new "Zitate zurück"
out_id
Q2=$ID
run_ok import-csv $Q2 unseens unseens_q.csv
sql_is "SELECT group_concat(title || '|' || description || '|' || causes, ';') FROM (SELECT * FROM unseen WHERE session_id = $Q2 ORDER BY id)" \
	"-Abbau von Abhängigkeiten|- 10.30 Uhr: Beginn|-1 Grad;Zahlen|004|2019/09" "the round trip keeps every text"
# a table an earlier version wrote, with its ' before every -, reads as it was meant
printf "title,description\r\n'-Abbau,'- 10.30 Uhr\r\n" > old_guard.csv
run_ok new "Alte Tabelle"
out_id
Q3=$ID
run_ok import-csv $Q3 unseens old_guard.csv
sql_is "SELECT title || '|' || description FROM unseen WHERE session_id = $Q3" "-Abbau|- 10.30 Uhr"
# --raw writes no guard at all
run_ok export hinge $Q --raw
out_has ",-1 Punkt Abzug,"
out_has ",=SUMME(A1),"
