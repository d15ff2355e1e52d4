# The Export step offers every export the command line has, from the one
# exporter table: here the chapter hinge table of a white-paper draft,
# written on the screen and compared with `didat export hinge --chapter`
# byte for byte, in a session whose ids differ from 1.

run_ok demo
run_ok new "Kapitel"
out_id
KS=$ID
run_ok add unseen $KS "Datenabfluss"
run_ok add code $KS "Eigentum"
printf 'Kapitel 3: Daten\nKMU verlieren Daten, sagt „die UG 1“.\n=Eigentum ist ungeklärt\n' > entwurf.txt
run_ok import-doc $KS entwurf.txt --title "Entwurf Kap. 3" --kind draft
out_id
KD=$ID
printf 'UG1: Daten fließen ab\nUG1: Eigentum; strittig\n' > ug1.txt
run_ok import-doc $KS ug1.txt --title "Protokoll UG1"
out_id
KM=$ID
run_ok code $KS "$KD" 1-2 unseen:"$(sql_value "SELECT id FROM unseen WHERE session_id = $KS")" --coder anna
run_ok code $KS "$KM" 1 Datenabfluss --coder anna
run_ok code $KS "$KD" 3 Eigentum --coder anna
run_ok code $KS "$KM" 2 Eigentum --coder ben
run_ok export hinge $KS --chapter "$KD" -o expected.csv

start ex 100x30 "$KS"
wait_for ex "Leitfrage (L):"
keys ex 7
wait_for ex "Export · Sitzung $KS"
wait_for ex "keines (eine Zeile je Passage)"
keys ex End Up Enter
wait_for ex "Kapitel-Scharniertabelle des Entwurfs"
wait_for ex "Entwurf Kap. 3 (Weißbuch-Entwurf, 2 Kodierungen)"
gone ex "Protokoll UG1 ("
keys ex Down Enter
wait_for ex "--chapter $KD"
keys ex x
wait_for ex "Geschrieben: $PWD/didat-$KS-scharniertabelle.csv"
if cmp -s expected.csv "didat-$KS-scharniertabelle.csv"; then _pass; else
	_fail "the screen's chapter table differs from the command line's"
fi

# Without a draft the step says so and keeps the plain hinge table.
start demo 100x30 1
wait_for demo "1 Leitfrage"
keys demo 7
wait_for demo "Export · Sitzung 1"
keys demo End Up Enter
wait_for demo "keinen Weißbuch-Entwurf"
wait_for demo "keines (eine Zeile je Passage)"
