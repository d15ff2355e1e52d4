# code and codes: coding passages by code id, item title and free-code
# path, and the refusals.

run_ok new "Kodieren"
out_id
S=$ID
run_ok new "Fremd"
out_id
S2=$ID
run_ok add component $S "Plattformen" --number 3
run_ok add unseen $S "Kontrollverlust über Daten" --component 3
out_id
U=$ID
run_ok add goal $S "Verträge verstehen"
run_ok add stakeholder $S "Kammern"
run_ok add code $S "Daten"
out_id
FREE_TOP=$ID
run_ok add code $S "Eigentum" --parent Daten
out_id
FREE_CHILD=$ID
run_ok add code $S "Eigentum"
out_id
FREE_OTHER=$ID
cp "$FIXTURES/protokoll.txt" .
run_ok import-doc $S protokoll.txt
out_id
D=$ID
printf 'fremde Zeile\n' > fremd.txt
run_ok import-doc $S2 fremd.txt
out_id
D_OTHER=$ID
run_ok add code $S2 "Fremdcode"
out_id
C_OTHER=$ID
UCODE=$(sql "SELECT id FROM code WHERE type = 'unseen' AND item_id = $U")

# FIRST-LAST by code id: the coding id alone on stdout
run_ok code $S "$D" 3-4 "$UCODE"
out_id
K1=$ID
sql_is "SELECT document_id || '|' || first_line || '|' || last_line || '|' || code_id FROM coding WHERE id = $K1" "$D|3|4|$UCODE"
sql_is "SELECT k.name FROM coding c JOIN coder k ON k.id = c.coder_id WHERE c.id = $K1" tester "the coder comes from DIDAT_CODER"

# FIRST alone, by item title, with --coder and --memo
run_ok code $S "$D" 5 "Verträge verstehen" --coder anna --memo "Chef entscheidet allein"
out_id
K2=$ID
sql_is "SELECT c.first_line || '|' || c.last_line || '|' || k.name || '|' || c.memo || '|' || l.type FROM coding c JOIN coder k ON k.id = c.coder_id JOIN code l ON l.id = c.code_id WHERE c.id = $K2" \
	"5|5|anna|Chef entscheidet allein|goal"
run_ok code $S "$D" 2 "Kammern"
out_id
sql_is "SELECT l.type FROM coding c JOIN code l ON l.id = c.code_id WHERE c.id = $ID" stakeholder

# by free-code path; the document by title
run_ok code $S protokoll 1-2 "Daten/Eigentum"
out_id
K3=$ID
sql_is "SELECT code_id FROM coding WHERE id = $K3" "$FREE_CHILD"
run_ok code $S protokoll.txt 8 "Daten"
out_id
sql_is "SELECT code_id FROM coding WHERE id = $ID" "$FREE_TOP"
# the global --coder before the command
run_ok --coder bert code $S "$D" 6-8 "$FREE_OTHER"
out_id
sql_is "SELECT k.name FROM coding c JOIN coder k ON k.id = c.coder_id WHERE c.id = $ID" bert
# the whole document
run_ok code $S "$D" 1-8 "$UCODE"
out_id
sql_is "SELECT count(*) FROM coding WHERE session_id = $S" 7

# codes: every code with its count and the path of free codes
run_ok codes $S
out_has "Kontrollverlust über Daten"
out_has "Verträge verstehen"
out_has "Daten/Eigentum"
out_has "Kammern"
same "$(awk -v id="$UCODE" '$1 == id { print $3 }' "$OUT")" 2 "codes counts the unseen's codings"
same "$(awk -v id="$FREE_CHILD" '$1 == id { print $3 }' "$OUT")" 1 "codes counts the free code's codings"
same "$(awk -v id="$FREE_CHILD" '$1 == id { print $2 }' "$OUT")" free "codes names the type"
same "$(sed 1d "$OUT" | wc -l)" "$(sql "SELECT count(*) FROM code WHERE session_id = $S")" "one row per code"
refused 2 codes 99

