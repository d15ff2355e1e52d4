# Typed references (issue 9, defects 1, 2, 17): KIND:ID names an item or
# a code by its id whatever its number, letter or code id; a bare number
# keeps its meaning (component number, code id).  Everything runs in a
# duplicated session, where ids differ from numbers, letters and code ids.

run_ok demo
out_id
DEMO=$ID
run_ok duplicate "$DEMO" "Kopie"
out_id
S=$ID
same "$(sql "SELECT count(*) FROM component WHERE session_id = $S AND id = number")" 0 \
	"the copy's component ids differ from their numbers"

BEFORE=$(counts "$DEMO")
C3=$(sql "SELECT id FROM component WHERE session_id = $S AND number = 3")
C1_OTHER=$(sql "SELECT id FROM component WHERE session_id = $DEMO AND number = 1")
ACTOR_E=$(sql "SELECT id FROM actor WHERE session_id = $S AND letter = 'E'")

# A component: its number, or component:ID.
run_ok add unseen $S "Nach Nummer" --component 3
out_id
sql_is "SELECT component_id FROM unseen WHERE id = $ID" "$C3" "--component 3 is number 3"
run_ok add unseen $S "Nach ID" --component "component:$C3"
out_id
U=$ID
sql_is "SELECT component_id FROM unseen WHERE id = $U" "$C3" "--component component:ID is that id"
refused 2 add unseen $S "Fremde Komponente" --component "component:$C1_OTHER"
err_has "component:$C1_OTHER"
refused 2 add unseen $S "Falsche Art" --component "unseen:$U"
err_has "Komponente"
refused 2 add unseen $S "Keine solche" --component "component:999999"

# An actor group: its letter, or actor:ID (the picker's value).
run_ok add measure $S "Mit Buchstabe" --actor E
out_id
sql_is "SELECT actor_id FROM measure WHERE id = $ID" "$ACTOR_E"
run_ok add measure $S "Mit ID" --actor "actor:$ACTOR_E"
out_id
M=$ID
sql_is "SELECT actor_id FROM measure WHERE id = $M" "$ACTOR_E" "--actor actor:ID"

# Goals, conflicts, SoRO, links: typed everywhere an item is named.
run_ok add goal $S "Ziel A" --component "component:$C3" --unseen "unseen:$U"
out_id
GA=$ID
sql_is "SELECT component_id FROM goal WHERE id = $GA" "$C3"
sql_is "SELECT unseen_id FROM goal_unseen WHERE goal_id = $GA" "$U"
run_ok add goal $S "Ziel B"
out_id
GB=$ID
run_ok add conflict $S "A gegen B" --goal-a "goal:$GA" --goal-b "goal:$GB"
out_id
sql_is "SELECT goal_a || ',' || goal_b FROM conflict WHERE id = $ID" "$GA,$GB"
run_ok add soro $S "Orientierung" --component "component:$C3" --measure "measure:$M"
out_id
sql_is "SELECT component_id FROM soro WHERE id = $ID" "$C3"
SH=$(sql "SELECT min(id) FROM stakeholder WHERE session_id = $S")
run_ok add unseen $S "Mit Gruppe" --stakeholder "stakeholder:$SH"
out_id
sql_is "SELECT stakeholder_id FROM unseen_stakeholder WHERE unseen_id = $ID" "$SH"

# edit and remove take typed references for the item itself.
run_ok edit unseen $S "unseen:$U" --votes 4
sql_is "SELECT votes FROM unseen WHERE id = $U" 4
run_ok edit component $S "component:$C3" --question "Neue Frage"
sql_is "SELECT question FROM component WHERE id = $C3" "Neue Frage"
refused 2 edit goal $S "unseen:$U" --text "falsch"
run_ok remove goal $S "goal:$GB"
sql_is "SELECT count(*) FROM goal WHERE id = $GB" 0

# Variables in the matrix.
V1=$(sql "SELECT min(id) FROM variable WHERE session_id = $S")
V2=$(sql "SELECT max(id) FROM variable WHERE session_id = $S")
run_ok impact $S "variable:$V1" "variable:$V2" 2
sql_is "SELECT strength FROM impact WHERE from_id = $V1 AND to_id = $V2" 2

# Documents take components typed too.
printf 'Zeile eins\nZeile zwei\nZeile drei\n' > typed.txt
run_ok import-doc $S typed.txt --component "component:$C3"
out_id
DOC=$ID
sql_is "SELECT component_id FROM document WHERE id = $DOC" "$C3"
run_ok doc $S $DOC --component 3
sql_is "SELECT component_id FROM document WHERE id = $DOC" "$C3" "doc --component 3 is number 3"

# Codes: unseen:ID is the unseen's code, code:ID a code by its id, and a
# bare number stays a code id (defect 17: the id add printed coded with
# some other code).
UCODE=$(sql "SELECT id FROM code WHERE type = 'unseen' AND item_id = $U")
[ "$UCODE" != "$U" ] && _pass || _fail "the unseen's code id should differ from its id here"
run_ok code $S $DOC 1 "unseen:$U"
out_id
sql_is "SELECT code_id FROM coding WHERE id = $ID" "$UCODE" "code ... unseen:ID"
run_ok code $S $DOC 2 "code:$UCODE"
out_id
sql_is "SELECT code_id FROM coding WHERE id = $ID" "$UCODE" "code ... code:ID"
run_ok code $S $DOC 3 "$UCODE"
out_id
sql_is "SELECT code_id FROM coding WHERE id = $ID" "$UCODE" "a bare number is a code id"
MCODE=$(sql "SELECT id FROM code WHERE type = 'measure' AND item_id = $M")
run_ok code $S $DOC 1-2 "measure:$M" --coder zweiter
out_id
sql_is "SELECT code_id FROM coding WHERE id = $ID" "$MCODE"
refused 2 code $S $DOC 1 "component:$C3"
err_has "keine Art von Code"
refused 2 code $S $DOC 1 "unseen:999999"
OTHER_CODE=$(sql "SELECT min(id) FROM code WHERE session_id = $DEMO")
refused 2 code $S $DOC 1 "code:$OTHER_CODE"
run_ok codebook $S show "unseen:$U"
out_has "Nach ID"
run_ok add code $S "Frei"
out_id
run_ok codebook $S merge Frei "unseen:$U"
sql_is "SELECT count(*) FROM code WHERE session_id = $S AND type = 'free' AND name = 'Frei'" 0

# A title that holds a colon is still a title.
run_ok add unseen $S "Ziel: Daten"
out_id
run_ok edit unseen $S "Ziel: Daten" --votes 2
sql_is "SELECT votes FROM unseen WHERE id = $ID" 2

# A refused value names the field as people read it and the option typed.
refused 2 add unseen $S "Zu hoch" --likelihood 7
err_has "--likelihood: Unseen: Wahrscheinlichkeit = 7 liegt außerhalb von 1–5"

# --help says how to name things.
run_ok --help
out_has "unseen:11"
out_has "code:12"

# The original session is untouched by all of this.
same "$(counts "$DEMO")" "$BEFORE" "the original session unchanged"
