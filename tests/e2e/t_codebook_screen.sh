# The codebook screen (issue 4, Codebook): `b` in the document list of
# the demo session; a free code with umlauts made, renamed, defined,
# coloured, moved and merged into another with its codings; a category
# deleted after the question that counts what goes; item codes refused;
# the frequencies per document and per coder; the small terminal.

run_ok demo
daten=$(sql_value "SELECT id FROM code WHERE type = 'free' AND name = 'Daten'")
eigentum=$(sql_value "SELECT id FROM code WHERE type = 'free' AND name = 'Eigentum'")
zugang=$(sql_value "SELECT id FROM code WHERE type = 'free' AND name = 'Zugang'")

start cb 100x30 1
wait_for cb "1 Leitfrage"
keys cb 6
wait_for cb "Dokumente (2)"
keys cb b
wait_for cb "Codebuch · 65 Codes · 29 Kodierungen"
wait_for cb " Unseens (10)"
wait_for cb "Unseen: Datenabfluss über vernetzte"
wait_for cb "Der Code eines Eintrags"

# An item code keeps its name and place: the model's message.
keys cb r
wait_for cb "lässt sich nicht umbenennen: er gehört zu einem"
keys cb d
wait_for cb "lässt sich nicht löschen: er gehört zu einem"
is "item code kept" "$(sql_value "SELECT count(*) FROM code")" 65

# The free codes as a tree at the end of the list.
keys cb End
wait_for cb " Freie Codes (3)"
wait_for cb "  ■ Daten "
wait_for cb "    ■ Eigentum "
wait_for cb "    ■ Zugang "
wait_for cb "Frei: Daten/Zugang"
wait_for cb "Wer Daten sehen, nutzen oder abschalten"

# a: a new code beside Zugang, under Daten, with umlauts.
keys cb a
wait_for cb "Name des neuen Codes unter „Daten“"
type_text cb "Größe"
keys cb Enter
wait_for cb "Code „Größe“ angelegt"
wait_for cb "    □ Größe "
new=$(sql_value "SELECT id FROM code WHERE type = 'free' AND name = 'Größe'")
is "new code's parent" "$(sql_value "SELECT parent_id FROM code WHERE id = '$new'")" "$daten"

# r: renamed.
keys cb r
wait_for cb "Neuer Name für Frei: Daten/Größe"
keys cb C-u
type_text cb "Größenvorteile"
keys cb Enter
wait_for cb "Code „Größe“ umbenannt in „Größenvorteile“"
is "renamed" "$(sql_value "SELECT name FROM code WHERE id = $new")" "Größenvorteile"

# D: a definition of two lines in the editor.
keys cb D
wait_for cb "Definition von Frei: Daten/Größenvorteile"
type_text cb "Wo die Betriebsgröße über den"
keys cb Enter
type_text cb "Zugang zu Daten entscheidet"
keys cb F2
wait_for cb "Definition von Code „Größenvorteile“ gespeichert"
wait_for cb "Wo die Betriebsgröße über den"
is "definition" "$(sql_value "SELECT definition FROM code WHERE id = $new")" \
	"Wo die Betriebsgröße über den
Zugang zu Daten entscheidet"

# c: a colour by name, then a bad #RRGGBB refused with the model's message.
keys cb c
wait_for cb "Farbe von Frei: Daten/Größenvorteile"
type_text cb "magenta"
keys cb Enter
wait_for cb "Farbe von Code „Größenvorteile“: magenta"
is "colour" "$(sql_value "SELECT colour FROM code WHERE id = $new")" magenta
keys cb c
wait_for cb "Farbe von Frei: Daten/Größenvorteile"
type_text cb "eigene"
keys cb Enter
wait_for cb "Farbe als #RRGGBB"
keys cb C-u
type_text cb "#zz0000"
keys cb Enter
wait_for cb "erlaubt sind black, red"
is "colour unchanged" "$(sql_value "SELECT colour FROM code WHERE id = $new")" magenta

# m: moved under Eigentum (the picker is filtered by typing).
keys cb m
wait_for cb "Frei: Daten/Größenvorteile verschieben unter"
wait_for cb "oben (oberste Ebene)"
type_text cb "Eigentum"
keys cb Enter
wait_for cb "Code „Größenvorteile“ verschoben unter „Daten/Eigentum“"
wait_for cb "      ■ Größenvorteile "
is "moved" "$(sql_value "SELECT parent_id FROM code WHERE id = $new")" "$eigentum"

# Two passages coded with it by another coder, from the command line:
# the screen shows them within a second.
run_ok code 1 1 3-4 "Daten/Eigentum/Größenvorteile" --coder carla
run_ok code 1 2 5-6 "Daten/Eigentum/Größenvorteile" --coder carla
wait_for cb "Codebuch · 66 Codes · 31 Kodierungen"
wait_for cb "Code $new · 2 Kodierungen"

