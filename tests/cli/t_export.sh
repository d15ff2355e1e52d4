# export hinge, report, matrix and dot; import-csv matrix.

# py_checks: runs python3 on stdin with the arguments; each line it prints
# is "PASS text" or "FAIL text" and counts as one assertion.
py_checks() {
	python3 - "$@" > py.txt 2> py_err.txt
	if [ -s py_err.txt ]; then _fail "python: $(head -c 300 py_err.txt)"; fi
	while IFS= read -r line; do
		case $line in
		PASS*) _pass ;;
		*) _fail "${line#FAIL }" ;;
		esac
	done < py.txt
}

HEADER=coding_id,session,component,code_type,code_id,code_path,code,document,document_kind,first_line,last_line,quote,coder,memo,coded_at,printed_first_line,printed_last_line

run_ok new "Export, „Test“" --question "Wem nützen die Daten?" --inside "KMU in der Region" --outside "Weltmarkt"
out_id
S=$ID
run_ok add component $S "Daten" --number 1
run_ok add component $S "Netzwerke" --number 2
run_ok add code $S "Alpha"
out_id
ALPHA=$ID
run_ok add code $S "Beta" --parent Alpha
out_id
BETA=$ID
cp "$FIXTURES/protokoll.txt" .
run_ok import-doc $S protokoll.txt --title "Dok A" --component 1
out_id
DA=$ID
printf '+49 Telefon\n@Handle\nnormal\n' > b.txt
run_ok import-doc $S b.txt --title "Dok B" --component 2
out_id
DB=$ID
printf 'c eins\nc zwei\n' > c.txt
run_ok import-doc $S c.txt --title "Dok C" --component 1
out_id
DC=$ID

# codings in a scrambled order
run_ok code $S "$DB" 1 Alpha
out_id
K1=$ID
run_ok code $S "$DA" 3 Alpha/Beta
out_id
K2=$ID
run_ok code $S "$DA" 3-4 Alpha --coder anna --memo "=SUM(A1)"
out_id
K3=$ID
run_ok code $S "$DA" 1 Alpha/Beta --memo "+1; gut"
out_id
K4=$ID
run_ok code $S "$DC" 1 Alpha --memo "-minus"
out_id
K5=$ID
run_ok code $S "$DB" 1-2 Alpha/Beta --memo "@ich"
out_id
K6=$ID
# by component, code, document, line
ORDER="$K3,$K5,$K4,$K2,$K1,$K6"

# hinge_checks FILE SEP RAW: the header, the order, the quotes and the guard
hinge_checks() {
	py_checks "$1" "$2" "$3" "$ORDER" "$HEADER" "$K3" "$K6" "$K4" "$K5" <<'EOF'
import csv, sys
path, sep, raw, order, header, k3, k6, k4, k5 = sys.argv[1:]
def check(ok, text):
    print(("PASS " if ok else "FAIL ") + text)
with open(path, newline='', encoding='utf-8') as f:
    data = f.read()
check(not data.startswith('\ufeff'), 'no BOM without --bom')
rows = list(csv.reader(data.splitlines(keepends=True), delimiter=sep))
check(rows[0] == header.split(','), 'header row is %r' % (rows[0],))
body = rows[1:]
check(all(len(r) == 17 for r in body), 'every row has 17 cells')
ids = ','.join(r[0] for r in body)
check(ids == order, 'rows ordered by component, code, document, line: %s, expected %s' % (ids, order))
by = {r[0]: dict(zip(header.split(','), r)) for r in body}
lines = open('protokoll.txt', encoding='utf-8').read().split('\n')
r3 = by.get(k3, {})
check(r3.get('quote') == lines[2] + '\n' + lines[3], 'multi-line quote survives: %r' % r3.get('quote'))
check(r3.get('coder') == 'anna', 'coder in the hinge table')
memo = '=SUM(A1)' if raw == 'raw' else "'=SUM(A1)"
check(r3.get('memo') == memo, 'memo %r, expected %r' % (r3.get('memo'), memo))
check(r3.get('code') == 'Alpha' and r3.get('code_path') == 'Alpha' and r3.get('code_type') == 'free', 'code columns of a free code: %r' % r3)
check(r3.get('document') == 'Dok A' and r3.get('document_kind') == 'minutes', 'document columns')
check(r3.get('first_line') == '3' and r3.get('last_line') == '4', 'line columns')
check(r3.get('component') == '1', 'component column')
check(r3.get('session') == 'Export, „Test“', 'session column: %r' % r3.get('session'))
r4 = by.get(k4, {})
check(r4.get('code_path') == 'Alpha/Beta' and r4.get('code') == 'Beta', 'code_path of a child code: %r' % r4.get('code_path'))
check(r4.get('memo') == ('+1; gut' if raw == 'raw' else "'+1; gut"), 'memo with + and ;: %r' % r4.get('memo'))
check(by.get(k5, {}).get('memo') == '-minus', 'memo with - before a word: no formula, no guard')
q6 = '+49 Telefon\n@Handle'
check(by.get(k6, {}).get('quote') == (q6 if raw == 'raw' else "'" + q6), 'quote starting with +: %r' % by.get(k6, {}).get('quote'))
check(by.get(k6, {}).get('memo') == ('@ich' if raw == 'raw' else "'@ich"), 'memo with @')
check(all(r[14][:4].isdigit() for r in body), 'coded_at is a date')
EOF
}

