/** Sends one text message; Twilio in production, the outbox file on the embedded default. */
export interface SmsSender {
  send(to: string, body: string): Promise<void>;
}
