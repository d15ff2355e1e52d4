# codebook: the listing, show, rename, move, merge, delete, define, colour
# and memo, with their refusals; the codes table's definition column.

run_ok new "Codebuch"
out_id
S=$ID
run_ok new "Fremd"
out_id
S2=$ID
run_ok add unseen $S "Datenabfluss"
out_id
U=$ID
UCODE=$(sql "SELECT id FROM code WHERE type = 'unseen' AND item_id = $U")
run_ok add code $S "Daten" --colour "#2e86ab" --definition "Aussagen über Daten"
out_id
DATEN=$ID
run_ok add code $S "Eigentum" --parent Daten
out_id
EIGENTUM=$ID
run_ok add code $S "Zugang" --parent Daten
out_id
ZUGANG=$ID
run_ok add code $S "Recht"
out_id
RECHT=$ID
run_ok add code $S "Besitz" --parent Recht
out_id
BESITZ=$ID
run_ok add code $S2 "Anderswo"
out_id
FOREIGN=$ID
cp "$FIXTURES/protokoll.txt" .
run_ok import-doc $S protokoll.txt
out_id
D=$ID
run_ok code $S "$D" 1-2 Daten/Eigentum --coder anna --memo "neu"
out_id
K_DUP=$ID
run_ok code $S "$D" 1-2 Recht/Besitz --coder anna
out_id
K_TWIN=$ID
run_ok code $S "$D" 3 Daten/Eigentum --coder ben
out_id
K_MOVE=$ID
run_ok code $S "$D" 4-5 Daten/Zugang --coder anna
run_ok code $S "$D" 6 Daten --coder anna
run_ok code $S "$D" 7 "$UCODE" --coder anna

# the listing: every code, the definition under its code
run_ok codebook $S
out_has "Daten/Eigentum"
out_has "Definition: Aussagen über Daten"
out_has "#2e86ab"
out_has "Datenabfluss"
same "$(grep -c '^ *[0-9]' "$OUT")" "$(sql "SELECT count(*) FROM code WHERE session_id = $S")" "one line per code"

# show: one code, all its fields
run_ok codebook $S show Daten
out_is "Code:         $DATEN
Art:          free
Name:         Daten
Pfad:         Daten
Farbe:        #2e86ab
Definition:   Aussagen über Daten
Memo:
Kodierungen:  1"

# define, colour, memo
run_ok codebook $S define Daten/Zugang "Wer Daten sehen darf"
out_empty
sql_is "SELECT definition FROM code WHERE id = $ZUGANG" "Wer Daten sehen darf"
run_ok codebook $S colour Daten/Zugang Cyan
sql_is "SELECT colour FROM code WHERE id = $ZUGANG" "Cyan"
run_ok codebook $S colour Daten/Zugang "#F18F01"
sql_is "SELECT colour FROM code WHERE id = $ZUGANG" "#F18F01"
run_ok codebook $S memo Daten/Zugang "Abgrenzung zu Eigentum klären"
sql_is "SELECT memo FROM code WHERE id = $ZUGANG" "Abgrenzung zu Eigentum klären"
run_ok codebook $S show "$ZUGANG"
out_has "Memo:         Abgrenzung zu Eigentum klären"
out_has "Definition:   Wer Daten sehen darf"
# item codes take a colour, a definition and a memo
run_ok codebook $S colour Datenabfluss red
run_ok codebook $S memo Datenabfluss "Kernthema"
sql_is "SELECT colour || '|' || memo FROM code WHERE id = $UCODE" "red|Kernthema"
# clearing
run_ok codebook $S colour Daten/Zugang -
run_ok codebook $S define Daten/Zugang ""
sql_is "SELECT colour IS NULL AND definition IS NULL FROM code WHERE id = $ZUGANG" 1
refused 2 codebook $S colour Daten purple
err_has "purple"
err_has "#RRGGBB"
refused 2 codebook $S colour Daten "#12345"
refused 2 add code $S "Bunt" --colour lila
err_has "lila"
sql_is "SELECT colour FROM code WHERE id = $DATEN" "#2e86ab"

# rename
run_ok codebook $S rename Daten/Zugang Nutzung
out_empty
sql_is "SELECT name FROM code WHERE id = $ZUGANG" Nutzung
run_ok codebook $S show Daten/Nutzung
refused 2 codebook $S rename Daten/Nutzung Eigentum
err_has "Daten/Nutzung"
err_has "Eigentum"
refused 2 codebook $S rename Daten/Nutzung "a/b"
refused 2 codebook $S rename Daten/Nutzung ""
refused 2 codebook $S rename Datenabfluss "Neu"
err_has "Datenabfluss"
refused 2 codebook $S rename "$FOREIGN" "Neu"
refused 2 codebook $S rename "Gibt es nicht" "Neu"
err_has "Gibt es nicht"

