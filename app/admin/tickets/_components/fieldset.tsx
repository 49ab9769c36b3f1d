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
