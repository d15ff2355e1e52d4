#ifndef DIDAT_MODEL_DEMO_H
#define DIDAT_MODEL_DEMO_H

/* The demo session: a complete, invented DiDaT workshop on the SME
 * vulnerability space (six components, unseens, stakeholder groups, a
 * fully rated impact matrix, goals and goal conflicts, measures for the
 * actor groups A-G, one SoRO per component, two subgroup minutes with
 * codings by two coders), so that every screen and export has something
 * to show.  All persons, firms and statements in it are made up.
 *
 * Built through the model API only, in one transaction: on any failure
 * nothing is left behind.  Never prints. */

#include <stdint.h>

#include "util/status.h"

struct db;

/* Creates the demo session and sets *SESSION_ID (left unchanged on
 * failure; the reason is in db_error()).  May be called again on the same
 * database: each call makes a new session, titled "DiDaT KMU –
 * Demo-Workshop", then "... (2)", "... (3)" so that titles stay unique. */
enum status demo_create(struct db *db, int64_t *session_id);

#endif