# the default: comma, guarded
run_ok export hinge $S
cp "$OUT" hinge.csv
same "$(head -n 1 hinge.csv | tr -d '\r')" "$HEADER" "the header row"
hinge_checks hinge.csv , guarded

# --raw
run_ok export hinge $S --raw
cp "$OUT" hinge_raw.csv
hinge_checks hinge_raw.csv , raw

# --sep ';'
run_ok export hinge $S --sep ';'
cp "$OUT" hinge_semi.csv
same "$(head -n 1 hinge_semi.csv | tr -d '\r')" "$(echo "$HEADER" | tr , ';')" "the header row with ;"
hinge_checks hinge_semi.csv ';' guarded

# --bom
run_ok export hinge $S --bom
same "$(head -c 3 "$OUT" | od -An -tx1 | tr -d ' \n')" efbbbf "first bytes EF BB BF"
tail -c +4 "$OUT" > hinge_nobom.csv
files_same hinge.csv hinge_nobom.csv "--bom adds the BOM and nothing else"

# -o FILE: the file, nothing on stdout, no temporary file left
run_ok export hinge $S -o out_hinge.csv
out_empty
files_same hinge.csv out_hinge.csv "-o writes what stdout would get"
same "$(ls | grep -c '\.tmp')" 0 "no temporary file left"
run_ok export hinge $S --sep ';' --bom --raw -o out2.csv
same "$(head -c 3 out2.csv | od -An -tx1 | tr -d ' \n')" efbbbf "BOM in the file"
refused 2 export hinge $S -o nicht/da/out.csv
same "$(ls | grep -c '\.tmp')" 0 "no temporary file left after a failed write"

# filters
run_ok export hinge $S --component 2
same "$(python3 -c 'import csv,sys; print(",".join(r[0] for r in list(csv.reader(open(sys.argv[1], newline="")))[1:]))' "$OUT")" "$K1,$K6" "--component 2"
run_ok export hinge $S --coder anna
same "$(python3 -c 'import csv,sys; print(",".join(r[0] for r in list(csv.reader(open(sys.argv[1], newline="")))[1:]))' "$OUT")" "$K3" "--coder anna"

# a session without codings: the header alone
run_ok new "Leer"
out_id
EMPTY=$ID
run_ok export hinge $EMPTY
same "$(tr -d '\r' < "$OUT")" "$HEADER" "the header alone"

# bad export arguments
refused 1 export hinge $S --sep '|'
refused 1 export hinge $S --type bogus
refused 2 export hinge $S --document "kein Dokument"
refused 2 export hinge $S --component x
refused 1 export bogus $S
refused 1 export hinge
refused 2 export hinge 99
refused 2 export report 99
refused 1 export report $S --svg x.svg

