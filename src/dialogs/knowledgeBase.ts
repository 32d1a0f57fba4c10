import { MAX_FAILED_LOGINS } from '../domain/login';
import { CODE_RESEND_AFTER_MS, CODE_TTL_MS } from '../domain/oneTimeCodes';
import { SECURITY_WORD_MIN_LENGTH } from '../domain/securityWords';
import { SESSION_IDLE_MS } from '../domain/sessions';
import { LINK_TTL_MS } from '../domain/singleUseLinks';
import type { RuleFigures } from '../language/intents/answers';

/** The figures the knowledge base's answers quote ({linkMinutes} …), read from the rules, never typed into the answers. */
export const RULE_FIGURES: RuleFigures = {
  linkMinutes: LINK_TTL_MS / 60_000,
  codeSeconds: CODE_TTL_MS / 1000,
  resendSeconds: CODE_RESEND_AFTER_MS / 1000,
  idleMinutes: SESSION_IDLE_MS / 60_000,
  maxLoginTries: MAX_FAILED_LOGINS,
  wordMinLength: SECURITY_WORD_MIN_LENGTH,
};
