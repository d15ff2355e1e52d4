/* The open points of a session: see progress.h. */
#include "model/progress.h"

#include <stdio.h>

#include "model/db.h"
#include "util/i18n.h"

/* A check: the step it belongs to, the kind of item it finds, the kind
 * of item that mends it (a SoRO for a component without one), what it
 * says, and the query (?1 = the session) that selects the items' ids in
 * their order; in the order of the steps, which is the checklist's. */
static const struct check {
	int step;
	enum item_kind kind, mend;
	const char *problem;
	const char *sql;
} checks[] = {
	{ 0, ITEM_SESSION, ITEM_SESSION, N_("no guiding question yet"),
	  "SELECT id FROM session WHERE id = ?1 AND coalesce(question, '') = ''" },
	{ 0, ITEM_SESSION, ITEM_SESSION, N_("system boundaries not drawn (inside and outside)"),
	  "SELECT id FROM session WHERE id = ?1 AND (coalesce(inside, '') = ''"
	  " OR coalesce(outside, '') = '')" },
	{ 0, ITEM_SESSION, ITEM_COMPONENT, N_("no component yet"),
	  "SELECT id FROM session WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM component"
	  " WHERE session_id = ?1)" },
	{ 1, ITEM_SESSION, ITEM_UNSEEN, N_("no unseen yet"),
	  "SELECT id FROM session WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM unseen"
	  " WHERE session_id = ?1)" },
	{ 1, ITEM_UNSEEN, ITEM_UNSEEN, N_("not rated yet (likelihood, impact, adaptive capacity)"),
	  "SELECT id FROM unseen WHERE session_id = ?1 AND (likelihood IS NULL OR impact IS NULL"
	  " OR capacity IS NULL) ORDER BY position, id" },
	{ 1, ITEM_UNSEEN, ITEM_UNSEEN, N_("no stakeholder group affected"),
	  "SELECT id FROM unseen u WHERE session_id = ?1 AND NOT EXISTS (SELECT 1 FROM"
	  " unseen_stakeholder l WHERE l.unseen_id = u.id) ORDER BY position, id" },
	{ 1, ITEM_UNSEEN, ITEM_UNSEEN, N_("no component"),
	  "SELECT id FROM unseen WHERE session_id = ?1 AND component_id IS NULL"
	  " ORDER BY position, id" },
	{ 2, ITEM_SESSION, ITEM_VARIABLE, N_("no system variable yet"),
	  "SELECT id FROM session WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM variable"
	  " WHERE session_id = ?1)" },
	{ 2, ITEM_VARIABLE, ITEM_VARIABLE, N_("no short name for the matrix"),
	  "SELECT id FROM variable WHERE session_id = ?1 AND coalesce(short, '') = ''"
	  " ORDER BY position, id" },
	{ 2, ITEM_VARIABLE, ITEM_VARIABLE, N_("no influence rated in the matrix"),
	  "SELECT id FROM variable v WHERE session_id = ?1 AND NOT EXISTS (SELECT 1 FROM impact i"
	  " WHERE i.from_id = v.id OR i.to_id = v.id) ORDER BY position, id" },
	{ 2, ITEM_SESSION, ITEM_STAKEHOLDER, N_("no stakeholder group yet"),
	  "SELECT id FROM session WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM stakeholder"
	  " WHERE session_id = ?1)" },
	{ 3, ITEM_UNSEEN, ITEM_GOAL, N_("no goal answers this unseen"),
	  "SELECT id FROM unseen u WHERE session_id = ?1 AND NOT EXISTS (SELECT 1 FROM"
	  " goal_unseen l WHERE l.unseen_id = u.id) ORDER BY position, id" },
	{ 3, ITEM_GOAL, ITEM_GOAL, N_("answers no unseen"),
	  "SELECT id FROM goal g WHERE session_id = ?1 AND NOT EXISTS (SELECT 1 FROM"
	  " goal_unseen l WHERE l.goal_id = g.id) ORDER BY id" },
	{ 3, ITEM_GOAL, ITEM_GOAL, N_("no component"),
	  "SELECT id FROM goal WHERE session_id = ?1 AND component_id IS NULL ORDER BY id" },
	{ 4, ITEM_GOAL, ITEM_MEASURE, N_("no measure serves this goal"),
	  "SELECT id FROM goal g WHERE session_id = ?1 AND NOT EXISTS (SELECT 1 FROM"
	  " measure_goal l WHERE l.goal_id = g.id) ORDER BY id" },
	{ 4, ITEM_MEASURE, ITEM_MEASURE, N_("no actor group"),
	  "SELECT id FROM measure WHERE session_id = ?1 AND actor_id IS NULL ORDER BY id" },
	{ 4, ITEM_MEASURE, ITEM_MEASURE, N_("serves no goal"),
	  "SELECT id FROM measure m WHERE session_id = ?1 AND NOT EXISTS (SELECT 1 FROM"
	  " measure_goal l WHERE l.measure_id = m.id) ORDER BY id" },
	{ 4, ITEM_MEASURE, ITEM_MEASURE, N_("no priority or no time horizon"),
	  "SELECT id FROM measure WHERE session_id = ?1 AND (priority IS NULL OR horizon IS NULL)"
	  " ORDER BY id" },
	{ 4, ITEM_ACTOR, ITEM_MEASURE, N_("no measure for this actor group"),
	  "SELECT id FROM actor a WHERE session_id = ?1 AND NOT EXISTS (SELECT 1 FROM measure m"
	  " WHERE m.actor_id = a.id) ORDER BY letter" },
	{ 4, ITEM_COMPONENT, ITEM_SORO, N_("no SoRO for this component"),
	  "SELECT id FROM component c WHERE session_id = ?1 AND NOT EXISTS (SELECT 1 FROM soro s"
	  " WHERE s.component_id = c.id) ORDER BY number" },
};
#define NCHECKS (sizeof checks / sizeof checks[0])

