// Money is integer minor units plus an ISO 4217 code; formatting is the only place it becomes a decimal.
export function formatMoney(amount: number, currency: string, locale = 'en-GB'): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount / minorUnitFactor(currency));
}

export function minorUnitFactor(currency: string): number {
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return 10 ** digits;
}
