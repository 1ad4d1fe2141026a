import { describe, expect, it } from 'vitest';
import { buildCall, type FunctionInfo } from '../../../../supabase/local/rpc-call.ts';
import { statusForSqlState } from '../../../../supabase/local/errors.ts';

const fn = (over: Partial<FunctionInfo> = {}): FunctionInfo => ({
  schema: 'api',
  name: 'f',
  argNames: ['p_id', 'p_tags', 'p_data'],
  argTypes: ['integer', 'text[]', 'jsonb'],
  argIsJson: [false, false, true],
  argIsArray: [false, true, false],
  requiredCount: 1,
  returnsSet: false,
  returnsVoid: false,
  readOnly: false,
  ...over,
});

describe('building the SQL for an RPC call', () => {
  it('passes each given argument by name as its own parameter', () => {
    const call = buildCall(fn(), { p_id: 5, p_tags: ['a', 'b "c"'], p_data: { x: [1] } });
    expect(call.text).toBe('select to_jsonb("api"."f"("p_id" => $1, "p_tags" => $2, "p_data" => $3))::text as body');
    expect(call.params).toEqual(['5', '{"a","b \\"c\\""}', '{"x":[1]}']);
  });

  it('leaves out arguments not given, so their defaults apply', () => {
    expect(buildCall(fn(), { p_id: 1 }).text).toContain('"f"("p_id" => $1)');
  });

  it('aggregates set-returning functions into a JSON array', () => {
    expect(buildCall(fn({ returnsSet: true }), {}).text).toContain(`coalesce(jsonb_agg(to_jsonb(r)), '[]'::jsonb)`);
  });

  it('quotes identifiers so a function name cannot inject SQL', () => {
    expect(buildCall(fn({ name: 'f"; drop table x; --' }), {}).text).toContain('"f""; drop table x; --"');
  });
});

// Every row of PostgREST's table (docs.postgrest.org "Errors", and mapSQLtoHTTP in its
// src/PostgREST/Error.hs for the cases it decides by message), with codes from each family.
describe('PostgREST status for each SQLSTATE', () => {
  it.each([
    ['08000', false, 503],
    ['08006', true, 503], // connection
    ['09000', true, 500], // triggered action
    ['0L000', true, 403],
    ['0LP01', true, 403], // invalid grantor
    ['0P000', true, 403], // invalid role specification
    ['23503', true, 409],
    ['23505', true, 409], // foreign key, unique
    ['23502', true, 400],
    ['23514', true, 400],
    ['23P01', true, 400], // other integrity: "other"
    ['25006', true, 405], // read-only transaction
    ['25001', true, 500],
    ['25P02', true, 500], // other transaction state
    ['28000', true, 403],
    ['28P01', false, 403], // authorization specification
    ['2D000', true, 500],
    ['38000', true, 500],
    ['38001', true, 500],
    ['39000', true, 500],
    ['3B000', true, 500],
    ['40001', true, 500],
    ['40P01', true, 500],
    ['40000', true, 500], // serialization failure, deadlock
    ['53400', true, 500], // configuration limit
    ['53000', true, 503],
    ['53100', true, 503],
    ['53200', true, 503],
    ['53300', true, 503], // insufficient resources
    ['54000', true, 500],
    ['54001', true, 500], // too complex (index row too large)
    ['55000', true, 500],
    ['55P03', true, 500], // lock not available
    ['57014', true, 500],
    ['57000', true, 500],
    ['57P01', true, 503], // statement timeout; admin shutdown
    ['58000', true, 500],
    ['58030', true, 500],
    ['F0000', true, 500],
    ['HV000', true, 500],
    ['P0001', true, 400],
    ['P0001', false, 400], // raise exception
    ['P0000', true, 500],
    ['P0002', true, 500],
    ['P0003', true, 500],
    ['P0004', true, 500], // other PL/pgSQL
    ['XX000', true, 500],
    ['XX001', true, 500], // internal error
    ['42883', true, 404],
    ['42P01', true, 404], // undefined function, table
    ['42P17', true, 500], // infinite recursion
    ['42501', false, 401],
    ['42501', true, 403], // insufficient privilege
    ['42601', true, 400],
    ['42703', true, 400],
    ['42P02', true, 400], // other 42: "other"
    ['22P02', true, 400],
    ['22001', true, 400],
    ['22012', true, 400], // data exceptions: "other"
    ['21000', true, 500], // cardinality violation from a function
    ['22023', true, 400],
    ['PT403', true, 403],
    ['PT409', true, 409],
    ['PT418', false, 418],
    ['PTXYZ', true, 500],
    ['0A000', true, 400],
    ['42000', true, 400],
    ['ZZ999', true, 400],
    ['99999', true, 400], // unknown: "other"
  ] as const)('%s (signed in: %s) → %i', (code, signedIn, status) => {
    expect(statusForSqlState(code, signedIn)).toBe(status);
  });

  it('decides by message where PostgREST does', () => {
    expect(statusForSqlState('21000', true, 'DELETE requires a WHERE clause')).toBe(400);
    expect(statusForSqlState('21000', true, 'more than one row returned by a subquery used as an expression')).toBe(500);
    expect(statusForSqlState('22023', true, 'role "nobody" does not exist')).toBe(401);
    expect(statusForSqlState('42883', true, 'function xmlagg(integer) does not exist')).toBe(406);
  });
});
