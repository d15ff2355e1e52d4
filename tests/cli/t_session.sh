# Whole sessions: sessions, new, show, duplicate, delete, and naming a
# session by number or title.

# new: the id alone on stdout, the next after the sessions there are
# (none, or the ballast of the shifted pass); --date and --question are stored.
LAST=0
HAD=0
if [ -e "$DIDAT_DB" ]; then
	LAST=$(sql "SELECT max(id) FROM session")
	HAD=$(sql "SELECT count(*) FROM session")
fi
run_ok new "Digitale Souveränität" --date 2024-05-17 --question "Wie bleibt „unser“ Wissen in der Straße?"
out_id
S1=$ID
same "$S1" $((LAST + 1)) "first session id"
sql_is "SELECT title || '|' || date || '|' || question FROM session WHERE id = $S1" \
	"Digitale Souveränität|2024-05-17|Wie bleibt „unser“ Wissen in der Straße?"
# a new session starts with the actor groups A-G
sql_is "SELECT group_concat(letter, '') FROM (SELECT letter FROM actor WHERE session_id = $S1 ORDER BY letter)" ABCDEFG

run_ok new "Zweiter Workshop"
out_id
S2=$ID
same "$S2" $((LAST + 2)) "second session id"

# sessions: a table with both, their dates
run_ok sessions
out_has "Digitale Souveränität"
out_has "Zweiter Workshop"
out_has "2024-05-17"
same "$(grep -c 'Souveränität\|Zweiter Workshop' "$OUT")" 2 "one row per session"

# show: readable text with the German title and question, by number and by title
run_ok show "$S1"
out_has "Digitale Souveränität"
out_has "Wie bleibt „unser“ Wissen in der Straße?"
cp "$OUT" show_by_number.txt
run_ok show "Digitale Souveränität"
files_same show_by_number.txt "$OUT" "show by title and by number"

# a session with content for duplicate and delete
run_ok add component "$S1" "Bildung und Qualifikation" --question "Wer lernt was?"
run_ok add stakeholder "$S1" "Hochschulen" --kind science
run_ok add stakeholder "$S1" "Kammern" --kind business
run_ok add unseen "$S1" "Abfluss von Erfahrungswissen" --component 1 --likelihood 3 --impact 4 \
	--adaptive-capacity 2 --votes 3 --stakeholder Hochschulen --stakeholder Kammern
out_id
U=$ID
run_ok add goal "$S1" "Wissen im Betrieb halten" --unseen "Abfluss von Erfahrungswissen"
out_id
G1=$ID
run_ok add goal "$S1" "Schnell digitalisieren"
out_id
G2=$ID
run_ok add conflict "$S1" "Tempo gegen Sorgfalt" --goal-a "$G1" --goal-b "$G2"
run_ok add measure "$S1" "Tandems aus Alt und Jung" --goal "$G1" --actor C --horizon medium --priority 1
out_id
M=$ID
run_ok add soro "$S1" "Erfahrung zählt" --unseen "$U" --goal "$G1" --measure "$M" --component 1
run_ok add variable "$S1" "Vertrauen"
run_ok add variable "$S1" "Datenmenge"
run_ok impact "$S1" Vertrauen Datenmenge 2
run_ok add code "$S1" "Wissen"
printf 'Erste Zeile über Wissen\nZweite Zeile\n' > minutes.txt
run_ok import-doc "$S1" minutes.txt
out_id
DOC=$ID
run_ok code "$S1" "$DOC" 1-2 Wissen
run_ok code "$S1" "$DOC" 2 "Abfluss von Erfahrungswissen"
counts "$S1" > counts_s1.txt
counts "$S2" > counts_s2.txt

# duplicate: a new id; the copy has the same rows in every table
run_ok duplicate "$S1" "Kopie"
out_id
S3=$ID
same "$S3" $((LAST + 3)) "duplicate prints the new id"
counts "$S3" > counts_s3.txt
files_same counts_s1.txt counts_s3.txt "duplicate copies every table"
sql_is "SELECT title FROM session WHERE id = $S3" "Kopie"
if grep -q '^coding=2$' counts_s3.txt; then _pass; else _fail "the copy has its two codings"; fi
if grep -q '^unseen_stakeholder=2$' counts_s3.txt; then _pass; else _fail "the copy has its two stakeholder links"; fi
# the copy is independent: its items are new rows
sql_is "SELECT count(*) FROM unseen WHERE session_id = $S3 AND id IN (SELECT id FROM unseen WHERE session_id = $S1)" 0
# duplicate without a title keeps a title of its own
run_ok duplicate "$S2"
out_id
S4=$ID
sql_is "SELECT count(*) FROM session" $((HAD + 4))

# delete without --yes: a usage error, nothing changes
refused 1 delete "$S1"
err_has "--yes"
sql_is "SELECT count(*) FROM session WHERE id = $S1" 1

# delete an unknown session
refused 2 delete 99 --yes
refused 2 delete "Gibt es nicht" --yes

# delete with --yes: the session and all its rows are gone
run_ok delete "$S1" --yes
sql_is "SELECT count(*) FROM session WHERE id = $S1" 0
for t in $(sql "SELECT m.name FROM sqlite_schema m WHERE m.type = 'table' AND m.name <> 'changelog' AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) WHERE name = 'session_id')"); do
	sql_is "SELECT count(*) FROM \"$t\" WHERE session_id = $S1" 0 "rows of the deleted session in $t"
done
counts "$S1" | grep -v '^session=' | grep -v '=0$' > left.txt
if [ -s left.txt ]; then _fail "rows of the deleted session left: $(tr '\n' ' ' < left.txt)"; else _pass; fi
sql_is "PRAGMA foreign_key_check" "" "no orphan rows after delete"
sql_is "SELECT count(*) FROM line WHERE document_id NOT IN (SELECT id FROM document)" 0
# the others are untouched
counts "$S2" > counts_s2_after.txt
files_same counts_s2.txt counts_s2_after.txt "delete leaves other sessions alone"
counts "$S3" > counts_s3_after.txt
files_same counts_s3.txt counts_s3_after.txt "delete leaves the copy alone"
run_ok sessions
out_lacks "Digitale Souveränität"
out_has "Kopie"
run_ok delete Kopie --yes
sql_is "SELECT count(*) FROM session" $((HAD + 2))

# unknown session, by number and by title
refused 2 show 99
err_has "99"
refused 2 show "Kein solcher Workshop"
err_has "Kein solcher Workshop"
refused 2 duplicate 99
refused 2 add unseen 99 "Etwas"
refused 2 add unseen "Kein solcher Workshop" "Etwas"

# an ambiguous title: two sessions called the same
run_ok new "Gleich"
run_ok new "Gleich"
refused 2 show "Gleich"
err_has "Gleich"
refused 2 add unseen "Gleich" "Etwas"
refused 2 delete "Gleich" --yes

# usage errors
refused 1 new
refused 1 show
refused 1 sessions extra
refused 1 new "Skala" --scale
refused 2 new "Skala" --scale 5
