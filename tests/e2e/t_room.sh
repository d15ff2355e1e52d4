# In the room: the help screen, the timer in the corner, themes, and a
# screen without colour for NO_COLOR.

run_ok demo
start room 100x30 1
wait_for room "1 Leitfrage"

keys room 2 '?'
wait_for room "Tasten"
wait_for room "Punkt geben / wegnehmen"
wait_for room "Wandansicht: dieser Schritt groß für den Raum, an/aus"
keys room Escape
gone room "Wandansicht: dieser Schritt groß"

keys room t
wait_for room "Timer: 10 Minuten."
wait_for room "⏱ 09:5"
keys room 4
wait_for room "⏱ 09:5"
keys room t
wait_for room "Timer angehalten."
gone room "⏱"

keys room F6
wait_for room "Farbschema: Hell"
if tm capture-pane -e -p -t e2e:room | grep -q "$(printf '\033')\[[0-9;]*3[0-7]m\|38;5;"; then
	_pass
else
	_fail "the default screen has no colour"
fi
keys room F10

START_ENV=NO_COLOR=1 start mono 100x30 1
wait_for mono "1 Leitfrage"
keys mono 2
wait_for mono "Datenabfluss"
if tm capture-pane -e -p -t e2e:mono | grep -q "$(printf '\033')\[[0-9;]*3[0-7]m\|38;5;"; then
	_fail "NO_COLOR still shows colour"
else
	_pass
fi
keys mono F10
