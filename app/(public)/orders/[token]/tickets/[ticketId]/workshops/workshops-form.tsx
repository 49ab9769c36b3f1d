'use client';
// The workshops a ticket may take (register/details/workshop-choices.tsx), the current choice ticked. Saving
// takes seats under the pool locks.
import type { WorkshopView } from '../../../../../register/_lib/form-state';
import { WorkshopChoices } from '../../../../../register/details/workshop-choices';
import { ManageFormBody, SubmitButton, useManageForm } from '../../../_components/form-shell';
import { changeWorkshopsAction } from '../../../manage-actions';

export function WorkshopsForm({
  token,
  ticketId,
  workshops,
  timeZone,
  initialValues,
}: {
  token: string;
  ticketId: string;
  workshops: WorkshopView[];
  timeZone: string;
  initialValues: Record<string, string[]>;
}) {
  const { state, formAction, pending, values, errors } = useManageForm(changeWorkshopsAction, initialValues);
  return (
    <ManageFormBody
      state={state}
      labels={{ workshopIds: 'Workshops' }}
      token={token}
      ticketId={ticketId}
      formAction={formAction}
    >
      <WorkshopChoices
        name="workshopIds"
        legend="Workshops"
        hint="Tick the workshops to attend and untick the ones to leave. Choose at most one of the workshops that run at the same time."
        workshops={workshops}
        timeZone={timeZone}
        chosen={new Set(values.all('workshopIds'))}
        current={new Set(initialValues.workshopIds ?? [])}
        errors={errors.workshopIds}
        boxIdPrefix="workshop"
        className="flex flex-col gap-4 outline-none"
      />
      <SubmitButton pending={pending} label="Save workshop choices" pendingLabel="Saving…" />
    </ManageFormBody>
  );
}
