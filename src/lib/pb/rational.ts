// Exact fractions on BigInt. The counting rules use these wherever a comparison decides the
// outcome, so that a winner can never change because of floating-point rounding.

export type Rational = { readonly n: bigint; readonly d: bigint };

export const ZERO: Rational = { n: 0n, d: 1n };
export const ONE: Rational = { n: 1n, d: 1n };

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

export function rat(n: bigint, d: bigint = 1n): Rational {
  if (d === 0n) throw new RangeError('A fraction cannot have zero as its denominator.');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  if (d === 1n) return { n, d };
  const g = gcd(n, d);
  return g === 1n ? { n, d } : { n: n / g, d: d / g };
}

export function ratInt(n: number | bigint): Rational {
  return { n: BigInt(n), d: 1n };
}

export function add(a: Rational, b: Rational): Rational {
  if (a.d === b.d) return rat(a.n + b.n, a.d);
  return rat(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function sub(a: Rational, b: Rational): Rational {
  if (a.d === b.d) return rat(a.n - b.n, a.d);
  return rat(a.n * b.d - b.n * a.d, a.d * b.d);
}

export function mul(a: Rational, b: Rational): Rational {
  return rat(a.n * b.n, a.d * b.d);
}

export function div(a: Rational, b: Rational): Rational {
  if (b.n === 0n) throw new RangeError('Cannot divide by zero.');
  return rat(a.n * b.d, a.d * b.n);
}

/** -1, 0 or 1, like a sort comparator. */
export function cmp(a: Rational, b: Rational): number {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

function bitLength(x: bigint): number {
  return (x < 0n ? -x : x).toString(2).length;
}

/** Nearest double (to within a few units in the last place, which is all reporting needs). */
export function toNumber(a: Rational): number {
  if (a.d === 1n) return Number(a.n);
  const shift = Math.max(bitLength(a.n), bitLength(a.d)) - 900;
  if (shift <= 0) return Number(a.n) / Number(a.d);
  const s = BigInt(shift);
  return Number(a.n >> s) / Number(a.d >> s);
}

/** "7/3", or "5" for a whole number: how exact values are shown to people and machines. */
export function toFractionString(a: Rational): string {
  return a.d === 1n ? a.n.toString() : `${a.n}/${a.d}`;
}

/**
 * Reads a plain decimal such as "12", "-0.5", "1.25e3" exactly. Returns null for anything else
 * (commas, spaces, "NaN"), leaving the plain-English explanation to the caller.
 */
export function parseDecimal(text: string): Rational | null {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m) return null;
  const [, sign = '', whole = '', frac = '', exp] = m;
  if (whole === '' && frac === '') return null;
  let n = BigInt((whole || '0') + frac);
  let d = 10n ** BigInt(frac.length);
  if (exp !== undefined) {
    const e = Number(exp);
    if (Math.abs(e) > 400) return null;
    if (e >= 0) n *= 10n ** BigInt(e);
    else d *= 10n ** BigInt(-e);
  }
  return rat(sign === '-' ? -n : n, d);
}

/**
 * The exact value a person meant by a JavaScript number: its shortest round-trip decimal,
 * so 0.1 means one tenth rather than the nearest binary fraction.
 */
export function fromNumber(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError(`${x} is not a finite number.`);
  const parsed = parseDecimal(String(x));
  if (!parsed) throw new RangeError(`Cannot read ${x} as a decimal.`);
  return parsed;
}

/** Plain decimal text without exponent, for writing files (e.g. 1e21 becomes "1000000000000000000000"). */
export function formatPlainNumber(x: number): string {
  const s = String(x);
  if (!/e/i.test(s)) return s;
  return x.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}
