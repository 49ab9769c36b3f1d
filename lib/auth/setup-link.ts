// The first-start owner set-up link: printed by `npm start` and `npm run user:create` while no account exists.
import type { AppContext } from '../context';
import { createOwnerSetupToken } from './account-tokens';
import { countUsers } from './users';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'config'>;

export function accountLinkUrl(appUrl: string, token: string): string {
  return `${appUrl.replace(/\/+$/, '')}/setup/${token}`;
}

/** A fresh one-time owner set-up URL when there are no users yet, otherwise null (nothing is created). */
export async function ensureOwnerSetupLink(ctx: Ctx): Promise<string | null> {
  if ((await countUsers(ctx)) > 0) return null;
  const { token } = await createOwnerSetupToken(ctx);
  return accountLinkUrl(ctx.config.APP_URL, token);
}
