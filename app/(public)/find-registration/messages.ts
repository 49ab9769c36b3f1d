// The neutral answers of "find my registration" and of an expired link's renewal: the same words whatever
// happened, so nobody can learn from them whether an address registered.
export const FIND_ANSWER = 'If there is a registration for this address, we have emailed a link to it.';
export const RENEW_ANSWER =
  'If this link belonged to a registration, we have emailed a fresh link to the address it was booked with.';
