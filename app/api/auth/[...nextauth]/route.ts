// Auth.js endpoints (session, csrf, callback, sign-out). Sign-in itself goes through the sign-in page's action.
import { handlers } from '@/app/_lib/auth';

export const dynamic = 'force-dynamic';
export const { GET, POST } = handlers;
