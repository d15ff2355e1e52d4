# The reader shows where a wrapped paragraph goes on (↳ after the file
# line) and a draft's printed numbers before the file lines.

run_ok new "Vorher"
run_ok new "Einheiten"
out_id
S=$ID
printf '%s\n' "Frau Öztürk: „Wir brauchen Musterverträge für die Fernwartung“, sagt sie." > absatz.txt
run_ok import-doc $S absatz.txt --wrap 30
printf 'Kapitel 3\n83 Die KMU stehen vor Fragen.\n84 Daten fließen ab.\n85 Ende\n' > entwurf.txt
run_ok import-doc $S entwurf.txt --kind draft --title "Entwurf"

start main 100x30 $S
wait_for main "Leitfrage (L):"
keys main 6
wait_for main "Dokumente (2)"
keys main Home Enter
wait_for main "absatz · Z. 1/3"
wait_for main "1      Frau Öztürk: „Wir brauchen"
wait_for main "2↳     Musterverträge für die"
keys main q
wait_for main "Dokumente (2)"
keys main Down Enter
wait_for main "Entwurf · Z. 1/4"
wait_for main "83 2      Die KMU stehen vor Fragen."
wait_for main "   1      Kapitel 3"
keys main q
