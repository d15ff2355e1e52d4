# Pickers hand the model ids (issue 9, defects 1, 2, 9), tried in a
# duplicated session, where ids differ from component numbers and actor
# letters; every result is read back through the command line.

run_ok demo
out_id
run_ok duplicate "$ID" "Kopie"
out_id
S=$ID
is "ids differ from numbers" \
	"$(sql_value "SELECT count(*) FROM component WHERE session_id = $S AND id = number")" 0
U=$(sql_value "SELECT id FROM unseen WHERE session_id = $S ORDER BY position, id LIMIT 1")

start p 120x35 "$S"
keys p 2
wait_for p "Unseen $U"

# the component picker: K3 is number 3, whatever its id
keys p e
wait_for p "Unseen $U bearbeiten"
type_text p "Kompo"
keys p Enter
wait_for p "Unseen $U: Komponente"
type_text p "K3"
keys p Enter
wait_for p "Unseen $U gespeichert"
run_ok list unseen "$S"
is "list shows component number 3" "$(awk -F'\t' -v u="$U" '$1 == u { print $5 }' "$OUT")" 3
is "the unseen's component is K3" \
	"$(sql_value "SELECT c.number FROM unseen u JOIN component c ON c.id = u.component_id WHERE u.id = $U")" 3

# a rating out of range: the field's label, and the input stays
keys p e
wait_for p "Unseen $U bearbeiten"
type_text p "Wahr"
keys p Enter
wait_for p "Wahrscheinlichkeit (1–5"
keys p BSpace BSpace BSpace
type_text p "7"
keys p Enter
wait_for p "Wahrscheinlichkeit = 7 liegt außerhalb von 1–5"
wait_for p "Wahrscheinlichkeit (1–5"
gone p "likelihood"
keys p Escape
wait_for p "Die Änderungen verwerfen?"
keys p j
gone p "Wahrscheinlichkeit (1–5"

# the actor picker in step 5: A is the letter, whatever its id
keys p 5
wait_for p "Maßnahmen ("
keys p a
type_text p "Gepickte Gruppe"
keys p Enter
wait_for p "angelegt"
M=$(sql_value "SELECT max(id) FROM measure WHERE session_id = $S")
is "the new measure is in the copy" "$(sql_value "SELECT text FROM measure WHERE id = $M")" \
	"Gepickte Gruppe"
keys p e
wait_for p "Maßnahme $M bearbeiten"
type_text p "Akteur"
keys p Enter
wait_for p "Maßnahme $M: Akteursgruppe"
type_text p "KMU allg"
keys p Enter
wait_for p "Maßnahme $M gespeichert"
gone p "gibt es nicht"
is "the measure's actor group is A" \
	"$(sql_value "SELECT a.letter FROM measure m JOIN actor a ON a.id = m.actor_id WHERE m.id = $M")" A
keys p F10
wait_exit p
