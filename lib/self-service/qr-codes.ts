// The QR codes on the manage page: a fresh ticket token per in-person ticket each time the page is shown (only
// its hash is stored, like the tokens emails issue), drawn as inline SVG so no image request carries the secret.
// A transfer revokes every earlier token of the ticket, so a QR code someone kept stops working at the door.
import QRCode from 'qrcode';
import type { DbOrTx } from '@/db/client';
import { issueTicketTokens, ticketQrPayload } from '../links/secret-links';

/** SVG markup per ticket id; virtual tickets have none (nobody scans them at a door). */
export async function issueTicketQrCodes(
  db: DbOrTx,
  list: { id: string; attendance: 'in_person' | 'virtual' }[],
  now: Date,
): Promise<Map<string, string>> {
  const tokens = await issueTicketTokens(
    db,
    list.filter((t) => t.attendance === 'in_person').map((t) => t.id),
    now,
  );
  const out = new Map<string, string>();
  for (const [ticketId, token] of tokens) {
    out.set(
      ticketId,
      await QRCode.toString(ticketQrPayload(token), { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }),
    );
  }
  return out;
}
