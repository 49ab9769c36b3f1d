import { describe, expect, it } from 'vitest';
import { PERMISSIONS } from '@/lib/staff/permissions';
import { EXPORT_FILENAMES, canExportPeople, exportJson, type OrderExport } from '@/lib/rights/export';

describe('personal data exports', () => {
  it('lets only owners export a person by email address', () => {
    expect(PERMISSIONS['privacy.manage']).toEqual(['owner']);
    expect((['owner', 'organizer', 'checkin', 'accessibility'] as const).filter(canExportPeople)).toEqual(['owner']);
  });

  it('uses neutral file names that name neither the event nor a person', () => {
    for (const name of Object.values(EXPORT_FILENAMES)) expect(name).toMatch(/^[a-z-]+\.json$/);
    expect(EXPORT_FILENAMES.attendee).toBe('my-registration-data.json');
  });

  it('writes indented JSON that reads back as the same data', () => {
    const data = {
      schemaVersion: 1,
      kind: 'order',
      generatedAt: '2030-01-01T00:00:00.000Z',
      attendees: [],
      emails: [],
    } as unknown as OrderExport;
    const text = exportJson(data);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "kind": "order"');
    expect(JSON.parse(text)).toEqual(data);
  });
});
