# The item form (issue 13, one-key entry), in a duplicated session whose
# ids differ from the numbers and letters on the screen: a whole unseen
# with a digit per rating and filters for its component and groups, a
# missing stakeholder group, goal and component made from the picker
# (+ neu), Shift-Tab back, Esc on an empty new form making nothing, and
# every result read back through the command line.

run_ok demo
out_id
run_ok duplicate "$ID" "Formular"
out_id
S=$ID
is "ids differ from numbers" \
	"$(sql_value "SELECT count(*) FROM component WHERE session_id = $S AND id = number")" 0
unseens=$(sql_value "SELECT count(*) FROM unseen WHERE session_id = $S")

start f 120x35 "$S"
keys f 2
wait_for f "Unseens ($unseens)"

# Esc on a new form before its title: nothing is made.
keys f a
wait_for f "Neu: Unseen"
keys f Escape
gone f "Neu: Unseen"
is "nothing made" "$(sql_value "SELECT count(*) FROM unseen WHERE session_id = $S")" "$unseens"

# A whole unseen: title, Enter; description skipped with Tab; causes, Tab;
# "K2" opens the component picker filtered; three digits; Tab over the
# votes; two groups by a filter each, Space ticking; Enter ends the form.
keys f a
type_text f "Fachkräfte „wandern“ ab – Größe ß"
keys f Enter
wait_for f "angelegt"
U=$(sql_value "SELECT max(id) FROM unseen WHERE session_id = $S")
keys f Tab
type_text f "Löhne in der Stadt"
keys f Tab
type_text f "K2"
wait_for f "Unseen $U: Komponente"
keys f Enter
gone f "Unseen $U: Komponente"
wait_for f "eine Ziffer setzt den Wert"
shot f form-unseen-120x35
keys f 3 4 2 Tab
type_text f "Famil"
wait_for f "Unseen: Stakeholdergruppe"
keys f Space
type_text f "Besch"
keys f Space Enter
wait_for f "Verknüpfungen gespeichert"
gone f "Unseen $U bearbeiten"
run_ok list unseen "$S"
row=$(awk -F'\t' -v u="$U" '$1 == u' "$OUT")
case $row in *"Fachkräfte „wandern“ ab – Größe ß"*) _pass ;; *) _fail "title: $row" ;; esac
is "causes" "$(sql_value "SELECT causes FROM unseen WHERE id = $U")" "Löhne in der Stadt"
is "component K2" \
	"$(sql_value "SELECT c.number FROM unseen u JOIN component c ON c.id = u.component_id WHERE u.id = $U")" 2
is "ratings" "$(sql_value "SELECT likelihood || impact || capacity FROM unseen WHERE id = $U")" 342
is "two groups" "$(sql_value "SELECT group_concat(s.name, '|') FROM (SELECT s.name FROM unseen_stakeholder l
	JOIN stakeholder s ON s.id = l.stakeholder_id WHERE l.unseen_id = $U ORDER BY s.name) s")" \
	"Beschäftigte in KMU|Familiengeführte KMU"

# Editing: Shift-Tab goes back; a rating cleared with 0; a stakeholder
# group that does not exist yet is made from the picker (+ neu).
keys f End e
wait_for f "Unseen $U bearbeiten"
keys f Tab Tab Tab Tab
wait_for f "eine Ziffer setzt den Wert"
keys f BTab BTab BTab BTab
type_text f " (neu)"
keys f Tab
wait_for f "Unseen $U gespeichert"
is "Shift-Tab back to the title" "$(sql_value "SELECT title FROM unseen WHERE id = $U")" \
	"Fachkräfte „wandern“ ab – Größe ß (neu)"
keys f Tab Tab Tab 0
wait_for f "(unbewertet)"
is "0 clears the rating" "$(sql_value "SELECT coalesce(likelihood, 0) FROM unseen WHERE id = $U")" 0
keys f Tab Tab Tab Tab
type_text f "Pendler:innen über 50"
wait_for f "+ neu: Stakeholdergruppe „Pendler:innen über 50“"
keys f Enter
wait_for f "Verknüpfungen gespeichert"
is "the new group exists once" \
	"$(sql_value "SELECT count(*) FROM stakeholder WHERE session_id = $S AND name = 'Pendler:innen über 50'")" 1
is "and is linked" "$(sql_value "SELECT count(*) FROM unseen_stakeholder l JOIN stakeholder s ON
	s.id = l.stakeholder_id WHERE l.unseen_id = $U AND s.name = 'Pendler:innen über 50'")" 1
run_ok list stakeholder "$S"
out_has "Pendler:innen über 50"

# Step 5: a measure with its actor group by a filter, horizon and priority
# by digits, and a goal made from the goals picker (+ neu).
keys f 5
wait_for f "Maßnahmen ("
keys f a
type_text f "Lotsen für „Rückkehrer“"
keys f Tab
wait_for f "angelegt"
M=$(sql_value "SELECT max(id) FROM measure WHERE session_id = $S")
type_text f "Führ"
wait_for f "Maßnahme $M: Akteursgruppe"
keys f Enter
keys f 2 1
type_text f "Rückkehr erleichtern"
wait_for f "+ neu: Ziel „Rückkehr erleichtern“"
shot f form-picker-new-120x35
keys f Enter
wait_for f "Verknüpfungen gespeichert"
is "actor group B" \
	"$(sql_value "SELECT a.letter FROM measure m JOIN actor a ON a.id = m.actor_id WHERE m.id = $M")" B
is "horizon and priority" "$(sql_value "SELECT horizon || priority FROM measure WHERE id = $M")" medium1
G=$(sql_value "SELECT id FROM goal WHERE session_id = $S AND text = 'Rückkehr erleichtern'")
is "the new goal serves the measure" \
	"$(sql_value "SELECT count(*) FROM measure_goal WHERE measure_id = $M AND goal_id = $G")" 1

# Step 4: the new goal gets a component made from its picker: the next number.
next=$(( $(sql_value "SELECT max(number) FROM component WHERE session_id = $S") + 1 ))
keys f 4
wait_for f "Ziele je Komponente"
keys f End
wait_for f "Rückkehr erleichtern"
keys f e
wait_for f "Ziel $G bearbeiten"
keys f Tab
type_text f "Rückkehr"
wait_for f "+ neu: Komponente „Rückkehr“"
keys f Enter
wait_for f "Ziel $G gespeichert"
is "a component with the next number" \
	"$(sql_value "SELECT c.number || ' ' || c.name FROM goal g JOIN component c ON c.id = g.component_id WHERE g.id = $G")" \
	"$next Rückkehr"
keys f Escape
gone f "Ziel $G bearbeiten"

# 80x24: the form scrolls to keep the field being edited in view.
resize f 80x24
keys f 2 End e
wait_for f "Unseen $U bearbeiten"
keys f Tab Tab Tab Tab Tab Tab Tab Tab
wait_for f "Stakeholdergruppen"
shot f form-unseen-80x24
keys f Escape
gone f "Unseen $U bearbeiten"

# Every change was one step of undo: u takes back the last link.
keys f 5
wait_for f "Maßnahmen ("
keys f u
wait_for f "Rückgängig"
is "undo takes back the last change" \
	"$(sql_value "SELECT count(*) FROM goal WHERE session_id = $S AND text = 'Rückkehr erleichtern' AND component_id IS NOT NULL")" 0
keys f F10
wait_exit f