# refusals, each leaving the database as it was
refused 2 code $S "$D" 1 "Gibt es nicht"
err_has "Gibt es nicht"
refused 2 code $S "$D" 1 99999
refused 2 code $S "$D" 1 "$C_OTHER"
refused 2 code $S "$D" 1 "Fremdcode"
refused 2 code $S "$D" 1 "Eigentum"
err_has "Eigentum"
refused 2 code $S 99999 1 "$UCODE"
refused 2 code $S "kein Dokument" 1 "$UCODE"
err_has "kein Dokument"
refused 2 code $S "$D_OTHER" 1 "$UCODE"
refused 2 code $S "$D" 9 "$UCODE"
err_has "9"
refused 2 code $S "$D" 7-9 "$UCODE"
refused 2 code $S "$D" 5-3 "$UCODE"
refused 2 code $S "$D" 0 "$UCODE"
refused 2 code $S "$D" 0-2 "$UCODE"
refused 2 code $S "$D" x "$UCODE"
refused 2 code $S "$D" 2-x "$UCODE"
refused 2 code 99 "$D" 1 "$UCODE"
refused 2 code $S "$D" 1 "$UCODE" --coder ""
refused 1 code $S "$D" 1
refused 1 code $S "$D" 1 "$UCODE" --bogus x
sql_is "SELECT count(*) FROM coding WHERE document_id IN (SELECT id FROM document WHERE session_id IN ($S, $S2))" 7 \
	"no coding from a refused command"

# codes --by: per code (as above), per document, per coder
run_ok codes $S --by code
out_has "Kontrollverlust über Daten"
same "$(awk -v id="$UCODE" '$1 == id { print $3 }' "$OUT")" 2 "--by code is the code table"
printf 'zweite Datei\n' > zwei.txt
run_ok import-doc $S zwei.txt
out_id
D2=$ID
run_ok code $S "$D2" 1 "$UCODE" --coder anna
run_ok codes $S --by document
out_is " Dok.   Kod.  Titel
    $D      7  protokoll
    $D2      1  zwei"
# per code, each coder's codings side by side, then the totals
run_ok codes $S --by coder
same "$(head -1 "$OUT")" " Code   anna   bert  tester  Summe  Name" "the coders are the columns"
same "$(awk -v id="$UCODE" '$1 == id { print $2, $3, $4, $5 }' "$OUT")" "1 0 2 3" \
	"the unseen's codings by anna, bert, tester"
same "$(tail -1 "$OUT" | tr -s ' ')" " 2 1 5 8 Summe" "the totals per coder"
run_ok codes $S --by coder --format csv
same "$(head -1 "$OUT" | tr -d '\r')" "code_id,type,code,anna,bert,tester,total"
out_has "$UCODE,unseen,Kontrollverlust über Daten,1,0,2,3"
same "$(tail -1 "$OUT" | tr -d '\r')" ",,Summe,2,1,5,8"
refused 1 codes $S --by code --format csv
refused 1 codes $S --by coder --format xml
run_ok codes $S2 --by coder
same "$(head -1 "$OUT")" " Code  Summe  Name" "nobody coded: no coder columns"
same "$(tail -1 "$OUT" | tr -s ' ')" " 0 Summe"
refused 1 codes $S --by bogus
refused 1 codes $S --by

# coding: show one, change its lines, code and memo, delete it
run_ok coding $S "$K2"
out_has "Kodierung:    $K2"
out_has "Zeilen:       5–5"
out_has "Code:         "
out_has "Verträge verstehen (goal)"
out_has "Kodierer:     anna"
out_has "Memo:         Chef entscheidet allein"
out_has "     5  Frau Öztürk: Bei uns entscheidet das der Chef allein."
# another coder's coding: changed or deleted only with --force, naming whose it is
refused 2 coding $S "$K2" --memo "fremd"
err_has "anna"
err_has "--force"
refused 2 coding $S "$K2" --delete
err_has "anna"
run_ok coding $S "$K2" --memo "Von tester geprüft" --force
sql_is "SELECT memo FROM coding WHERE id = $K2" "Von tester geprüft"
run_ok --coder anna coding $S "$K2" --lines 4-6 --code Kammern --memo "Zwei Stimmen"
out_empty
sql_is "SELECT c.first_line || '|' || c.last_line || '|' || l.type || '|' || c.memo || '|' || k.name FROM coding c JOIN code l ON l.id = c.code_id JOIN coder k ON k.id = c.coder_id WHERE c.id = $K2" \
	"4|6|stakeholder|Zwei Stimmen|anna" "--lines, --code and --memo change; the coder stays"
