# The Export step and the wall (F5) on the demo session: the files the
# screen writes are byte for byte what `didat export` writes with the same
# options; an existing file is only overwritten after asking; a failed
# write leaves nothing behind; the wall (F5) shows step 2's unseens, the
# chosen one in block letters when the terminal is big enough.

run_ok demo
mkdir cli

start ex 100x30 1
wait_for ex "1 Leitfrage"
keys ex 7
wait_for ex "Export · Sitzung 1"
wait_for ex "didat export hinge 1 -o didat-1-scharniertabelle.csv"

# The hinge table with the defaults.
keys ex x
wait_for ex "Geschrieben: $PWD/didat-1-scharniertabelle.csv ("
didat export hinge 1 -o cli/hinge.csv
files_same didat-1-scharniertabelle.csv cli/hinge.csv "hinge table, defaults"
rows=$(sql "SELECT count(*) FROM coding WHERE session_id = 1")
wait_for ex "($rows Zeilen,"

# Writing again asks first; "n" keeps the file.
before=$(sha256sum didat-1-scharniertabelle.csv)
keys ex x
wait_for ex "gibt es schon. Überschreiben?"
keys ex n
wait_for ex "Nicht exportiert."
is "file kept" "$(sha256sum didat-1-scharniertabelle.csv)" "$before"

# Semicolon, BOM and a coder filter, then overwrite with "j".
keys ex Down Down Enter
wait_for ex "; Semikolon"
keys ex Down Enter
wait_for ex "an (für Excel"
keys ex Down Down Down Down Enter
wait_for ex "Nur Kodierungen von"
type_text ex ben
keys ex Enter
wait_for ex "--coder ben"
keys ex x
wait_for ex "gibt es schon"
keys ex j
wait_for ex "Geschrieben: $PWD/didat-1-scharniertabelle.csv"
didat export hinge 1 -o cli/hinge-ben.csv --sep ';' --bom --coder ben
files_same didat-1-scharniertabelle.csv cli/hinge-ben.csv "hinge table, ; BOM coder"

# The report: another kind, its own default name.
keys ex Home Right
wait_for ex "Bericht (Markdown)"
wait_for ex "didat-1-bericht.md"
keys ex x
wait_for ex "Geschrieben: $PWD/didat-1-bericht.md"
didat export report 1 -o cli/report.md
files_same didat-1-bericht.md cli/report.md "report"

# A file name in a folder that does not exist: an error, and no file or
# temporary file anywhere.
keys ex f
wait_for ex "Datei (relativ"
keys ex C-u
type_text ex "fehlt/bericht.md"
keys ex Enter
keys ex x
wait_for ex "fehlt/bericht.md: kann nicht schreiben"
is "no folder made" "$(ls -d fehlt 2>/dev/null)" ""
is "no temporary file" "$(ls | grep -c tmp)" "0"

# The wall on step 2: the unseens ranked by votes with the question's
# session's data; the chosen one in block letters on top when the
# terminal is big enough, the list alone when it is not.
top=$(sql_value "SELECT title FROM unseen WHERE session_id = 1 ORDER BY votes DESC,
	CASE WHEN likelihood IS NULL OR impact IS NULL OR capacity IS NULL THEN 1 ELSE 0 END,
	likelihood * impact * (6 - capacity) DESC, position, id LIMIT 1")
keys ex 2
wait_for ex "Unseens (10)"
keys ex F5
wait_for ex "1. $top"
wait_for ex "Datenabfluss über vernetzte Maschinen"
gone ex "2 Unseens"
resize ex 40x12
wait_for ex "1. $(printf '%s' "$top" | cut -c1-10)"
gone ex "▀"
resize ex 60x20
wait_for ex "1. $(printf '%s' "$top" | cut -c1-10)"
gone ex "▀"
resize ex 200x50
wait_for ex "1. $top"
if [ "$(screen ex | head -4 | grep -c '██')" -gt 0 ]; then _pass; else
	_fail "no block letters on top at 200x50"; fi
keys ex F5
wait_for ex "2 Unseens"
gone ex "▀"
gone ex "███"
