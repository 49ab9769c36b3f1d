'use client';
// Errors for a name that is not one input (an attendee's workshops, the order as a whole), from the surrounding
// AdminForm; announced with the form's status message, shown here beside the group they concern.
import { useFieldErrors } from '@/app/admin/_components/admin-form';

export function FieldError({ name }: { name: string }) {
  const errors = useFieldErrors(name);
  if (!errors?.length) return null;
  return (
    <p className="text-sm font-medium text-[#b42318]">
      <span aria-hidden="true">⚠ </span>
      {errors.join(' ')}
    </p>
  );
}
