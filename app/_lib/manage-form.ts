// Maps the manage forms' flat field names to the inputs of the self-service use cases. Pure; the use cases'
// strict schemas still decide what is acceptable.
export interface FormEntries {
  get(name: string): FormDataEntryValue | null;
  getAll(name: string): FormDataEntryValue[];
  entries(): Iterable<[string, FormDataEntryValue]>;
}

const ANSWER_FIELD = /^answers\.([a-z][a-z0-9_]{0,59})$/;

function text(entries: FormEntries, name: string): string | undefined {
  const v = entries.get(name);
  return typeof v === 'string' ? v : undefined;
}

/** Badge name, pronouns, answers (answers.<key>), directory opt-in (a ticked "yes") and photo preference. */
export function attendeeDetailsFromForm(entries: FormEntries): Record<string, unknown> {
  const answers: Record<string, string> = {};
  // One pass over the entries: FormData's get searches the whole list on every call. The first value counts.
  for (const [name, value] of entries.entries()) {
    const m = ANSWER_FIELD.exec(name);
    if (m && typeof value === 'string' && !Object.hasOwn(answers, m[1]!)) answers[m[1]!] = value;
  }
  return {
    badgeName: text(entries, 'badgeName') ?? '',
    pronouns: text(entries, 'pronouns') ?? '',
    answers,
    directoryOptIn: ['yes', 'on', 'true'].includes(text(entries, 'directoryOptIn') ?? ''),
    photoPreference: text(entries, 'photoPreference') ?? 'no_photos',
  };
}

/** The ticked workshops (workshopIds, repeated). */
export function workshopChoiceFromForm(entries: FormEntries): Record<string, unknown> {
  return { workshopIds: entries.getAll('workshopIds').filter((v): v is string => typeof v === 'string' && v !== '') };
}

/** The new holder's names and email. */
export function transferFromForm(entries: FormEntries): Record<string, unknown> {
  const badgeName = text(entries, 'badgeName') ?? '';
  return {
    legalName: text(entries, 'legalName') ?? '',
    email: text(entries, 'email') ?? '',
    ...(badgeName ? { badgeName } : {}),
  };
}

/** The cancellation's confirmation box. */
export function cancelConfirmationFromForm(entries: FormEntries): Record<string, unknown> {
  return text(entries, 'confirm') === 'yes' ? { confirm: true } : {};
}