# report: Markdown with its headings
run_ok add unseen $S "Wenig Punkte" --votes 1 --likelihood 2 --impact 2 --adaptive-capacity 3
run_ok add unseen $S "Viele Punkte" --votes 9 --likelihood 1 --impact 1 --adaptive-capacity 5
run_ok add goal $S "Daten teilen" --component 1
run_ok add goal $S "Daten schützen" --component 1
run_ok add conflict $S "Teilen oder schützen" --goal-a "Daten teilen" --goal-b "Daten schützen"
run_ok add measure $S "Musterverträge" --actor F --goal "Daten teilen"
run_ok add soro $S "Daten gehören dem Betrieb" --component 1
run_ok add variable $S "Vertrauen"
run_ok add variable $S "Nutzung"
run_ok impact $S Vertrauen Nutzung 2
run_ok export report $S
cp "$OUT" report.md
out_matches '^# Export, „Test“$'
out_has "Wem nützen die Daten?"
out_has "KMU in der Region"
for h in '## Komponenten' '## Unseens' '## Systemmodell' '## Ziele' '## Maßnahmenbündel' '## SoRO'; do
	if grep -q "^$h" report.md; then _pass; else _fail "report lacks heading '$h'"; fi
done
out_matches '^#+ .*Zielkonflikt'
out_has "Teilen oder schützen"
out_has "Musterverträge"
out_has "Alpha/Beta"
same "$(grep -n 'Viele Punkte' report.md | head -n 1 | cut -d: -f1)" \
	"$(grep -n -e 'Viele Punkte' -e 'Wenig Punkte' report.md | head -n 1 | cut -d: -f1)" "unseens ranked by votes"
run_ok export report $S -o report_file.md
out_empty
files_same report.md report_file.md "report -o"

# matrix: export, import into another session, the same export
run_ok new "Matrix A"
out_id
MA=$ID
cp "$FIXTURES/matrix.csv" .
run_ok import-csv $MA matrix matrix.csv
out_empty
err_has "10"
sql_is "SELECT count(*) FROM variable WHERE session_id = $MA" 4
sql_is "SELECT count(*) FROM impact i JOIN variable v ON v.id = i.from_id WHERE v.session_id = $MA" 10
sql_is "SELECT i.strength FROM impact i JOIN variable a ON a.id = i.from_id JOIN variable b ON b.id = i.to_id WHERE a.session_id = $MA AND a.name = 'Kosten' AND b.name = 'Größe'" 3
run_ok export matrix $MA
cp "$OUT" matrix_a.csv
tr -d '\r' < matrix_a.csv > matrix_a_lf.csv
files_same matrix.csv matrix_a_lf.csv "export matrix gives the imported shape"
run_ok new "Matrix B"
out_id
MB=$ID
run_ok import-csv $MB matrix matrix_a.csv
run_ok export matrix $MB
files_same matrix_a.csv "$OUT" "matrix round trip"
# the demo's full matrix too
run_ok demo
out_id
DEMO=$ID
run_ok export matrix $DEMO -o demo_matrix.csv
run_ok new "Matrix C"
out_id
MC=$ID
run_ok import-csv $MC matrix demo_matrix.csv
run_ok export matrix $MC
files_same demo_matrix.csv "$OUT" "round trip of the demo matrix"
run_ok export matrix $MC --sep ';'
same "$(head -n 1 "$OUT" | tr -cd ';' | wc -c)" "$(sql "SELECT count(*) FROM variable WHERE session_id = $MC")" "--sep ; in the matrix"

# names a spreadsheet would take for formulas: the formula guard must not
# turn them into other variables on the way back
run_ok new "Formeln"
out_id
MF=$ID
run_ok add variable $MF "=Summe"
run_ok add variable $MF -- "-Kosten"
run_ok add variable $MF "Plain"
run_ok impact $MF "=Summe" Plain 2
run_ok impact $MF -- Plain "-Kosten" 1
run_ok export matrix $MF -o formeln.csv
run_ok import-csv $MF matrix formeln.csv
sql_is "SELECT group_concat(name, '|') FROM (SELECT name FROM variable WHERE session_id = $MF ORDER BY position, id)" \
	"=Summe|-Kosten|Plain" "export matrix and import-csv into the same session keep the variables"
