# Found by fuzzing: projector mode (now the wall, F5) word-wraps by
# columns, but a word of zero-width characters ("Zalgo" text: a letter
# and hundreds of combining accents) takes one column and many bytes.
# Two such words once overran the row buffer (then tui/projector.c, now
# tui/wall.c) and the program died in free().  Now the projected question
# and unseen are shown and the program goes on, wide and narrow.  (How
# many of such words fit a row is the wall's business: only the plain
# word before them is looked for.)

run_ok demo

# U+0301 COMBINING ACUTE ACCENT, 700 times after an "a": 1401 bytes, one column.
m=$(printf '\314\201')
m10="$m$m$m$m$m$m$m$m$m$m"
m100="$m10$m10$m10$m10$m10$m10$m10$m10$m10$m10"
word="a$m100$m100$m100$m100$m100$m100$m100"
zalgo="$word"
i=1
while [ "$i" -lt 20 ]; do
	zalgo="$zalgo $word"
	i=$((i + 1))
done
run_ok edit unseen 1 1 --description "Vorher $zalgo Nachher"
# The wall wraps a session's question and lists an unseen's title.
run_ok new "Zalgo" --question "Vorher $zalgo Nachher"
out_id
Z=$ID
run_ok add unseen "$Z" "Vorher $zalgo Nachher"

for size in 80x24 40x12; do
	start "p$size" "$size" "$Z"
	resize "p$size" "$size"
	wait_for "p$size" "? Hilfe"
	keys "p$size" 1
	# The wall has no status line; step 1 shows the question, which
	# begins with a plain word, step 2 the unseen's title.
	keys "p$size" F5
	gone "p$size" "? Hilfe"
	wait_for "p$size" "Vorher"
	keys "p$size" 2
	wait_for "p$size" "1. Vorher"
	keys "p$size" Down Up + -
	wait_for "p$size" "1. Vorher"
	is "alive on the wall at $size" "$(didat_pid "p$size" | wc -l | tr -d ' ')" 1
	keys "p$size" F5
	wait_for "p$size" "Unseens (1)"
	keys "p$size" F10
	gone "p$size" "Unseens (1)"
	wait_exit "p$size"
done

# Step 2's screen and the detail of the first unseen, in session 1.
start detail 80x24 1
wait_for detail "? Hilfe"
keys detail 2
wait_for detail "Vorher"
is "alive with the description shown" "$(didat_pid detail | wc -l | tr -d ' ')" 1
keys detail F10
wait_exit detail
