# Ctrl-F (issue 9, defect 4): Enter on a hit switches to its step and
# selects the item, and the next search starts with an empty line.  In a
# duplicated session, on an unseen that is not the first row.

run_ok demo
out_id
run_ok duplicate "$ID" "Kopie"
out_id
S=$ID
U=$(sql_value "SELECT id FROM unseen WHERE session_id = $S AND title LIKE 'Kaskadeneffekte%'")
FIRST=$(sql_value "SELECT id FROM unseen WHERE session_id = $S ORDER BY position, id LIMIT 1")
is "the hit is not the first row" "$([ "$U" != "$FIRST" ] && echo yes)" yes

start f 120x35 "$S"
wait_for f "Leitfrage"
keys f C-f
type_text f "Kaskadeneffekte"
keys f Enter
wait_for f "Suche »Kaskadeneffekte«: 1 Treffer"
keys f Enter
wait_for f "Unseens (10)"
wait_for f "│ Unseen $U"
# the selected row is the hit's (the detail pane shows what is selected)
wait_for f "Kaskadeneffekte bei Ausfällen"
keys f C-f
wait_for f "Volltextsuche (Wörter"
gone f "│ Kaskadeneffekte"
type_text f "Fernwartung"
wait_for f "│ Fernwartung "
keys f Escape
gone f "Volltextsuche (Wörter"
keys f F10
