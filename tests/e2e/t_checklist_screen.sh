# Progress (issue 13, 4): the step bar shows per step how many points are
# still open, the checklist (!) lists them and Enter goes to each one; the
# same points as `didat checklist`.  On a duplicated session.

run_ok demo
out_id
run_ok duplicate "$ID" "Kopie"
out_id
S=$ID
run_ok checklist "$S"
out_empty
run_ok add unseen "$S" "Schatten-IT"
out_id
U=$ID
run_ok add component "$S" "Neue Komponente" --number 9
out_id
K=$ID
run_ok checklist "$S"
is "the new unseen's points" "$(grep -c "$(printf '^2\tunseen\t')$U" "$OUT")" 3
is "the new component has no SoRO" "$(grep -c "$(printf '^5\tcomponent\t')$K" "$OUT")" 1
TOTAL=$(wc -l <"$OUT")

start c 120x35 "$S"
wait_for c "1 Leitfrage"
wait_for c "2 Unseens 11 !3"
wait_for c "4 Ziele 13 !1"
wait_for c "5 Maßnahmen 16 !1"
keys c '!'
wait_for c "Checkliste: $TOTAL Punkte noch offen"
wait_for c "Unseen $U „Schatten-IT“: noch nicht bewertet"
wait_for c "Komponente $K „K9 Neue Komponente“: keine SoRO für diese Komponente"
# Enter on the first point: the unseen, selected in step 2
keys c Enter
wait_for c "Unseen $U"
wait_for c "2 Unseens"
# rated meanwhile in another terminal: the bar follows without a key
run_ok edit unseen "$S" "$U" --likelihood 3 --impact 4 --adaptive_capacity 2
wait_for c "2 Unseens 11 !2" 3
keys c '!'
wait_for c "Checkliste: $((TOTAL - 1)) Punkte noch offen"
gone c "noch nicht bewertet"
# the component's point goes to step 5, where its SoRO is written
keys c End Enter
wait_for c "SoRO"
wait_for c "5 Maßnahmen"
keys c '!' q
gone c "Checkliste:"
keys c F10
