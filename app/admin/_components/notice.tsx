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
