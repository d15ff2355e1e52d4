# Text exports and CSV written to a terminal (CSV went out raw before; the
# report already showed controls itself): a title with an escape sequence
# (clear the screen, set the window's title) is shown visibly, not
# obeyed; line ends and the CSV's columns stay as they are.  Redirected,
# the same export is byte for byte what the file gets.

run_ok demo
run_ok duplicate 1 Kopie
s=$(sql_value "SELECT id FROM session WHERE title = 'Kopie'")
run_ok add unseen "$s" "$(printf 'Flucht\033[2J\033]0;owned\007ende')"

start csv 160x45 export unseens "$s"
wait_for csv 'Flucht^[[2J^[]0;owned^Gende'
wait_for csv "Datenabfluss"
is "window title" "$(tm display-message -p -t e2e:csv '#{pane_title}' | grep -c owned)" 0
# the report is longer than the window: looked for in what scrolled by
start md 160x45 export report "$s"
wait_for md "Protokoll"
sleep 0.5
is "report shows it visibly" "$(tm capture-pane -p -S - -t e2e:md | grep -qF '^[[2J^[]0;owned^Gende' && echo yes)" yes

# the other commands that write CSV: the analysis, codes by coder
run_ok add variable "$s" "$(printf 'Var\033]0;owned\007x')"
start an 160x45 analyse "$s" --format csv
wait_for an 'Var^[]0;owned^Gx'
zugang=$(sql_value "SELECT id FROM code WHERE session_id = $s AND name = 'Zugang'")
run_ok codebook "$s" rename "$zugang" "$(printf 'Zu\033]0;owned\007gang')"
start cc 160x45 codes "$s" --by coder --format csv
wait_for cc 'Daten/Zu^[]0;owned^Ggang'
for w in csv md an cc; do
	is "window $w's title" "$(tm display-message -p -t "e2e:$w" '#{pane_title}' | grep -c owned)" 0
done

# not a terminal: the bytes as they are, the same as written to a file
"$DIDAT" export unseens "$s" >piped.csv
run_ok export unseens "$s" -o file.csv
is "piped = file" "$(cmp -s piped.csv file.csv && echo same)" same
is "escape kept in the file" "$(grep -c "$(printf '\033')" file.csv)" 1
