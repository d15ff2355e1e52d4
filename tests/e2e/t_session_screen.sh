# The session on the screen (issue 13, 6 and 7): step 1 edits the
# workshop's date, place, facilitator, participants and notes, the browser shows
# them, and each terminal's u takes back its own person's change only.
# On a duplicated session; every result is read back through the CLI.

run_ok demo
out_id
run_ok duplicate "$ID" "Werkstatt Kassel"
out_id
S=$ID

start one 120x35 "$S"
wait_for one "1 Leitfrage"
wait_for one "Datum (D): 2026-03-05 · Ort (O): Kassel"
wait_for one "Moderation (M): Dr. Miriam Vogt · Teilnehmende (P): Zwölf Personen"
keys one D
wait_for one "Sitzung $S: Datum"
keys one C-u
type_text one "2026-12-07"
keys one Enter
wait_for one "Sitzung $S gespeichert"
keys one O
keys one C-u
type_text one "Göttingen, Aula"
keys one Enter
wait_for one "Datum (D): 2026-12-07 · Ort (O): Göttingen, Aula"
keys one M
keys one C-u
type_text one "Jörg Weiß"
keys one Enter
wait_for one "Moderation (M): Jörg Weiß"
keys one P
keys one C-u
type_text one "Ärztinnen, „Kammer“, IHK"
keys one Enter
wait_for one "Moderation (M): Jörg Weiß · Teilnehmende (P): Ärztinnen, „Kammer“, IHK"
# the notes: several lines, shown on one line with ↵
DEMO_NOTES=$(sql_value "SELECT notes FROM session WHERE id = 1")
wait_for one "Notizen (B): Demo-Sitzung zum Ausprobieren"
keys one B
wait_for one "Sitzung $S: Notizen"
keys one C-u
type_text one "Erste Zeile"
keys one Enter
type_text one "Zweite „Zeile“ mit ß"
keys one F2
wait_for one "Notizen (B): Erste Zeile↵Zweite „Zeile“ mit ß"
is "notes stored" "$(sql_value "SELECT notes FROM session WHERE id = $S")" "Erste Zeile
Zweite „Zeile“ mit ß"
is "the demo session's notes unchanged" "$(sql_value "SELECT notes FROM session WHERE id = 1")" "$DEMO_NOTES"
run_ok show "$S"
out_has "2026-12-07"
out_has "Göttingen, Aula"
out_has "Jörg Weiß"
out_has "Ärztinnen, „Kammer“, IHK"
is "the demo session kept its place" \
	"$(sql_value "SELECT place FROM session WHERE id = 1")" "Kassel, Seminarraum der Hochschule"

# the browser shows the chosen session's place, facilitator and participants
keys one q
wait_for one "Sitzungen ("
keys one Home
while ! screen one | grep -q "Ort: Göttingen"; do
	keys one j
	tries=$(( ${tries:-0} + 1 ))
	[ "$tries" -gt 5 ] && break
done
wait_for one "Ort: Göttingen, Aula · Moderation: Jörg Weiß"
wait_for one "Teilnehmende: Ärztinnen, „Kammer“, IHK"
keys one F10
wait_exit one

# Two people on the session: anna's u passes over ben's later change.
U=$(sql_value "SELECT id FROM unseen WHERE session_id = $S ORDER BY position, id LIMIT 1")
START_ENV=DIDAT_CODER=anna start anna 120x35 "$S"
wait_for anna "1 Leitfrage"
keys anna 2
wait_for anna "Unseen $U"
keys anna +
wait_for anna "Unseen $U:"
VOTES=$(sql_value "SELECT votes FROM unseen WHERE id = $U")
run_ok --coder ben edit unseen "$S" "$U" --causes "Bens Ursache"
keys anna u
wait_for anna "Rückgängig: Unseen $U geändert"
is "anna's vote is taken back" "$(sql_value "SELECT votes FROM unseen WHERE id = $U")" $((VOTES - 1))
is "ben's change stays" "$(sql_value "SELECT causes FROM unseen WHERE id = $U")" "Bens Ursache"
run_ok --coder ben undo "$S"
out_is "Rückgängig: Unseen $U geändert"
is "ben's own undo takes his change back" \
	"$(sql_value "SELECT causes IS NOT 'Bens Ursache' FROM unseen WHERE id = $U")" 1
keys anna F10
