// What an admin page shows when the configured event (EVENT_SLUG) does not exist.
import { getContext } from '@/app/_lib/context';

export function NoEvent({ className = 'card p-4' }: { className?: string }) {
  return (
    <p className={className}>
      There is no event with the slug <code>{getContext().config.EVENT_SLUG}</code>.
    </p>
  );
}

/** The whole page in place of a list or form that needs the event. */
export function NoEventPage({ title }: { title: string }) {
  return (
    <div>
      <h1 className="text-3xl font-bold">{title}</h1>
      <NoEvent className="card mt-6 p-4" />
    </div>
  );
}
