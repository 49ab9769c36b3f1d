// Chooses the mailer from configuration: Resend when RESEND_API_KEY is set, otherwise the local mailbox, which
// is refused when APP_ENV=production unless ALLOW_LOCAL_MAILBOX says it is a demo site.
import type { Env } from '../../env';
import { createLocalMailer } from './local';
import { createResendMailer } from './resend';
import type { Mailer } from './types';

type MailerEnv = Pick<
  Env,
  'APP_ENV' | 'RESEND_API_KEY' | 'RESEND_BASE_URL' | 'EMAIL_SEND_TIMEOUT_MS' | 'MAILBOX_DIR' | 'ALLOW_LOCAL_MAILBOX'
>;

export function createMailer(env: MailerEnv): Mailer {
  if (env.RESEND_API_KEY) {
    return createResendMailer({
      apiKey: env.RESEND_API_KEY,
      baseUrl: env.RESEND_BASE_URL,
      timeoutMs: env.EMAIL_SEND_TIMEOUT_MS,
    });
  }
  if (env.APP_ENV === 'production' && !env.ALLOW_LOCAL_MAILBOX) {
    throw new Error(
      'RESEND_API_KEY is required when APP_ENV=production (or set ALLOW_LOCAL_MAILBOX=true for a demo site)',
    );
  }
  return createLocalMailer({ dir: env.MAILBOX_DIR });
}
