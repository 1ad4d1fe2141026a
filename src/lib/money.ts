// Pounds as people type them ("£5,000", "5 000") and as the site shows them ("£5,000").
export const parsePounds = (text: string): number => Number(text.replace(/[£,\s]/g, ''));

export const formatPounds = (amount: number, withPence = false): string =>
  `£${Number(amount).toLocaleString('en-GB', { maximumFractionDigits: withPence ? 2 : 0 })}`;
