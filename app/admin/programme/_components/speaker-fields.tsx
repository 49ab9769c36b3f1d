// The fields of the speaker form, shared by "add" and "edit".
import { TextAreaField, TextField } from '@/app/admin/_components/fields';

export function SpeakerFields({
  values,
}: {
  values?: { name: string; affiliation: string; bio: string; slug: string };
}) {
  return (
    <>
      <TextField name="name" label="Name" defaultValue={values?.name} hint="As the speaker wants it shown publicly." />
      <TextField name="affiliation" label="Affiliation" required={false} defaultValue={values?.affiliation} />
      <TextAreaField name="bio" label="Biography" rows={5} defaultValue={values?.bio} />
      <TextField
        name="slug"
        label="Web address"
        required={false}
        defaultValue={values?.slug}
        hint={
          values
            ? 'The speaker page address (/speakers/...). Leave blank to keep it.'
            : 'The speaker page address (/speakers/...). Leave blank to make one from the name.'
        }
      />
    </>
  );
}
