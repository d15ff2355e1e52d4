# import-doc and docs: text files as documents, and every kind of bad file.

run_ok new "Import"
out_id
S=$ID
run_ok new "Anderer Workshop"
out_id
S2=$ID
run_ok add component $S "Plattformen" --number 3

# docs_count: documents in all sessions
docs_count() { sql "SELECT count(*) FROM document"; }

# one file: the id alone on stdout, the line count on stderr
cp "$FIXTURES/protokoll.txt" .
run_ok import-doc $S protokoll.txt
out_id
D1=$ID
err_has "8 Zeilen"
sql_is "SELECT title || '|' || kind || '|' || filename || '|' || line_count FROM document WHERE id = $D1" \
	"protokoll|minutes|protokoll.txt|8"
# the lines are stored exactly
sql "SELECT text FROM line WHERE document_id = $D1 ORDER BY number" > stored.txt
files_same protokoll.txt stored.txt "stored lines equal the file"
sql_is "SELECT group_concat(number) FROM line WHERE document_id = $D1" "1,2,3,4,5,6,7,8"
sql_is "SELECT length(sha256) FROM document WHERE id = $D1" 64

# --kind, --title, --date, --component
printf 'Ergänzung: Straße, „Zitat“\nzweite Zeile\n' > paper.txt
run_ok import-doc $S paper.txt --kind paper --title "Ergänzungspapier Cloud" --date 2024-06-01 --component 3
out_id
D2=$ID
sql_is "SELECT d.title || '|' || d.kind || '|' || d.date || '|' || c.number FROM document d JOIN component c ON c.id = d.component_id WHERE d.id = $D2" \
	"Ergänzungspapier Cloud|paper|2024-06-01|3"
printf 'Entwurf\n' > draft.txt
run_ok import-doc $S draft.txt --kind draft
sql_is "SELECT kind FROM document WHERE title = 'draft'" draft
printf 'Sonstiges\n' > other.txt
run_ok import-doc $S --kind other other.txt
sql_is "SELECT kind FROM document WHERE title = 'other'" other

# several files: one id per line, in order
printf 'eins\n' > a.txt
printf 'zwei\nzwei\n' > b.txt
printf 'drei\ndrei\ndrei\n' > c.txt
run_ok import-doc $S a.txt b.txt c.txt
same "$(wc -l < "$OUT")" 3 "one line per file"
same "$(tr '\n' ' ' < "$OUT")" "$(sql "SELECT group_concat(id, ' ') || ' ' FROM (SELECT id FROM document WHERE filename IN ('a.txt', 'b.txt', 'c.txt') ORDER BY filename)")" "the ids in file order"
same "$(grep -cvE '^[0-9]+$' "$OUT")" 0 "nothing but ids on stdout"
sql_is "SELECT group_concat(line_count) FROM (SELECT line_count FROM document WHERE filename IN ('a.txt', 'b.txt', 'c.txt') ORDER BY filename)" "1,2,3"

# docs lists them
run_ok docs $S
out_has "protokoll"
out_has "Ergänzungspapier Cloud"
out_has "2024-06-01"
same "$(wc -l < "$OUT")" 8 "docs: a header and seven documents"
refused 2 docs 99

# the same file twice into one session: refused; into another: allowed
refused 2 import-doc $S protokoll.txt
err_has "protokoll.txt"
cp protokoll.txt kopie.txt
refused 2 import-doc $S kopie.txt
run_ok import-doc $S2 protokoll.txt
out_id

# a file that does not exist, an empty file, a NUL byte, a folder
n=$(docs_count)
refused 2 import-doc $S fehlt.txt
err_has "fehlt.txt"
: > leer.txt
refused 2 import-doc $S leer.txt
err_has "leer.txt"
printf '\357\273\277' > nurbom.txt
refused 2 import-doc $S nurbom.txt
printf 'a\000b\n' > nul.txt
refused 2 import-doc $S nul.txt
err_has "nul.txt"
printf 'eine Zeile\nnoch eine\001 mit Steuerzeichen\nund \000 hier\n' > nul3.txt
refused 2 import-doc $S nul3.txt
refused 2 import-doc $S .
err_has "keine gewöhnliche Datei"
# a device and a pipe: refused at once (reading /dev/zero never ended,
# opening a pipe waited for a writer)
refused 2 import-doc $S /dev/zero
err_has "/dev/zero: keine gewöhnliche Datei"
mkfifo rohr.txt
refused 2 import-doc $S rohr.txt
err_has "rohr.txt: keine gewöhnliche Datei"
refused 2 import-csv $S unseens /dev/zero
refused 2 import-csv $S unseens rohr.txt
err_has "rohr.txt: keine gewöhnliche Datei"
same "$(docs_count)" "$n" "no document from a bad file"

