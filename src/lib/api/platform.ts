// Wrappers of the platform's own api functions.
import { defineApi } from './define';

export type WhoAmI = { role: 'anon' | 'authenticated' | 'service_role'; user_id: string | null; email: string | null };

/** Who the API thinks the caller is. */
export const whoami = defineApi<WhoAmI>('whoami', []);
