// What the payment use cases need from the app context: the database, the clock, configuration and the gateway.
import type { AppContext } from '../context';

export type PaymentsCtx = Pick<AppContext, 'db' | 'clock' | 'config' | 'payments'>;
