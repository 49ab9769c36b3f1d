// Auth.js v5: email and password through the credentials provider, JWT sessions renewed while in use (8 hours
// idle at most). The token carries the user id, role, sessionVersion and when its holder signed in; authz.ts
// checks them on every request (lib/auth/sessions.ts: the version, and the absolute lifetime from sign-in).
import 'server-only';
import NextAuth, { AuthError, CredentialsSignin, type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import type { UserRole } from '@/db/schema';
import { authenticate, credentialsSchema } from '@/lib/auth/authenticate';
import { safeCallbackUrl } from '@/lib/auth/callback-url';
import { clientKey } from '@/lib/auth/client-key';
import { ThrottledError, throttledMessage } from '@/lib/auth/throttle-rules';
import { isDomainError } from '@/lib/errors';
import type { Env } from '@/lib/env';
import { getContext } from './context';

declare module '@auth/core/types' {
  interface User {
    role?: UserRole;
    sessionVersion?: number;
    signedInAt?: number;
  }
}

/** Wrong email or password (the sign-in page words it; the code travels in ?code= for the plain Auth.js routes). */
export class WrongCredentialsSignin extends CredentialsSignin {
  code = 'invalid';
}

/** The client is locked, or the account's delay is running; says for how long. */
export class ThrottledSignin extends CredentialsSignin {
  code = 'throttled';

  constructor(public readonly retryAfterSeconds: number) {
    super(throttledMessage(retryAfterSeconds));
  }
}

const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

// Development and tests only: `npm start` sets AUTH_SECRET itself (kept in .data/auth-secret), so this constant
// only lets a bare `next dev` run. It is public, so it is refused in production.
const DEV_ONLY_SECRET = 'development-only-auth-secret-not-for-production';

function authSecret(config: Env): string {
  if (config.AUTH_SECRET) return config.AUTH_SECRET;
  if (config.NODE_ENV === 'production') {
    throw new Error('AUTH_SECRET must be set in production (generate one with `openssl rand -base64 32`).');
  }
  return DEV_ONLY_SECRET;
}

function buildConfig(): NextAuthConfig {
  const { config } = getContext();
  return {
    secret: authSecret(config),
    trustHost: true,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    // Cookies are HttpOnly and SameSite=Lax (Auth.js defaults); Secure with the "__Secure-" prefix whenever the
    // site is served over HTTPS. An https APP_URL forces it, so a TLS proxy that drops X-Forwarded-Proto cannot
    // turn it off; otherwise Auth.js decides from the request.
    useSecureCookies: new URL(config.APP_URL).protocol === 'https:' ? true : undefined,
    pages: { signIn: '/sign-in', error: '/sign-in' },
    providers: [
      Credentials({
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(credentials, request) {
          const parsed = credentialsSchema.safeParse(credentials);
          if (!parsed.success) throw new WrongCredentialsSignin();
          const ctx = getContext();
          try {
            const user = await authenticate(ctx, {
              ...parsed.data,
              clientKey: clientKey(request.headers, ctx.config),
            });
            return {
              id: user.id,
              email: user.email,
              name: user.name,
              role: user.role,
              sessionVersion: user.sessionVersion,
              signedInAt: ctx.clock.now().getTime(),
            };
          } catch (error) {
            if (error instanceof ThrottledError) throw new ThrottledSignin(error.retryAfterSeconds);
            if (isDomainError(error) && (error.code === 'INVALID_CREDENTIALS' || error.code === 'VALIDATION')) {
              throw new WrongCredentialsSignin();
            }
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.role = user.role;
          token.sv = user.sessionVersion;
          // Only ever set here, at sign-in: renewals keep it, so the absolute lifetime counts from signing in.
          token.sat = user.signedInAt;
        }
        return token;
      },
      session({ session, token }) {
        const id = typeof token.uid === 'string' ? token.uid : undefined;
        const sessionVersion = typeof token.sv === 'number' ? token.sv : undefined;
        const role = typeof token.role === 'string' ? (token.role as UserRole) : undefined;
        const signedInAt = typeof token.sat === 'number' ? token.sat : undefined;
        return { ...session, user: { ...session.user, id, role, sessionVersion, signedInAt } };
      },
      redirect({ url, baseUrl }) {
        if (url.startsWith('/')) return `${baseUrl}${safeCallbackUrl(url)}`;
        try {
          if (new URL(url).origin === baseUrl) return url;
        } catch {
          // Not a URL: fall through to the default.
        }
        return `${baseUrl}${safeCallbackUrl(null)}`;
      },
    },
    logger: {
      // A wrong password is an expected answer, not a server error worth a stack trace.
      error(error) {
        if (error instanceof CredentialsSignin) return;
        // An expired or forged session cookie: the visitor is simply anonymous; one line, no stack.
        if (error instanceof AuthError && error.type === 'JWTSessionError') {
          console.warn('[auth] ignored an unreadable session cookie');
          return;
        }
        console.error(error);
      },
    },
  };
}

let memo: NextAuthConfig | undefined;

// Built lazily on the first request, so `next build` needs neither a database nor a secret.
export const { handlers, auth, signIn, signOut } = NextAuth(() => (memo ??= buildConfig()));
