// Go's fmt "%.*g" for a float64, digit for digit. JavaScript's toPrecision rounds exact ties up
// (1.125 -> "1.13"), Go rounds them to even ("1.12"), and the two disagree on when to switch to
// an exponent, so the docker CLI's size strings need this instead.

/** The exact decimal value of a finite double: 0.<digits> × 10^point, digits without trailing zeros. */
interface Decimal {
  digits: string;
  point: number;
}

function exactDecimal(value: number): Decimal {
  if (value === 0) return { digits: "", point: 0 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  const exponent = (biased === 0 ? 1 : biased) - 1075;
  // mantissa × 2^exponent is exactly mantissa × 5^k / 10^k when the exponent is -k.
  const digits = exponent >= 0 ? (mantissa << BigInt(exponent)).toString() : (mantissa * 5n ** BigInt(-exponent)).toString();
  const point = digits.length + Math.min(exponent, 0);
  return { digits: digits.replace(/0+$/, ""), point };
}

/** Round to `precision` significant digits, ties to even, as Go's strconv does. */
function roundDecimal({ digits, point }: Decimal, precision: number): Decimal {
  if (digits.length <= precision) return { digits, point };
  const next = digits.charCodeAt(precision) - 48;
  const last = digits.charCodeAt(precision - 1) - 48;
  const tie = next === 5 && digits.length === precision + 1;
  const up = next > 5 || (next === 5 && (!tie || last % 2 === 1));
  let kept = digits.slice(0, precision);
  if (up) {
    const bumped = (BigInt(kept) + 1n).toString();
    if (bumped.length > kept.length) return { digits: "1", point: point + 1 };
    kept = bumped;
  }
  return { digits: kept.replace(/0+$/, ""), point };
}

/** The digit at position i of the decimal, "0" past its ends. */
const digitAt = (d: Decimal, i: number): string => (i >= 0 && i < d.digits.length ? (d.digits[i] ?? "0") : "0");

function fixed(d: Decimal, decimals: number): string {
  let out = "";
  if (d.point > 0) for (let i = 0; i < d.point; i++) out += digitAt(d, i);
  else out = "0";
  if (decimals > 0) {
    out += ".";
    for (let i = 0; i < decimals; i++) out += digitAt(d, d.point + i);
  }
  return out;
}

function exponential(d: Decimal, decimals: number): string {
  let out = digitAt(d, 0);
  if (decimals > 0) {
    out += ".";
    for (let i = 1; i <= decimals; i++) out += digitAt(d, i);
  }
  const exp = d.digits.length === 0 ? 0 : d.point - 1;
  const abs = Math.abs(exp);
  return `${out}e${exp < 0 ? "-" : "+"}${abs < 10 ? "0" : ""}${abs}`;
}

/** Go's fmt.Sprintf("%.*g", precision, value) for a finite number. */
export function formatGoG(value: number, precision: number): string {
  const sign = value < 0 || Object.is(value, -0) ? "-" : "";
  let prec = Math.max(precision, 1);
  const d = roundDecimal(exactDecimal(Math.abs(value)), prec);
  const nd = d.digits.length;
  // strconv.formatDigits, case 'g'.
  let eprec = prec;
  if (eprec > nd && nd >= d.point) eprec = nd;
  const exp = d.point - 1;
  if (exp < -4 || exp >= eprec) {
    if (prec > nd) prec = nd;
    return sign + exponential(d, prec - 1);
  }
  if (prec > d.point) prec = nd;
  return sign + fixed(d, Math.max(prec - d.point, 0));
}
