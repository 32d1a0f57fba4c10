import { maskNationalId } from './identity';
import { keyedHash, type SecretKey } from '../lib/secrets';

/** One row of the append-only audit log. Never a secret, never a full ID. */
export type AuditEntry = {
  actor: string;
  action: string;
  subject?: { hash: string; masked: string };
  channel?: string;
  details?: Record<string, string | number | boolean | null>;
};

/** The citizen an action is done for, as audit rows name them, and the channel it came through. */
export type Actor = { subject: { hash: string; masked: string }; channel: string };

export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
}

/** How a citizen appears in audit rows and logs: a keyed hash to search by, a masked ID to read. */
export class AuditSubjects {
  constructor(private readonly key: SecretKey) {}

  of(nationalId: string): { hash: string; masked: string } {
    return { hash: keyedHash(this.key, nationalId), masked: maskNationalId(nationalId) };
  }
}
