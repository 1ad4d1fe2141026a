// Finds the function a /rest/v1/rpc call names and builds the SQL that calls it, as PostgREST
// does: arguments by name, the overload whose parameter names fit, the result as JSON.
import type { Sql } from './database.ts';

export interface FunctionInfo {
  schema: string;
  name: string;
  argNames: string[];
  argTypes: string[];
  argIsJson: boolean[];
  argIsArray: boolean[];
  requiredCount: number;
  returnsSet: boolean;
  returnsVoid: boolean;
  /** STABLE or IMMUTABLE: PostgREST runs even a POST to it read-only. */
  readOnly: boolean;
}

type ProcRow = {
  arg_names: string[] | null;
  arg_types: string[] | null;
  arg_json: boolean[] | null;
  arg_array: boolean[] | null;
  nargs: number;
  ndefaults: number;
  returns_set: boolean;
  returns_void: boolean;
  read_only: boolean;
};

/** Only IN and INOUT arguments are parameters; OUT ones (returns table) are result columns. */
const FIND_FUNCTIONS = `
  select p.pronargs as nargs, p.pronargdefaults as ndefaults, p.proretset as returns_set,
         p.prorettype = 'void'::regtype as returns_void, p.provolatile <> 'v' as read_only,
         case when p.proargnames is null then null else
           array(select u.n from unnest(p.proargnames, p.proargmodes) with ordinality u(n, m, i)
                 where u.m is null or u.m in ('i', 'b') order by u.i) end as arg_names,
         array(select format_type(t, null) from unnest(p.proargtypes::oid[]) with ordinality u(t, i) order by i) as arg_types,
         array(select t in ('json'::regtype, 'jsonb'::regtype) from unnest(p.proargtypes::oid[]) with ordinality u(t, i) order by i) as arg_json,
         array(select exists (select 1 from pg_type ty where ty.oid = t and ty.typcategory = 'A')
               from unnest(p.proargtypes::oid[]) with ordinality u(t, i) order by i) as arg_array
  from pg_proc p join pg_namespace n on n.oid = p.pronamespace
  where n.nspname = $1 and p.proname = $2 and p.prokind = 'f'`;

// Like PostgREST's schema cache: functions change only when migrations run, which happens before
// the server listens. Only hits are kept, so a function created later is still found.
const cache = new Map<string, FunctionInfo>();

export async function findFunction(sql: Sql, schema: string, name: string, given: string[]): Promise<FunctionInfo | undefined> {
  const key = `${schema}.${name}(${[...given].sort().join(',')})`;
  const cached = cache.get(key);
  if (cached) return cached;
  const found = await lookUpFunction(sql, schema, name, given);
  if (found) cache.set(key, found);
  return found;
}

async function lookUpFunction(sql: Sql, schema: string, name: string, given: string[]): Promise<FunctionInfo | undefined> {
  const rows = await sql.query<ProcRow>(FIND_FUNCTIONS, [schema, name]);
  const fits = rows
    .map((r) => ({
      schema,
      name,
      argNames: (r.arg_names ?? []).map((n) => n ?? ''),
      argTypes: r.arg_types ?? [],
      argIsJson: r.arg_json ?? [],
      argIsArray: r.arg_array ?? [],
      requiredCount: r.nargs - r.ndefaults,
      returnsSet: r.returns_set,
      returnsVoid: r.returns_void,
      readOnly: r.read_only,
    }))
    .filter((f) => {
      if (f.argNames.some((n) => n === '')) return false;
      const required = f.argNames.slice(0, f.requiredCount);
      return given.every((g) => f.argNames.includes(g)) && required.every((r) => given.includes(r));
    });
  // Prefer the overload that leaves the fewest parameters to their defaults.
  fits.sort((a, b) => a.argNames.length - b.argNames.length);
  return fits[0];
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** A Postgres array literal for an array argument: '{"a","b"}'. */
function arrayLiteral(values: unknown[]): string {
  const item = (v: unknown): string => {
    if (v === null || v === undefined) return 'NULL';
    if (Array.isArray(v)) return arrayLiteral(v);
    const text = typeof v === 'object' ? JSON.stringify(v) : String(v);
    return `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
  };
  return `{${values.map(item).join(',')}}`;
}

/** Each argument goes as its own untyped text parameter, so Postgres converts it to the
 * parameter's declared type itself (enums and domains in private schemas included). */
function argumentText(fn: FunctionInfo, index: number, value: unknown, fromQuery: boolean): string | null {
  if (value === null || value === undefined) return null;
  // A GET's arguments are already text, written as Postgres reads them ('{"a":1}', '{1,2}').
  if (fromQuery) return String(value);
  if (fn.argIsJson[index]) return JSON.stringify(value);
  if (fn.argIsArray[index] && Array.isArray(value)) return arrayLiteral(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** maxRows is PostgREST's max-rows (api.max_rows in supabase/config.toml): at most that many rows
 * of a set-returning function's result are sent. */
export function buildCall(
  fn: FunctionInfo,
  args: Record<string, unknown>,
  fromQuery = false,
  maxRows?: number,
): { text: string; params: (string | null)[] } {
  const params: (string | null)[] = [];
  const named = fn.argNames
    .map((name, i) => ({ name, i }))
    .filter(({ name }) => Object.hasOwn(args, name))
    .map(({ name, i }) => {
      params.push(argumentText(fn, i, args[name], fromQuery));
      return `${quoteIdent(name)} => $${params.length}`;
    });
  const call = `${quoteIdent(fn.schema)}.${quoteIdent(fn.name)}(${named.join(', ')})`;
  if (fn.returnsVoid) return { text: `select ${call}`, params };
  if (fn.returnsSet) {
    if (maxRows === undefined) return { text: `select coalesce(jsonb_agg(to_jsonb(r)), '[]'::jsonb)::text as body from ${call} r`, params };
    // r is the row, or the value itself for a function returning a set of a scalar type.
    const limited = `(select r from ${call} r limit ${Math.max(0, Math.floor(maxRows))}) limited`;
    return { text: `select coalesce(jsonb_agg(to_jsonb(limited.r)), '[]'::jsonb)::text as body from ${limited}`, params };
  }
  return { text: `select to_jsonb(${call})::text as body`, params };
}

export function describeSignature(schema: string, name: string, given: string[]): string {
  return given.length
    ? `Could not find the function ${schema}.${name}(${[...given].sort().join(', ')}) in the schema cache`
    : `Could not find the function ${schema}.${name} without parameters in the schema cache`;
}
