// The authorization matrix (QUALITY.md S3/S4): every admin page, admin route handler and admin server action,
// with the permission it needs. tests/e2e/authz.spec.ts discovers the entry points from the sources and the build
// and fails when one is missing here, so a new page or action cannot ship without being listed and checked.
import type { Permission } from '@/lib/staff/permissions';

/**
 * 'staff': any signed-in staff member (the admin shell). 'anyone': harmless for every visitor (signing out);
 * only checked for leaks.
 */
export type Need = Permission | 'staff' | 'anyone';

/** Page route patterns (as in app/, route groups removed) and what they need. */
export const pages: Record<string, Need> = {
  '/admin/programme': 'programme.manage',
  '/admin/programme/sessions/new': 'programme.manage',
  '/admin/programme/sessions/[id]': 'programme.manage',
  '/admin/programme/tracks': 'programme.manage',
  '/admin/programme/tracks/[id]': 'programme.manage',
  '/admin/programme/rooms': 'programme.manage',
  '/admin/programme/rooms/[id]': 'programme.manage',
  '/admin/programme/speakers': 'programme.manage',
  '/admin/programme/speakers/[id]': 'programme.manage',
  '/admin/checkin': 'checkin.scan',
  '/admin/checkin/[listId]': 'checkin.scan',
  // The dashboard answers every staff member: those without 'dashboard.view' are redirected to their own page.
  '/admin': 'staff',
  '/admin/users': 'users.manage',
  '/admin/audit': 'audit.view',
  '/admin/account': 'account.self',
  '/admin/settings': 'sales.manage',
  '/admin/tickets': 'sales.manage',
  '/admin/tickets/[id]': 'sales.manage',
  '/admin/tickets/pools/[id]': 'sales.manage',
  '/admin/questions': 'sales.manage',
  '/admin/questions/[id]': 'sales.manage',
  '/admin/vouchers': 'sales.manage',
  '/admin/vouchers/[id]': 'sales.manage',
  '/admin/orders': 'orders.view',
  '/admin/orders/[id]': 'orders.view',
  '/admin/orders/new': 'orders.manage',
  '/admin/attendees': 'attendees.view',
  '/admin/attendees/[ticketId]': 'attendees.view',
  '/admin/access': 'access.manage',
  '/admin/access/[id]': 'access.manage',
  '/admin/privacy/export': 'privacy.manage',
  '/admin/payments': 'orders.view',
  '/admin/mailbox': 'emails.view',
  '/admin/mailbox/[id]': 'emails.view',
  '/admin/privacy': 'privacy.manage',
};

/** "METHOD /path" of admin route handlers. */
export const routes: Record<string, Need> = {
  'GET /api/admin/checkin/counts': 'checkin.scan',
  'GET /api/admin/export/attendees.csv': 'attendees.export',
  'POST /api/admin/privacy/export': 'privacy.manage',
};

/** "app/admin/.../actions.ts#exportName" of admin server actions. */
export const actions: Record<string, Need> = {
  'app/admin/actions.ts#signOutAction': 'anyone',
  'app/admin/programme/sessions/actions.ts#createSessionAction': 'programme.manage',
  'app/admin/programme/sessions/actions.ts#updateSessionAction': 'programme.manage',
  'app/admin/programme/sessions/actions.ts#deleteSessionAction': 'programme.manage',
  'app/admin/programme/tracks/actions.ts#addTrackAction': 'programme.manage',
  'app/admin/programme/tracks/actions.ts#updateTrackAction': 'programme.manage',
  'app/admin/programme/tracks/actions.ts#moveTrackAction': 'programme.manage',
  'app/admin/programme/tracks/actions.ts#deleteTrackAction': 'programme.manage',
  'app/admin/programme/rooms/actions.ts#addRoomAction': 'programme.manage',
  'app/admin/programme/rooms/actions.ts#updateRoomAction': 'programme.manage',
  'app/admin/programme/rooms/actions.ts#moveRoomAction': 'programme.manage',
  'app/admin/programme/rooms/actions.ts#deleteRoomAction': 'programme.manage',
  'app/admin/programme/speakers/actions.ts#addSpeakerAction': 'programme.manage',
  'app/admin/programme/speakers/actions.ts#updateSpeakerAction': 'programme.manage',
  'app/admin/programme/speakers/actions.ts#deleteSpeakerAction': 'programme.manage',
  'app/admin/checkin/actions.ts#checkinDeskAction': 'checkin.scan',
  'app/admin/checkin/actions.ts#addCheckinListAction': 'programme.manage',
  'app/admin/users/actions.ts#inviteStaffAction': 'users.manage',
  'app/admin/users/actions.ts#changeStaffRoleAction': 'users.manage',
  'app/admin/users/actions.ts#removeStaffAction': 'users.manage',
  'app/admin/users/actions.ts#unlockSignInAction': 'users.manage',
  'app/admin/account/actions.ts#changePasswordAction': 'account.self',
  'app/admin/settings/actions.ts#updateEventSettingsAction': 'sales.manage',
  'app/admin/tickets/actions.ts#createTicketTypeAction': 'sales.manage',
  'app/admin/tickets/actions.ts#updateTicketTypeAction': 'sales.manage',
  'app/admin/tickets/actions.ts#addPriceAction': 'sales.manage',
  'app/admin/tickets/actions.ts#updatePriceAction': 'sales.manage',
  'app/admin/tickets/actions.ts#removePriceAction': 'sales.manage',
  'app/admin/tickets/pools/actions.ts#createPoolAction': 'sales.manage',
  'app/admin/tickets/pools/actions.ts#updatePoolAction': 'sales.manage',
  'app/admin/tickets/pools/actions.ts#attachPoolTypeAction': 'sales.manage',
  'app/admin/tickets/pools/actions.ts#detachPoolTypeAction': 'sales.manage',
  'app/admin/questions/actions.ts#createQuestionAction': 'sales.manage',
  'app/admin/questions/actions.ts#updateQuestionAction': 'sales.manage',
  'app/admin/vouchers/actions.ts#createVoucherAction': 'sales.manage',
  'app/admin/vouchers/actions.ts#createVoucherBatchAction': 'sales.manage',
  'app/admin/vouchers/actions.ts#updateVoucherAction': 'sales.manage',
  'app/admin/vouchers/actions.ts#endVoucherAction': 'sales.manage',
  'app/admin/orders/[id]/actions.ts#refundOrderAction': 'orders.manage',
  'app/admin/orders/[id]/actions.ts#cancelOrderAction': 'orders.manage',
  'app/admin/orders/[id]/actions.ts#resendConfirmationAction': 'orders.manage',
  'app/admin/orders/new/actions.ts#createManualOrderAction': 'orders.manage',
  'app/admin/attendees/[ticketId]/actions.ts#updateAttendeeAction': 'attendees.edit',
  'app/admin/access/actions.ts#updateAccessRequestAction': 'access.manage',
  'app/admin/privacy/actions.ts#erasePersonAction': 'privacy.manage',
  'app/admin/privacy/actions.ts#decideErasureRequestAction': 'privacy.manage',
};

/**
 * Public pages and actions opened by a secret link instead of a staff session: the attendee's own page (a 'page'
 * ticket token). Every one must answer 404 (pages) or a refusal (actions) for a made-up token and for a token of
 * another kind (an order link), with nothing personal in the answer.
 */
export const tokenPages: string[] = ['/tickets/[token]', '/tickets/[token]/edit'];
export const tokenActions: string[] = [
  'app/(public)/tickets/[token]/actions.ts#editOwnDetailsAction',
  'app/(public)/tickets/[token]/erasure-actions.ts#requestErasureAction',
];
