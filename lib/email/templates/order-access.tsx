// Answers "find my registration": fresh, short-lived links to each registration made with this address. Sent
// only when there is at least one; the page that asked says the same thing either way.
import { Action, EmailLayout, Facts, Muted, P, TextLink } from './layout';
import { conference, type OrderAccessProps } from './types';

export function OrderAccessEmail(props: OrderAccessProps) {
  const one = props.orders.length === 1;
  return (
    <EmailLayout preview="The link to your registration, as you asked." heading="Your registration link">
      <P>
        Someone (we hope you) asked for a link to {one ? 'the registration' : 'the registrations'} for{' '}
        {conference(props.eventName)} made with this address.
      </P>
      {props.orders.map((o) => (
        <div key={o.reference}>
          <Facts
            rows={[
              ['Order reference', o.reference],
              ['Status', o.status],
            ]}
          />
          <Action href={o.url}>Open registration {o.reference}</Action>
        </div>
      ))}
      <Muted>
        {one ? 'This link works' : 'These links work'} for {props.validFor}. After that, ask for a new one at{' '}
        <TextLink href={props.findUrl}>{props.findUrl}</TextLink>.
      </Muted>
      <Muted>If you did not ask for this, you can ignore this email: nothing has changed.</Muted>
    </EmailLayout>
  );
}
