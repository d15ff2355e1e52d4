# undo and redo: the description on stdout; nothing to do, a conflict or
# a deleted session is a message on stderr, exit status 2, and the
# database byte for byte as it was.

run_ok new "Rückgängig"
out_id
S=$ID

# a fresh session: its creation is not taken back
refused 2 undo $S
err_has "nichts rückgängig zu machen"
err_has "Sitzung $S angelegt"
out_empty
refused 2 redo $S
err_has "nichts wiederherzustellen"
out_empty

run_ok add stakeholder $S "KMU-Leitungen"
out_id
SH=$ID
run_ok add unseen $S "Datenabfluss" --stakeholder "KMU-Leitungen" --likelihood 4 \
	--description "über vernetzte Maschinen"
out_id
U=$ID
run_ok add goal $S "Kontrolle über die Daten" --unseen $U
out_id
G=$ID
cp "$FIXTURES/protokoll.txt" .
run_ok import-doc $S protokoll.txt
out_id
D=$ID
run_ok code $S $D 3-4 "Datenabfluss" --coder anna
out_id
K=$ID

# an edit, undone and redone
run_ok edit unseen $S $U --title "Datenabfluss über Fernwartung"
run_ok undo $S
out_is "Rückgängig: Unseen $U geändert"
sql_is "SELECT title FROM unseen WHERE id = $U" "Datenabfluss"
run_ok redo $S
out_is "Wiederhergestellt: Unseen $U geändert"
sql_is "SELECT title FROM unseen WHERE id = $U" "Datenabfluss über Fernwartung"
refused 2 redo $S
err_has "nichts wiederherzustellen"

# a delete takes links, code and coding along; undo brings all back
before=$(counts $S)
run_ok remove unseen $S $U
sql_is "SELECT count(*) FROM coding WHERE session_id = $S" 0
sql_is "SELECT count(*) FROM goal_unseen WHERE goal_id = $G" 0
run_ok undo "Rückgängig"
out_is "Rückgängig: Unseen $U gelöscht"
same "$(counts $S)" "$before" "everything back after undoing the delete"
sql_is "SELECT count(*) FROM coding WHERE id = $K" 1
sql_is "SELECT stakeholder_id FROM unseen_stakeholder WHERE unseen_id = $U" "$SH"
run_ok search $S Fernwartung
out_has "unseen $U"
run_ok redo $S
out_is "Wiederhergestellt: Unseen $U gelöscht"
sql_is "SELECT count(*) FROM unseen WHERE id = $U" 0
run_ok undo $S
sql_is "SELECT count(*) FROM unseen WHERE id = $U" 1

# several undos in a row, back to the import, which is not undone
run_ok undo $S
out_is "Rückgängig: Unseen $U geändert"
run_ok undo $S
out_is "Rückgängig: Kodierung $K angelegt"
refused 2 undo $S
err_has "Dokument $D angelegt"
sql_is "SELECT count(*) FROM document WHERE id = $D" 1

# a new change after an undo: nothing to redo any more
run_ok redo $S
out_is "Wiederhergestellt: Kodierung $K angelegt"
run_ok undo $S
run_ok add goal $S "Verträge verstehen"
refused 2 redo $S
err_has "nichts wiederherzustellen"
run_ok undo $S
out_matches "^Rückgängig: Ziel [0-9]+ angelegt$"

# the log keeps the undos and redos
run_ok log $S
out_has "delete	unseen	$U"

# another session took a freed id: a conflict, nothing changes
run_ok new "Andere"
out_id
O=$ID
run_ok add component $S "Plattformen"
out_id
C=$ID
run_ok remove component $S "component:$C"
run_ok add component $O "Cloud"
out_id
same "$ID" "$C" "SQLite hands the freed id out again"
refused 2 undo $S
err_has "Komponente $C (Tabelle component)"
err_has "nichts rückgängig gemacht"
out_empty
sql_is "SELECT session_id || '|' || name FROM component WHERE id = $C" "$O|Cloud"
# the other session's own undo is not in the way
run_ok undo $O
out_is "Rückgängig: Komponente $C angelegt"
run_ok undo $S
out_is "Rückgängig: Komponente $C gelöscht"
sql_is "SELECT session_id || '|' || name FROM component WHERE id = $C" "$S|Plattformen"

# and for redo
run_ok add variable $S "Digitalkompetenz"
out_id
V=$ID
run_ok undo $S
run_ok add variable $O "Fremde Variable"
out_id
same "$ID" "$V" "the variable's id is handed out again"
refused 2 redo $S
err_has "Variable $V (Tabelle variable)"
err_has "nichts wiederhergestellt"

# a deleted session is gone, undo does not bring it back
run_ok delete $O --yes
refused 2 undo $O
refused 2 redo 99
err_has "99"

# usage
expect_status 1 undo
err_has "didat undo SITZUNG"
expect_status 1 redo $S $S
err_has "didat redo SITZUNG"
expect_status 1 undo $S extra
err_has "didat undo SITZUNG"
expect_status 1 undo $S --everyone
err_has "--everyone"

# Each person undoes their own changes (--coder, else $DIDAT_CODER); the
# log says who made each; --anyone takes the session's last and names its
# author.  On a duplicated session, so ids are not the demo's.
run_ok demo
out_id
run_ok duplicate "$ID" "Werkstatt"
out_id
P=$ID
run_ok --coder anna add unseen $P "Annas Unseen"
out_id
UA=$ID
run_ok --coder ben add unseen $P "Bens Unseen"
out_id
UB=$ID
run_ok --coder anna edit unseen $P $UA --causes "Zeitdruck"
DIDAT_ENV=DIDAT_CODER=ben run_ok edit unseen $P $UB --causes "Überlastung"
run_ok log $P
same "$(awk -F'\t' -v u="$UA" '$6 == "unseen" && $7 == u { print $4 }' "$OUT" | sort -u)" anna \
	"the log names anna for her unseen"
same "$(awk -F'\t' -v u="$UB" '$6 == "unseen" && $7 == u { print $4 }' "$OUT" | sort -u)" ben \
	"the log names ben for his unseen"
run_ok --coder anna undo $P
out_is "Rückgängig: Unseen $UA geändert"
sql_is "SELECT coalesce(causes, '-') FROM unseen WHERE id = $UA" "-"
sql_is "SELECT causes FROM unseen WHERE id = $UB" "Überlastung"
run_ok --coder anna undo $P
out_is "Rückgängig: Unseen $UA angelegt"
refused 2 --coder anna undo $P
err_has "nichts von anna rückgängig zu machen"
err_has "--anyone"
refused 2 --coder ben redo $P
err_has "nichts wiederherzustellen"
run_ok --coder anna redo $P
out_is "Wiederhergestellt: Unseen $UA angelegt"
run_ok --coder anna undo $P --anyone
out_is "Rückgängig: Unseen $UB geändert, eine Änderung von ben"
sql_is "SELECT coalesce(causes, '-') FROM unseen WHERE id = $UB" "-"
run_ok --coder ben undo $P
out_is "Rückgängig: Unseen $UB angelegt"
sql_is "SELECT count(*) FROM unseen WHERE id IN ($UA, $UB)" 1
