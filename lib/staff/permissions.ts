// What each staff role may do. Every admin page, server action and route handler names one permission and checks
// it itself (app/_lib/authz.ts); the authorization matrix tests are built from this table and from the list of
// admin entry points, so a new page or action that is not in the matrix fails them.
import type { UserRole } from '@/db/schema';

export const PERMISSIONS = {
  // Sales figures, revenue, payments needing attention: financial.
  'dashboard.view': ['owner', 'organizer'],
  'programme.manage': ['owner', 'organizer'],
  // Event settings, ticket types and prices, pools, questions, vouchers.
  'sales.manage': ['owner', 'organizer'],
  // Orders with their money: list, detail, receipts.
  'orders.view': ['owner', 'organizer'],
  // Cancel, refund, resend confirmations, manual and complimentary registrations.
  'orders.manage': ['owner', 'organizer'],
  // The attendee list and detail, without money.
  'attendees.view': ['owner', 'organizer', 'accessibility'],
  'attendees.edit': ['owner', 'organizer', 'accessibility'],
  // Answers to questions marked sensitive (access needs, dietary needs, health).
  'attendees.sensitive': ['owner', 'accessibility'],
  'attendees.export': ['owner', 'organizer', 'accessibility'],
  // The access-needs queue (/admin/access): the requests, their details, status, notes and messages.
  'access.manage': ['owner', 'accessibility'],
  'checkin.scan': ['owner', 'organizer', 'checkin'],
  // Email history, failures and the local mailbox.
  'emails.view': ['owner', 'organizer'],
  'users.manage': ['owner'],
  'audit.view': ['owner'],
  // Privacy (/admin/privacy): erase a person, decide erasure requests, export a person's data, retention passes.
  'privacy.manage': ['owner'],
  // One's own account (password): every signed-in staff member.
  'account.self': ['owner', 'organizer', 'checkin', 'accessibility'],
} as const satisfies Record<string, readonly UserRole[]>;

export type Permission = keyof typeof PERMISSIONS;

/** How roles are named on screen and in emails ("Check-in staff"); in a sentence, lower-cased. */
export const ROLE_LABELS: Record<UserRole, string> = {
  owner: 'Owner',
  organizer: 'Organizer',
  checkin: 'Check-in staff',
  accessibility: 'Accessibility team',
};

export function can(role: UserRole, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly UserRole[]).includes(role);
}

/** Where a role lands after signing in: the first admin page it may open. */
export function homeFor(role: UserRole): string {
  if (can(role, 'dashboard.view')) return '/admin';
  if (can(role, 'attendees.view')) return '/admin/attendees';
  return '/admin/checkin';
}
