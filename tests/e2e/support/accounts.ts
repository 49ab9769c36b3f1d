// Staff accounts the end-to-end setup creates in the e2e database; the specs sign in with them.
export const e2eAccounts = {
  owner: { email: 'owner@e2e.example', password: 'correct horse battery staple', role: 'owner' },
  checkin: { email: 'door@e2e.example', password: 'door staff password 42', role: 'checkin' },
} as const;