run_ok new "Formeln B"
out_id
MFB=$ID
run_ok import-csv $MFB matrix formeln.csv
sql_is "SELECT group_concat(name, '|') FROM (SELECT name FROM variable WHERE session_id = $MFB ORDER BY position, id)" \
	"=Summe|-Kosten|Plain" "matrix round trip keeps names that start with = or -"

# matrix refusals: nothing imported
run_ok new "Matrix D"
out_id
MD=$ID
printf ',A,B,C\nA,,1,2\nB,1,,4\nC,0,0,\n' > badcell.csv
refused 2 import-csv $MD matrix badcell.csv
err_has "Zeile 3"
err_has "Spalte 4"
printf ',A,B,C\nA,,1,2\nB,1,,x\nC,0,0,\n' > word.csv
refused 2 import-csv $MD matrix word.csv
printf ',A,B,C\nA,,1,-1\nB,1,,0\nC,0,0,\n' > neg.csv
refused 2 import-csv $MD matrix neg.csv
printf ',A,B,C\nA,,1,2\nB,1,,2\n' > short.csv
refused 2 import-csv $MD matrix short.csv
printf ',A,B\nA,,1,2\nB,1,\n' > wide.csv
refused 2 import-csv $MD matrix wide.csv
printf ',A,B\nA,,1\nC,1,\n' > names.csv
refused 2 import-csv $MD matrix names.csv
printf ',A,A\nA,,1\nA,1,\n' > twice.csv
refused 2 import-csv $MD matrix twice.csv
: > empty.csv
refused 2 import-csv $MD matrix empty.csv
refused 2 import-csv $MD matrix fehlt.csv
refused 1 import-csv $MD table matrix.csv
refused 1 import-csv $MD matrix
sql_is "SELECT count(*) FROM variable WHERE session_id = $MD" 0 "no variable from a refused matrix"
# a 0-2 session refuses a 3
run_ok new "Skala 2" --scale 2
out_id
S02=$ID
refused 2 import-csv $S02 matrix matrix.csv
sed 's/3/2/g' matrix.csv > matrix2.csv
run_ok import-csv $S02 matrix matrix2.csv
refused 2 impact $S02 Kosten Größe 3
run_ok impact $S02 Kosten Größe 1

# dot: one node per variable, one edge per cell rated above 0
run_ok export dot $MA
cp "$OUT" a.dot
out_matches '^digraph'
same "$(grep -cE '^ *v[0-9]+ \[label=' a.dot)" 4 "nodes = variables"
same "$(grep -c -- '->' a.dot)" 8 "edges = cells rated above 0"
out_has 'label="Größe"'
out_matches 'penwidth=3'
run_ok export dot $DEMO
same "$(grep -cE '^ *v[0-9]+ \[label=' "$OUT")" "$(sql "SELECT count(*) FROM variable WHERE session_id = $DEMO")" "demo: nodes = variables"
same "$(grep -c -- '->' "$OUT")" "$(sql "SELECT count(*) FROM impact i JOIN variable v ON v.id = i.from_id WHERE v.session_id = $DEMO AND i.strength > 0")" "demo: edges = cells rated above 0"
run_ok export dot $MA -o a_file.dot
out_empty
files_same a.dot a_file.dot "dot -o"

