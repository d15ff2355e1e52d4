# didat checklist: the open points of each step, as tab-separated rows
# (step, kind, id, what is open), the same the screen's checklist lists.

run_ok demo
out_id
D=$ID
run_ok duplicate "$D" "Kopie"
out_id
S=$ID
run_ok checklist "$S"
out_empty
run_ok add measure "$S" "Ohne alles"
out_id
M=$ID
run_ok checklist "$S"
out_has "$(printf '5\tmeasure\t%s\tkeine Akteursgruppe' "$M")"
out_has "$(printf '5\tmeasure\t%s\tdient keinem Ziel' "$M")"
out_has "$(printf '5\tmeasure\t%s\tkeine Priorität oder kein Zeithorizont' "$M")"
same "$(wc -l <"$OUT")" 3 "three points, all the new measure's"
run_ok edit measure "$S" "$M" --actor B --priority 2 --horizon long
run_ok checklist "$S"
out_has "dient keinem Ziel"
out_lacks "keine Akteursgruppe"
# the demo itself is untouched by the copy's points
run_ok checklist "$D"
out_empty
# a new session: what the first step still needs comes first
run_ok new "Leer"
out_id
run_ok checklist "$ID"
same "$(head -1 "$OUT")" "$(printf '1\tsession\t%s\tnoch keine Leitfrage' "$ID")" "the first point"
refused 2 checklist 999
err_has "999"
expect_status 1 checklist
err_has "didat checklist SITZUNG"