size_t progress_check_count(void)
{
	return NCHECKS;
}

int progress_check_step(size_t check)
{
	return check < NCHECKS ? checks[check].step : -1;
}

enum item_kind progress_check_mend(size_t check)
{
	return check < NCHECKS ? checks[check].mend : ITEM_SESSION;
}

const char *progress_check_problem(size_t check)
{
	return check < NCHECKS ? checks[check].problem : "";
}

enum status progress_count(struct db *db, int64_t session, int64_t counts[PROGRESS_STEPS])
{
	for (int s = 0; s < PROGRESS_STEPS; s++)
		counts[s] = 0;
	for (size_t i = 0; i < NCHECKS; i++) {
		char sql[640];
		snprintf(sql, sizeof sql, "SELECT count(*) FROM (%s)", checks[i].sql);
		int64_t n = 0;
		enum status rc = db_query_int(db, &n, sql, "i", session);
		if (rc != STATUS_OK)
			return rc;
		counts[checks[i].step] += n;
	}
	return STATUS_OK;
}

enum status progress_each(struct db *db, int64_t session, open_point_cb cb, void *ctx)
{
	for (size_t i = 0; i < NCHECKS; i++) {
		struct db_stmt *st = db_prepare(db, checks[i].sql);
		if (!st)
			return STATUS_DB;
		db_bind_int(st, 1, session);
		enum db_step r = DB_DONE;
		int stop = 0;
		while (!stop && (r = db_step(st)) == DB_ROW) {
			struct open_point p = { i, checks[i].kind, db_column_int(st, 0) };
			stop = cb(ctx, &p);
		}
		enum status rc = !stop && r == DB_ERROR ? db_step_status(st) : STATUS_OK;
		db_reset(st);
		if (rc != STATUS_OK || stop)
			return rc;
	}
	return STATUS_OK;
}
