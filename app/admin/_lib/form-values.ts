// Reading an organizer form's FormData into the plain strings the catalogue use cases validate (lib/catalogue):
// the FormData side of the admin forms, kept out of lib/.
/** FormData or anything shaped like it. */
export interface FormLike {
  getAll(name: string): unknown[];
}

/** The named text fields of a form; an absent field is '' and files are ignored. */
export function formValues<K extends string>(form: FormLike, names: readonly K[]): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const name of names) {
    const v = form.getAll(name)[0];
    out[name] = typeof v === 'string' ? v : '';
  }
  return out;
}

/** Every text value of a repeated field (ticked checkboxes of one name). */
export function formList(form: FormLike, name: string): string[] {
  return form.getAll(name).filter((v): v is string => typeof v === 'string' && v !== '');
}
