// How attendees reach the organizers: the address our emails come from (replies go to the organizers).
export function organizerAddress(emailFrom: string): string {
  return /<([^<>\s]+@[^<>\s]+)>/.exec(emailFrom)?.[1] ?? emailFrom.trim();
}
