// What a scanner or a person typed, reduced to the ticket token the QR code carries (lib/email/links.ts
// ticketQrPayload: the bare token). A pasted ticket link (/tickets/<token>/...) is accepted too.
const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;
const IN_LINK = /\/tickets\/([A-Za-z0-9_-]{16,128})(?:[/?#]|$)/;

/** The token, or null when the input cannot be one (then nothing is looked up). */
export function normalizeScannedToken(input: string): string | null {
  const raw = input.replace(/[\u0000-\u001f\u007f\s]+/g, '');
  if (!raw) return null;
  if (TOKEN.test(raw)) return raw;
  const m = IN_LINK.exec(raw);
  return m?.[1] ?? null;
}
