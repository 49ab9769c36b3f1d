// A session's content note: prominent enough to be seen before choosing to attend, calm in tone.
export function ContentNote({ note, compact = false }: { note: string; compact?: boolean }) {
  return (
    <div
      className={`rounded-md border-l-4 border-note-line bg-note text-note-ink ${compact ? 'px-3 py-1.5 text-sm' : 'px-4 py-3'}`}
    >
      <strong className="font-semibold">Content note:</strong> {note}
    </div>
  );
}
