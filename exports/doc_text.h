#ifndef DIDAT_EXPORTS_DOC_TEXT_H
#define DIDAT_EXPORTS_DOC_TEXT_H

/* A document as numbered lines, exactly as stored: the form a reviewer
 * prints and cites.  A line that continues the paragraph above (an
 * import with --wrap) is marked "↳" after its number; a draft with
 * printed line numbers shows them in a column of their own before the
 * file lines.  Streamed line by line. */

#include <stdint.h>
#include <stdio.h>

#include "util/status.h"

struct db;

enum status doc_text_write(struct db *db, int64_t session_id, int64_t doc_id, FILE *out);

#endif
