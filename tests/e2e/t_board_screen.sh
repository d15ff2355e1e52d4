# The bundle board (issue 13, 3): step 5's b shows a column per actor
# group A–G with the measures as cards (priority and horizon); one key
# moves a card to another group, and the move is one undoable change.
# On a duplicated session; results read back through the command line.

run_ok demo
out_id
run_ok duplicate "$ID" "Kopie"
out_id
S=$ID
A=$(sql_value "SELECT id FROM actor WHERE session_id = $S AND letter = 'A'")
M=$(sql_value "SELECT id FROM measure WHERE session_id = $S AND actor_id = $A ORDER BY priority IS NULL, priority, id LIMIT 1")
C=$(sql_value "SELECT id FROM actor WHERE session_id = $S AND letter = 'C'")
C_BEFORE=$(sql_value "SELECT count(*) FROM measure WHERE actor_id = $C")

start b 160x45 "$S"
keys b 5
wait_for b "5 Maßnahmen"
keys b b
wait_for b "Bündel-Tafel: die Maßnahmen je Akteursgruppe"
wait_for b "A ($(sql_value "SELECT count(*) FROM measure WHERE actor_id = $A")) KMU allgemein"
wait_for b "P1 · kurzfristig"
shot b board-160x45

# C: the first card of A goes to group C
keys b C
wait_for b "Maßnahme $M → C"
is "the measure is C's now" "$(sql_value "SELECT actor_id FROM measure WHERE id = $M")" "$C"
run_ok list measure "$S"
is "listed under C" "$(awk -F'\t' -v m="$M" '$1 == m { print $3 }' "$OUT")" "C"
wait_for b "C ($((C_BEFORE + 1))) Alle"
# > moves it on to D, < back to C, u takes the last move back
keys b '>'
wait_for b "Maßnahme $M → D"
is "then D's" "$(sql_value "SELECT a.letter FROM measure m JOIN actor a ON a.id = m.actor_id WHERE m.id = $M")" D
keys b '<'
wait_for b "Maßnahme $M → C"
keys b u
wait_for b "Rückgängig: Maßnahme $M geändert"
is "undo brings it back to D" \
	"$(sql_value "SELECT a.letter FROM measure m JOIN actor a ON a.id = m.actor_id WHERE m.id = $M")" D
# a letter no group has
keys b Z
wait_for b "Keine Akteursgruppe Z"
# a new measure in the chosen group
keys b a
wait_for b "Neu: Maßnahme"
type_text b "Auf der Tafel angelegt"
# the measure is a multi-line text: Tab leaves it, and the measure is made
keys b Tab
wait_for b " angelegt"
keys b Escape
wait_for b "Auf der Tafel"
is "the new measure belongs to the chosen group" \
	"$(sql_value "SELECT a.letter FROM measure m JOIN actor a ON a.id = m.actor_id WHERE m.text = 'Auf der Tafel angelegt' AND m.session_id = $S")" D
keys b q
wait_for b "Maßnahmen (17)"
keys b F10
wait_exit b

# 80x24: the columns scroll sideways, the chosen one always shown
start small 80x24 "$S"
resize small 80x24
wait_for small "Maßnahmen ("
keys small b
wait_for small "A (" 
keys small l l l l l l
wait_for small "G ("
shot small board-80x24
keys small F10
