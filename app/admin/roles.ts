// How roles are named on screen.
import type { UserRole } from '@/db/schema';

export const ROLE_LABELS: Record<UserRole, string> = {
  owner: 'Owner',
  organizer: 'Organizer',
  checkin: 'Check-in staff',
  accessibility: 'Accessibility team',
};
