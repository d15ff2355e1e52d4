# The wall (F5, issue "a wall view per step"): each of steps 1 to 5 shows
# its content large for the room, without step bar and status line;
# voting, the step keys, Tab, undo, the timer and the theme work on it;
# a second terminal projecting the same session sees a vote made in the
# first.  On a duplicated session, so that ids differ from numbers;
# votes are read back through the command line.  Screenshots of every
# wall at 160x45 and 80x24 go to the artefacts.

run_ok demo
out_id
run_ok duplicate "$ID" "Wand"
out_id
S=$ID

# The unseens as the wall ranks them: votes, then vulnerability.
ranked() {
	sql_value "SELECT $1 FROM unseen WHERE session_id = $S ORDER BY votes DESC,
		CASE WHEN likelihood IS NULL OR impact IS NULL OR capacity IS NULL THEN 1 ELSE 0 END,
		likelihood * impact * (6 - capacity) DESC, position, id"
}
# votes_of ID: unseen ID's votes as `didat list unseen` prints them.
votes_of() {
	didat list unseen "$S" >/dev/null
	awk -F'\t' -v id="$1" '$1 == id { print $9 }' "$OUT"
}
# wait_votes ID N: the command line sees N votes on unseen ID (within 5 s).
wait_votes() {
	tries=50
	while [ "$tries" -gt 0 ]; do
		if [ "$(votes_of "$1")" = "$2" ]; then
			_pass
			return 0
		fi
		sleep 0.1
		tries=$((tries - 1))
	done
	_fail "unseen $1 has $(votes_of "$1") votes, not $2"
}
# wait_row NAME TITLE VOTES: the wall of NAME shows TITLE's row with VOTES.
wait_row() {
	tries=50
	while [ "$tries" -gt 0 ]; do
		if screen "$1" | grep -F -- "$2" | grep -qE "█ +$3 "; then
			_pass
			return 0
		fi
		sleep 0.1
		tries=$((tries - 1))
	done
	_fail "the wall of $1 never showed '$2' with $3 votes"
	screen "$1" | sed 's/^/    | /' >&2
}
# both_shots NAME FILE: the screen at 160x45 and at 80x24 (back to 160x45).
both_shots() {
	shot "$1" "$2-160x45"
	resize "$1" 80x24
	sleep 0.3
	shot "$1" "$2-80x24"
	resize "$1" 160x45
	sleep 0.3
}

start w 160x45 "$S"
wait_for w "Leitfrage (L):"

# Step 1: the question, the four system boundaries, the components.
keys w F5
gone w "? Hilfe"
gone w "1 Leitfrage"
wait_for w "Wie können produzierende KMU den Risiken"
wait_for w "Innerhalb des Systems: Familiengeführte"
wait_for w "Außerhalb des Systems:"
wait_for w "Region:"
wait_for w "Zeithorizont:"
wait_for w "K1 $(sql_value "SELECT name FROM component WHERE session_id = $S ORDER BY number LIMIT 1") — "
both_shots w wall-1-question

# Step 2 (a step key): the unseens in rank order, a vote bar and the
# vulnerability; the chosen one in block letters on top at 160x45.
keys w 2
first=$(ranked title | sed -n 1p)
second=$(ranked title | sed -n 2p)
wait_for w "1. $first"
wait_for w "2. $second"
wait_for w "Verletzlichkeit"
wait_row w "$first" "$(ranked votes | sed -n 1p)"
row1=$(screen w | grep -nF "1. $first" | cut -d: -f1)
row2=$(screen w | grep -nF "2. $second" | cut -d: -f1)
if [ "$row1" -lt "$row2" ]; then _pass; else _fail "rank 1 on row $row1, rank 2 on row $row2"; fi
if [ "$(screen w | head -4 | grep -c '█')" -gt 0 ]; then _pass; else _fail "no block letters on top"; fi
both_shots w wall-2-unseens
resize w 80x24
wait_for w "1. $(printf '%s' "$first" | cut -c1-20)"
is "no block letters at 80x24" "$(screen w | head -3 | grep -c '█▀\|▀▀')" 0
resize w 160x45

# Votes on the cursor row: the third unseen gets + + -, and it is that
# one (its id, read from the data) that has one vote more.
third_id=$(ranked id | sed -n 3p)
third=$(ranked title | sed -n 3p)
before=$(votes_of "$third_id")
total=$(sql_value "SELECT sum(votes) FROM unseen WHERE session_id = $S")
keys w Down Down
keys w +
wait_votes "$third_id" $((before + 1))
keys w +
wait_votes "$third_id" $((before + 2))
keys w -
wait_votes "$third_id" $((before + 1))
is "no other unseen's votes changed" \
	"$(sql_value "SELECT sum(votes) FROM unseen WHERE session_id = $S")" $((total + 1))
wait_row w "$third" $((before + 1))
is "the original session keeps its votes" \
	"$(sql_value "SELECT votes FROM unseen WHERE session_id = $(sql_value "SELECT min(id) FROM session") AND title = '$third'")" "$before"

# u undoes the last vote (the -), still on the wall.
keys w u
wait_votes "$third_id" $((before + 2))
wait_row w "$third" $((before + 2))
gone w "? Hilfe"

# A second terminal projecting the same session sees the first one's vote.
start v 160x45 "$S"
wait_for v "? Hilfe"
keys v 2 F5
wait_row v "$third" $((before + 2))
keys w +
wait_votes "$third_id" $((before + 3))
wait_row v "$third" $((before + 3))
keys v q
wait_for v "? Hilfe"
keys v F10
wait_exit v

