import { createServer, type Server } from 'node:http';
import { createSign, generateKeyPairSync, randomUUID } from 'node:crypto';
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { BotFrameworkAuthentication } from '../../src/channels/botFrameworkAdapter';

/** The issuer of tokens the Bot Framework channels (Teams among them) send to bots. */
export const CHANNEL_ISSUER = 'https://api.botframework.com';

/** What the bot's replies carry instead of a token from the Microsoft login service. */
export const OUTBOUND_TOKEN = 'test-outbound-token';

export type TokenClaims = {
  /** The bot's app id the token is for (`aud`). */
  audience: string;
  /** The conversation's service URL the token vouches for (`serviceurl`). */
  serviceUrl: string;
  issuer?: string;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
  /** Signed with another key than the one published, under the published key id. */
  forged?: boolean;
  /** A key id that is not published. */
  keyId?: string;
};

/** Posts `activity` to the bot as a channel does, with `authorization` as the header (none when undefined). */
export function postActivity(baseUrl: string, activity: Record<string, unknown>, authorization?: string): Promise<Response> {
  return fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization === undefined ? {} : { authorization }) },
    body: JSON.stringify(activity),
  });
}

/**
 * The Bot Framework's token service, played on 127.0.0.1: an RSA key published as OpenID metadata
 * and JWKS, tokens signed with it, and the settings that make the adapter trust it, so tokens are
 * checked for real (signature, expiry, audience, service URL) without the network.
 */
export class LocalBotFrameworkIssuer {
  readonly keyId = `test-key-${randomUUID()}`;
  private readonly key = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private readonly otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private server?: Server;
  private baseUrl = '';

  async start(): Promise<this> {
    const jwk = this.key.publicKey.export({ format: 'jwk' }) as { n: string; e: string };
    this.server = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      if (req.url === '/keys')
        res.end(
          JSON.stringify({
            keys: [
              { kty: 'RSA', use: 'sig', kid: this.keyId, n: jwk.n, e: jwk.e, endorsements: ['msteams', 'emulator', 'sms', 'webchat'] },
            ],
          }),
        );
      else
        res.end(
          JSON.stringify({ issuer: CHANNEL_ISSUER, jwks_uri: `${this.baseUrl}/keys`, id_token_signing_alg_values_supported: ['RS256'] }),
        );
    });
    await new Promise<void>((done) => this.server!.listen(0, '127.0.0.1', done));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((done) => (this.server ? this.server.close(() => done()) : done()));
  }

  /** What signs every request of an EmulatorClient for the bot `appId` (see EmulatorClient.signer). */
  signerFor(appId: string): (serviceUrl: string) => string {
    return (serviceUrl) => this.bearer({ audience: appId, serviceUrl });
  }

  /**
   * A valid token for the bot `appId` vouching for the service URL `activity` carries, as the
   * channel signs it; `claims` spoil it (forged, expired, another key id…).
   */
  bearerFor(appId: string, activity: Record<string, unknown>, claims: Partial<TokenClaims> = {}): string {
    return this.bearer({ audience: appId, serviceUrl: String(activity['serviceUrl']), ...claims });
  }

  /** A signed JWT as a channel sends it, in an `Authorization` header value. */
  bearer(claims: TokenClaims): string {
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: 'RS256', typ: 'JWT', kid: claims.keyId ?? this.keyId };
    const payload = {
      iss: claims.issuer ?? CHANNEL_ISSUER,
      aud: claims.audience,
      serviceurl: claims.serviceUrl,
      nbf: now - 60,
      iat: now - 60,
      exp: now + (claims.expiresIn ?? 3600),
    };
    const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
    const signed = `${encode(header)}.${encode(payload)}`;
    const signature = createSign('RSA-SHA256')
      .update(signed)
      .sign((claims.forged ? this.otherKey : this.key).privateKey);
    return `Bearer ${signed}.${signature.toString('base64url')}`;
  }

  /**
   * The adapter's authentication for the bot `appId`: public-cloud settings except that the keys
   * come from here, and replies are signed with OUTBOUND_TOKEN instead of a token from the login service.
   */
  authentication(appId: string): BotFrameworkAuthentication {
    const credentials = {
      isValidAppId: async (candidate: string) => candidate === appId,
      isAuthenticationDisabled: async () => false,
      createCredentials: async () => ({
        signRequest: async <T extends { headers: { set(name: string, value: string): void } }>(request: T) => {
          request.headers.set('authorization', `Bearer ${OUTBOUND_TOKEN}`);
          return request;
        },
      }),
    };
    return new ConfigurationBotFrameworkAuthentication(
      {
        MicrosoftAppId: appId,
        ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
        ToChannelFromBotOAuthScope: CHANNEL_ISSUER,
        ToBotFromChannelTokenIssuer: CHANNEL_ISSUER,
        OAuthUrl: CHANNEL_ISSUER,
        ToBotFromChannelOpenIdMetadataUrl: `${this.baseUrl}/openid`,
        ToBotFromEmulatorOpenIdMetadataUrl: `${this.baseUrl}/openid`,
        CallerId: 'urn:botframework:azure',
        ValidateAuthority: true,
      },
      credentials,
    );
  }
}
