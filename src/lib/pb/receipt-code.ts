// Receipt codes as private.pb_new_code(16) makes them: 16 characters from an alphabet without
// look-alikes (no 0/O, 1/I/L), in groups of four, e.g. 7KQM-3XWP-HT9C-2RDA. People may type
// them in lower case, with spaces or without dashes; the database ignores those the same way
// (private.pb_receipt_hash), so the screen only tidies and checks the shape before asking.

export const RECEIPT_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const RECEIPT_LENGTH = 16;

const SHAPE = new RegExp(`^[${RECEIPT_ALPHABET}]{${RECEIPT_LENGTH}}$`);

/** The code without spaces or dashes, in capitals. */
export const compactReceipt = (text: string): string => text.toUpperCase().replace(/[\s-]/g, '');

/** The code as it is printed: groups of four joined by dashes. */
export const formatReceipt = (text: string): string => (compactReceipt(text).match(/.{1,4}/g) ?? []).join('-');

export type ReceiptCheck =
  | { readonly ok: true; readonly code: string }
  | { readonly ok: false; readonly key: 'required' | 'receipt_format'; readonly message: string };

/** Is this what a receipt code looks like? The key 'receipt_format' is the screen's own. */
export function checkReceiptShape(text: string): ReceiptCheck {
  const compact = compactReceipt(text);
  if (!compact) return { ok: false, key: 'required', message: 'Enter your receipt code.' };
  if (compact.length !== RECEIPT_LENGTH || !SHAPE.test(compact)) {
    const wrong = [...compact].filter((c) => !RECEIPT_ALPHABET.includes(c));
    const why = wrong.length
      ? `Receipt codes do not use ${[...new Set(wrong)].map((c) => `‘${c}’`).join(', ')}: they use the numbers 2 to 9 and letters except I, L and O.`
      : `It has ${compact.length} letters and numbers; a receipt code has ${RECEIPT_LENGTH}.`;
    return {
      ok: false,
      key: 'receipt_format',
      message: `Enter the receipt code exactly as it was shown, like 7KQM-3XWP-HT9C-2RDA. ${why}`,
    };
  }
  return { ok: true, code: formatReceipt(compact) };
}
