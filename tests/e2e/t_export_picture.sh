# The Export step draws the system graph with Graphviz when its file ends
# in .svg or .png (as `didat export dot --svg/--png` does), and writes the
# poster as the ending of its file asks (.svg, .html, .pdf).

run_ok demo
run_ok duplicate 1 "Bild"
out_id
PS=$ID

start pic 110x32 "$PS"
wait_for pic "1 Leitfrage"
keys pic 7
wait_for pic "Export · Sitzung $PS"
# from the hinge table to the graph: the ninth export of the table
keys pic Right Right Right Right Right Right Right Right
wait_for pic "didat-$PS-systemmodell.dot"
keys pic f
keys pic C-u
type_text pic "graph.svg"
keys pic Enter
wait_for pic "--svg graph.svg"
keys pic x
wait_for pic "Geschrieben: $PWD/graph.svg"
if grep -q '<svg' graph.svg; then _pass; else _fail "graph.svg is no SVG"; fi
keys pic f
keys pic C-u
type_text pic "graph.png"
keys pic Enter
keys pic x
wait_for pic "Geschrieben: $PWD/graph.png"
same "$(head -c 4 graph.png | tail -c 3)" PNG "graph.png is a PNG"

# the poster, next in the table: its default file, then a PDF
keys pic f
keys pic C-u
keys pic Enter
keys pic Right
wait_for pic "didat-$PS-poster.svg"
keys pic x
wait_for pic "Geschrieben: $PWD/didat-$PS-poster.svg"
if xmllint --noout "didat-$PS-poster.svg" 2>/dev/null; then _pass; else _fail "the poster is not well-formed"; fi
keys pic f
keys pic C-u
type_text pic "poster.pdf"
keys pic Enter
keys pic x
wait_for pic "Geschrieben: $PWD/poster.pdf" 10
same "$(head -c 5 poster.pdf)" "%PDF-" "poster.pdf is a PDF"
# an ending the poster is not written as: refused, nothing written
keys pic f
keys pic C-u
type_text pic "poster.png"
keys pic Enter
keys pic x
wait_for pic "poster.png: export poster schreibt eine Datei mit der Endung"
if [ -e poster.png ]; then _fail "poster.png was written"; else _pass; fi
