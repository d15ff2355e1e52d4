# REFI-QDA: export qdc and qdpx (valid against the shipped schemas), the
# round trip export -> import -> export, a project as another program
# writes it, and the refusals (exit 2, the element named, nothing written).

XSD_DIR=$(cd "$FIXTURES/../../../spec/refi-qda" && pwd)
valid() {   # FILE SCHEMA: xmllint --schema
	if xmllint --noout --nonet --schema "$XSD_DIR/$2" "$1" 2>xmllint.txt; then _pass
	else _fail "$1 is not valid against $2: $(head -3 xmllint.txt)"; fi
}
unzip_entry() {   # ZIP ENTRY OUT
	python3 -c 'import sys, zipfile; open(sys.argv[3], "wb").write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))' "$1" "$2" "$3"
}
# the project's content, order and dates aside: codes (name, parent, colour,
# description), sources (name, text), selections (source, positions, code,
# user), users and memos, one per line, sorted
content() {
	python3 - "$1" <<'PY'
import sys, zipfile, xml.etree.ElementTree as ET
ns = {'q': 'urn:QDA-XML:project:1.0'}
z = zipfile.ZipFile(sys.argv[1])
root = ET.fromstring(z.read('project.qde'))
out, names, users, notes = [], {}, {}, {}
for n in root.iter('{urn:QDA-XML:project:1.0}Note'):
    notes[n.get('guid')] = n.findtext('q:PlainTextContent', '', ns)
for u in root.iter('{urn:QDA-XML:project:1.0}User'):
    users[u.get('guid')] = u.get('name')
    out.append('user %s %s' % (u.get('guid'), u.get('name')))
def codes(parent, path):
    for c in parent.findall('q:Code', ns):
        names[c.get('guid')] = path + c.get('name')
        memo = ''.join(notes.get(r.get('targetGUID'), '') for r in c.findall('q:NoteRef', ns))
        out.append('code %s %s %s %s memo=%s' % (c.get('guid'), path + c.get('name'), c.get('color'),
            c.findtext('q:Description', '', ns), memo))
        codes(c, path + c.get('name') + '/')
for cb in root.iter('{urn:QDA-XML:project:1.0}Codes'):
    codes(cb, '')
for s in root.iter('{urn:QDA-XML:project:1.0}TextSource'):
    text = z.read('sources/' + s.get('plainTextPath')[len('internal://'):]).decode('utf-8')
    memo = ''.join(notes.get(r.get('targetGUID'), '') for r in s.findall('q:NoteRef', ns))
    out.append('source %s %s %r memo=%s' % (s.get('guid'), s.get('name'), text, memo))
    for sel in s.findall('q:PlainTextSelection', ns):
        for c in sel.findall('q:Coding', ns):
            memo = ''.join(notes.get(r.get('targetGUID'), '') for r in sel.findall('q:NoteRef', ns))
            out.append('selection %s %s %s-%s %r %s %s memo=%s' % (sel.get('guid'), s.get('name'),
                sel.get('startPosition'), sel.get('endPosition'),
                text[int(sel.get('startPosition')):int(sel.get('endPosition'))],
                names[c.find('q:CodeRef', ns).get('targetGUID')], users[c.get('creatingUser')], memo))
print('\n'.join(sorted(out)))
PY
}

run_ok new "Vorher"
run_ok demo
out_id
S=$ID
# minutes from Word in Windows-1252, with umlauts, coded with a memo
printf 'Protokoll UG 3 \204Arbeit\223\nFrau M\374ller: Die Gr\366\337e der Betriebe z\344hlt.\nHerr Stra\337er: Weiterbildung fehlt.\n' > ug3.txt
run_ok import-doc $S ug3.txt --title "Protokoll UG 3"
out_id
D=$ID
run_ok code $S $D 2-3 Daten/Eigentum --coder carla --memo "Größe „zählt“"
run_ok doc $S $D --memo "Quelle: Word, Windows-1252"

