import type { UnlockCodeRepository } from '../domain/unlockCodes';
import type { SqlExecutor } from './database';

export class SqlUnlockCodes implements UnlockCodeRepository {
  constructor(private readonly db: SqlExecutor) {}

  async cardSerialsOf(citizenId: string): Promise<string[]> {
    const rows = await this.db.query<{ serial: string }>('SELECT serial FROM cards WHERE citizen_id = $1 ORDER BY serial', [citizenId]);
    return rows.map((row) => row.serial);
  }

  async store(citizenId: string, cardSerial: string, codeHash: string, now: Date, expiresAt: Date): Promise<boolean> {
    const rows = await this.db.query(
      `INSERT INTO unlock_codes (card_serial, code_hash, created_at, expires_at)
       SELECT serial, $3, $4, $5 FROM cards WHERE serial = $2 AND citizen_id = $1
       ON CONFLICT (card_serial) DO UPDATE SET code_hash = EXCLUDED.code_hash, created_at = EXCLUDED.created_at,
         expires_at = EXCLUDED.expires_at, used_at = NULL
       RETURNING card_serial`,
      [citizenId, cardSerial, codeHash, now, expiresAt],
    );
    return rows.length > 0;
  }

  async redeem(cardSerial: string, codeHash: string, now: Date): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE unlock_codes SET used_at = $3
       WHERE card_serial = $1 AND code_hash = $2 AND used_at IS NULL AND expires_at > $3 RETURNING card_serial`,
      [cardSerial, codeHash, now],
    );
    return rows.length > 0;
  }
}
