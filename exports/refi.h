#ifndef DIDAT_EXPORTS_REFI_H
#define DIDAT_EXPORTS_REFI_H

/* REFI-QDA, the exchange format of MAXQDA, ATLAS.ti, QualCoder, NVivo
 * and Taguette: a codebook (.qdc, XML) and a project (.qdpx, a zip of
 * project.qde and the sources' texts under sources/).  Written with
 * libxml2's streaming writer and libzip, read with libxml2's streaming
 * reader, validated against the schemas of spec/refi-qda.
 *
 * What didat has and REFI-QDA has not travels as notes or descriptions:
 * the session's fields and components as the project's Description, a
 * document's kind, date and participants as its source's Description.
 * The impact matrix, votes, ratings and links between items are not
 * written (README: "REFI-QDA"). */

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "util/status.h"

struct db;

/* The session's codebook: its free codes with their tree, colours and
 * definitions, then each item kind's codes under a code named after the
 * kind.  STATUS_INVALID when the session has no code at all (a codebook
 * needs one). */
enum status refi_write_qdc(struct db *db, int64_t session_id, FILE *out);
/* The whole coding project as a .qdpx (zip) to OUT. */
enum status refi_write_qdpx(struct db *db, int64_t session_id, FILE *out);

struct refi_import_result {
	int64_t session_id;
	int64_t codes, sources, selections, codings;
	int64_t widened;           /* selections widened to whole lines */
	int64_t merged;            /* selections that became an existing coding once widened */
	int64_t skipped;           /* sources that are not text */
	char skipped_names[512];   /* their names, joined by ", " */
};

/* What an import of PATH did, as one sentence or a few, into BUF. */
const char *refi_import_said(const struct refi_import_result *r, const char *path, char *buf,
	size_t size);

/* Reads the codebook PATH into SESSION_ID; all or nothing. */
enum status refi_import_qdc(struct db *db, int64_t session_id, const char *path,
	struct refi_import_result *result);
/* Reads the project PATH into SESSION_ID, or into a new session named
 * after the project when SESSION_ID is 0; all or nothing.  PROGRESS (may
 * be NULL) hears of it every REFI_PROGRESS_EVERY sources. */
#define REFI_PROGRESS_EVERY 20
typedef void (*refi_progress_fn)(void *ctx, const struct refi_import_result *so_far);
enum status refi_import_qdpx(struct db *db, int64_t session_id, const char *path,
	refi_progress_fn progress, void *ctx, struct refi_import_result *result);

#endif
