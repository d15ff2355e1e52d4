# Items of a session: add for every kind, edit, remove, list, impact, and
# the refusals of bad values.

run_ok new "Items"
out_id
S=$ID

# component: number given or the next free one
run_ok add component $S "Plattformen" --number 3 --question "Wem gehören die Daten?"
out_id
COMP=$ID
sql_is "SELECT number || '|' || name || '|' || question FROM component WHERE id = $COMP" \
	"3|Plattformen|Wem gehören die Daten?"
run_ok add component $S "Cloud"
out_id
sql_is "SELECT number FROM component WHERE id = $ID" 4 "next free component number"
refused 2 add component $S "Doppelt" --number 3
refused 2 add component $S "Null" --number 0

# stakeholder groups with a kind
run_ok add stakeholder $S "Hochschulen" --kind science --description "Forschung und Lehre"
out_id
SH1=$ID
run_ok add stakeholder $S "Zivilgesellschaft" --kind civil_society
out_id
SH2=$ID
sql_is "SELECT name || '|' || kind || '|' || description FROM stakeholder WHERE id = $SH1" \
	"Hochschulen|science|Forschung und Lehre"
sql_is "SELECT kind FROM stakeholder WHERE id = $SH2" civil_society
refused 2 add stakeholder $S "Falsch" --kind aliens

# unseen with every option and two stakeholder groups
run_ok add unseen $S "Abhängigkeit von Plattformen" --description "Lock-in" --causes "Bequemlichkeit; Preis" \
	--component 3 --likelihood 4 --impact 5 --adaptive-capacity 2 --votes 7 \
	--stakeholder Hochschulen --stakeholder "$SH2"
out_id
U1=$ID
sql_is "SELECT title || '|' || description || '|' || causes || '|' || likelihood || '|' || impact || '|' || capacity || '|' || votes FROM unseen WHERE id = $U1" \
	"Abhängigkeit von Plattformen|Lock-in|Bequemlichkeit; Preis|4|5|2|7"
sql_is "SELECT number FROM component WHERE id = (SELECT component_id FROM unseen WHERE id = $U1)" 3
sql_is "SELECT group_concat(stakeholder_id) FROM (SELECT stakeholder_id FROM unseen_stakeholder WHERE unseen_id = $U1 ORDER BY 1)" "$SH1,$SH2"
sql_is "SELECT count(*) FROM code WHERE type = 'unseen' AND item_id = $U1" 1 "an unseen is a code"
run_ok add unseen $S "Zweites Unseen" --adaptive_capacity 5
out_id
U2=$ID
sql_is "SELECT capacity FROM unseen WHERE id = $U2" 5 "--adaptive_capacity also works"

# ratings: 1-5 (issue 2: "rating outside 1-5: exit 2"); an empty value
# means unrated; 0, 6, -1 and words are refused
run_ok add unseen $S "Unbewertet" --likelihood "" --impact ""
out_id
sql_is "SELECT quote(likelihood) || quote(impact) FROM unseen WHERE id = $ID" NULLNULL "an empty rating is unrated"
refused 2 add unseen $S "Null" --likelihood 0
refused 2 add unseen $S "Zu hoch" --likelihood 6
err_has "likelihood"
refused 2 add unseen $S "Wort" --impact abc
err_has "abc"
refused 2 add unseen $S "Negativ" --adaptive-capacity -1
refused 2 add unseen $S "Negativ" --votes -1
refused 2 add unseen $S "Ohne Gruppe" --stakeholder "Gibt es nicht"
refused 2 add unseen $S "Ohne Komponente" --component 9
refused 2 add unseen $S ""

# goal with a linked unseen
run_ok add goal $S "Datensouveränität sichern" --unseen "$U1" --component 3
out_id
G1=$ID
sql_is "SELECT count(*) FROM goal_unseen WHERE goal_id = $G1 AND unseen_id = $U1" 1
run_ok add goal $S "Kosten senken" --unseen "Zweites Unseen"
out_id
G2=$ID
sql_is "SELECT unseen_id FROM goal_unseen WHERE goal_id = $G2" "$U2" "goal linked by unseen title"