# move: under another parent, back to the top, and the refusals
run_ok codebook $S move Daten/Nutzung Recht
sql_is "SELECT parent_id FROM code WHERE id = $ZUGANG" "$RECHT"
run_ok code $S "$D" 8 Recht/Nutzung --coder anna
out_id
sql_is "SELECT code_id FROM coding WHERE id = $ID" "$ZUGANG"
run_ok codebook $S move Recht/Nutzung /
sql_is "SELECT parent_id IS NULL FROM code WHERE id = $ZUGANG" 1
refused 2 codebook $S move Daten Daten
refused 2 codebook $S move Recht Recht/Besitz
err_has "Recht/Besitz"
run_ok add code $S "Besitz"
refused 2 codebook $S move Recht/Besitz /
err_has "Besitz"
refused 2 codebook $S move Nutzung Datenabfluss
refused 2 codebook $S move Datenabfluss Daten
refused 2 codebook $S move Nutzung "$FOREIGN"

# merge: codings move, duplicates are not doubled, children follow
refused 2 codebook $S merge Daten Daten
refused 2 codebook $S merge Daten Daten/Eigentum
err_has "Daten/Eigentum"
refused 2 codebook $S merge Datenabfluss Daten
refused 2 codebook $S merge Daten Datenabfluss
err_has "Untercodes"
run_ok codebook $S merge Daten/Eigentum Recht/Besitz
out_empty
err_has "1 Kodierungen übernommen, 1 doppelte entfernt, 0 Untercodes verschoben"
sql_is "SELECT count(*) FROM code WHERE id = $EIGENTUM" 0
sql_is "SELECT count(*) FROM coding WHERE id = $K_DUP" 0
sql_is "SELECT code_id FROM coding WHERE id = $K_MOVE" "$BESITZ"
sql_is "SELECT memo FROM coding WHERE id = $K_TWIN" "neu"
sql_is "SELECT count(*) FROM coding WHERE code_id = $BESITZ" 2
run_ok codebook $S merge Recht Daten
err_has "1 Untercodes verschoben"
sql_is "SELECT parent_id FROM code WHERE id = $BESITZ" "$DATEN"
run_ok codebook $S show Daten/Besitz
# into an item code
run_ok codebook $S merge Nutzung Datenabfluss
sql_is "SELECT count(*) FROM coding WHERE code_id = $UCODE" 3

# delete: asks first, with the count; item codes are not the codebook's
refused 2 codebook $S delete Daten
err_has "1 Untercodes und 3 Kodierungen"
err_has "--yes"
refused 2 codebook $S delete Datenabfluss --yes
err_has "Datenabfluss"
refused 2 codebook $S delete Datenabfluss
err_lacks "--yes"
CODINGS=$(sql "SELECT count(*) FROM coding WHERE session_id = $S")
# the codings are anna's and ben's, not tester's: only with --force
refused 2 codebook $S delete Daten --yes
err_has "3 Kodierungen anderer Kodierer (anna, ben)"
err_has "--force"
refused 2 --coder anna codebook $S delete Daten --yes
err_has "(ben)"
run_ok codebook $S delete Daten --yes --force
err_has "1 Untercodes und 3 Kodierungen"
sql_is "SELECT count(*) FROM code WHERE id IN ($DATEN, $BESITZ)" 0
sql_is "SELECT count(*) FROM coding WHERE session_id = $S" "$((CODINGS - 3))"

# usage errors
refused 1 codebook
refused 1 codebook $S bogus X
refused 1 codebook $S rename Datenabfluss
refused 1 codebook $S show
refused 1 codebook $S show A B
refused 1 codebook $S rename A B C
refused 1 codebook $S rename Datenabfluss X --yes
refused 2 codebook 99 show Daten

# the codes table carries the definition both ways
run_ok new "Definitionen"
out_id
T=$ID
run_ok add code $T "Daten" --definition "Aussagen; über \"Daten\"" --colour blue
run_ok add code $T "Eigentum" --parent Daten --definition "-Wem gehört es"
run_ok export codes $T -o codes.csv
same "$(sed -n 2p codes.csv | cut -d, -f2-)" "$(printf 'Daten,blue,"Aussagen; über ""Daten"""\r')" "definition in the codes table"
same "$(sed -n 3p codes.csv | cut -d, -f2-)" "$(printf 'Daten/Eigentum,,-Wem gehört es\r')" "a definition with a leading - is no formula"
run_ok new "Zurück"
out_id
T2=$ID
run_ok import-csv $T2 codes codes.csv
sql_is "SELECT definition FROM code WHERE session_id = $T2 AND name = 'Eigentum'" "-Wem gehört es"
run_ok export codes $T2 -o codes2.csv
same "$(cut -d, -f2- codes.csv)" "$(cut -d, -f2- codes2.csv)" "codes round trip with definitions"
# a colour that is none is refused on import, naming row and column
printf 'path,colour\nA,blue\nB,rosa\n' > badcolour.csv
refused 2 import-csv $T2 codes badcolour.csv
err_has "Zeile 3, Spalte colour"
err_has "rosa"
