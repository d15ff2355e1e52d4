# analyse: Vester's sensitivity model and MICMAC on the command line.

run_ok new "Analyse"
out_id
S=$ID
for v in A B C D; do
	run_ok add variable $S "$v"
done
# A->B 3, B->C 2, C->A 1, A->C 1, D->A 0; seven cells unrated.
# AS: A 4, B 2, C 1, D 0; PS: A 1, B 3, C 3, D 0; mean 1.75.
# Roles: A active, B critical, C reactive, D buffering.
run_ok impact $S A B 3
run_ok impact $S B C 2
run_ok impact $S C A 1
run_ok impact $S A C 1
run_ok impact $S D A 0

# the table: its columns, one row per variable, the summary line
run_ok analyse $S
cp "$OUT" table.txt
for col in id Variable AS PS P Q Rolle Einfluss indirekt; do
	if head -n 1 table.txt | grep -qw -- "$col"; then _pass; else _fail "analyse table lacks column $col"; fi
done
same "$(grep -cE '^ *[0-9]+  ' table.txt)" 4 "one row per variable"
out_matches '^Potenz [0-9]+: '
out_has "unbewertete Zellen: 7"
# The table speaks the words of the screen and the report; the CSV keeps the stable keys.
same "$(awk '$2 == "A" { print $3, $4, $5, $7 }' table.txt)" "4 1 4 aktiv" "row A"
same "$(awk '$2 == "B" { print $3, $4, $5, $7 }' table.txt)" "2 3 6 kritisch" "row B"
same "$(awk '$2 == "C" { print $3, $4, $5, $7 }' table.txt)" "1 3 3 reaktiv" "row C"
same "$(awk '$2 == "D" { print $3, $4, $5, $7 }' table.txt)" "0 0 0 puffernd" "row D"

# CSV: the exact header, the same figures, the summary on stderr
run_ok analyse $S --format csv
cp "$OUT" analyse.csv
same "$(head -n 1 analyse.csv | tr -d '\r')" "id,variable,as,ps,p,q,role,influence,dependence,indirect_role,role_changed" "analyse CSV header"
same "$(tr -d '\r' < analyse.csv | awk -F, '$2 == "A" { print $3, $4, $5, $6, $7 }')" "4 1 4 4.000000 active" "CSV row A"
same "$(tr -d '\r' < analyse.csv | awk -F, '$2 == "B" { print $3, $4, $5, $7 }')" "2 3 6 critical" "CSV row B"
same "$(tr -d '\r' < analyse.csv | awk -F, '$2 == "C" { print $3, $4, $5, $7 }')" "1 3 3 reactive" "CSV row C"
same "$(tr -d '\r' < analyse.csv | sed 1d | wc -l)" 4 "one CSV row per variable"
err_has "unbewertete Zellen: 7"
out_lacks "Potenz"
# influence and dependence are normalised: each column sums to 1
same "$(tr -d '\r' < analyse.csv | LC_ALL=C awk -F, 'NR > 1 { i += $8; d += $9 } END { printf "%.3f %.3f", i, d }')" "1.000 1.000" "influence and dependence sum to 1"
python3 - analyse.csv > py.txt <<'EOF'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))
print(all(len(r) == 11 for r in rows), all(r[10] in ('yes', 'no') for r in rows[1:]))
EOF
same "$(cat py.txt)" "True True" "the CSV parses, 11 cells a row, role_changed yes/no"

# a variable with PS = 0 and AS > 0: Q infinite, no division by zero
run_ok impact $S D B 2
run_ok analyse $S --format csv
same "$(tr -d '\r' < "$OUT" | awk -F, '$2 == "D" { print $3, $4, $6 }')" "2 0 inf" "Q is infinite when PS = 0"
run_ok analyse $S
same "$(awk '$2 == "D" { print $6 }' "$OUT")" "∞" "the table shows ∞"

# clearing a cell makes it unrated again
run_ok impact $S D A -
run_ok analyse $S
out_has "unbewertete Zellen: 7"
run_ok impact $S D C -
run_ok analyse $S
out_has "unbewertete Zellen: 7"

# --power K: names the power it used (the demo's matrix has cycles)
run_ok demo
out_id
DEMO=$ID
run_ok analyse $DEMO --power 3
out_matches '^Potenz 3: '
out_has "NICHT stabil"
run_ok analyse $DEMO --power 5 --format csv
err_matches '^Potenz 5: '
run_ok analyse $DEMO
out_matches '^Potenz [0-9]+: die Rangfolgen sind stabil'
out_has "unbewertete Zellen: 0"

# a chain without cycles becomes zero: the output says so
run_ok new "Kette"
out_id
K=$ID
run_ok add variable $K X
run_ok add variable $K Y
run_ok add variable $K Z
run_ok impact $K X Y 3
run_ok impact $K Y Z 3
run_ok analyse $K
out_has "keinen Zyklus"
out_lacks "nan"

# the empty session and the all-zero matrix
run_ok new "Ohne Variablen"
out_id
run_ok analyse $ID
run_ok new "Nullen"
out_id
Z=$ID
run_ok add variable $Z P
run_ok add variable $Z Q
run_ok impact $Z P Q 0
run_ok impact $Z Q P 0
run_ok analyse $Z --format csv
out_lacks "nan"
same "$(tr -d '\r' < "$OUT" | sed 1d | cut -d, -f7 | sort -u)" buffering "all-zero: both buffering"

# refusals
refused 1 analyse $S --format xml
refused 2 analyse $S --power 0
refused 2 analyse $S --power x
refused 2 analyse 99
refused 1 analyse
refused 1 analyse $S --bogus
