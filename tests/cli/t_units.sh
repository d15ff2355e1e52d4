# Units finer than a paragraph (import-doc --wrap) and a draft's own line
# numbers (--printed-numbers): what is stored, what export doc prints,
# and how the hinge tables and the report cite them.

run_ok new "Vorher"
run_ok new "Einheiten"
out_id
S=$ID
# one paragraph of Word minutes on one line, umlauts and „quotes“, a word
# longer than the width, then a short line and a blank one
python3 - <<'PY'
words = "Frau Öztürk: „Wir brauchen Musterverträge für die Fernwartung“, sagt sie, und Herr Groß stimmt zu; niemand weiß, wohin die Maschinendaten fließen."
with open("absatz.txt", "w", encoding="utf-8") as f:
    f.write(words + " " + "Datenverarbeitungsvertragsbestandteilsregelung" + " Ende.\n")
    f.write("Kurz.\n\n")
PY
run_ok import-doc $S absatz.txt --wrap 30
out_id
DW=$ID
err_has "1 Absatz breiter als 30 Spalten in Zeilen geteilt"
sql_is "SELECT wrap FROM document WHERE id = $DW" 30
sql_is "SELECT count(*) FROM line WHERE document_id = $DW AND part = 0" 3 "three paragraphs"
sql_is "SELECT max(part) + 1 FROM line WHERE document_id = $DW" \
	"$(sql "SELECT line_count - 2 FROM document WHERE id = $DW")" "the paragraph's pieces"
# each piece within 30 columns but the long word; joined by spaces they are the paragraph
sql "SELECT text FROM line WHERE document_id = $DW AND number <= (SELECT line_count - 2 FROM document WHERE id = $DW) ORDER BY number" > pieces.txt
same "$(python3 -c 'import sys; [print(l) for l in open("pieces.txt", encoding="utf-8").read().split("\n") if len(l) > 30]')" \
	"Datenverarbeitungsvertragsbestandteilsregelung" "no piece wider than 30 but the long word"
same "$(paste -sd' ' pieces.txt)" "$(head -1 absatz.txt)" "the pieces joined by spaces are the paragraph"
sql_is "SELECT text FROM line WHERE document_id = $DW AND number = 1" "Frau Öztürk: „Wir brauchen"
# export doc: numbered lines as stored, ↳ where the paragraph goes on
run_ok export doc $S $DW
out_has "absatz (Dokument $DW,"
out_has "Absätze bei 30 Spalten umbrochen"
out_matches '^ *1  Frau Öztürk: „Wir brauchen$'
out_matches '^ *2↳ Musterverträge für die$'
run_ok export doc $S $DW -o absatz-export.txt
same "$(sed -n 3p absatz-export.txt)" " 1  Frau Öztürk: „Wir brauchen" "the file holds the same"
refused 1 export doc $S
refused 2 export doc $S 99999
refused 2 import-doc $S absatz.txt --wrap 5
err_has "--wrap"
refused 2 import-doc $S absatz.txt --wrap viele
# a coding of the wrapped lines cites them
run_ok add code $S "Musterverträge"
run_ok code $S $DW 2-3 "Musterverträge"

# a white-paper draft with its printed line numbers, in Windows-1252
printf 'Kapitel 3: Daten\n\n83 Die KMU stehen vor gro\337en Fragen.\n84 \204Daten\223 flie\337en ab.\n\n85 Dritte Zeile\n86\n' > entwurf.txt
run_ok import-doc $S entwurf.txt --kind draft --title "Entwurf Kap. 3"
out_id
DD=$ID
err_has "die gedruckten Zeilennummern werden vom Text getrennt gehalten"
sql_is "SELECT group_concat(coalesce(printed, '-') || ':' || text, '|') FROM (SELECT printed, text FROM line WHERE document_id = $DD ORDER BY number)" \
	"-:Kapitel 3: Daten|-:|83:Die KMU stehen vor großen Fragen.|84:„Daten“ fließen ab.|-:|85:Dritte Zeile|86:" \
	"the numbers apart, the text without them"
run_ok export doc $S $DD
out_matches '^84  4  „Daten“ fließen ab\.$'
out_matches '^    1  Kapitel 3: Daten$'
# forced off for the draft, on for minutes
cp entwurf.txt entwurf2.txt; printf 'x\n' >> entwurf2.txt
run_ok import-doc $S entwurf2.txt --kind draft --printed-numbers no
out_id
sql_is "SELECT count(printed) FROM line WHERE document_id = $ID" 0
sql_is "SELECT text FROM line WHERE document_id = $ID AND number = 3" "83 Die KMU stehen vor großen Fragen."
cp entwurf.txt protokoll-nummern.txt; printf 'y\n' >> protokoll-nummern.txt
run_ok import-doc $S protokoll-nummern.txt --printed-numbers yes
out_id
sql_is "SELECT printed FROM line WHERE document_id = $ID AND number = 4" 84
cp entwurf.txt protokoll-ohne.txt; printf 'z\n' >> protokoll-ohne.txt
run_ok import-doc $S protokoll-ohne.txt
out_id
sql_is "SELECT count(printed) FROM line WHERE document_id = $ID" 0 "minutes are not searched for numbers"
refused 1 import-doc $S entwurf.txt --printed-numbers vielleicht

# the hinge tables and the report cite the printed numbers beside the file lines
run_ok code $S $DD 3-4 "Musterverträge" --coder anna
run_ok code $S $DD 3-4 "Musterverträge" --coder ben
run_ok export hinge $S
same "$(head -1 "$OUT" | tr -d '\r' | tr ',' '\n' | tail -2 | paste -sd,)" "printed_first_line,printed_last_line"
same "$(tr -d '\r' < "$OUT" | grep -c ',83,84$')" 2 "both codings of the draft cite 83-84"
run_ok export hinge $S --chapter "Entwurf Kap. 3"
# one row for the source, the draft's two coders joined
same "$(tr -d '\r' < "$OUT" | grep -c ',absatz,')" 1 "one row per source passage"
out_has ',83,84,"anna, ben"'
run_ok export report $S
out_has "Entwurf Kap. 3, gedruckte Zeilen 83–84, Z. 3–4: „Die KMU stehen vor großen Fragen. „Daten“ fließen ab.“ (anna)"
