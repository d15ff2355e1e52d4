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

# the component picker, opened on its row of the form by typing: K3 is
# number 3, whatever its id
keys p e
wait_for p "Unseen $U bearbeiten"
keys p Tab Tab Tab
type_text p "K3"
wait_for p "Unseen $U: Komponente"
keys p Enter
wait_for p "Unseen $U gespeichert"
keys p Escape
gone p "Unseen $U bearbeiten"
run_ok list unseen "$S"
is "list shows component number 3" "$(awk -F'\t' -v u="$U" '$1 == u { print $5 }' "$OUT")" 3
is "the unseen's component is K3" \
	"$(sql_value "SELECT c.number FROM unseen u JOIN component c ON c.id = u.component_id WHERE u.id = $U")" 3

# a rating takes its digit; one out of range changes nothing
before=$(sql_value "SELECT likelihood FROM unseen WHERE id = $U")
keys p e
wait_for p "Unseen $U bearbeiten"
keys p Tab Tab Tab Tab
wait_for p "eine Ziffer setzt den Wert"
keys p 7
is "7 is refused" "$(sql_value "SELECT likelihood FROM unseen WHERE id = $U")" "$before"
keys p 4
wait_for p "Unseen $U gespeichert"
is "4 is taken" "$(sql_value "SELECT likelihood FROM unseen WHERE id = $U")" 4
keys p Escape
gone p "Unseen $U bearbeiten"

# a number out of range: the field's label, and the input stays
keys p 1
wait_for p "Leitfrage (L):"
keys p e
wait_for p "bearbeiten"
keys p End BSpace BSpace BSpace BSpace
type_text p "1000"
keys p Enter
wait_for p "Nummer = 1000 liegt außerhalb von 1–999"
wait_for p "1000"
gone p "number"
keys p BSpace BSpace BSpace BSpace
type_text p "42"
keys p Enter
wait_for p "gespeichert"
keys p Escape
is "the component's number is 42" \
	"$(sql_value "SELECT count(*) FROM component WHERE session_id = $S AND number = 42")" 1

# the actor picker in step 5: A is the letter, whatever its id
keys p 5
wait_for p "Maßnahmen ("
keys p a
type_text p "Gepickte Gruppe"
keys p Tab
wait_for p "angelegt"
M=$(sql_value "SELECT max(id) FROM measure WHERE session_id = $S")
is "the new measure is in the copy" "$(sql_value "SELECT text FROM measure WHERE id = $M")" \
	"Gepickte Gruppe"
# the form went on to the actor group: typing opens its picker
type_text p "KMU allg"
wait_for p "Maßnahme $M: Akteursgruppe"
keys p Enter
wait_for p "Maßnahme $M gespeichert"
gone p "gibt es nicht"
keys p Escape
is "the measure's actor group is A" \
	"$(sql_value "SELECT a.letter FROM measure m JOIN actor a ON a.id = m.actor_id WHERE m.id = $M")" A
keys p F10
wait_exit p
