/** One reply (with its one retry) gives up after this: the turn, and its conversation's lock, wait for it. */
const REPLY_DEADLINE_MS = 5_000;
const RETRY_PAUSE_MS = 250;
/** Answers worth one more try; any other answer is final. */
const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);
/** A connection refused, reset or not resolved: nothing reached the channel, so a retry cannot duplicate. */
const CONNECTION_FAILURES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * A request to a channel, tried once more, after a short pause, when the connection failed or the
 * answer asks for it, all within REPLY_DEADLINE_MS; `attempt` gets the time left. A request that
 * timed out is not sent again: it may have arrived. Instead of the Azure client's default (three
 * retries with pauses growing to seconds, 8.6 s on a service URL that refuses connections, holding
 * the turn and the conversation's lock). The answer of the last try is returned, whatever its status.
 */
export async function withinReplyDeadline<Answer extends { status: number }>(
  attempt: (timeLeftMs: number) => Promise<Answer>,
  abortSignal?: AbortSignal,
): Promise<Answer> {
  const deadline = Date.now() + REPLY_DEADLINE_MS;
  const timeLeft = () => Math.max(1, deadline - Date.now());
  let failed: { answer: Answer } | { error: unknown };
  try {
    const answer = await attempt(timeLeft());
    if (!RETRYABLE_STATUS.has(answer.status)) return answer;
    failed = { answer };
  } catch (error) {
    if (!connectionFailed(error) || abortSignal?.aborted) throw error;
    failed = { error };
  }
  if (deadline - Date.now() <= RETRY_PAUSE_MS) {
    if ('answer' in failed) return failed.answer;
    throw failed.error;
  }
  await new Promise((pause) => setTimeout(pause, RETRY_PAUSE_MS));
  return attempt(timeLeft());
}

function connectionFailed(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && CONNECTION_FAILURES.has(code);
}
