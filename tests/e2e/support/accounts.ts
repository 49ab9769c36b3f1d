// Staff accounts the end-to-end setup creates in the e2e database; the specs sign in with them.
export const e2eAccounts = {
  owner: { email: 'owner@e2e.example', password: 'correct horse battery staple', role: 'owner' },
  organizer: { email: 'organizer@e2e.example', password: 'organizer password 42', role: 'organizer' },
  checkin: { email: 'door@e2e.example', password: 'door staff password 42', role: 'checkin' },
  accessibility: { email: 'access@e2e.example', password: 'access team password 42', role: 'accessibility' },
} as const;

export type E2eRole = keyof typeof e2eAccounts;
