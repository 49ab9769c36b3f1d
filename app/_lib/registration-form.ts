// Maps the registration form's flat field names (attendees.0.legalName, attendees.0.answers.dietary, ...) to
// the registration request shape. Pure; the strict schema still decides what is acceptable.
export interface FormEntries {
  entries(): Iterable<[string, string | File]>;
}

const ATTENDEE_FIELD =
  /^attendees\.(\d{1,2})\.(ticketTypeId|legalName|badgeName|email|pronouns|photoPreference|directoryOptIn|workshopIds|answers\.([a-z][a-z0-9_]{0,59}))$/;

type Fields = Map<string, (string | File)[]>;

/** Every value by name, in one pass: FormData's own get/getAll search the whole list on each call. */
function byName(entries: FormEntries): Fields {
  const fields: Fields = new Map();
  for (const [name, value] of entries.entries()) {
    const list = fields.get(name);
    if (list) list.push(value);
    else fields.set(name, [value]);
  }
  return fields;
}

function text(fields: Fields, name: string): string | undefined {
  const v = fields.get(name)?.[0];
  return typeof v === 'string' ? v : undefined;
}

/**
 * @param checkboxKeys the question keys a ticket type asks with a checkbox: ticked becomes true, absent false.
 */
export function registrationFromForm(
  entries: FormEntries,
  checkboxKeys: (ticketTypeId: string) => ReadonlySet<string> = () => new Set(),
): Record<string, unknown> {
  const fields = byName(entries);
  const attendees: Record<string, unknown>[] = [];
  for (const [name, values] of fields) {
    const m = ATTENDEE_FIELD.exec(name);
    if (!m) continue;
    const index = Number(m[1]);
    if (index >= 20) continue;
    const a = (attendees[index] ??= { answers: {}, workshopIds: [], directoryOptIn: false });
    const field = m[2]!;
    if (field === 'workshopIds') {
      a.workshopIds = values.filter((v): v is string => typeof v === 'string' && v !== '');
    } else if (field === 'directoryOptIn') {
      a.directoryOptIn = ['on', 'yes', 'true'].includes(text(fields, name) ?? '');
    } else if (m[3]) {
      const value = text(fields, name) ?? '';
      (a.answers as Record<string, unknown>)[m[3]] = value;
    } else {
      const value = text(fields, name);
      if (value !== undefined && !(value === '' && (field === 'badgeName' || field === 'pronouns'))) a[field] = value;
    }
  }
  // Ticked checkbox questions are absent from the form when unticked; say so explicitly.
  for (const a of attendees) {
    if (!a || typeof a.ticketTypeId !== 'string') continue;
    const answers = a.answers as Record<string, unknown>;
    for (const key of checkboxKeys(a.ticketTypeId)) {
      answers[key] = ['on', 'yes', 'true'].includes(String(answers[key] ?? ''));
    }
  }
  const voucherCode = text(fields, 'voucherCode')?.trim();
  const offerToken = text(fields, 'offerToken')?.trim();
  return {
    buyer: { name: text(fields, 'buyer.name') ?? '', email: text(fields, 'buyer.email') ?? '' },
    attendees: attendees.filter(Boolean),
    ...(voucherCode ? { voucherCode } : {}),
    ...(offerToken ? { offerToken } : {}),
  };
}