# several files where the last is bad: none imported
printf 'gut eins\n' > gut1.txt
printf 'gut zwei\n' > gut2.txt
refused 2 import-doc $S gut1.txt gut2.txt leer.txt
out_empty
refused 2 import-doc $S gut1.txt gut2.txt nul.txt
refused 2 import-doc $S gut1.txt gut2.txt fehlt.txt
refused 2 import-doc $S gut1.txt gut2.txt protokoll.txt
refused 2 import-doc $S gut1.txt gut1.txt
same "$(docs_count)" "$n" "no document imported from a bad batch"
sql_is "SELECT count(*) FROM line WHERE document_id NOT IN (SELECT id FROM document)" 0
run_ok import-doc $S gut1.txt gut2.txt
same "$(docs_count)" "$((n + 2))" "the good files alone go in"

# unknown --kind, unknown component, --title with several files, no file
refused 1 import-doc $S a.txt --kind protokoll
err_has "protokoll"
printf 'neu\n' > neu.txt
refused 2 import-doc $S neu.txt --component 9
refused 1 import-doc $S a.txt b.txt --title "Ein Titel"
refused 1 import-doc $S
refused 2 import-doc 99 a.txt
refused 2 import-doc "Gibt es nicht" a.txt

# Windows-1252: converted to UTF-8 with a notice
printf 'Stra\337e \204Zitat\223\n' > cp1252.txt
run_ok import-doc $S cp1252.txt
out_id
W=$ID
err_has "Windows-1252"
err_has "zuerst in Zeile 1"
sql_is "SELECT text FROM line WHERE document_id = $W AND number = 1" "Straße „Zitat“"
sql_is "SELECT hex(text) FROM line WHERE document_id = $W AND number = 1" "53747261C39F6520E2809E5A69746174E2809C"

# UTF-8 with BOM and CRLF: stored without BOM and without CR, no notice
printf '\357\273\277M\303\274ller sagt:\r\nzweite Zeile\r\n\r\nvierte\r\n' > bom.txt
run_ok import-doc $S bom.txt
out_id
B=$ID
sql_is "SELECT line_count FROM document WHERE id = $B" 4
sql_is "SELECT text FROM line WHERE document_id = $B AND number = 1" "Müller sagt:"
sql_is "SELECT hex(text) FROM line WHERE document_id = $B AND number = 1" "4DC3BC6C6C657220736167743A" "no BOM in the first line"
sql_is "SELECT count(*) FROM line WHERE document_id = $B AND (instr(text, char(13)) > 0 OR instr(text, char(65279)) > 0)" 0 "no CR and no BOM stored"
sql_is "SELECT quote(text) FROM line WHERE document_id = $B AND number = 3" "''" "an empty line is kept"
if grep -q "Windows-1252" "$ERR"; then _fail "UTF-8 taken for Windows-1252"; else _pass; fi

# CR alone as line end; a last line without newline
printf 'alt eins\ralt zwei\ralt drei' > cr.txt
run_ok import-doc $S cr.txt
out_id
sql_is "SELECT line_count || '|' || (SELECT group_concat(text, '/') FROM line WHERE document_id = $ID) FROM document WHERE id = $ID" \
	"3|alt eins/alt zwei/alt drei"

# a very long line is kept whole
awk 'BEGIN { for (i = 0; i < 20000; i++) printf "abcdefghi "; printf "\nEnde\n" }' > lang.txt
run_ok import-doc $S lang.txt
out_id
sql_is "SELECT length(text) FROM line WHERE document_id = $ID AND number = 1" 200000
sql_is "SELECT text FROM line WHERE document_id = $ID AND number = 2" "Ende"
sql_is "SELECT line_count FROM document WHERE id = $ID" 2
