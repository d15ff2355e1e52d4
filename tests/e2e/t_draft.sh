# Killed while typing (SIGTERM, SIGHUP as from a closed ssh connection):
# the terminal is restored, the database stays consistent, and what was
# typed comes back as a draft on the next start.

run_ok new "Entwürfe"
run_ok add unseen 1 "Ein Unseen"

for sig in TERM HUP; do
	start "w$sig" 100x30 1
	keys "w$sig" 2
	wait_for "w$sig" "Ein Unseen"
	keys "w$sig" e
	wait_for "w$sig" "Unseen 1 bearbeiten"
	# the form: title, description, then the causes
	keys "w$sig" Tab Tab
	wait_for "w$sig" "Enter neue Zeile"
	type_text "w$sig" "Getippt vor $sig: Überstunden"
	wait_for "w$sig" "Getippt vor $sig"
	pid=$(didat_pid "w$sig")
	if [ -n "$pid" ]; then _pass; else _fail "no didat process in window w$sig"; fi
	kill -s "$sig" "$pid"
	wait_exit "w$sig"
	# The terminal is restored: out of the alternate screen, cursor shown.
	is "alternate screen after SIG$sig" \
		"$(tm display-message -p -t "e2e:w$sig" '#{alternate_on}#{cursor_flag}')" "01"
	is "draft after SIG$sig" "$(sql_value "SELECT text FROM draft WHERE target = 'unseen:1:causes'")" \
		"Getippt vor $sig: Überstunden"
	is "nothing saved after SIG$sig" "$(sql_value "SELECT coalesce(causes, '') FROM unseen WHERE id = 1")" ""

	# The next start offers the draft; taking it opens the editor with it.
	start "r$sig" 100x30 1
	wait_for "r$sig" "Wieder bearbeiten?"
	keys "r$sig" j
	wait_for "r$sig" "Getippt vor $sig: Überstunden"
	keys "r$sig" F2
	wait_for "r$sig" "Unseen 1 gespeichert"
	is "draft saved after SIG$sig" "$(sql_value "SELECT causes FROM unseen WHERE id = 1")" \
		"Getippt vor $sig: Überstunden"
	is "draft gone after SIG$sig" "$(sql_value "SELECT count(*) FROM draft")" 0
	keys "r$sig" F10
	wait_exit "r$sig"
	run_ok edit unseen 1 1 --causes ""
done