# the codebook and the project, valid against the schemas
run_ok export qdc $S -o demo.qdc
valid demo.qdc Codebook-mrt2019.xsd
out_empty
grep -q 'name="Daten" isCodable="true" color="#2E86AB"' demo.qdc && _pass || _fail "demo.qdc lacks Daten with its colour"
grep -q '<Description>Aussagen über Daten als Ressource des Betriebs</Description>' demo.qdc && _pass || _fail "demo.qdc lacks the definition"
grep -q 'name="Unseens" isCodable="false"' demo.qdc && _pass || _fail "demo.qdc lacks the unseens' code"
run_ok export qdc $S -o demo2.qdc
files_same demo.qdc demo2.qdc "a code keeps its GUID from one export to the next"
run_ok export qdpx $S -o demo.qdpx
unzip_entry demo.qdpx project.qde project.qde
valid project.qde Project-mrt2019.xsd
same "$(grep -c '<PlainTextSelection ' project.qde)" "$(sql "SELECT count(*) FROM coding WHERE session_id = $S")" "a selection per coding"
same "$(grep -c '<TextSource ' project.qde)" "$(sql "SELECT count(*) FROM document WHERE session_id = $S")" "a source per document"
grep -q '<PlainTextContent>Größe „zählt“</PlainTextContent>' project.qde && _pass || _fail "the coding's memo as a note"
grep -q 'Leitfrage: ' project.qde && _pass || _fail "the session's question in the project's description"
# positions are code points: the selection of lines 2-3 of ug3
GUID=$(sql "SELECT guid FROM document WHERE id = $D")
unzip_entry demo.qdpx "sources/$GUID.txt" ug3-source.txt
same "$(cat ug3-source.txt)" "$(iconv -f WINDOWS-1252 -t UTF-8 ug3.txt)" "the source's text, UTF-8 as stored"
same "$(grep -o 'startPosition="[0-9]*" endPosition="[0-9]*" creatingUser="'"$(sql "SELECT guid FROM coder WHERE name = 'carla'")" project.qde | head -1 | cut -d'"' -f2,4)" \
	"24\"101" "lines 2-3 in code points: after line 1's 23 and its line end"

# the round trip: import as a new session, export again: the same content
refused 2 import qdpx nirgends.qdpx
run_ok import qdpx demo.qdpx
out_id
S2=$ID
err_has "Sitzung $S2"
run_ok export qdpx $S2 -o back.qdpx
unzip_entry back.qdpx project.qde back.qde
valid back.qde Project-mrt2019.xsd
content demo.qdpx | sed 's/ isCodable=[a-z]*//' > before.txt
content back.qdpx > after.txt
files_same before.txt after.txt "export, import, export: the same codes, sources, selections, users and memos"
# and the hinge tables agree cell by cell but for the session and the code types
hinge_cells() {
	python3 -c '
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
keep = ("document", "first_line", "last_line", "code", "quote", "coder", "memo")
for r in sorted(tuple(r[k] for k in keep) for r in rows): print(r)' "$1"
}
run_ok export hinge $S -o h1.csv
run_ok export hinge $S2 -o h2.csv
same "$(hinge_cells h1.csv)" "$(hinge_cells h2.csv)" "the hinge tables after the round trip"
sql_is "SELECT kind || '|' || memo FROM document WHERE session_id = $S2 AND title = 'Protokoll UG 3'" \
	"minutes|Quelle: Word, Windows-1252"
# into an existing session: the same sources are there already
refused 2 import qdpx demo.qdpx --session $S2
err_has "demo.qdpx"

# a project as another program writes it: inline text, positions inside
# lines, a PDF source, a note on the project
python3 - <<'PY'
import zipfile
qde = '''<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Aus QualCoder" origin="QualCoder 3.5">
 <Users><User guid="11111111-1111-1111-1111-111111111111" name="Jörg"/></Users>
 <CodeBook><Codes>
  <Code guid="22222222-2222-2222-2222-222222222222" name="Vertrauen/Misstrauen" isCodable="true" color="#f00">
   <Description>Wer wem traut</Description>
  </Code>
 </Codes></CodeBook>
 <Sources>
  <TextSource guid="33333333-3333-3333-3333-333333333333" name="Interview Ö">
   <PlainTextContent>Erste Zeile\r\nZweite „Zeile“ hier\r\nDritte</PlainTextContent>
   <PlainTextSelection guid="44444444-4444-4444-4444-444444444444" startPosition="3" endPosition="20" creatingUser="11111111-1111-1111-1111-111111111111">
    <Coding guid="55555555-5555-5555-5555-555555555555" creatingUser="11111111-1111-1111-1111-111111111111"><CodeRef targetGUID="22222222-2222-2222-2222-222222222222"/></Coding>
   </PlainTextSelection>
  </TextSource>
  <PDFSource guid="66666666-6666-6666-6666-666666666666" name="Studie.pdf" path="internal://66666666-6666-6666-6666-666666666666.pdf"/>
 </Sources>
 <Notes><Note guid="77777777-7777-7777-7777-777777777777" name="n"><PlainTextContent>Projektnotiz</PlainTextContent></Note></Notes>
 <NoteRef targetGUID="77777777-7777-7777-7777-777777777777"/>
</Project>'''
with zipfile.ZipFile('qualcoder.qdpx', 'w') as z:
    z.writestr('project.qde', qde.replace('\\r\\n', '\r\n'))
