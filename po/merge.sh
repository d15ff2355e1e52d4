#!/bin/sh
# TEMPORARY while the strings move to English ids: po/de.po is the
# header plus every po/parts/*.po (first translation wins).
cd "$(dirname "$0")" || exit 1
tmp=$(mktemp de.po.XXXXXX)
msgcat --use-first -o "$tmp" header.po parts/*.po && mv "$tmp" de.po || { rm -f "$tmp"; exit 1; }
