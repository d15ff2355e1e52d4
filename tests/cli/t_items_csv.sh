# Item tables: export unseens|goals|measures|stakeholders|components|codes
# and import-csv of the same files into another session (round trip),
# and the refusals: row and column named, exit 2, nothing imported.

run_ok new "Quelle"
out_id
S=$ID
run_ok add component $S "Plattformen „Daten“" --number 3
run_ok add stakeholder $S "Hochschulen" --kind science
run_ok add stakeholder $S "Bürger, Initiativen"
run_ok add unseen $S "Abhängigkeit" --description "Zeile 1, mit Komma" --causes "-Preis" \
	--component 3 --likelihood 4 --impact 5 --adaptive-capacity 2 --votes 7 \
	--stakeholder Hochschulen --stakeholder "Bürger, Initiativen"
run_ok add goal $S "Souveränität" --component 3 --unseen Abhängigkeit
run_ok add measure $S "Open Source fördern" --actor B --horizon short --priority 2 --goal Souveränität
run_ok add code $S "Daten" --colour "#ff0000"

run_ok export unseens $S
out_has 'id,title,description,causes,component,stakeholders,likelihood,impact,adaptive_capacity,vulnerability,votes'
out_has ",Abhängigkeit,\"Zeile 1, mit Komma\",-Preis,3,\"Hochschulen; Bürger, Initiativen\",4,5,2,16.0,7"
run_ok export measures $S
out_has ',Open Source fördern,B,short,2,Souveränität'

run_ok new "Ziel"
out_id
T=$ID
# one row each, but two stakeholder groups (the unseen names two)
for kind in components stakeholders unseens goals measures codes; do
	run_ok export $kind $S -o "$kind.csv" --sep ';' --bom
	run_ok import-csv $T $kind "$kind.csv"
	if [ $kind = stakeholders ]; then err_has "$kind.csv: 2 Zeilen importiert"
	else err_has "$kind.csv: 1 Zeile importiert"; fi
	run_ok export $kind $T -o "$kind.2.csv" --sep ';' --bom
	# the same except the ids (first cell of each record; no newlines in these cells)
	if [ "$(cut -d';' -f2- "$kind.csv")" = "$(cut -d';' -f2- "$kind.2.csv")" ]; then _pass
	else _fail "round trip of $kind differs"; fi
done

# refusals: exit 2, database unchanged, row and column named
printf 'title;likelihood\nA;3\nB;4\nC;7\n' > bad.csv
refused 2 import-csv $T unseens bad.csv
err_has "bad.csv: Zeile 4, Spalte likelihood: 7 liegt außerhalb von 1–5"
printf 'title,component\nA,9\n' > bad.csv
refused 2 import-csv $T unseens bad.csv
err_has "Zeile 2, Spalte component"
printf 'text,actor\nA,Z\n' > bad.csv
refused 2 import-csv $T measures bad.csv
err_has "Zeile 2, Spalte actor"
printf 'title,Farbe\nA,rot\n' > bad.csv
refused 2 import-csv $T unseens bad.csv
err_has 'unbekannte Spalte(n) "Farbe"'
printf 'description\nA\n' > bad.csv
refused 2 import-csv $T unseens bad.csv
err_has "die Spalte title fehlt"
refused 2 import-csv $T unseens missing.csv
refused 1 import-csv $T actors bad.csv
refused 1 export actors $T
err_has 'unbekannter Export "actors" (hinge, report, agreement, agreement-table, doc, qdc, qdpx, matrix, dot, poster, components, stakeholders, unseens, goals, measures, codes)'

# help and refusals list what the kinds table and the exporter and
# importer tables hold, in their order
run_ok --help
out_has "ART:      component, stakeholder, actor, unseen, variable, goal, conflict, measure, soro, code"
out_has "FORMAT:   hinge, report, agreement, agreement-table, doc, qdc, qdpx, matrix, dot, poster, components, stakeholders, unseens, goals, measures, codes"
out_has "TABELLE:  components, stakeholders, unseens, goals, measures, codes, matrix"
refused 1 add risk $T "Frühwarnung"
err_has 'unbekannte Art "risk" (component, stakeholder, actor, unseen, variable, goal, conflict, measure, soro, code)'
refused 1 list risk $T
err_has 'unbekannte Art "risk" (component, stakeholder, actor, unseen, variable, goal, conflict, measure, soro)'
refused 1 import-csv $T risks bad.csv
err_has 'import-csv kennt "risks" nicht (components, stakeholders, unseens, goals, measures, codes, matrix)'
