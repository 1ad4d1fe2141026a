// Amounts as residents read them: "£1,234.50" for a known currency, "1,234.50 XYZ" for a code
// the browser does not know, and plain "1,234.50" when the file names no currency.

export function formatAmount(value: number, currency: string): string {
  const digits = Number.isInteger(value) ? 0 : 2;
  if (currency) {
    try {
      return new Intl.NumberFormat('en-GB', {
        style: 'currency',
        currency,
        minimumFractionDigits: digits,
        maximumFractionDigits: 2,
      }).format(value);
    } catch {
      // Not an ISO 4217 code: fall through and show the code after the number.
    }
  }
  const plain = new Intl.NumberFormat('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: 2 }).format(value);
  return currency ? `${plain} ${currency}` : plain;
}