# conflict between two goals
run_ok add conflict $S "Sicherheit kostet" --goal-a "$G1" --goal-b "$G2"
out_id
sql_is "SELECT goal_a || '|' || goal_b || '|' || description FROM conflict WHERE id = $ID" "$G1|$G2|Sicherheit kostet"
refused 2 add conflict $S "Mit sich selbst" --goal-a "$G1" --goal-b "$G1"
refused 2 add conflict $S "Ohne Ziel" --goal-a "$G1" --goal-b 99

# measure with goal, actor E, horizon long, priority 2
run_ok add measure $S "Offene Schnittstellen fördern" --goal "$G1" --actor E --horizon long --priority 2
out_id
M1=$ID
sql_is "SELECT m.text || '|' || a.letter || '|' || m.horizon || '|' || m.priority FROM measure m JOIN actor a ON a.id = m.actor_id WHERE m.id = $M1" \
	"Offene Schnittstellen fördern|E|long|2"
sql_is "SELECT goal_id FROM measure_goal WHERE measure_id = $M1" "$G1"
refused 2 add measure $S "Nie" --horizon forever
refused 2 add measure $S "Niemand" --actor Z
refused 2 add measure $S "Zu wichtig" --priority 6

# actor group
run_ok add actor $S "Bürgerinnen und Bürger" --letter H
out_id
sql_is "SELECT letter || '|' || name FROM actor WHERE id = $ID" "H|Bürgerinnen und Bürger"
refused 2 add actor $S "Noch einmal E" --letter E

# variable
run_ok add variable $S "Vertrauen in Anbieter" --short VA --description "wie sehr"
out_id
V1=$ID
sql_is "SELECT name || '|' || short || '|' || description FROM variable WHERE id = $V1" "Vertrauen in Anbieter|VA|wie sehr"
run_ok add variable $S "Datenmenge"
out_id
V2=$ID
run_ok add variable $S "Kosten"
out_id
V3=$ID

# soro with unseen, goal and measure
run_ok add soro $S "Daten bleiben beim Betrieb" --unseen "$U1" --goal "$G1" --measure "$M1" --component 3
out_id
SO=$ID
sql_is "SELECT (SELECT count(*) FROM soro_unseen WHERE soro_id = $SO AND unseen_id = $U1) || (SELECT count(*) FROM soro_goal WHERE soro_id = $SO AND goal_id = $G1) || (SELECT count(*) FROM soro_measure WHERE soro_id = $SO AND measure_id = $M1)" 111
sql_is "SELECT count(*) FROM code WHERE session_id = $S AND type = 'soro'" 1

# free codes with a parent and a colour
run_ok add code $S "Daten" --colour "#ff0000"
out_id
C1=$ID
run_ok add code $S "Eigentum" --parent Daten
out_id
C2=$ID
sql_is "SELECT parent_id || '|' || name FROM code WHERE id = $C2" "$C1|Eigentum"
sql_is "SELECT colour FROM code WHERE id = $C1" "#ff0000"
run_ok add code $S "Zugang" --parent "$C1"
out_id
refused 2 add code $S "Eigentum" --parent Daten
refused 2 add code $S "Waise" --parent "Gibt es nicht"
refused 2 add code $S "a/b"

# unknown kinds and options
refused 1 add thing $S "x"
refused 1 add unseen $S "x" --bogus 1
refused 1 add unseen $S
refused 1 add session $S "x"
# a TEXT that starts with "-" is taken for options: a usage error naming it
refused 1 add variable $S "-Kosten"
err_has "-K"
run_ok add variable $S -- "-Kosten"
out_id
sql_is "SELECT name FROM variable WHERE id = $ID" "-Kosten"
run_ok remove variable $S "$ID"