# Tab: step 3 on the wall, the matrix as a heat map beside the AS/PS
# plot with the short names and the roles.
keys w Tab
wait_for w "Einflussmatrix 9×9 · Skala 0–3"
gone w "? Hilfe"
wait_for w "Führ"
wait_for w "kritisch"
wait_for w "puffernd"
# the heat map colours its cells (reverse video in the theme's colours)
if tm capture-pane -e -p -t e2e:w | grep -q "$(printf '\033')\[[0-9;]*7[;m]"; then _pass; else
	_fail "the heat map has no coloured cells"; fi
both_shots w wall-3-matrix

# Step 4: goals with the goals they conflict with.
keys w 4
a=$(sql_value "SELECT g.text FROM conflict c JOIN goal g ON g.id = c.goal_a WHERE c.session_id = $S ORDER BY c.id LIMIT 1")
b=$(sql_value "SELECT g.text FROM conflict c JOIN goal g ON g.id = c.goal_b WHERE c.session_id = $S ORDER BY c.id LIMIT 1")
wait_for w "Ziele"
wait_for w "$a"
wait_for w "⚡ im Konflikt mit: $b"
both_shots w wall-4-goals

# Step 5: the bundle board, a column per actor group.
keys w 5
A=$(sql_value "SELECT id FROM actor WHERE session_id = $S AND letter = 'A'")
wait_for w "Bündel-Tafel: die Maßnahmen je Akteursgruppe"
wait_for w "A ($(sql_value "SELECT count(*) FROM measure WHERE actor_id = $A")) KMU allgemein"
wait_for w "P1 · kurzfristig"
both_shots w wall-5-board
resize w 80x24
groups=$(sql_value "SELECT count(*) + EXISTS (SELECT 1 FROM measure WHERE session_id = $S AND actor_id IS NULL) FROM actor WHERE session_id = $S")
wait_for w "Gruppen 1–3 von $groups (← →)"
keys w Right Right Right
wait_for w "D ("
resize w 160x45

# The timer: large on top while it runs, the corner's clock not shown.
keys w t
tries=50
while [ "$tries" -gt 0 ] && [ "$(screen w | head -3 | grep -c -e '▀' -e '▄' -e '█')" -eq 0 ]; do
	sleep 0.1
	tries=$((tries - 1))
done
is "the timer in block letters" "$(screen w | head -3 | grep -c -e '▀' -e '▄' -e '█')" 3
gone w "⏱"
shot w wall-timer-160x45
resize w 80x24
sleep 0.3
is "the timer in block letters at 80x24" "$(screen w | head -3 | grep -c -e '▀' -e '▄' -e '█')" 3
shot w wall-timer-80x24
resize w 160x45
keys w t
tries=30
while [ "$tries" -gt 0 ] && [ "$(screen w | head -3 | grep -c -e '▀' -e '▄' -e '█')" -ne 0 ]; do
	sleep 0.1
	tries=$((tries - 1))
done
is "timer gone" "$(screen w | head -3 | grep -c -e '▀' -e '▄' -e '█')" 0

# The timer's end, with a length in minutes and seconds: the whole screen
# turns reverse video for a moment, the board's lines (│) still lines,
# and the bell rings.  Another window is shown meanwhile, so that tmux
# flags the bell on the wall's window.
# the reverse-video switches tmux writes (ESC[7m, ESC[0;7m, ...) in
# one capture, and the lines with │ in the same capture
reversed() { printf '%s\n' "$1" | grep -oE "$(printf '\033')\[([0-9]+;)*7m" | wc -l; }
box_lines() { printf '%s\n' "$1" | sed "s/$(printf '\033')\[[0-9;]*m//g" | grep -c '│'; }
before=$(reversed "$(tm capture-pane -e -p -t e2e:w)")
keys w T
wait_for w "Timer in Minuten (1–180, oder m:ss)"
keys w C-u
type_text w "0:02"
keys w Enter
start other 160x45 --version
tries=60
while [ "$tries" -gt 0 ]; do
	shown=$(tm capture-pane -e -p -t e2e:w)
	[ "$(reversed "$shown")" -ge $((before + 10)) ] && break
	sleep 0.1
	tries=$((tries - 1))
done
flash=$(reversed "$shown")
is "the wall flashes ($before reverse-video switches before, $flash in the flash)" \
	"$([ "$flash" -ge $((before + 10)) ] && echo yes)" yes
is "the board's lines kept in the flash" "$([ "$(box_lines "$shown")" -gt 10 ] && echo yes)" yes
shot w wall-timer-end-160x45
is "the bell rang" "$(tm display-message -p -t e2e:w '#{window_bell_flag}')" 1
tries=40
while [ "$tries" -gt 0 ] && [ "$(reversed "$(tm capture-pane -e -p -t e2e:w)")" -ge "$flash" ]; do
	sleep 0.1
	tries=$((tries - 1))
done
is "the flash ends" "$([ "$(reversed "$(tm capture-pane -e -p -t e2e:w)")" -lt "$flash" ] && echo yes)" yes
tm select-window -t e2e:w
keys w t

# F6 changes the colours on the wall too.
before_theme=$(tm capture-pane -e -p -t e2e:w | md5sum)
keys w F6
tries=30
while [ "$tries" -gt 0 ] && [ "$(tm capture-pane -e -p -t e2e:w | md5sum)" = "$before_theme" ]; do
	sleep 0.1
	tries=$((tries - 1))
done
if [ "$(tm capture-pane -e -p -t e2e:w | md5sum)" != "$before_theme" ]; then _pass; else
	_fail "F6 did not change the wall's colours"; fi

# Steps without a wall of their own show the current item, as before;
# q leaves the wall.
keys w 7
gone w "Bündel-Tafel"
wait_for w "Wie können produzierende KMU"
keys w q
wait_for w "? Hilfe"
keys w F10
wait_exit w
