// Said wherever the buyer sees another attendee who has an email of their own: that person's private answers
// and pronouns are theirs alone, on their own page, even when the buyer typed them at registration.
export function PrivateNote({ badgeName }: { badgeName: string }) {
  return (
    <p className="text-sm text-muted">
      {badgeName}’s pronouns and private answers (such as access or dietary needs) are not shown here. Only they see and
      change them, on their own page: the link is in the ticket email we sent them.
    </p>
  );
}
