# Two terminals on one database (a second laptop on the same host, a
# subgroup in parallel): each sees the other's change within a second,
# without a key press, and a save over someone else's newer text is told
# and shown both texts instead of overwriting them silently.

run_ok new "Zwei Fenster"
run_ok add unseen 1 "Erstes Unseen"
start a 100x30 1
start b 100x30 1
keys a 2
keys b 2
wait_for a "Erstes Unseen"
wait_for b "Erstes Unseen"

# A adds; B shows it without being touched.
keys a a
type_text a "Aus Fenster A: Größenvorteile"
keys a Enter
wait_for a "Unseen 2 angelegt"
keys a Escape
gone a "Neu: Unseen"
wait_for b "Aus Fenster A: Größenvorteile" 3

# B votes; A shows the vote.
keys b j + +
wait_for b "Unseen 2: 2 Stimmen"
wait_for a "●2" 3

# Both open the description of unseen 1; A saves first, then B.
keys a k e
keys b k e
wait_for a "Unseen 1 bearbeiten"
wait_for b "Unseen 1 bearbeiten"
# the form: the description is the row after the title
keys a Tab
keys b Tab
wait_for a "Enter neue Zeile"
wait_for b "Enter neue Zeile"
type_text a "Fassung von A"
type_text b "Fassung von B"
keys a F2
wait_for a "Unseen 1 gespeichert"
keys b F2
wait_for b "Gleichzeitige Änderung"
wait_for b "Fassung von A"
wait_for b "Fassung von B"
is "A's text kept until B decides" "$(sql_value "SELECT description FROM unseen WHERE id = 1")" \
	"Fassung von A"
# B keeps the stored text (A's): nothing is overwritten.
keys b Enter
wait_for b "Was soll gelten?"
keys b Down Enter
gone b "Was soll gelten?"
is "B chose to keep A's text" "$(sql_value "SELECT description FROM unseen WHERE id = 1")" \
	"Fassung von A"
keys a F10
keys b F10
