#ifndef DIDAT_EXPORTS_DOT_H
#define DIDAT_EXPORTS_DOT_H

/* The system model as a Graphviz digraph: one node per variable,
 * labelled with its name and filled by its role in the direct (Vester)
 * analysis; one edge per influence rated 1 or more, its pen width the
 * strength.  Unrated cells and ratings of 0 draw no edge. */

#include <stdint.h>
#include <stdio.h>

#include "model/analysis.h"
#include "util/status.h"

struct db;

enum status dot_write(struct db *db, int64_t session_id, FILE *out);

/* Renders the graph into PATH as FORMAT ("svg" or "png") through the
 * `dot` program; STATUS_NOT_FOUND with a clear message when Graphviz is
 * not installed. */
enum status dot_render(struct db *db, int64_t session_id, const char *format, const char *path);

/* The fill colour of a variable of ROLE, in the graph and on the poster. */
const char *dot_role_colour(enum analysis_role role);

#endif
