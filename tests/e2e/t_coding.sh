# The coding walk of issue 4: import two German minutes through the file
# prompt (Tab completes), read and code passages by keyboard, a new free
# code from the picker, edit a coding, filter by coder, search and jump,
# the hinge view with a code memo; then compare with the command line.

printf 'Protokoll der Untergruppe 1 „Daten“\nTeilnehmende: Anna, Ben, Çelik\nHerr Groß berichtet: Die Fernwartung überträgt Maschinendaten.\nNiemand weiß, wohin die Daten fließen.\nFrau Öztürk: „Wir brauchen Musterverträge.“\na\033[31mROT\n' > ug1.txt
# Windows-1252, as Word writes it: "Größere"
printf 'Protokoll UG 2\nDie Plattform bestimmt die Preise.\nGr\366\337ere Betriebe verhandeln besser.\n' > ug2.txt
run_ok new "Werkstatt Daten"
run_ok add unseen 1 "Datenabfluss über Fernwartung"
code=$(sql_value "SELECT id FROM code WHERE type = 'unseen'")

start main 100x30 1
wait_for main "Leitfrage (L):"
keys main 6
wait_for main "Dokumente (0)"

# Import: "ug" and Tab completes what both names share, a second Tab
# lists them, then each is completed whole.
keys main i
wait_for main "Dateien importieren"
type_text main "u"
keys main Tab
keys main Tab
wait_for main "ug1.txt   ug2.txt"
type_text main "1"
keys main Tab
type_text main "ug2"
keys main Tab
wait_for main "ug1.txt ug2.txt"
keys main Enter
wait_for main "2 Dokumente importiert: 9 Zeilen; 1 davon als Windows-1252 gelesen"
is "documents" "$(sql_value "SELECT count(*) FROM document")" 2
is "converted line" "$(sql_value "SELECT text FROM line WHERE document_id = 2 AND number = 3")" \
	"Größere Betriebe verhandeln besser."

# A failed import of several files imports none.
printf 'Protokoll UG 3\n' > ug3.txt
: > leer.txt
keys main i
wait_for main "Dateien importieren"
type_text main "ug3.txt leer.txt"
keys main Enter
wait_for main "keine der 2 Dateien wurde importiert"
is "documents after a refused import" "$(sql_value "SELECT count(*) FROM document")" 2

# The reader: numbered lines; the escape sequence is shown, not obeyed.
keys main Home Enter
wait_for main "ug1 · Z. 1/6"
wait_for main "3      Herr Groß berichtet: Die Fernwartung überträgt Maschinendaten."
wait_for main "a^[[31mROT"
wait_for main "— Ende des Dokuments —"

# Lines 3-4 with the unseen (picker filtered by typing), then the same
# selection with a new free code made in the picker.
keys main Down Down v Down
wait_for main "Auswahl 3–4"
keys main Enter
wait_for main "Z. 3–4 kodieren mit"
type_text main "Fernw"
wait_for main "Unseen: Datenabfluss über Fernwartung"
keys main Enter
wait_for main "Kodierung 1 gespeichert (Z. 3–4, tester)"
keys main Enter
wait_for main "Z. 3–4 kodieren mit"
keys main Home Enter
wait_for main "Name des neuen freien Codes"
type_text main "Eigentum"
keys main Enter
wait_for main "Oberbegriff als Pfad"
keys main Enter
wait_for main "Kodierung 2 gespeichert"
is "coding 1" "$(sql_value "SELECT document_id, first_line, last_line, code_id FROM coding WHERE id = 1")" \
	"1|3|4|$code"
free=$(sql_value "SELECT id FROM code WHERE type = 'free' AND name = 'Eigentum'")
is "coding 2" "$(sql_value "SELECT first_line, last_line, code_id FROM coding WHERE id = 2")" "3|4|$free"
is "coder" "$(sql_value "SELECT DISTINCT k.name FROM coding g JOIN coder k ON k.id = g.coder_id")" tester
keys main Escape
wait_for main "Codes in Z. 4 (2)"
wait_for main "Unseen: Datenabfluss über Fernwartung · Z. 3–4 · tester"
wait_for main "Frei: Eigentum · Z. 3–4 · tester"

