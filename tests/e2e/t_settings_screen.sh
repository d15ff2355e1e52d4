# Settings that stay (issue 13, 8): the colour scheme and each session's
# step are kept per user in $XDG_CONFIG_HOME/didat/settings, and a session
# reopens on the step and the row it was left on; another session keeps
# its own.

run_ok demo
out_id
A=$ID
run_ok duplicate "$A" "Zweite"
out_id
B=$ID
export XDG_CONFIG_HOME="$PWD/config"
START_ENV="XDG_CONFIG_HOME=$XDG_CONFIG_HOME"

start s1 100x30 "$B"
wait_for s1 "1 Leitfrage"
keys s1 4
wait_for s1 "Ziele je Komponente"
keys s1 F6
wait_for s1 "Farbschema: Hell"
keys s1 F10
wait_exit s1
is "the settings file names the theme" "$(grep '^theme' config/didat/settings)" \
	"$(printf 'theme\tlight')"
is "and the copy's step" "$(grep -cE "$(printf '\t')$B$(printf '\t')3($(printf '\t')|\$)" config/didat/settings)" 1

# the copy reopens on step 4 in the light scheme: F6 goes on from there
start s2 100x30 "$B"
wait_for s2 "Ziele je Komponente"
keys s2 F6
wait_for s2 "Farbschema: Hoher Kontrast"
keys s2 5
wait_for s2 "Maßnahmen"
# the third measure chosen: the next start is back on it
M3=$(sql_value "SELECT id FROM measure WHERE session_id = $B ORDER BY id LIMIT 1 OFFSET 2")
keys s2 Down Down
wait_for s2 "Maßnahme $M3"
keys s2 F10
wait_exit s2
is "the row is kept" "$(grep -c "$(printf '\t')$B$(printf '\t')4$(printf '\t')measure:$M3\$" config/didat/settings)" 1

# the demo session was never left anywhere: it opens on step 1
start s3 100x30 "$A"
wait_for s3 "1 Leitfrage"
keys s3 2
wait_for s3 "Datenabfluss"
keys s3 F10
wait_exit s3
start s4 100x30 "$B"
wait_for s4 "Maßnahmen"
wait_for s4 "Maßnahme $M3"
keys s4 q
wait_for s4 "Sitzungen ("
keys s4 F10
wait_exit s4
start s5 100x30 "$A"
wait_for s5 "Datenabfluss"
keys s5 F10
wait_exit s5

# a garbled settings file is the defaults, and is mended by the next change
printf 'theme\n\001\033[31m garbage\nstep\t%s\n' "$DIDAT_DB" >config/didat/settings
start s6 100x30 "$B"
wait_for s6 "1 Leitfrage"
keys s6 F6
wait_for s6 "Farbschema: Hell"
keys s6 F10
wait_exit s6
is "the garbled theme line is replaced" "$(grep -c "$(printf '^theme\tlight$')" config/didat/settings)" 1
