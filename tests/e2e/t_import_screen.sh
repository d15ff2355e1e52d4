# Spreadsheets from the screen (Export step, i): the same import as
# `didat import-csv`, with the file name completed by Tab; a bad row is
# named with its column and nothing is imported.

run_ok new "Tabellen"
printf 'title;description;likelihood\n"Größere Abhängigkeit";"Kunden „wandern“ ab";4\nZweites Unseen;;2\n' > unseens-gut.csv
printf 'title;likelihood\nGut;3\nSchlecht;9\n' > unseens-schlecht.csv

start imp 100x30 1
wait_for imp "Leitfrage (L):"
keys imp 7
wait_for imp "Exportieren"
keys imp i
wait_for imp "Tabelle importieren: was?"
type_text imp "Unseens"
keys imp Enter
wait_for imp "CSV-Datei"
type_text imp "unseens-g"
keys imp Tab
wait_for imp "unseens-gut.csv"
keys imp Enter
wait_for imp "unseens-gut.csv: 2 Zeilen importiert"
is "imported" "$(sql_value "SELECT group_concat(title, '|') FROM unseen")" "Größere Abhängigkeit|Zweites Unseen"

before=$(sql_value "SELECT count(*) FROM changelog")
keys imp i
wait_for imp "Tabelle importieren: was?"
type_text imp "Unseens"
keys imp Enter
wait_for imp "CSV-Datei"
type_text imp "unseens-schlecht.csv"
keys imp Enter
wait_for imp "Zeile 3"
wait_for imp "likelihood"
is "nothing imported" "$(sql_value "SELECT count(*) FROM unseen")" 2
is "nothing logged" "$(sql_value "SELECT count(*) FROM changelog")" "$before"
keys imp F10
