#ifndef DIDAT_EXPORTS_REPORT_H
#define DIDAT_EXPORTS_REPORT_H

/* The session report: one DiDaT session as a Markdown document with
 * German headings, in the order of the five steps (DIDAT.md): title and
 * system boundaries, components, stakeholder groups, unseens ranked by
 * votes then vulnerability, the system model (impact matrix with AS, PS
 * and roles), goals and goal conflicts, measure bundles per actor group,
 * SoROs, documents and the hinge summary per code.
 *
 * Read through the model API only and streamed: at most one list is held
 * at a time (besides the impact matrix and a small ranking index).
 *
 * Text from the database never reaches OUT raw: control characters are
 * shown as util/display.h shows them (ESC as ^[, C1 controls as <9B>),
 * invalid UTF-8 as U+FFFD; newlines inside multi-line fields are kept
 * and the continuation lines indented, so that list items and
 * paragraphs hold together.  Nothing else is escaped, except '|' inside
 * table cells.  Needs a UTF-8 LC_CTYPE, as display_init() sets. */

#include <stdint.h>
#include <stdio.h>

#include "util/status.h"

struct db;

/* Writes session SESSION_ID as Markdown to OUT, which stays the caller's
 * (flushed, never closed).  Returns STATUS_NOT_FOUND for an unknown
 * session, STATUS_IO when writing failed, a model status otherwise (the
 * detail in db_error()); on failure OUT may hold a partial report. */
enum status report_write(struct db *db, int64_t session_id, FILE *out);

#endif
