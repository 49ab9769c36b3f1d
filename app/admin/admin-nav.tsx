'use client';
// The admin area's navigation: only the pages the signed-in role may open (each page checks again itself);
// marks the current page for assistive technology.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { UserRole } from '@/db/schema';
import { can, type Permission } from '@/lib/staff/permissions';

const items: { href: string; label: string; permission: Permission | null }[] = [
  { href: '/admin', label: 'Dashboard', permission: 'dashboard.view' },
  { href: '/admin/programme', label: 'Programme', permission: 'programme.manage' },
  { href: '/admin/tickets', label: 'Tickets', permission: 'sales.manage' },
  { href: '/admin/vouchers', label: 'Vouchers', permission: 'sales.manage' },
  { href: '/admin/questions', label: 'Questions', permission: 'sales.manage' },
  { href: '/admin/settings', label: 'Settings', permission: 'sales.manage' },
  { href: '/admin/orders', label: 'Orders', permission: 'orders.view' },
  { href: '/admin/attendees', label: 'Attendees', permission: 'attendees.view' },
  { href: '/admin/access', label: 'Access requests', permission: 'access.manage' },
  { href: '/admin/checkin', label: 'Check-in', permission: 'checkin.scan' },
  { href: '/admin/payments', label: 'Payments', permission: 'orders.view' },
  { href: '/admin/mailbox', label: 'Mailbox', permission: 'emails.view' },
  { href: '/admin/users', label: 'Users', permission: 'users.manage' },
  { href: '/admin/audit', label: 'Audit log', permission: 'audit.view' },
  { href: '/admin/privacy', label: 'Privacy', permission: 'privacy.manage' },
  { href: '/admin/account', label: 'Account', permission: null },
];

export function AdminNav({ role }: { role: UserRole }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Admin">
      <ul className="flex flex-wrap gap-1">
        {items
          .filter((item) => item.permission === null || can(role, item.permission))
          .map((item) => {
            const current =
              item.href === '/admin'
                ? pathname === '/admin'
                : pathname === item.href || pathname.startsWith(`${item.href}/`);
            return (
              <li key={item.href}>
                <Link
                  href={item.href}
                  aria-current={current ? 'page' : undefined}
                  className="inline-flex min-h-11 items-center rounded-md px-3 font-medium no-underline hover:bg-brand-soft aria-[current=page]:bg-brand-soft aria-[current=page]:text-brand-strong"
                >
                  {item.label}
                </Link>
              </li>
            );
          })}
      </ul>
    </nav>
  );
}
