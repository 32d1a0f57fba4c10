/** The citizen columns repositories read, from a query that names the table `c`. */
export const CITIZEN_COLUMNS =
  'c.id::text AS id, c.national_id, c.first_name, c.last_name, c.email, c.phone, c.security_word_hash, c.failed_attempts';

export type CitizenRow = {
  id: string;
  national_id: string;
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  security_word_hash: string | null;
  failed_attempts: number;
};

/** Who a row is, as the services name it; never the security word's hash. */
export function citizenOf(row: CitizenRow) {
  return {
    id: row.id,
    nationalId: row.national_id,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    phone: row.phone,
  };
}