run_ok --coder anna coding $S "$K2" --memo ""
sql_is "SELECT memo IS NULL FROM coding WHERE id = $K2" 1
run_ok --coder anna coding $S "$K2" --lines 7
sql_is "SELECT first_line || '-' || last_line FROM coding WHERE id = $K2" "7-7"
refused 2 --coder anna coding $S "$K2" --lines 7-9
err_has "7–9"
err_has "protokoll"
refused 2 --coder anna coding $S "$K2" --lines 6-5
err_has "6–5"
refused 2 --coder anna coding $S "$K2" --lines 0-2
refused 2 --coder anna coding $S "$K2" --lines x
refused 2 --coder anna coding $S "$K2" --code "Gibt es nicht"
refused 2 --coder anna coding $S "$K2" --code "$C_OTHER"
refused 2 --coder anna coding $S2 "$K2"
err_has "$K2"
refused 2 --coder anna coding $S2 "$K2" --memo "fremd"
refused 2 --coder anna coding $S 99999
refused 2 --coder anna coding $S 99999 --delete
refused 2 --coder anna coding $S abc
refused 1 --coder anna coding $S "$K2" --delete --memo x
refused 1 --coder anna coding $S
refused 1 --coder anna coding $S "$K2" --bogus
sql_is "SELECT first_line || '-' || last_line || '|' || code_id FROM coding WHERE id = $K2" \
	"7-7|$(sql "SELECT id FROM code WHERE type = 'stakeholder' AND session_id = $S")" "refusals left the coding alone"
run_ok --coder anna coding $S "$K2" --delete
out_empty
sql_is "SELECT count(*) FROM coding WHERE id = $K2" 0
refused 2 coding $S "$K2" --delete

# doc: the metadata, and changing it
run_ok doc $S "$D"
out_is "Dokument:     $D
Titel:        protokoll
Art:          minutes (Protokoll)
Datum:
Komponente:
Teilnehmende:
Memo:
Datei:        protokoll.txt
Zeilen:       8
Kodierungen:  6
Importiert:   $(sql "SELECT imported FROM document WHERE id = $D")"
run_ok doc $S protokoll --title "Protokoll AG 3" --kind paper --date 2024-05-17 --component 3 \
	--participants "Groß, Müller, Öztürk" --memo "Mitschrift von Frau Groß"
out_empty
run_ok doc $S "Protokoll AG 3"
out_has "Titel:        Protokoll AG 3"
out_has "Art:          paper (Ergänzungspapier)"
out_has "Datum:        2024-05-17"
out_has "Komponente:   3 Plattformen"
out_has "Teilnehmende: Groß, Müller, Öztürk"
out_has "Memo:         Mitschrift von Frau Groß"
sql_is "SELECT line_count FROM document WHERE id = $D" 8 "the lines stay"
run_ok doc $S "$D" --kind draft --memo ""
sql_is "SELECT kind || '|' || (memo IS NULL) || '|' || title FROM document WHERE id = $D" "draft|1|Protokoll AG 3"
run_ok doc $S "$D" --component -
sql_is "SELECT component_id IS NULL FROM document WHERE id = $D" 1
refused 2 doc $S "$D" --kind protocol
err_has "--kind"
err_has "protocol"
refused 2 doc $S "$D" --component 9
err_has "--component"
refused 2 doc $S "$D" --title ""
err_has "--title"
refused 2 doc $S "$D" --title "Neu" --kind bogus
sql_is "SELECT title FROM document WHERE id = $D" "Protokoll AG 3" "a refused change changes nothing"
refused 2 doc $S "$D_OTHER"
refused 2 doc $S "kein Dokument"
refused 2 doc 99 "$D"
refused 1 doc $S
refused 1 doc $S "$D" --bogus x

# One grammar for line ranges, the screen's: an en dash and spaces too.
run_ok code $S "$D" "6–7" "Daten"
out_id
same "$(sql "SELECT first_line || '-' || last_line FROM coding WHERE id = $ID")" "6-7" "en dash range"
run_ok code $S "$D" "6 - 8" "Daten/Eigentum"
out_id
same "$(sql "SELECT first_line || '-' || last_line FROM coding WHERE id = $ID")" "6-8" "spaced range"
refused 2 code $S "$D" "6—8" "Daten"
err_has "12–15"
refused 2 code $S "$D" "0-2" "Daten"
refused 2 code $S "$D" "3-" "Daten"
