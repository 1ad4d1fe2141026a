import { describe, expect, it } from 'vitest';
import { buildCall, type FunctionInfo } from '../../supabase/local/rpc-call.ts';
import { statusForSqlState } from '../../supabase/local/errors.ts';

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

describe('PostgREST status for each SQLSTATE', () => {
  it.each([
    ['42501', false, 401],
    ['42501', true, 403],
    ['P0001', true, 400],
    ['23505', true, 409],
    ['23503', true, 409],
    ['22P02', true, 400],
    ['23514', true, 400],
    ['PT403', true, 403],
    ['PT409', true, 409],
    ['25006', true, 405],
    ['42883', true, 404],
  ])('%s (signed in: %s) → %i', (code, signedIn, status) => {
    expect(statusForSqlState(code, signedIn)).toBe(status);
  });
});
