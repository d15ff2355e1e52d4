# Found by fuzzing: projector mode word-wraps by columns, but a word of
# zero-width characters ("Zalgo" text: a letter and hundreds of combining
# accents) takes one column and many bytes.  Two such words once overran
# the row buffer (tui/projector.c) and the program died in free().  Now
# the projected unseen is shown and the program goes on, wide and narrow.
# (How many of such words fit a row is the projector's business: only
# the plain word before them is looked for.)

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

for size in 80x24 40x12; do
	start "p$size" "$size" 1
	resize "p$size" "$size"
	wait_for "p$size" "? Hilfe"
	keys "p$size" 2
	wait_for "p$size" "Datenabfluss"
	# Projector mode has no status line; it shows the unseen's title and
	# its description, which begins with a plain word.
	keys "p$size" F5
	gone "p$size" "? Hilfe"
	wait_for "p$size" "Datenabfluss über"
	wait_for "p$size" "Vorher"
	keys "p$size" Down Up
	wait_for "p$size" "Vorher"
	is "alive in projector mode at $size" "$(didat_pid "p$size" | wc -l | tr -d ' ')" 1
	keys "p$size" F5
	wait_for "p$size" "? Hilfe"
	keys "p$size" F10
	gone "p$size" "? Hilfe"
	wait_exit "p$size"
done
