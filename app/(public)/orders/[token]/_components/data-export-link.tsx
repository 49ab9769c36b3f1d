// "Download my data (JSON)": the data export of the attendee's own page or of the order link (route handlers
// beside the pages). A plain link with `download`, so the page stays where it is.
export function DataExportLink({ href, note }: { href: string; note: string }) {
  return (
    <section aria-labelledby="data-export-heading" className="card flex flex-col gap-2 p-4 sm:p-5">
      <h2 id="data-export-heading" className="text-xl font-semibold">
        Your data
      </h2>
      <p className="text-[0.9375rem]">{note}</p>
      <p>
        <a href={href} download className="btn btn-secondary">
          Download my data (JSON)
        </a>
      </p>
    </section>
  );
}
