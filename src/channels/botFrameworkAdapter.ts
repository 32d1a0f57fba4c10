import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';
import { ReusedClientsAuthentication } from './reusedClients';

/** How the adapter checks tokens and signs its replies: ConfigurationBotFrameworkAuthentication in production. */
export type BotFrameworkAuthentication = NonNullable<ConstructorParameters<typeof CloudAdapter>[0]>;
type Authenticated = Awaited<ReturnType<BotFrameworkAuthentication['authenticateRequest']>>;

export type Authentication =
  /** `tokenVerified`: a Bot Framework token was checked (false when no app id is configured and anything goes). */
  | { ok: true; result: Authenticated; tokenVerified: boolean }
  /** 401: no token, or one that is forged, expired, for another bot or another service URL. 503: the signing keys cannot be had now. */
  | { ok: false; status: 401 | 503; reason: string };

/** Teams waits 15 s for an answer; a check that needs the signing keys must not take most of that. */
const TOKEN_CHECK_TIMEOUT_MS = 10_000;

/**
 * How far past its expiry a channel's token is still taken: clocks a little apart, not a replay
 * window. The SDK's own tolerance is 5 minutes and cannot be set, so the expiry is checked again here.
 */
export const TOKEN_CLOCK_TOLERANCE_S = 60;

/** The errors of a token that does not hold, as the token library names them. */
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

/**
 * The Bot Framework's CloudAdapter with the token check answered by us. CloudAdapter.process
 * answers a token whose signature or format is wrong with a 500 carrying the library's message,
 * and an unreachable key service the same way; here a bad token is always a 401 and an
 * unreachable key service a 503, and the turn runs only once the check has passed. Its connector
 * clients are made once and reused (see reusedClients.ts).
 */
export class BotFrameworkCloudAdapter extends CloudAdapter {
  private readonly authentication: BotFrameworkAuthentication;

  constructor(
    authentication: BotFrameworkAuthentication,
    private readonly tokenCheckTimeoutMs = TOKEN_CHECK_TIMEOUT_MS,
  ) {
    const reused = new ReusedClientsAuthentication(authentication);
    super(reused);
    this.authentication = reused;
  }

  /** Checks the request's `Authorization` header (anything goes when no app id is configured). */
  async authenticate(activity: Activity, authorization: string): Promise<Authentication> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(Object.assign(new Error('the token check took too long'), { name: 'TimeoutError' })),
        this.tokenCheckTimeoutMs,
      );
    });
    try {
      const result = await Promise.race([this.authentication.authenticateRequest(activity, authorization), timeout]);
      if (expiredBeyondTolerance(result))
        return { ok: false, status: 401, reason: 'TokenExpiredError: expired more than the tolerated 60 s ago' };
      return { ok: true, result, tokenVerified: tokenWasVerified(result) };
    } catch (error) {
      return refusalOf(error);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Runs the turn of an activity whose request passed `authenticate`; the answer to an invoke, if it was one. */
  run(
    authenticated: Authenticated,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authenticated, withDates(activity), logic);
  }
}

/** A checked token's `exp` claim (absent when no token was needed: no app id) lies further back than the tolerance. */
function expiredBeyondTolerance(result: Authenticated): boolean {
  const claim: unknown = result.claimsIdentity?.getClaimValue('exp');
  if (typeof claim !== 'number' && typeof claim !== 'string') return false;
  const expiry = Number(claim);
  return claim !== '' && Number.isFinite(expiry) && expiry + TOKEN_CLOCK_TOLERANCE_S < Date.now() / 1000;
}

/**
 * Whether the request's token was checked: without an app id the SDK lets every request through
 * with an anonymous identity that holds no audience (a checked token always names the bot as one).
 */
function tokenWasVerified(result: Authenticated): boolean {
  const identity = result.claimsIdentity;
  return Boolean(identity?.isAuthenticated && identity.getClaimValue(AuthenticationConstants.AudienceClaim));
}

function refusalOf(error: unknown): Authentication {
  const { name, message, statusCode, code } = (error ?? {}) as { name?: string; message?: string; statusCode?: number; code?: string };
  const reason = `${name ?? 'Error'}: ${String(message ?? '').slice(0, 200)}`;
  // The key service (OpenID metadata) did not answer: nothing is known about the token yet.
  const keysUnavailable =
    name === 'TimeoutError' || name === 'FetchError' || (typeof statusCode === 'number' && statusCode >= 500) || typeof code === 'string';
  if (keysUnavailable && !TOKEN_ERRORS.has(name ?? '')) return { ok: false, status: 503, reason };
  return { ok: false, status: 401, reason };
}

/** What CloudAdapter.process does to a parsed body before a turn: dates arrive as strings. */
function withDates(activity: Activity): Activity {
  const fixed = activity as Activity & Record<string, unknown>;
  for (const [field, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['localTimestamp', 'rawLocalTimestamp'],
    ['expiration', 'rawExpiration'],
  ] as const) {
    const value = fixed[field];
    if (typeof value === 'string') {
      fixed[raw] = value;
      fixed[field] = new Date(value);
    }
  }
  return fixed;
}
