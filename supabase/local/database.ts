// One small interface over the two databases the stand-in can run on: PGlite in-process (the
// default, persisted under .data/) or a real PostgreSQL server named by DATABASE_URL. Every
// request runs inside `transaction`, so a failed call never leaves half its writes behind.
import { PGlite } from '@electric-sql/pglite';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { createHash } from 'node:crypto';
import pg from 'pg';

export type Row = Record<string, unknown>;

export interface Sql {
  /** `prepared`: the same text is run again and again (the RPC route's own statements), so on a
   * server it is parsed and planned once per connection and then only executed, as PostgREST's
   * prepared statements are. PGlite runs it as any other query. */
  query<T extends Row = Row>(text: string, params?: unknown[], options?: { prepared?: boolean }): Promise<T[]>;
  /** Runs one or more statements with no parameters (migrations, `set local`). */
  exec(text: string): Promise<void>;
}

export interface Database extends Sql {
  readonly kind: 'pglite' | 'postgres';
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  /** A gzipped copy of the whole data directory (PGlite only), for fast test start-up. */
  dump(): Promise<Blob>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Folder for PGlite's files; omit for an in-memory database. */
  dataDir?: string;
  /** A dump made by `dump()` to start from instead of an empty database. */
  snapshot?: Blob;
  /** postgres:// URL of a real server; takes precedence over PGlite. */
  databaseUrl?: string;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options);
}

async function openPglite(options: OpenOptions): Promise<Database> {
  const db = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.snapshot,
    extensions: { pgcrypto },
  });
  // A string parameter goes to Postgres as written, as node-postgres sends it, so Postgres
  // itself parses it for the parameter's type: PGlite's own serializers would refuse some values
  // with a plain Error ("Invalid input for boolean type") instead of Postgres's 22P02.
  const serializers = new Proxy({} as Record<number, (value: unknown) => string>, {
    get: (_target, oid) => (value: unknown) => {
      if (typeof value === 'string') return value;
      const own = db.serializers[Number(oid)];
      return own ? own(value) : String(value);
    },
  });
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Sql => ({
    async query<T extends Row>(text: string, params?: unknown[]) {
      return (await q.query<T>(text, params, { serializers })).rows;
    },
    async exec(text: string) {
      await q.exec(text);
    },
  });
  return {
    kind: 'pglite',
    ...wrap(db),
    transaction: (work) => db.transaction((tx) => work(wrap(tx))),
    dump: async () => db.dumpDataDir('gzip'),
    close: () => db.close(),
  };
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 20 });
  // An idle connection the server ends (a restart, pg_terminate_backend, a dropped database) is an
  // 'error' event of the pool; unheard, it would end the process. The pool drops that connection
  // and opens another when one is next needed, so there is nothing more to do.
  pool.on('error', () => undefined);
  const wrap = (q: pg.Pool | pg.PoolClient): Sql => ({
    async query<T extends Row>(text: string, params?: unknown[], options?: { prepared?: boolean }) {
      if (options?.prepared) return (await q.query({ name: statementName(text), text, values: params as unknown[] })).rows as T[];
      return (await q.query(text, params as unknown[])).rows as T[];
    },
    async exec(text: string) {
      await q.query(text);
    },
  });
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await work(wrap(client));
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    dump: () => Promise.reject(new Error('Snapshots are only available on PGlite.')),
    close: () => pool.end(),
  };
}

// node-postgres prepares a named statement once per connection and reuses it; one name per text.
const statementNames = new Map<string, string>();

function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `wt_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    statementNames.set(text, name);
  }
  return name;
}
