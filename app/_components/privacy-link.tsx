// The line every form that collects personal data carries: where to read how that data is handled.
import Link from '@/app/_components/link';

export function PrivacyNoticeLink() {
  return (
    <p className="text-sm text-muted">
      How we handle what you enter here, who sees it and for how long: <Link href="/privacy">privacy notice</Link>.
    </p>
  );
}