# --svg without Graphviz: exit 2 and a message (forced by a PATH without dot)
mkdir nodot
DIDAT_ENV="PATH=$PWD/nodot"
refused 2 export dot $MA --svg graph.svg
err_has "Graphviz"
DIDAT_ENV=
if [ -e graph.svg ]; then _fail "graph.svg written without Graphviz"; else _pass; fi
# Graphviz is a dependency (make deps): the real thing
run_ok export dot $MA --svg graph.svg
if grep -q '<svg' graph.svg; then _pass; else _fail "graph.svg is no SVG"; fi
run_ok export dot $MA --png graph.png
same "$(head -c 4 graph.png | tail -c 3)" PNG "graph.png is a PNG"
# a stand-in dot: didat hands it the DOT text and honours its exit status
mkdir fakedot
CAT=$(command -v cat)
printf '#!/bin/sh\n# -Tformat -o FILE\necho "$1" > "$3.args"\n%s > "$3"\n' "$CAT" > fakedot/dot
printf '#!/bin/sh\n%s > /dev/null\nexit 3\n' "$CAT" > nodot/dot
chmod +x fakedot/dot nodot/dot
DIDAT_ENV="PATH=$PWD/fakedot"
run_ok export dot $MA --svg fake.svg
DIDAT_ENV=
files_same a.dot fake.svg "dot gets the DOT text"
same "$(cat fake.svg.args)" -Tsvg "dot is asked for SVG"
DIDAT_ENV="PATH=$PWD/nodot"
refused 2 export dot $MA --png failed.png
DIDAT_ENV=
err_has "failed.png"

# export hinge --chapter: the chapter hinge table of a white-paper draft
run_ok new "Kapitel"
out_id
KS=$ID
run_ok add component $KS "Daten" --number 1
run_ok add unseen $KS "Datenabfluss"
run_ok add goal $KS "Souveränität"
run_ok add code $KS "Daten"
run_ok add code $KS "Eigentum" --parent Daten
printf 'Kapitel 3: Daten\nKMU verlieren Daten, sagt „die UG 1“.\nZiele nur im Entwurf.\n=Eigentum ist ungeklärt\nVerträge fehlen.\n' > entwurf.txt
run_ok import-doc $KS entwurf.txt --title "Entwurf Kap. 3" --kind draft
out_id
KD=$ID
printf 'UG1 Zeile 1\nUG1: Daten fließen ab, "ungefragt"\nUG1 Zeile 3\nUG1: Eigentum; strittig\n' > ug1.txt
run_ok import-doc $KS ug1.txt --title "Protokoll UG1" --component 1
out_id
KM1=$ID
printf 'UG2: Abfluss\nUG2: Eigentum\n' > ug2.txt
run_ok import-doc $KS ug2.txt --title "Protokoll UG2" --kind paper
out_id
KM2=$ID
run_ok code $KS "$KD" 1-2 Datenabfluss --coder anna
run_ok code $KS "$KD" 1-2 Datenabfluss --coder ben
run_ok code $KS "$KD" 3 Souveränität --coder anna
run_ok code $KS "$KD" 4-5 Daten/Eigentum --coder anna
run_ok code $KS "$KM2" 2 Daten/Eigentum --coder carla
run_ok code $KS "$KM1" 2-3 Datenabfluss --coder anna
run_ok code $KS "$KM2" 1 Datenabfluss --coder ben
run_ok code $KS "$KM1" 4 Daten/Eigentum --coder anna
run_ok code $KS "$KM1" 1 Daten --coder anna

