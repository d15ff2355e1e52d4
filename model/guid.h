#ifndef DIDAT_MODEL_GUID_H
#define DIDAT_MODEL_GUID_H

/* An SQL expression for a new random UUID (version 4), the GUIDs that
 * REFI-QDA exchanges.  Every insert of a code, document, coding or coder
 * gives the row its GUID with it, so that the change log holds it and
 * undo and redo bring it back unchanged; an import keeps the file's. */
#define SQL_NEW_GUID \
	"lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' ||" \
	" substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + abs(random()) % 4, 1) ||" \
	" substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))"

#endif