# edit: a field changes
run_ok edit unseen $S "$U1" --likelihood 2 --votes 9
sql_is "SELECT likelihood || '|' || votes FROM unseen WHERE id = $U1" "2|9"
run_ok edit unseen $S "Abhängigkeit von Plattformen" --title "Lock-in bei Plattformen"
sql_is "SELECT title FROM unseen WHERE id = $U1" "Lock-in bei Plattformen"
run_ok edit unseen $S "$U1" --likelihood ""
sql_is "SELECT quote(likelihood) FROM unseen WHERE id = $U1" NULL "an empty rating clears it"
run_ok edit measure $S "$M1" --horizon short --actor A
sql_is "SELECT m.horizon || a.letter FROM measure m JOIN actor a ON a.id = m.actor_id WHERE m.id = $M1" shortA
run_ok edit session $S --question "Neue Leitfrage" --place "Zürich"
sql_is "SELECT question || '|' || place FROM session WHERE id = $S" "Neue Leitfrage|Zürich"
run_ok edit component $S 3 --name "Plattformökonomie"
sql_is "SELECT name FROM component WHERE id = $COMP" "Plattformökonomie"
refused 2 edit unseen $S "$U1" --likelihood 6
refused 2 edit unseen $S "$U1" --impact abc
refused 2 edit unseen $S 999 --votes 1
refused 1 edit unseen $S "$U1"
refused 2 edit measure $S "$M1" --horizon never

# list: a header and one row per item
run_ok list unseen $S
out_has "Lock-in bei Plattformen"
out_has "Zweites Unseen"
same "$(sed -n 1p "$OUT" | cut -f1-2)" "$(printf 'id\ttitle')" "list header"
same "$(wc -l < "$OUT")" 4 "header and three unseens"
run_ok list actor $S
same "$(wc -l < "$OUT")" 9 "header and eight actor groups"
run_ok list measure $S
out_has "Offene Schnittstellen fördern"
run_ok list variable $S
out_has "Vertrauen in Anbieter"
refused 1 list thing $S

# impact: set, change, clear with "-"
run_ok impact $S "$V1" "$V2" 3
sql_is "SELECT strength FROM impact WHERE from_id = $V1 AND to_id = $V2" 3
run_ok impact $S "Datenmenge" "Kosten" 0 --note "kein Einfluss"
sql_is "SELECT strength || '|' || note FROM impact WHERE from_id = $V2 AND to_id = $V3" "0|kein Einfluss"
run_ok impact $S "$V1" "$V2" 1
sql_is "SELECT strength FROM impact WHERE from_id = $V1 AND to_id = $V2" 1
run_ok impact $S "$V1" "$V2" -
sql_is "SELECT count(*) FROM impact WHERE from_id = $V1 AND to_id = $V2" 0 "'-' clears the cell"
refused 2 impact $S "$V1" "$V2" 4
err_has "4"
refused 2 impact $S "$V1" "$V2" -1
refused 2 impact $S "$V1" "$V2" x
refused 2 impact $S "$V1" "$V1" 2
refused 2 impact $S "$V1" "Gibt es nicht" 2
refused 1 impact $S "$V1" "$V2"

# remove: the item and its code and codings go
printf 'eine Zeile\nzwei Zeilen\n' > doc.txt
run_ok import-doc $S doc.txt
out_id
DOC=$ID
run_ok code $S "$DOC" 1 "Zweites Unseen"
run_ok code $S "$DOC" 2 "$(sql "SELECT id FROM code WHERE type = 'unseen' AND item_id = $U2")"
sql_is "SELECT count(*) FROM coding WHERE document_id = $DOC" 2
run_ok remove unseen $S "$U2"
sql_is "SELECT count(*) FROM unseen WHERE id = $U2" 0
sql_is "SELECT count(*) FROM code WHERE type = 'unseen' AND item_id = $U2" 0
sql_is "SELECT count(*) FROM coding WHERE document_id = $DOC" 0 "remove takes the codings along"
sql_is "SELECT count(*) FROM goal_unseen WHERE unseen_id = $U2" 0
run_ok remove variable $S "$V2"
sql_is "SELECT count(*) FROM impact WHERE from_id = $V2 OR to_id = $V2" 0
run_ok remove stakeholder $S Hochschulen
sql_is "SELECT count(*) FROM unseen_stakeholder WHERE stakeholder_id = $SH1" 0
refused 2 remove unseen $S "$U2"
refused 2 remove goal $S 999
refused 1 remove session $S 1
refused 1 remove unseen $S
