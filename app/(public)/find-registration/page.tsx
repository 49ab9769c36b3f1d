// "Find my registration": someone who lost their order's private link asks for it by email. The page answers
// the same neutral sentence for every valid address, so it cannot be used to learn who registered.
import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { connection } from 'next/server';
import { FindRegistrationForm } from './find-form';

export const metadata: Metadata = {
  title: 'Find my registration',
  // A server action form: "no-referrer" would make browsers send `Origin: null`, which Next refuses.
  referrer: 'same-origin',
};

export default async function FindRegistrationPage() {
  // Per request, so the site header names the event (the build has no database).
  await connection();
  return (
    <div className="mx-auto flex w-full max-w-2xl flex-col gap-6">
      <header className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold sm:text-4xl">Find my registration</h1>
        <p className="text-lg">
          Lost the link to your registration, or has it expired? Enter the email address you registered with and we will
          email you a fresh link to each registration made with it.
        </p>
      </header>
      <FindRegistrationForm />
      <section aria-labelledby="help-heading" className="flex flex-col gap-2">
        <h2 id="help-heading" className="text-xl font-semibold">
          If no email arrives
        </h2>
        <ul className="list-disc space-y-1 pl-5">
          <li>Check your spam or junk folder; the email comes from the conference registration team.</li>
          <li>Try the other addresses you use: a registration paid by your organisation may be under its address.</li>
          <li>For your privacy, links sent this way work for a limited time, and only a few can be sent per hour.</li>
        </ul>
        <p>
          Not registered yet?{' '}
          <Link href="/register" prefetch={false}>
            Register for the conference
          </Link>
          .
        </p>
      </section>
    </div>
  );
}
