import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReceiptShape, compactReceipt, formatReceipt, RECEIPT_ALPHABET, RECEIPT_LENGTH } from '../../../../src/lib/pb/receipt-code.ts';

describe('receipt codes', () => {
  it('use the alphabet and length the database makes them with', () => {
    const sql = readFileSync(new URL('../../../../supabase/migrations/20261204000050_pb_access.sql', import.meta.url), 'utf8');
    expect(sql).toContain(`v_alphabet constant text := '${RECEIPT_ALPHABET}'`);
    const residents = readFileSync(
      new URL('../../../../supabase/migrations/20261204000120_pb_functions_voting.sql', import.meta.url),
      'utf8',
    );
    expect(residents).toContain(`v_receipt text := private.pb_new_code(${RECEIPT_LENGTH})`);
  });

  it('are tidied as typed: case, spaces and dashes do not matter', () => {
    expect(compactReceipt(' 7kqm 3xwp-ht9c-2rda ')).toBe('7KQM3XWPHT9C2RDA');
    expect(formatReceipt('7kqm3xwpht9c2rda')).toBe('7KQM-3XWP-HT9C-2RDA');
    expect(checkReceiptShape('7kqm 3xwp ht9c 2rda')).toEqual({ ok: true, code: '7KQM-3XWP-HT9C-2RDA' });
  });

  it('refuse an empty, short or look-alike code, saying why', () => {
    expect(checkReceiptShape('  ')).toMatchObject({ ok: false, key: 'required' });
    const short = checkReceiptShape('7KQM-3XWP');
    expect(short).toMatchObject({ ok: false, key: 'receipt_format' });
    expect(!short.ok && short.message).toContain('It has 8 letters and numbers');
    const lookalike = checkReceiptShape('7KQM-3XWP-HT9C-2RD0');
    expect(!lookalike.ok && lookalike.message).toContain('‘0’');
  });
});