# Edit: the unseen's coding gets line 5 too; the free one a memo.
keys main c
wait_for main "Welche Kodierung von Z. 4?"
keys main Enter
wait_for main "Zeilen ändern"
keys main Enter
wait_for main "Kodierung 1: Zeilen (A-B)"
keys main C-u
type_text main "3-5"
keys main Enter
wait_for main "Kodierung 1 gespeichert"
is "coding 1 lines" "$(sql_value "SELECT first_line || '-' || last_line FROM coding WHERE id = 1")" "3-5"
keys main c
wait_for main "Welche Kodierung von Z. 4?"
keys main Down Enter
wait_for main "Memo bearbeiten"
keys main Down Down Enter
wait_for main "Memo zu Kodierung 2"
type_text main "Kernaussage: Eigentum an Daten"
keys main F2
wait_for main "Kodierung 2 gespeichert"
is "coding 2 memo" "$(sql_value "SELECT memo FROM coding WHERE id = 2")" "Kernaussage: Eigentum an Daten"

# A range past the end is refused with the document named.
keys main c
keys main Enter Enter C-u
type_text main "3-60"
keys main Enter
wait_for main "außerhalb des Dokuments"
is "coding 1 unchanged" "$(sql_value "SELECT last_line FROM coding WHERE id = 1")" 5

# One coder only, then all again.
keys main C
wait_for main "nur tester"
keys main C
wait_for main "Kodierer: alle"

# Search from the reader, jump to a hit, then n and N inside the document.
keys main C-f
wait_for main "Volltextsuche"
type_text main "Daten"
keys main Enter
wait_for main "Suche »Daten«: 2 Treffer"
wait_for main "ug1 Z. 4"
keys main Down Enter
wait_for main "ug1 · Z. 4/6"
keys main n
wait_for main "»Daten«: vom Anfang her weitergesucht"
wait_for main "ug1 · Z. 1/6"
keys main N
wait_for main "vom Ende her weitergesucht"
wait_for main "ug1 · Z. 4/6"

# / searches this document alone; a malformed query says what is wrong.
keys main g /
wait_for main "Im Dokument suchen"
keys main C-u
type_text main "Musterv*"
keys main Enter
wait_for main "»Musterv*« in Z. 5"
wait_for main "ug1 · Z. 5/6"
keys main /
keys main C-u
type_text main '"offen'
keys main Enter
wait_for main "ist fehlerhaft"
wait_for main "ug1 · Z. 5/6"
keys main n
wait_for main "»Musterv*«: vom Anfang her weitergesucht"
keys main :
wait_for main "Zu Zeile (1–6)"
type_text main "4"
keys main Enter
wait_for main "ug1 · Z. 4/6"

# The hinge view of the unseen from line 3, with a memo for the code;
# Enter goes back into the reader at the passage.
keys main Up
keys main h
wait_for main "Scharnieransicht: welcher Code von Z. 3?"
keys main Enter
wait_for main "Scharnieransicht · Unseen: Datenabfluss über Fernwartung · 1 Beleg"
wait_for main "[1/1] ug1 · Z. 3–5 · tester"
wait_for main "Niemand weiß, wohin die Daten fließen."
keys main m
wait_for main "Memo zu Unseen"
type_text main "Zentral für UG 1"
keys main F2
wait_for main "Memo: Zentral für UG 1"
is "code memo" "$(sql_value "SELECT memo FROM code WHERE id = $code")" "Zentral für UG 1"
keys main Enter
wait_for main "ug1 · Z. 3/6"

# Small terminals: the reader keeps working at 60x20 and 40x12.
resize main 60x20
wait_for main "ug1 · Z. 3/6"
resize main 40x12
wait_for main "Z. 3/6"
keys main G
wait_for main "Z. 6/6"
resize main 100x30

# Back in the list: metadata and the search with /.
keys main q
wait_for main "Dokumente (2)"
keys main e
wait_for main "Dokument 1 bearbeiten"
keys main Down Enter
wait_for main "Dokument 1: Art"
keys main Down Down Enter
wait_for main "Dokument 1: Art gespeichert"
wait_for main "Weißbuch-Entwurf"
is "kind" "$(sql_value "SELECT kind FROM document WHERE id = 1")" draft
keys main /
wait_for main "Volltextsuche"
keys main C-u
type_text main "Plattform*"
keys main Enter
wait_for main "ug2 Z. 2"
keys main Enter
wait_for main "ug2 · Z. 2/3"
keys main q
wait_for main "Dokumente (2)"
keys main Down d
wait_for main "Dokument 2 „ug2“ (3 Zeilen) löschen?"
wait_for main "0 Kodierungen"
keys main n
is "documents after no" "$(sql_value "SELECT count(*) FROM document")" 2

# What the screen coded is what the command line exports.
keys main F10
run_ok export hinge 1
out_has "Die Fernwartung überträgt Maschinendaten."
out_has "Eigentum"
out_has "Kernaussage: Eigentum an Daten"
is "hinge rows" "$(grep -c 'tester' "$OUT")" 2
