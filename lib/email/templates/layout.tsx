// The frame every email shares, and its small building blocks: a single readable column, system fonts, real
// text (no text in images), sufficient contrast, a language on the document. Neutral wording throughout: an
// email can be read over someone's shoulder.
import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Img,
  Link,
  Preview,
  Section,
  Text,
} from '@react-email/components';
import type { ReactNode } from 'react';
import type { EventFacts, TicketCard } from './types';

const colors = { text: '#1a1a1a', muted: '#4a4a4a', border: '#d4d4d4', accent: '#1d4ed8', panel: '#f5f5f5' };

const styles = {
  body: {
    backgroundColor: '#ffffff',
    color: colors.text,
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif',
    margin: 0,
    padding: '24px 0',
  },
  container: { maxWidth: '600px', margin: '0 auto', padding: '0 20px' },
  h1: { fontSize: '24px', lineHeight: '32px', margin: '0 0 16px', fontWeight: 700 },
  h2: { fontSize: '18px', lineHeight: '26px', margin: '24px 0 8px', fontWeight: 700 },
  p: { fontSize: '16px', lineHeight: '24px', margin: '0 0 12px' },
  muted: { fontSize: '14px', lineHeight: '20px', margin: '0 0 8px', color: colors.muted },
  button: {
    backgroundColor: colors.accent,
    color: '#ffffff',
    fontSize: '16px',
    fontWeight: 600,
    padding: '12px 20px',
    borderRadius: '6px',
    textDecoration: 'none',
  },
  panel: {
    border: `1px solid ${colors.border}`,
    borderRadius: '8px',
    padding: '16px',
    margin: '0 0 16px',
    backgroundColor: colors.panel,
  },
  link: { color: colors.accent, textDecoration: 'underline' },
} as const;

export function EmailLayout({ preview, heading, children }: { preview: string; heading: string; children: ReactNode }) {
  return (
    <Html lang="en" dir="ltr">
      <Head>
        <meta name="color-scheme" content="light" />
        <meta name="supported-color-schemes" content="light" />
      </Head>
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Heading as="h1" style={styles.h1}>
            {heading}
          </Heading>
          {children}
          <Hr style={{ borderColor: colors.border, margin: '32px 0 16px' }} />
          <Text style={styles.muted}>
            You are receiving this email because this address was used to register. If you have a question, reply to
            this email.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export function P({ children }: { children: ReactNode }) {
  return <Text style={styles.p}>{children}</Text>;
}

export function Muted({ children }: { children: ReactNode }) {
  return <Text style={styles.muted}>{children}</Text>;
}

export function H2({ children }: { children: ReactNode }) {
  return (
    <Heading as="h2" style={styles.h2}>
      {children}
    </Heading>
  );
}

/** A call to action; the text part shows its label followed by the address. */
export function Action({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Section style={{ margin: '20px 0' }}>
      <Button href={href} style={styles.button}>
        {children}
      </Button>
    </Section>
  );
}

export function TextLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} style={styles.link}>
      {children}
    </Link>
  );
}

/** The line offering the attendee's calendar file (event dates and their workshops), when there is one. */
export function CalendarLink({ url }: { url: string | null }) {
  if (!url) return null;
  return (
    <P>
      <TextLink href={url}>Add the dates and your workshops to your calendar</TextLink> (an .ics file that any calendar
      app opens).
    </P>
  );
}

/** Label and value lines, e.g. "Reference: IAC-1234". */
export function Facts({ rows }: { rows: [string, string | null | undefined][] }) {
  return (
    <Section style={{ margin: '0 0 12px' }}>
      {rows
        .filter((r): r is [string, string] => Boolean(r[1]))
        .map(([label, value]) => (
          <Text key={label} style={{ ...styles.p, margin: '0 0 4px' }}>
            <strong>{label}:</strong> {value}
          </Text>
        ))}
    </Section>
  );
}

export function EventSummary({ event, online }: { event: EventFacts; online?: boolean }) {
  return (
    <Facts
      rows={[
        ['When', event.dates],
        ['Where', online ? 'Online (you will receive the access details before it starts)' : event.venue],
      ]}
    />
  );
}

/** One attendee's ticket: name, public label, the QR code for check-in, and their workshops. */
export function Ticket({ ticket, reference }: { ticket: TicketCard; reference: string }) {
  return (
    <Section style={styles.panel}>
      <Heading as="h2" style={{ ...styles.h2, margin: '0 0 8px' }}>
        {ticket.attendeeName}
      </Heading>
      <Facts
        rows={[
          ['Ticket', ticket.label],
          ['Valid on', ticket.day],
          ['Attendance', ticket.online ? 'Online' : null],
          ['Order reference', reference],
        ]}
      />
      {ticket.qr && !ticket.online && (
        <>
          <Img
            src={ticket.qr.src}
            alt={ticket.qr.alt}
            width="180"
            height="180"
            style={{ display: 'block', margin: '8px 0' }}
          />
          <Muted>At the entrance, show the QR code in this email, or give your name and the order reference.</Muted>
        </>
      )}
      {ticket.workshops.length > 0 && (
        <>
          <Text style={{ ...styles.p, margin: '12px 0 4px', fontWeight: 700 }}>Workshops</Text>
          {ticket.workshops.map((w) => (
            <Text key={`${w.title}-${w.when}`} style={{ ...styles.p, margin: '0 0 4px' }}>
              {w.title}: {w.when}
              {w.where ? `, ${w.where}` : ''}
            </Text>
          ))}
        </>
      )}
    </Section>
  );
}
