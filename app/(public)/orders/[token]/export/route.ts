// The order's data as a JSON file for the holder of the order link (the buyer): the order and its money, every
// attendee's non-sensitive details, and sensitive answers only of the tickets the buyer manages. An unknown or
// lapsed link is a plain 404.
import { connection } from 'next/server';
import { getRequestContext } from '@/app/_lib/request-context';
import { jsonFile, notFoundText, serverErrorText, tooManyText } from '@/app/_lib/private-file';
import { isDomainError } from '@/lib/errors';
import { EXPORT_FILENAMES, exportJson, exportOrderData } from '@/lib/rights/export';

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  try {
    const data = await exportOrderData(await getRequestContext(), token, { rateLimit: true });
    return data
      ? jsonFile(exportJson(data), EXPORT_FILENAMES.order)
      : notFoundText('This order link is not valid any more.');
  } catch (error) {
    if (isDomainError(error) && error.code === 'THROTTLED')
      return tooManyText(error.message, Number(error.details.retryAfterSeconds) || 60);
    return serverErrorText('GET order export', error);
  }
}
