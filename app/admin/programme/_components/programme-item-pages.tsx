// The two page shapes the programme's tracks, rooms and speakers share: the list (heading, intro, section nav,
// the deleted notice, the table or "No x yet.", and the add form) and the edit page (breadcrumb, heading, the
// edit form, anything extra, and the delete section). Each page passes its words, fields and actions.
import Link from 'next/link';
import type { ReactNode } from 'react';
import { AdminForm } from '@/app/admin/_components/admin-form';
import type { AdminFormState } from '@/app/admin/_lib/form-state';
import { ProgrammeNav } from './programme-nav';
import { Notice } from '@/app/admin/_components/notice';

type FormAction = (previous: AdminFormState, formData: FormData) => Promise<AdminFormState>;
type Section = 'tracks' | 'rooms' | 'speakers';

const sectionLabels: Record<Section, string> = { tracks: 'Tracks', rooms: 'Rooms', speakers: 'Speakers' };

interface ProgrammeListPageProps {
  section: Section;
  /** The singular, lower case: "room". */
  noun: string;
  intro: ReactNode;
  notice: unknown;
  empty: boolean;
  /** The table, shown unless empty. */
  table: ReactNode;
  addAction: FormAction;
  /** The add form's fields. */
  children: ReactNode;
}

export function ProgrammeListPage({
  section,
  noun,
  intro,
  notice,
  empty,
  table,
  addAction,
  children,
}: ProgrammeListPageProps) {
  const label = sectionLabels[section];
  return (
    <div>
      <h1 className="mb-2 text-3xl font-bold">{label}</h1>
      <p className="mb-4 text-muted">{intro}</p>
      <ProgrammeNav current={section} page />
      <Notice text={notice === 'deleted' ? `The ${noun} was deleted.` : null} />
      {empty ? <p className="card mb-8 p-4">{`No ${section} yet.`}</p> : table}
      <section aria-labelledby="add-heading" className="max-w-2xl">
        <h2 id="add-heading" className="mb-4 text-xl font-semibold">{`Add a ${noun}`}</h2>
        <AdminForm action={addAction} submitLabel={`Add ${noun}`} keepValues resetOnSuccess>
          {children}
        </AdminForm>
      </section>
    </div>
  );
}

interface ProgrammeEditPageProps {
  section: Section;
  noun: string;
  item: { id: string; name: string };
  updateAction: FormAction;
  deleteAction: FormAction;
  /** What deleting would meet (sessions still using it), or that nothing would. */
  deleteNote: string;
  deleteConfirm: string;
  /** Shown between the edit form and the delete section. */
  extra?: ReactNode;
  /** The edit form's fields. */
  children: ReactNode;
}

export function ProgrammeEditPage({
  section,
  noun,
  item,
  updateAction,
  deleteAction,
  deleteNote,
  deleteConfirm,
  extra,
  children,
}: ProgrammeEditPageProps) {
  return (
    <div className="max-w-2xl">
      <p className="mb-2 text-sm">
        <Link href={`/admin/programme/${section}`}>{sectionLabels[section]}</Link> <span aria-hidden="true">›</span>
        {` Edit ${noun}`}
      </p>
      <h1 className="mb-4 text-3xl font-bold">{item.name}</h1>
      <ProgrammeNav current={section} />
      <AdminForm action={updateAction} submitLabel="Save changes" keepValues>
        <input type="hidden" name="id" value={item.id} />
        {children}
      </AdminForm>
      {extra}
      <section aria-labelledby="delete-heading" className="mt-12 rounded-md border border-[#b42318] p-4">
        <h2 id="delete-heading" className="text-xl font-semibold">{`Delete this ${noun}`}</h2>
        <p className="mt-2 mb-4 text-muted">{deleteNote}</p>
        <AdminForm
          action={deleteAction}
          submitLabel={`Delete ${noun}`}
          submitClassName="btn btn-secondary"
          confirm={deleteConfirm}
        >
          <input type="hidden" name="id" value={item.id} />
        </AdminForm>
      </section>
    </div>
  );
}
