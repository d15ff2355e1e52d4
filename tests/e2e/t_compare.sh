# Issue 11 on the screen, in a second session: the reader compares two
# coders line by line, jumps between differences (n/N), takes over and
# drops in one key each (u undoes), shows the agreement table (%), and
# asks before it changes another coder's coding.  Each result is read
# back through the command line.

run_ok new "Vorher"
run_ok new "Vergleich"
out_id
S=$ID
seq 1 20 | sed 's/^/Zeile Nummer /' > sitzung.txt
run_ok import-doc $S sitzung.txt
out_id
D=$ID
run_ok add code $S "Eigentum"
run_ok add code $S "Daten"
run_ok code $S $D 3-6 Eigentum --coder Anna
run_ok code $S $D 5-6 Eigentum
run_ok code $S $D 10 Daten --coder Anna
run_ok code $S $D 10 Daten
run_ok code $S $D 15 Eigentum
tester_codings() {
	sql_value "SELECT group_concat(first_line || '-' || last_line, ' ') FROM (SELECT first_line,
		last_line FROM coding g JOIN coder k ON k.id = g.coder_id WHERE k.name = 'tester'
		AND g.document_id = $D ORDER BY first_line, last_line)"
}

start main 120x35 $S
wait_for main "1 Leitfrage"
keys main 6
wait_for main "Dokumente (1)"
keys main Enter
wait_for main "sitzung · Z. 1/20"

# V: A = Anna, B = tester (the only other), every code
keys main V
wait_for main "Vergleich: Kodierer A"
keys main Enter
wait_for main "Vergleich: Kodierer B"
keys main Enter
wait_for main "Auf einem Code vergleichen"
keys main Escape
wait_for main "Vergleich A = Anna, B = tester"

# n: the first difference is line 3 (Anna alone until 5)
keys main n
wait_for main "Z. 3: die Kodierer unterscheiden sich"
wait_for main "A Anna: Frei: Eigentum (3–6)"
wait_for main "B tester: —"
# b: tester takes over Anna's 3-6
keys main b
wait_for main "tester hat 1 Kodierung von Anna übernommen"
is "taken over" "$(tester_codings)" "3-6 5-6 10-10 15-15"
wait_for main "Z. 3: die Kodierer stimmen überein"

# n: line 15, tester alone; B drops it, and u brings it back
keys main n
wait_for main "Z. 15: die Kodierer unterscheiden sich"
keys main B
wait_for main "tester hat 1 Kodierung verworfen"
is "dropped" "$(tester_codings)" "3-6 5-6 10-10"
keys main n
wait_for main "Nach dieser Zeile unterscheiden sich die beiden Kodierer nicht"
keys main u
wait_for main "Z. 15: die Kodierer unterscheiden sich"
is "undone" "$(tester_codings)" "3-6 5-6 10-10 15-15"
# N: back to the previous difference: none before 15 any more
keys main N
wait_for main "Vor dieser Zeile unterscheiden sich die beiden Kodierer nicht"

# a: Anna taking over is Anna's work: the screen asks, n keeps it as it is
keys main a
wait_for main "Das ändert die Kodierungen von „Anna“, nicht Ihre („tester“)"
keys main n
is "refused for Anna" "$(sql_value "SELECT count(*) FROM coding g JOIN coder k ON k.id = g.coder_id WHERE k.name = 'Anna'")" 2

# %: the agreement of the two, as agree prints it
keys main %
wait_for main "Intercoder-Übereinstimmung"
wait_for main "A = Anna, B = tester"
keys main Escape
keys main V
wait_for main "Vergleich beendet"

# c on line 3: deleting Anna's coding names her and asks
keys main g Down Down
wait_for main "Codes in Z. 3 (2)"
keys main c
wait_for main "Welche Kodierung von Z. 3?"
keys main Enter
wait_for main "Kodierung löschen"
keys main End Enter
wait_for main "von „Anna“ löschen, nicht von Ihnen"
keys main n
is "Anna's coding stays" "$(sql_value "SELECT count(*) FROM coding g JOIN coder k ON k.id = g.coder_id WHERE k.name = 'Anna'")" 2
keys main q
