# `--` ends the options (issue 9, defect 14): a title, a name or a file
# that starts with "-" is given after it, in every command that takes
# text; an option's value may start with "-" as it is.

run_ok new -- "-Sitzung mit Strich"
out_id
S=$ID
sql_is "SELECT title FROM session WHERE id = $S" "-Sitzung mit Strich"
run_ok add goal $S -- "-Abbau von Abhängigkeiten"
out_id
G=$ID
sql_is "SELECT text FROM goal WHERE id = $G" "-Abbau von Abhängigkeiten"
run_ok add unseen $S --description "-Beschreibung" -- "-Unseen"
out_id
U=$ID
sql_is "SELECT title || '|' || description FROM unseen WHERE id = $U" "-Unseen|-Beschreibung"
run_ok edit unseen $S $U --title "-Neu" --causes "- 10.30 Uhr"
sql_is "SELECT title || '|' || causes FROM unseen WHERE id = $U" "-Neu|- 10.30 Uhr"
run_ok add code $S -- "-Code"
out_id
C=$ID
printf 'eins\nzwei\n' > ./-protokoll.txt
run_ok import-doc $S -- -protokoll.txt
out_id
D=$ID
sql_is "SELECT filename FROM document WHERE id = $D" "-protokoll.txt"
run_ok code $S $D 1-2 -- "-Code"
out_id
sql_is "SELECT code_id FROM coding WHERE id = $ID" "$C"
run_ok codebook $S rename -- "-Code" "-Umbenannt"
sql_is "SELECT name FROM code WHERE id = $C" "-Umbenannt"
run_ok duplicate $S -- "-Kopie"
out_id
sql_is "SELECT title FROM session WHERE id = $ID" "-Kopie"
run_ok search $S -- '"-Abbau"'
out_has "Abbau von Abhängigkeiten"
# without `--` the leading "-" reads as an option: a usage error that
# says what to do, nothing stored
refused 1 add goal $S "-Abbau"
err_has "unbekannte Option -A (ein Text, der mit - beginnt, steht nach --)"
# and --help says how
run_ok --help
out_has 'didat add goal 1 -- "-Abbau von Abhängigkeiten"'