# M: merged into Zugang; its codings move over and it is gone.
keys cb M
wait_for cb "Frei: Daten/Eigentum/Größenvorteile überführen in"
type_text cb "Daten/Zugang"
keys cb Enter
wait_for cb "2 Kodierungen gehen an „Zugang“"
keys cb n
is "not merged on no" "$(sql_value "SELECT count(*) FROM coding WHERE code_id = $new")" 2
keys cb M
wait_for cb "überführen in"
type_text cb "Daten/Zugang"
keys cb Enter
wait_for cb "2 Kodierungen gehen an „Zugang“"
keys cb j
wait_for cb "Code „Größenvorteile“ in „Zugang“ überführt: 2 Kodierungen übernommen"
wait_for cb "Codebuch · 65 Codes · 31 Kodierungen"
run_ok codebook 1
out_lacks "Größenvorteile"
out_has "   $zugang  free             5  #f18f01   Daten/Zugang"
is "merged codings" "$(sql_value "SELECT count(*) FROM coding g JOIN coder k ON k.id = g.coder_id
	WHERE k.name = 'carla' AND g.code_id = $zugang")" 2
is "merged code gone" "$(sql_value "SELECT count(*) FROM code WHERE id = $new")" 0

# A: a sub-code under Eigentum with a coding; then d on Eigentum counts
# what goes before anything does.
keys cb Up
wait_for cb "Frei: Daten/Eigentum"
keys cb A
wait_for cb "Name des neuen Codes unter „Daten/Eigentum“"
type_text cb "Nutzungsrechte"
keys cb Enter
wait_for cb "Code „Nutzungsrechte“ angelegt"
run_ok code 1 1 7-7 "Daten/Eigentum/Nutzungsrechte" --coder carla
wait_for cb "Codebuch · 66 Codes · 32 Kodierungen"
keys cb Up
wait_for cb "Frei: Daten/Eigentum"
keys cb d
wait_for cb "Frei: Daten/Eigentum löschen? Mit ihm gehen 1 Untercode und 2"
keys cb n
is "kept on no" "$(sql_value "SELECT count(*) FROM code WHERE id = $eigentum")" 1
keys cb d
wait_for cb "Mit ihm gehen 1 Untercode und 2"
keys cb j
wait_for cb "Code „Eigentum“ gelöscht mit 1 Untercode und 2 Kodierungen"
wait_for cb "Codebuch · 64 Codes · 30 Kodierungen"
is "deleted subtree" "$(sql_value "SELECT count(*) FROM code WHERE name IN ('Eigentum', 'Nutzungsrechte')")" 0
is "its codings" "$(sql_value "SELECT count(*) FROM coding g JOIN coder k ON k.id = g.coder_id
	WHERE k.name = 'carla'")" 2
gone cb "■ Eigentum "

# u takes the delete back, with its codings.
keys cb u
wait_for cb "Codebuch · 66 Codes · 32 Kodierungen"
is "undone" "$(sql_value "SELECT count(*) FROM code WHERE name IN ('Eigentum', 'Nutzungsrechte')")" 2

# h: the hinge view of the selected code; q comes back here.
keys cb End
wait_for cb "Frei: Daten/Zugang"
keys cb h
wait_for cb "Scharnieransicht · Frei: Daten/Zugang · 5 Belege"
keys cb q
wait_for cb "Codebuch · 66 Codes · 32 Kodierungen"

# /: finds a code by its definition.
keys cb /
wait_for cb "Suchen:"
keys cb C-u
type_text cb "Ressource des Betriebs"
keys cb Enter
wait_for cb "Aussagen über Daten als Ressource"

# f: the codings per document, then per coder (with their names).
keys cb f
wait_for cb "Kodierungen je Dokument (32)"
wait_for cb "Protokoll UG 1 „IoT und Daten“, 12.03.2026"
keys cb f
wait_for cb "Kodierungen je Kodierer (32)"
wait_for cb "  anna "
wait_for cb "  ben "
wait_for cb "  carla "
run_ok codes 1 --by coder
# the totals row has no code number: carla's column is one field earlier
col=$(head -1 "$OUT" | awk '{ for (i = 1; i <= NF; i++) if ($i == "carla") print i }')
same "$(tail -1 "$OUT" | awk -v c="$col" '{ print $(c - 1) }')" 3 "carla's codings in the totals"
wait_for cb "     3   9 %"

# The small terminal: both lists still work.
resize cb 40x12
wait_for cb "Kodierungen je Kodierer (32)"
wait_for cb "  carla "
keys cb f
wait_for cb "Codebuch · 66 Codes · 32 Kodierungen"
keys cb End
wait_for cb "Frei: Daten/Zugang"
wait_for cb "Definition: Wer Daten sehen"
resize cb 100x30

# q: back to the documents.
keys cb q
wait_for cb "Dokumente (2)"
keys cb F10
wait_exit cb
