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
sql_is "SELECT count(*) FROM coding" 7 "no coding from a refused command"
