// The queue's lists have one home in SQL; TypeScript's copies agree with it, and the actions the
// screen offers for each status are exactly the ones the database allows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import { MODERATION_ACTIONS, MODERATION_KINDS, MODERATION_STATUSES, actionsFor } from '../../../src/lib/moderation/lists.ts';
import { openTestDatabase } from '../../support/db.ts';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

const list = (text: string) => text.replace(/[{}]/g, '').split(',');

describe('the moderation lists have one home', () => {
  it('TypeScript lists exactly what SQL does', async () => {
    const [row] = await db.query<{ statuses: string; actions: string; kinds: string }>(
      `select enum_range(null::private.moderation_status)::text as statuses, private.moderation_actions()::text as actions,
              private.moderation_kinds()::text as kinds`,
    );
    expect(list(row!.statuses)).toEqual([...MODERATION_STATUSES]);
    expect(list(row!.actions)).toEqual([...MODERATION_ACTIONS]);
    expect(list(row!.kinds)).toEqual([...MODERATION_KINDS]);
  });

  it('offers for each status the actions the database allows', async () => {
    for (const status of MODERATION_STATUSES) {
      const allowed: string[] = [];
      for (const action of MODERATION_ACTIONS) {
        const ok = await db
          .query(`select private.require_moderation_status($1::private.moderation_status, $2)`, [status, action])
          .then(() => true)
          .catch(() => false);
        if (ok) allowed.push(action);
      }
      expect(allowed, status).toEqual(actionsFor(status));
    }
  });
});
