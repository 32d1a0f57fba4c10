import type { PhoneCodeCounts } from '../domain/oneTimeCodes';
import type { SqlExecutor } from './database';

/** The day's SMS code count per phone in the database: durable, atomic, shared by every instance. */
export class SqlPhoneCodeCounts implements PhoneCodeCounts {
  constructor(private readonly db: SqlExecutor) {}

  async increment(phoneHash: string, day: string): Promise<number> {
    const [row] = await this.db.query<{ sent: number }>(
      `INSERT INTO sms_codes_per_phone (phone_hash, day, sent) VALUES ($1, $2, 1)
       ON CONFLICT (phone_hash, day) DO UPDATE SET sent = sms_codes_per_phone.sent + 1
       RETURNING sent`,
      [phoneHash, day],
    );
    return row!.sent;
  }

  async release(phoneHash: string, day: string): Promise<void> {
    await this.db.query('UPDATE sms_codes_per_phone SET sent = sent - 1 WHERE phone_hash = $1 AND day = $2 AND sent > 0', [phoneHash, day]);
  }
}
