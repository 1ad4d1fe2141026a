// What the public results and check-ballot pages read (src/browser/pb-results.ts and
// pb-check-ballot.ts), called anonymously so those pages load no supabase-js (define-public.ts).
// The response types are declared with their topic's other wrappers.
import type { PbProcess, PbReceiptCheck } from './pb-residents';
import type { PbBallotFile, PbResult } from './pb-results';
import { definePublicApi } from './define-public';

/** A process with its phases, wards and categories, as anyone sees it. */
export const getPublicProcess = definePublicApi<PbProcess, { p_slug: string }>('pb_process', ['p_slug']);

/** Anyone, once published: the result with its explanation. */
export const pbResult = definePublicApi<PbResult, { p_process_id: string }>('pb_result', ['p_process_id']);

/** Anyone, once published: the ballot file that was counted, with its sha256. */
export const pbPublishedBallotFile = definePublicApi<PbBallotFile, { p_process_id: string }>('pb_published_ballot_file', ['p_process_id']);

/** Anyone with a receipt code: that ballot's projects, and whether it was counted or replaced. */
export const checkReceipt = definePublicApi<PbReceiptCheck, { p_receipt: string }>('pb_check_receipt', ['p_receipt']);
