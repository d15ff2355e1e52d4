# A workshop as a facilitator runs it: create a session on the start
# screen, fill every step with German text, vote, undo and redo, resize,
# project, quit; then check the screen and the stored data.

start main 100x30
wait_for main "Noch keine Sitzung"

# The browser: a new session opens at step 1.
keys main a
wait_for main "Titel der neuen Sitzung"
type_text main "Werkstatt „Daten“ in Fußgängerzonen"
keys main Enter
wait_for main "Leitfrage (L):"
wait_for main "Werkstatt „Daten“ in Fußgängerzonen"

# Step 1: the guiding question (multi-line editor, saved with F2), the
# boundaries and a component.
keys main L
wait_for main "Leitfrage"
type_text main "Wie schützen Kleinbetriebe ihre Daten?"
keys main Enter
type_text main "Zweite Zeile mit Größe ß"
keys main F2
wait_for main "Sitzung 1 gespeichert"
keys main i
type_text main "Betriebe unter 50 Beschäftigten"
keys main F2
wait_for main "Betriebe unter 50"
keys main a
type_text main "Plattformökonomie"
keys main Enter
wait_for main "Komponente 1 angelegt"
keys main Escape
wait_for main "K1 Plattformökonomie"

# Step 2: two unseens, votes, a description through the form.
keys main 2
wait_for main "Unseens (0)"
keys main a
type_text main "Datenabfluss über Fernwartung"
keys main Enter
wait_for main "Unseen 1 angelegt"
keys main Escape
keys main a
type_text main "Abhängigkeit von „Plattformen“"
keys main Enter
wait_for main "Unseen 2 angelegt"
keys main Escape
keys main + + +
wait_for main "Unseen 2: 3 Stimmen"
keys main e
wait_for main "Unseen 2 bearbeiten"
keys main Tab
type_text main "Kunden wandern ab; Preise fallen."
keys main C-s
wait_for main "Unseen 2 gespeichert"
wait_for main "Kunden wandern ab"
keys main s
wait_for main "nach Stimmen"

# Undo the description, then redo it (u / Ctrl-R, through the change log).
keys main u
wait_for main "Rückgängig"
is "description after undo" "$(sql_value "SELECT coalesce(description, '') FROM unseen WHERE id = 2")" ""
keys main C-r
wait_for main "Kunden wandern ab"
is "description after redo" "$(sql_value "SELECT description FROM unseen WHERE id = 2")" \
	"Kunden wandern ab; Preise fallen."

# Step 3: two variables and one cell of the impact matrix.
keys main 3
wait_for main "Systemvariablen (0)"
keys main a
type_text main "Größe der Datenbestände"
keys main Enter
wait_for main "Variable 1 angelegt"
keys main Escape
keys main a
type_text main "Verhandlungsmacht „Plattform“"
keys main Enter
wait_for main "Variable 2 angelegt"
keys main Escape
keys main m
wait_for main "Einflussmatrix 2×2"
keys main l 3
wait_for main "Größe der Datenbestände → Verhandlungsmacht „Plattform“: 3 · gespeichert"
is "matrix cell" "$(sql_value "SELECT strength FROM impact WHERE from_id = 1 AND to_id = 2")" 3
keys main v
wait_for main "Systemvariablen (2)"

# Step 4: a goal that answers unseen 1.
keys main 4
wait_for main "Ziele je Komponente (0)"
keys main a
type_text main "Souveränität über Betriebsdaten"
keys main Tab
wait_for main "Ziel 1 angelegt"
keys main Escape
keys main l
wait_for main "Ziel: Unseen"
type_text main "Fernwartung"
keys main Space Enter
wait_for main "Verknüpfungen gespeichert"
# A goal conflict: its description, then its two goals from the list.
keys main a
type_text main "Niedrige Kosten für Wartung"
keys main Tab
wait_for main "Ziel 2 angelegt"
keys main Escape
keys main c
wait_for main "Zielkonflikte (0)"
keys main a
type_text main "Datenhoheit kostet Geld"
keys main Tab
type_text main "Souverän"
wait_for main "Neu: Zielkonflikt: Ziel A"
keys main Enter
type_text main "Kosten"
wait_for main "Neu: Zielkonflikt: Ziel B"
keys main Enter
wait_for main "Zielkonflikt 1 angelegt"
wait_for main "Souveränität über Betriebsdaten ↔ Niedrige Kosten"
is "conflict goals" "$(sql_value "SELECT goal_a || '-' || goal_b FROM conflict")" "1-2"

# Step 5: a measure.
keys main 5
wait_for main "Maßnahmen (0)"
keys main a
type_text main "Schulungen für Geschäftsführer:innen"
keys main Tab
wait_for main "Maßnahme 1 angelegt"
keys main Escape

# Resizing never loses anything; below 40x12 the screen says so.
resize main 60x20
wait_for main "Schulungen für"
resize main 30x10
wait_for main "Terminal zu klein"
resize main 100x30
wait_for main "Schulungen für Geschäftsführer:innen"

# The wall shows the step's content without the step bar: the board
# with the new measure, and after 1 the question.
keys main F5
gone main "2 Unseens"
wait_for main "Bündel-Tafel: die Maßnahmen je Akteursgruppe"
wait_for main "Gruppen 1–4 von 8 (← →)"
keys main Right Right Right Right Right Right Right
wait_for main "Schulungen für"
keys main 1
wait_for main "Wie schützen Kleinbetriebe"
keys main F5
wait_for main "2 Unseens"

# q goes back to the browser, q again quits.
keys main q
wait_for main "Sitzungen (1)"
keys main q
wait_exit main

# What was stored, read back through the command line.
run_ok show 1
out_has "Wie schützen Kleinbetriebe ihre Daten?"
out_has "Zweite Zeile mit Größe ß"
out_has "Betriebe unter 50 Beschäftigten"
out_has "Plattformökonomie"
out_has "Abhängigkeit von „Plattformen“"
out_has "Souveränität über Betriebsdaten"
out_has "Datenhoheit kostet Geld"
out_has "Schulungen für Geschäftsführer:innen"
is "votes" "$(sql_value "SELECT votes FROM unseen WHERE id = 2")" 3
is "goal link" "$(sql_value "SELECT unseen_id FROM goal_unseen WHERE goal_id = 1")" 1
