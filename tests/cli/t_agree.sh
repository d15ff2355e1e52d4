# agree: intercoder agreement per code and pooled, as a table and as CSV,
# the nominal alpha of a domain, and the refusals.  Known answers: the
# figures were worked out by hand or by counting pairs one by one.

run_ok new "Vorher"
run_ok new "Übereinstimmung"
out_id
S=$ID
seq 1 100 | sed 's/^/Zeile /' > p1.txt
seq 1 50 | sed 's/^/Zeile /' > p3.txt
seq 1 30 | sed 's/^/Zeile /' > p2.txt
run_ok import-doc $S p1.txt p2.txt p3.txt
D1=$(sql "SELECT id FROM document WHERE session_id = $S AND title = 'p1'")
D2=$(sql "SELECT id FROM document WHERE session_id = $S AND title = 'p2'")
D3=$(sql "SELECT id FROM document WHERE session_id = $S AND title = 'p3'")
run_ok add code $S "Eigentum"
out_id
X=$ID
run_ok add code $S "Daten"
# Anna 1-60 and Ben 16-85 in p1, in overlapping pieces; Anna alone in p2
run_ok code $S $D1 1-30 Eigentum --coder Anna
run_ok code $S $D1 20-60 Eigentum --coder Anna
run_ok code $S $D1 16-50 Eigentum --coder Ben
run_ok code $S $D1 51-85 Eigentum --coder Ben
run_ok code $S $D2 1-30 Eigentum --coder Anna
run_ok code $S $D3 1-10 Daten --coder Anna
run_ok code $S $D3 1-10 Daten --coder Ben
run_ok code $S $D3 41-50 Eigentum --coder Anna

run_ok agree $S
out_has "A = Anna, B = Ben"
out_has "2 Dokumente verglichen, 150 Zeilen"
out_matches '^Eigentum +150 +0,6667 +0,3304 +0,3326 +45 +25 +25 +55$'
out_matches '^Daten +150 +1,0000 +1,0000 +1,0000 +10 +0 +0 +140$'
out_matches '^Alle Codes +300 +0,8333 +0,5739 +0,5746 +55 +25 +25 +195$'

# one code, one document: 45 both, 15 and 25 alone, 15 neither
run_ok agree $S --code Eigentum --document $D1
out_matches '^Eigentum +100 +0,6000 +0,1304 +0,1253 +45 +15 +25 +15$'
out_lacks "Daten"

run_ok agree $S --coders "Ben, Anna" --format csv
out_has "code_id,code,coders,documents,units,pairable_units,percent_agreement,cohen_kappa,fleiss_kappa,krippendorff_alpha,both,only_first,only_second,neither,notes"
out_has "$X,Eigentum,\"Ben, Anna\",2,150,150,0.666667,0.330357,,0.332589,45,25,25,55,"
out_has ",Alle Codes,\"Ben, Anna\",2,300,300,0.833333,0.573864,,0.574574,55,25,25,195,"

run_ok agree $S -o agree.csv --format csv --sep ';'
err_has "agree.csv"
if grep -q '^[0-9]*;Eigentum;Anna, Ben;2;150;150;0.666667;' agree.csv; then _pass; else _fail "agree.csv: $(cat agree.csv)"; fi
run_ok export agreement $S -o export.csv
if grep -q ',Eigentum,"Anna, Ben",2,150,150,0.666667,' export.csv; then _pass; else _fail "export.csv"; fi

# no variation: a code both applied to every line of a one-document comparison
run_ok add code $S "Alles"
run_ok code $S $D3 1-50 Alles --coder Anna
run_ok code $S $D3 1-50 Alles --coder Ben
run_ok agree $S --code Alles --document $D3
out_matches '^Alles +50 +1,0000 +undef\.¹ +undef\.²'
out_has "¹ keine Variation"
out_lacks "nan"
run_ok agree $S --code Alles --document $D3 --format csv
out_matches '^[0-9]+,Alles,"Anna, Ben",1,50,50,1.000000,,,,50,0,0,0,"?cohen_kappa: keine Variation'

# three coders: Fleiss instead of Cohen, no two-coder counts
run_ok code $S $D1 1-60 Eigentum --coder Cem
run_ok agree $S --code Eigentum --coders Anna,Ben,Cem --format csv
out_matches '^[0-9]+,Eigentum,"Anna, Ben, Cem",2,150,150,[0-9.]+,,-?[0-9.]+,-?[0-9.]+,,,,,'

# the refusals: exit 2 (1 for usage), a message naming it, nothing written
refused 2 agree $S --coders Anna,Zoe
err_has '"Zoe"'
refused 2 agree $S --coders Anna,Ben --document $D2
err_has '"Ben"'
refused 2 agree $S --document $D2
err_has '"Anna"'
refused 2 agree $S --code Nirgends
err_has "Nirgends"
refused 2 agree $S --coders Anna,Anna
refused 2 agree $S --domain Daten
err_has "Untercodes"
refused 1 agree $S --domain Daten --code Eigentum
refused 1 agree $S --format xml
refused 1 agree $S --coders "Anna,,Ben"
refused 2 agree $S -o agree-fehlt.csv --coders Anna,Zoe
if [ -e agree-fehlt.csv ]; then _fail "a refused agree left agree-fehlt.csv"; else _pass; fi

# a domain: Krippendorff (2011), section C, nominal alpha 0.743
run_ok new "Domäne"
out_id
K=$ID
seq 1 12 | sed 's/^/Einheit /' > k.txt
run_ok import-doc $K k.txt
out_id
DK=$ID
run_ok add code $K "Haltung"
for v in 1 2 3 4 5; do run_ok add code $K "Wert $v" --parent Haltung; done
code_units() {   # CODER VALUES (one per unit, . for missing)
	u=0
	for v in $2; do
		u=$((u + 1))
		[ "$v" = . ] || run_ok code $K $DK $u "Haltung/Wert $v" --coder "$1"
	done
}
code_units A "1 2 3 3 2 1 4 1 2 . . ."
code_units B "1 2 3 3 2 2 4 1 2 5 . 3"
code_units C ". 3 3 3 2 3 4 2 2 5 1 ."
code_units D "1 2 3 3 2 4 4 1 2 5 1 ."
run_ok agree $K --domain Haltung
out_matches '^Haltung +12 +11 +[0-9,]+ +– +0,7434$'
run_ok agree $K --domain Haltung --format csv
out_matches ',Haltung,"A, B, C, D",1,12,11,[0-9.]+,,,0.743421,,,,,'
# two values of the domain on one line
run_ok code $K $DK 4-5 "Haltung/Wert 1" --coder C
refused 2 agree $K --domain Haltung
err_has '"C"'
err_has "Zeile 4"
