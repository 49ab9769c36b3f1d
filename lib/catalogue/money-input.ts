// Amounts as organizers type them ("120.00", in major units) to integer minor units and back, without floating
// point: the digits are split at the dot, so 0.29 is 29 cents exactly.
import { minorUnitFactor } from '../money';

const MAX_MINOR = 2_147_483_647;

export type MoneyParse = { ok: true; amount: number } | { ok: false; message: string };

export function parseMoneyInput(value: string, currency: string): MoneyParse {
  const digits = Math.round(Math.log10(minorUnitFactor(currency)));
  const text = value.trim();
  const example = digits > 0 ? `120.${'0'.repeat(digits)}` : '120';
  if (text === '') return { ok: false, message: 'Enter an amount' };
  if (text.startsWith('-')) return { ok: false, message: 'The amount cannot be negative' };
  const m = /^(\d{1,10})(?:\.(\d+))?$/.exec(text);
  if (!m)
    return {
      ok: false,
      message: `Enter an amount in ${currency} such as ${example} (digits, and a dot before the ${digits > 0 ? 'cents' : 'end'})`,
    };
  const fraction = m[2] ?? '';
  if (fraction.length > digits) {
    return {
      ok: false,
      message:
        digits === 0 ? `${currency} amounts have no decimals` : `Use at most ${digits} decimals, such as ${example}`,
    };
  }
  const amount = Number(m[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(amount) || amount > MAX_MINOR) return { ok: false, message: 'The amount is too large' };
  return { ok: true, amount };
}

/** "120.00" for 12000 EUR minor units: the value an amount input starts with. */
export function formatMoneyInput(amount: number, currency: string): string {
  const factor = minorUnitFactor(currency);
  const digits = Math.round(Math.log10(factor));
  const whole = Math.floor(amount / factor);
  const fraction = amount - whole * factor;
  return digits > 0 ? `${whole}.${String(fraction).padStart(digits, '0')}` : String(whole);
}