PY
run_ok import qdpx qualcoder.qdpx
out_id
S3=$ID
err_has "; 1 Auswahl begann oder endete nicht mit ihren Zeilen"
err_has "; 1 Quelle ist kein Text und wurde übersprungen: Studie.pdf (PDFSource)"
sql_is "SELECT title FROM session WHERE id = $S3" "Aus QualCoder"
sql_is "SELECT name || '|' || colour || '|' || definition FROM code WHERE session_id = $S3" "Vertrauen∕Misstrauen|#ff0000|Wer wem traut"
sql_is "SELECT first_line || '-' || last_line || '|' || k.name FROM coding g JOIN coder k ON k.id = g.coder_id WHERE session_id = $S3" "1-2|Jörg"
sql_is "SELECT memo FROM coding WHERE session_id = $S3" "REFI-QDA: startPosition=3, endPosition=20"
# the export gives the exact positions back, and no note for the mark
run_ok export qdpx $S3 -o qualcoder-back.qdpx
unzip_entry qualcoder-back.qdpx project.qde qualcoder-back.qde
valid qualcoder-back.qde Project-mrt2019.xsd
grep -q 'guid="44444444-4444-4444-4444-444444444444" startPosition="3" endPosition="20"' qualcoder-back.qde && _pass || _fail "the widened selection's positions come back"
grep -q 'REFI-QDA: startPosition' qualcoder-back.qde && _fail "the mark became a note" || _pass
sql_is "SELECT text FROM line l JOIN document d ON d.id = l.document_id WHERE d.session_id = $S3 AND number = 2" "Zweite „Zeile“ hier"
sql_is "SELECT notes FROM session WHERE id = $S3" "Projektnotiz"

# a codebook into an existing session; its names taken: refused
run_ok new "Codebuch leer"
out_id
S4=$ID
run_ok import qdc $S4 demo.qdc
sql_is "SELECT count(*) FROM code WHERE session_id = $S4" "$(grep -c '<Code ' demo.qdc)"
refused 2 import qdc $S4 demo.qdc
err_has "Daten"

# the refusals: nothing written, the element and line named
hostile() {   # NAME QDE: a zip with project.qde
	python3 -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1], "w"); z.writestr("project.qde", sys.argv[2]); z.close()' "$1" "$2"
}
printf 'kein zip' > kaputt.qdpx
refused 2 import qdpx kaputt.qdpx
err_has "kaputt.qdpx"
hostile schief.qdpx '<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1.0" name="x"><Users>'
refused 2 import qdpx schief.qdpx
err_has "schief.qdpx, Zeile"
hostile ungueltig.qdpx '<?xml version="1.0"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="x"><Users><User name="ohne guid"/></Users></Project>'
refused 2 import qdpx ungueltig.qdpx
err_has "Zeile 2"
err_has "guid"
hostile fremdcode.qdpx '<?xml version="1.0"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="x"><Sources>
<TextSource guid="33333333-3333-3333-3333-333333333333" name="t"><PlainTextContent>abc</PlainTextContent>
<PlainTextSelection guid="44444444-4444-4444-4444-444444444444" startPosition="0" endPosition="3">
<Coding guid="55555555-5555-5555-5555-555555555555"><CodeRef targetGUID="99999999-9999-9999-9999-999999999999"/></Coding>
</PlainTextSelection></TextSource></Sources></Project>'
refused 2 import qdpx fremdcode.qdpx
err_has "99999999-9999-9999-9999-999999999999"
err_has "Zeile 5:"
hostile draussen.qdpx '<?xml version="1.0"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="x"><Sources>
<TextSource guid="33333333-3333-3333-3333-333333333333" name="t"><PlainTextContent>abc</PlainTextContent>
<PlainTextSelection guid="44444444-4444-4444-4444-444444444444" startPosition="1" endPosition="9"/>
</TextSource></Sources></Project>'
refused 2 import qdpx draussen.qdpx
err_has "44444444-4444-4444-4444-444444444444"
hostile xxe.qdpx '<?xml version="1.0"?>
<!DOCTYPE Project [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<Project xmlns="urn:QDA-XML:project:1.0" name="&x;"/>'
refused 2 import qdpx xxe.qdpx
err_has "DOCTYPE"
python3 -c 'import zipfile; z = zipfile.ZipFile("slip.qdpx", "w"); z.writestr("project.qde", "<x/>"); z.writestr("../../etc/evil", "x"); z.close()'
refused 2 import qdpx slip.qdpx
err_has "../../etc/evil"
refused 1 import qdpx
refused 1 import qdc $S4
refused 1 import nichts $S4 x