CHAPTER_HEADER=draft_first_line,draft_last_line,draft_quote,code_type,code,source_document,source_kind,source_first_line,source_last_line,source_quote,coder,draft_printed_first_line,draft_printed_last_line,draft_coder
# records end in CRLF, line breaks inside a quote stay LF
# the draft's passage 1-2 is anna's and ben's: one row per source, both named
sed 's/\(,anna\|,"anna, ben"\|,draft_coder\)$/&\r/' > chapter_expected.csv <<'CSV'
draft_first_line,draft_last_line,draft_quote,code_type,code,source_document,source_kind,source_first_line,source_last_line,source_quote,coder,draft_printed_first_line,draft_printed_last_line,draft_coder
1,2,"Kapitel 3: Daten
KMU verlieren Daten, sagt „die UG 1“.",unseen,Datenabfluss,Protokoll UG1,minutes,2,3,"UG1: Daten fließen ab, ""ungefragt""
UG1 Zeile 3",anna,,,"anna, ben"
1,2,"Kapitel 3: Daten
KMU verlieren Daten, sagt „die UG 1“.",unseen,Datenabfluss,Protokoll UG2,paper,1,1,UG2: Abfluss,ben,,,"anna, ben"
4,5,"'=Eigentum ist ungeklärt
Verträge fehlen.",free,Daten/Eigentum,Protokoll UG1,minutes,4,4,UG1: Eigentum; strittig,anna,,,anna
4,5,"'=Eigentum ist ungeklärt
Verträge fehlen.",free,Daten/Eigentum,Protokoll UG2,paper,2,2,UG2: Eigentum,carla,,,anna
CSV
same "$(grep -c "$(printf '\r')" chapter_expected.csv)" 5 "the expected table has five records"
run_ok export hinge $KS --chapter "Entwurf Kap. 3"
files_same "$OUT" chapter_expected.csv "the chapter hinge table, byte for byte"
run_ok export hinge $KS --chapter "$KD" -o chapter.csv
out_empty
files_same chapter.csv chapter_expected.csv "--chapter by id into a file"
same "$(ls | grep -c '\.tmp')" 0 "no temporary file left"
# --sep ';' and --bom with the same writer
run_ok export hinge $KS --chapter "$KD" --sep ';' --bom
same "$(head -c 3 "$OUT" | od -An -tx1 | tr -d ' \n')" efbbbf "BOM before the chapter table"
same "$(tail -c +4 "$OUT" | head -n 1 | tr -d '\r')" "$(echo "$CHAPTER_HEADER" | tr , ';')" "the header with ;"
out_has '"UG1: Eigentum; strittig"'
# filters apply to the source passages
run_ok export hinge $KS --chapter "$KD" --coder carla
same "$(tr -d '\r' < "$OUT" | sed 1d)" "4,5,\"'=Eigentum ist ungeklärt
Verträge fehlen.\",free,Daten/Eigentum,Protokoll UG2,paper,2,2,UG2: Eigentum,carla,,,anna" "--coder carla"
run_ok export hinge $KS --chapter "$KD" --document "Protokoll UG2" --type unseen
same "$(tr -d '\r' < "$OUT" | sed 1d)" '1,2,"Kapitel 3: Daten
KMU verlieren Daten, sagt „die UG 1“.",unseen,Datenabfluss,Protokoll UG2,paper,1,1,UG2: Abfluss,ben,,,"anna, ben"' "--document and --type"
run_ok export hinge $KS --chapter "$KD" --component 1 --raw
same "$(tr -d '\r' < "$OUT" | grep -c ',Protokoll UG1,')" 2 "--component 1: the sources of component 1"
same "$(tr -d '\r' < "$OUT" | grep -c ',Protokoll UG2,')" 0 "--component 1: nothing of UG2"
out_has '"=Eigentum ist ungeklärt'
# refusals
refused 2 export hinge $KS --chapter "Protokoll UG1"
err_has "Protokoll UG1"
err_has "minutes"
out_empty
refused 2 export hinge $KS --chapter "Protokoll UG1" -o refused.csv
if [ -e refused.csv ]; then _fail "a refused chapter table left a file"; else _pass; fi
same "$(ls | grep -c '\.tmp')" 0 "no temporary file left after a refusal"
refused 2 export hinge $KS --chapter "kein Dokument"
err_has "kein Dokument"
refused 2 export hinge $S --chapter "$KD"
refused 1 export report $KS --chapter "$KD"
run_ok doc $KS "$KM2" --kind draft
run_ok export hinge $KS --chapter "$KM2"
same "$(python3 -c 'import csv,sys; print(" ".join(",".join(r[i] for i in (0,1,4,5,6,7,10)) for r in list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))[1:]))' "$OUT")" \
	"1,1,Datenabfluss,Entwurf Kap. 3,draft,1,anna 1,1,Datenabfluss,Entwurf Kap. 3,draft,1,ben 1,1,Datenabfluss,Protokoll UG1,minutes,2,anna 2,2,Daten/Eigentum,Entwurf Kap. 3,draft,4,anna 2,2,Daten/Eigentum,Protokoll UG1,minutes,4,anna" \
	"another draft: every other document is a source, in order"
