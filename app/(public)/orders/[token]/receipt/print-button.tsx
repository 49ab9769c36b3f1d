'use client';
// Opens the browser's print dialog; the receipt page's print styles do the rest.
export function PrintButton() {
  return (
    <button type="button" className="btn btn-secondary" onClick={() => window.print()}>
      Print or save as PDF
    </button>
  );
}
