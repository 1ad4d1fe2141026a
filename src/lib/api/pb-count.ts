// Counting a process's votes: the officer's browser asks the pb-count Edge Function
// (supabase/functions/pb-count/), which checks the caller is one of the process's officers,
// counts the ballot file on the server and stores the result. Same call on Supabase and on the
// local stand-in. Refusals come back with the database's keys (src/lib/refusals/pb-results.ts).
import { FunctionsFetchError, FunctionsHttpError } from '@supabase/functions-js';
import { describeProblem, type ApiResult } from '../api-call';
import { getSupabase, type ApiClient } from '../supabase';

/** What the function answers after storing the count. */
export type PbCountAnswer = {
  process_id: string;
  result_id: string;
  sha256: string;
  ballots: number;
  winners: string[];
  counted_at: string;
  timings: { checking_ms: number; reading_ms: number; counting_ms: number; storing_ms: number; total_ms: number };
};

type Refusal = { key?: unknown; message?: unknown; field?: unknown };

/** Counts the votes of a process in `counting` and stores the result (officers of the process only). */
export async function countVotes(processId: string, client: ApiClient = getSupabase()): Promise<ApiResult<PbCountAnswer>> {
  try {
    const { data, error } = await client.functions.invoke<PbCountAnswer>('pb-count', { body: { process_id: processId } });
    if (!error) return { ok: true, data: data as PbCountAnswer };
    if (error instanceof FunctionsHttpError) {
      const response = error.context as Response;
      const body = (await response.json().catch(() => ({}))) as Refusal;
      const key = typeof body.key === 'string' ? body.key : undefined;
      const field = typeof body.field === 'string' ? body.field : undefined;
      const problem = describeProblem(response.status, { message: typeof body.message === 'string' ? body.message : undefined }, 'form');
      return { ...problem, ...(key ? { key } : {}), ...(field ? { field } : {}) };
    }
    if (error instanceof FunctionsFetchError) return describeProblem(0, { message: 'Failed to fetch' }, 'form');
    return describeProblem(502, { message: error instanceof Error ? error.message : String(error) }, 'form');
  } catch (error) {
    return describeProblem(0, { message: String(error) }, 'form');
  }
}
