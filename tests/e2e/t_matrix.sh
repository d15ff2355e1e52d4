# Step 3's impact matrix (m on the variables screen): rating cells with
# digits, clearing them, the diagonal and the scale refused, the sums and
# roles beside the grid following every change, undo and a change from
# another process shown, the narrow screen, scrolling a larger matrix,
# and the way back to the variables and the stakeholder groups.

run_ok demo
var() { sql_value "SELECT id FROM variable WHERE session_id = $1 AND name = '$2'"; }
cell() { sql_value "SELECT coalesce((SELECT strength FROM impact WHERE from_id = $1 AND to_id = $2), '-')"; }
fuehrung=$(var 1 "Digitalkompetenz der Führung")
it=$(var 1 "IT-Sicherheitsniveau")
quali=$(var 1 "Qualifikation der Beschäftigten")

start m 100x30 1
wait_for m "1 Leitfrage"
keys m 3 m
wait_for m "Einflussmatrix 9×9 · Skala 0–3 (Ziffer bewertet, - leert) · Zelle 1→1"
# Beside the grid: AS, PS and the role of each variable, and the plot.
wait_for m "Digitalkompetenz der Führung    18   6 aktiv"
wait_for m "Staatliche Förderung und Bera   11   2 aktiv"
wait_for m "kritisch"
wait_for m "puffernd"
wait_for m "1 Zeile → 1 Spalte"

# The cursor names the cell in the status line.
keys m l l l
wait_for m "Digitalkompetenz der Führung → IT-Sicherheitsniveau: 3"
wait_for m "1 Zeile → 4 Spalte"

# A digit rates the cell at once; the sums follow.
keys m 1
wait_for m "Digitalkompetenz der Führung → IT-Sicherheitsniveau: 1 · gespeichert"
is "cell after 1" "$(cell "$fuehrung" "$it")" 1
wait_for m "Digitalkompetenz der Führung    16   6 aktiv"
wait_for m "IT-Sicherheitsniveau             5   9 puffernd"

# . (and - x Entf) make it unrated again.
keys m .
wait_for m "Digitalkompetenz der Führung → IT-Sicherheitsniveau: unbewertet · gespeichert"
is "cell after ." "$(cell "$fuehrung" "$it")" -
wait_for m "Digitalkompetenz der Führung    15   6 aktiv"
wait_for m "1 unbewertet"

# Undo brings the rating back, and the grid and the sums with it.
keys m u
wait_for m "Rückgängig"
is "cell after undo" "$(cell "$fuehrung" "$it")" 1
wait_for m "Digitalkompetenz der Führung    16   6 aktiv"

# A digit beyond the scale is no strength: it changes nothing and does
# what it does everywhere (4 and 5 go to steps 4 and 5); the diagonal is
# refused.
before=$(db_sum)
keys m 4
wait_for m "Ziele je Komponente"
keys m 3 m
wait_for m "Einflussmatrix 9×9"
keys m 5
wait_for m "Maßnahmen (16)"
keys m 3 m
wait_for m "Einflussmatrix 9×9"
keys m Home 2
wait_for m "Die Diagonale bleibt leer"
is "database after refused keys" "$(db_sum)" "$before"
# Digits within the scale rate cells: they do not switch steps.
wait_for m "Einflussmatrix 9×9"

# Another process rates a cell: the sums change without a key press.
run_ok impact 1 "Digitalkompetenz der Führung" "Qualifikation der Beschäftigten" 0
wait_for m "Digitalkompetenz der Führung    13   6 aktiv" 3
is "cell from the command line" "$(cell "$fuehrung" "$quali")" 0

# The wall (F5) shows the matrix as a heat map beside the AS/PS plot,
# with the cell just rated, the short names and the roles' quadrants.
keys m l F5
wait_for m "Einflussmatrix 9×9 · Skala 0–3"
gone m "Nr Variable"
wait_for m "kritisch"
wait_for m "aktiv"
keys m F5
wait_for m "Einflussmatrix 9×9"

# Narrow: the grid alone, `a` shows the analysis instead.
resize m 40x12
wait_for m "Matrix 9×9 · Skala 0–3 · 1→2"
gone m "Nr Variable"
keys m a
wait_for m "Nr Variable"
keys m a
gone m "Nr Variable"
resize m 100x30
wait_for m "Einflussmatrix 9×9"

# v and g go back to the step screen's two lists.
keys m v
wait_for m "Systemvariablen (9)"
keys m m g
wait_for m "Stakeholdergruppen"
keys m F10

# A larger matrix scrolls both ways; only the visible part is drawn.
run_ok new "Dreißig Variablen"
i=1
while [ $i -le 30 ]; do
	run_ok add variable 2 "Variable $i" --short "V$i"
	i=$((i + 1))
done
awk 'BEGIN {
	printf ""; for (j = 1; j <= 30; j++) printf ",Variable %d", j; printf "\n";
	for (i = 1; i <= 30; i++) {
		printf "Variable %d", i;
		for (j = 1; j <= 30; j++) printf ",%s", i == j ? "" : (i + j) % 3 == 0 ? "" : (i * j) % 4;
		printf "\n";
	} }' >m30.csv
run_ok import-csv 2 matrix m30.csv
start big 40x12 2
wait_for big "Komponenten (0)"
resize big 40x12
keys big 3 m
wait_for big "Matrix 30×30 · Skala 0–3 · 1→1"
keys big End
wait_for big "1→30"
wait_for big "30"
gone big " 1  2  3"
keys big End
wait_for big "30→30"
wait_for big "Variable 30: "
keys big NPage PPage
wait_for big "→30"
keys big Home Home
wait_for big "1→1"
keys big j l 3
wait_for big "Die Diagonale bleibt leer"
keys big l 3
wait_for big "Variable 2 → Variable 3: 3 · gespeichert"
is "cell in the larger matrix" \
	"$(cell "$(var 2 "Variable 2")" "$(var 2 "Variable 3")")" 3
keys big F10

# Without colour the cursor cell still stands out (reverse video).
START_ENV=NO_COLOR=1 start mono 100x30 1
wait_for mono "1 Leitfrage"
keys mono 3 m
wait_for mono "Einflussmatrix 9×9"
if tm capture-pane -e -p -t e2e:mono | grep -q "$(printf '\033')\[[0-9;]*7[;m]"; then
	_pass
else
	_fail "no reverse video for the cursor without colour"
fi
keys mono F10
