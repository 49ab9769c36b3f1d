// An order for one person on a ticket type of the demo conference, with the answers its required questions need,
// as POST /api/v1/orders takes it; and the closing of a benchmark's main.

export interface ListedTicketType {
  id: string;
  questions: { key: string; kind: string; options: string[]; isRequired: boolean }[];
}

export function demoOrderBody(type: ListedTicketType, email: string): string {
  const answers = Object.fromEntries(
    type.questions
      .filter((q) => q.isRequired)
      .map((q) => [q.key, q.kind === 'select' ? q.options[0] : q.kind === 'checkbox' ? true : 'Bench']),
  );
  return JSON.stringify({
    buyer: { name: 'Bench Buyer', email },
    attendees: [{ ticketTypeId: type.id, legalName: 'Bench Buyer', email, answers }],
  });
}

/** Runs a benchmark's main, printing what failed and exiting non-zero. */
export function runBenchmark(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
