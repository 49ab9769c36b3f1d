// A titled group of form fields (a real fieldset and legend, so screen readers announce the group).
export function Fieldset({ legend, children, hint }: { legend: string; children: React.ReactNode; hint?: string }) {
  return (
    <fieldset className="card flex flex-col gap-4 p-4 sm:p-5">
      <legend className="px-1 text-lg font-semibold">{legend}</legend>
      {hint ? <p className="-mt-2 text-sm text-muted">{hint}</p> : null}
      {children}
    </fieldset>
  );
}

/** A one-line confirmation after a redirect (?notice=...), announced politely. */
export function Notice({ text }: { text: string | null }) {
  return (
    <p
      role="status"
      className={
        text ? 'mb-4 rounded-md border border-[#05603a] bg-[#ecfdf3] px-4 py-2 font-medium text-[#05603a]' : 'sr-only'
      }
    >
      {text}
    </p>
  );
}
