# search: full-text search over a session's document lines and items.

run_ok demo
out_id
S=$ID
# a hit in the demo minutes names the document and the line, then a tab
run_ok search $S 'Fernwartung'
out_matches '^Protokoll UG 1 .*:13	Herr Albrecht berichtet, dass die neue Laserschneidanlage per Fernwartung ständig$'
# and the unseen whose description mentions it
out_matches '^unseen [0-9]+ Datenabfluss über vernetzte Maschinen	.*Fernwartung'
same "$(grep -c . "$OUT")" 2 "two hits for Fernwartung"
# case-insensitive, prefix, --mark brackets the matched words
run_ok search $S --mark 'FERNWART*'
out_has '[Fernwartung]'
# a phrase
run_ok search $S '"per Fernwartung"'
out_matches ':13	'
# no hit: exit 0, nothing printed
run_ok search $S 'Zzzxyq'
out_empty
# a bad query: exit 2 with a message naming the query, nothing on stdout
refused 2 search $S '"Fernwartung'
err_has '"Fernwartung'
err_has 'Suchanfrage'
out_empty
refused 2 search $S 'E-Mail'
# an unknown session, usage errors
refused 2 search 99 'Fernwartung'
refused 1 search $S
refused 1 search $S a b
