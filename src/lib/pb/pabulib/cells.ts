// Reading single cells of a .pb file (numbers, whole numbers, lists of numbers) and explaining
// in plain English what is wrong with one that cannot be read.

import type { PbProblem } from './types.ts';

export type Where = { readonly line: number; readonly field: string };

export function problemAt(where: Where | { line: number; field?: string }, text: string): PbProblem {
  const place = where.field !== undefined ? `Line ${where.line}, field '${where.field}'` : `Line ${where.line}`;
  return { line: where.line, ...(where.field !== undefined ? { field: where.field } : {}), message: `${place}: ${text}` };
}

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/** Why a cell is not a plain number, or null when it is one. */
function numberTrouble(cell: string): string | null {
  if (cell === '') return 'this is empty; it needs a number, like 1500.';
  if (PLAIN_NUMBER.test(cell)) return null;
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(cell)) {
    return `'${cell}' uses commas to group thousands; write it without them, like ${cell.replaceAll(',', '')}.`;
  }
  if (/^[+-]?\d*,\d+$/.test(cell)) {
    return `'${cell}' uses a comma as the decimal point; use a dot, like ${cell.replace(',', '.')}.`;
  }
  if (/^[+-]?\d+(\.\d+)?\s*[A-Za-z£$€%]+$|^[£$€]/.test(cell)) {
    return `'${cell}' is not a plain number; leave out currency signs, units and spaces, like 1500 or 1500.50.`;
  }
  return `'${cell}' is not a number; write it with digits and a dot for decimals, like 1500 or 1500.50.`;
}

export type NumberRule = { readonly whole?: boolean; readonly min?: number };

export function readNumber(cell: string, where: Where, rule: NumberRule, problems: PbProblem[]): number | undefined {
  const trouble = numberTrouble(cell);
  if (trouble) {
    problems.push(problemAt(where, trouble));
    return undefined;
  }
  const value = Number(cell);
  if (!Number.isFinite(value)) {
    problems.push(problemAt(where, `'${cell}' is too large to be a real amount.`));
    return undefined;
  }
  if (rule.whole && !Number.isInteger(value)) {
    problems.push(problemAt(where, `'${cell}' must be a whole number.`));
    return undefined;
  }
  if (rule.min !== undefined && value < rule.min) {
    problems.push(
      problemAt(where, rule.min === 0 ? `'${cell}' is negative; it must be 0 or more.` : `'${cell}' must be at least ${rule.min}.`),
    );
    return undefined;
  }
  return value;
}

/** An optional number column: an empty cell means "not given". */
export function readOptionalNumber(cell: string | undefined, where: Where, rule: NumberRule, problems: PbProblem[]): number | undefined {
  if (cell === undefined || cell === '') return undefined;
  return readNumber(cell, where, rule, problems);
}

export function readNumberList(items: readonly string[], where: Where, rule: NumberRule, problems: PbProblem[]): number[] | undefined {
  const out: number[] = [];
  const before = problems.length;
  for (const item of items) {
    const value = readNumber(item, where, rule, problems);
    if (value !== undefined) out.push(value);
  }
  return problems.length === before ? out : undefined;
}
