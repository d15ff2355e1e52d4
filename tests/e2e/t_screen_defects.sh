# What real use found on the screen (issue 9), checked in a duplicated
# session, whose ids differ from the numbers and letters on the screen:
# distinct matrix labels, the Export tab beside the running timer, a
# measure without actor group, the decimal comma, Space while projecting,
# the timer's singular, undo's selection, the concurrent-edit dialog's "Weiter bearbeiten",
# and text typed into an item that another process deletes.

run_ok demo
run_ok duplicate 1 Kopie
s=$(sql_value "SELECT id FROM session WHERE title = 'Kopie'")
run_ok add variable "$s" "Abhängigkeit von Plattformen"
run_ok add variable "$s" "Abhängigkeit von Förderung"
run_ok add measure "$s" "Ohne Akteur prüfen"

start d 80x24 "$s"
wait_for d "Leitfrage (L):"

# Matrix at 80 columns: the given short names stay, the two new names
# that both begin "Abh" get distinct labels, in the headers and the table.
keys d 3 m
wait_for d "Einflussmatrix 11×11"
wait_for d "Av Plattforme"
gone d "Abhängigkeit v"
keys d a
wait_for d "Füh Qua DSo ITS Abh Koo Inn Wet För AvP AvF"
keys d a

# The running timer takes its room from the step bar: Export stays.
keys d t
wait_for d "⏱"
is "export tab beside the timer" "$(screen d | head -1 | grep -cE ' (E|Export) +⏱')" 1
keys d t
wait_for d "Timer angehalten."
keys d T
wait_for d "Timer in Minuten"
keys d C-u
type_text d "1"
keys d Enter
wait_for d "Timer: 1 Minute."
keys d t

# A measure without actor group: an en dash, not half of one.
keys d 5 End
wait_for d "–  Ohne Akteur prüfen"
is "no broken characters" "$(screen d | grep -c '�')" 0

# Vulnerabilities with a decimal comma, as in the report.
keys d 2 Home
wait_for d "Unseens (10)"
is "decimal comma on screen" "$(screen d | grep -cE ' V[0-9]+,[0-9]$')" 10
is "no decimal point on screen" "$(screen d | grep -cE ' V[0-9]+\.[0-9]')" 0

# Projecting, the wall ranks the unseens by votes; Space moves its
# cursor to the next, and + votes there.
first=$(sql_value "SELECT title FROM unseen WHERE session_id = $s ORDER BY position, id LIMIT 1")
top=$(sql_value "SELECT title FROM unseen WHERE session_id = $s ORDER BY votes DESC, position, id LIMIT 1")
second_id=$(sql_value "SELECT id FROM unseen WHERE session_id = $s ORDER BY votes DESC,
	CASE WHEN likelihood IS NULL OR impact IS NULL OR capacity IS NULL THEN 1 ELSE 0 END,
	likelihood * impact * (6 - capacity) DESC, position, id LIMIT 1 OFFSET 1")
second_votes=$(sql_value "SELECT votes FROM unseen WHERE id = $second_id")
keys d F5
wait_for d "1. $(printf '%s' "$top" | cut -c1-20)"
keys d Space +
tries=50
while [ "$tries" -gt 0 ] && [ "$(sql_value "SELECT votes FROM unseen WHERE id = $second_id")" = "$second_votes" ]; do
	sleep 0.1
	tries=$((tries - 1))
done
is "Space, then + votes on the second" "$(sql_value "SELECT votes FROM unseen WHERE id = $second_id")" $((second_votes + 1))
keys d u
keys d F5
wait_for d "Unseens (10)"

# An undone delete selects the restored unseen, wherever the cursor went.
third=$(sql_value "SELECT id FROM unseen WHERE session_id = $s ORDER BY position, id LIMIT 1 OFFSET 2")
keys d Home Down Down d
wait_for d "löschen"
keys d j
wait_for d "Unseen $third gelöscht"
keys d End u
wait_for d "Rückgängig: Unseen $third gelöscht"
keys d e
wait_for d "Unseen $third bearbeiten"
keys d Escape
gone d "Unseen $third bearbeiten"
is "restored" "$(sql_value "SELECT count(*) FROM unseen WHERE id = $third")" 1

# Someone else changes the title while it is edited in the form:
# "Weiter bearbeiten" goes back to the field, and the next save does not
# ask again.
u=$(sql_value "SELECT id FROM unseen WHERE session_id = $s AND title = '$first'")
keys d Home e
wait_for d "bearbeiten"
wait_for d "$first"
keys d End
type_text d " (meine)"
run_ok edit unseen "$s" "$u" --title "Fremder Titel"
keys d F2
wait_for d "Gleichzeitige Änderung"
keys d Enter
wait_for d "Was soll gelten?"
keys d End Enter
wait_for d "$first (meine)"
keys d F2
wait_for d "gespeichert"
gone d "Gleichzeitige Änderung"
is "title after edit again" "$(sql_value "SELECT title FROM unseen WHERE id = $u")" "$first (meine)"

# Another process deletes the unseen being edited: the text is kept as
# a draft and the command line lists it.
keys d e
wait_for d "bearbeiten"
wait_for d "$first (meine)"
keys d End
type_text d " und mehr"
run_ok remove unseen "$s" "$u"
keys d F2
wait_for d "als Entwurf"
is "draft kept" "$(sql_value "SELECT count(*) FROM draft WHERE text = '$first (meine) und mehr'")" 1
run_ok drafts "$s"
out_has "$first (meine) und mehr"
keys d F10
wait_exit d
