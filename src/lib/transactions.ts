/**
 * Makes several writes one: everything `work` writes through the repositories (records, audit
 * rows, queued e-mails) is committed together or not at all.
 */
export interface Transactions {
  atomically<T>(work: () => Promise<T>): Promise<T>;
}
