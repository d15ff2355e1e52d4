# Drafts are written while typing pauses (issue 9, defect 10): killed with
# SIGKILL, which no handler sees, the program loses at most the last
# seconds; the next start offers the draft by the item's name.

run_ok demo
out_id
run_ok duplicate "$ID" "Kopie"
out_id
S=$ID
U=$(sql_value "SELECT id FROM unseen WHERE session_id = $S ORDER BY position, id LIMIT 1")
TITLE=$(sql_value "SELECT title FROM unseen WHERE id = $U")

# draft_text TARGET: the stored draft, polled for up to 5 s
draft_text() {
	tries=50
	while [ "$tries" -gt 0 ]; do
		got=$(sql_value "SELECT text FROM draft WHERE target = '$1'")
		[ -n "$got" ] && break
		sleep 0.1
		tries=$((tries - 1))
	done
	printf '%s' "$got"
}

start k 120x35 "$S"
keys k 2
wait_for k "Unseen $U"
keys k e
wait_for k "Unseen $U bearbeiten"
# the form: title, description, then the causes
keys k Tab Tab
wait_for k "Enter neue Zeile"
keys k C-End
type_text k " Getippt vor kill -9"
wait_for k "Getippt vor kill -9"
is "the draft is written after a pause" "$(draft_text "unseen:$U:causes" | grep -c 'Getippt vor kill -9')" 1
kill -9 "$(didat_pid k)"
wait_exit k

start r 120x35 "$S"
wait_for r "Wieder bearbeiten?"
wait_for r "Unseen $U"
gone r "unseen:$U:causes"
is "the draft's time is local, not UTC" "$(screen r | grep -cE '[0-9]T[0-9][0-9]:[0-9][0-9]|[0-9]Z[)]')" 0

keys r j
wait_for r "Getippt vor kill -9"
keys r F2
wait_for r "Unseen $U gespeichert"
is "the draft is saved" "$(sql_value "SELECT causes FROM unseen WHERE id = $U" | grep -c 'Getippt vor kill -9')" 1
is "and gone" "$(sql_value "SELECT count(*) FROM draft")" 0
keys r F10
wait_exit r
