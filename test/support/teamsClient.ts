import { randomUUID } from 'node:crypto';
import type { Activity, Attachment } from 'botbuilder';
import { LocalBotFrameworkIssuer } from './botFrameworkTokens';
import { EmulatorClient } from './emulator';
import { startTestApp, type TestApp } from './testApp';

export const TEAMS_TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';

/**
 * A citizen's personal chat with the bot in Microsoft Teams, as Teams' connector sends it: Teams
 * ids (29:… user, 28:… bot, a:… conversation), the AAD object id, the tenant, and a Bot Framework
 * token on every request (from a local issuer the app was told to trust). A card button arrives
 * as Teams sends it: a message with the button's data in `value` and no text.
 */
export class TeamsClient extends EmulatorClient {
  readonly aadObjectId = randomUUID();
  private readonly teamsUserId = `29:1${randomUUID().replace(/-/g, '')}`;

  constructor(
    botUrl: string,
    private readonly appId: string,
    private readonly issuer?: LocalBotFrameworkIssuer,
    readonly teamsConversationId = `a:1${randomUUID().replace(/-/g, '')}`,
    locale = 'tr-TR',
  ) {
    super(botUrl, teamsConversationId, 'msteams', locale);
  }

  /** Installing the app for oneself: Teams adds the bot, alone, to a personal chat. */
  override join(): Promise<Partial<Activity>[]> {
    return this.post({ type: 'conversationUpdate', membersAdded: [{ id: `28:${this.appId}` }] as Activity['membersAdded'] });
  }

  /** Presses a card button (Action.Submit) whose data, with any inputs, is `value`. */
  press(value: Record<string, unknown>): Promise<Partial<Activity>[]> {
    return this.post({ type: 'message', value });
  }

  override post(activity: Partial<Activity>, botUrl = this.botUrl): Promise<Partial<Activity>[]> {
    return super.post(
      {
        from: { id: this.teamsUserId, name: 'Ayşe Yılmaz', aadObjectId: this.aadObjectId },
        recipient: { id: `28:${this.appId}`, name: 'e-İmza Yardımcısı' },
        conversation: { id: this.teamsConversationId, conversationType: 'personal', tenantId: TEAMS_TENANT_ID } as Activity['conversation'],
        channelData: { tenant: { id: TEAMS_TENANT_ID } },
        ...activity,
      },
      botUrl,
    );
  }

  /** Every request carries a token for this bot and the conversation's service URL, as Teams' do. */
  override rawPost(body: unknown, contentType = 'application/json', botUrl = this.botUrl): Promise<Response> {
    const serviceUrl = typeof body === 'object' && body !== null ? String((body as { serviceUrl?: string }).serviceUrl ?? '') : '';
    const headers: Record<string, string> = { 'content-type': contentType };
    if (this.issuer) headers['authorization'] = this.issuer.bearer({ audience: this.appId, serviceUrl });
    return fetch(`${botUrl}/api/messages`, {
      method: 'POST',
      headers,
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }
}

/** A test app for the bot `appId` that checks Bot Framework tokens against a local issuer. */
export type SignedApp = { running: TestApp; issuer: LocalBotFrameworkIssuer; close(): Promise<void> };

export async function startSignedApp(
  appId: string,
  env: Record<string, string> = {},
  overrides: Parameters<typeof startTestApp>[1] = {},
): Promise<SignedApp> {
  const issuer = await new LocalBotFrameworkIssuer().start();
  const running = await startTestApp(
    { ...env, MICROSOFT_APP_ID: appId },
    { ...overrides, botFrameworkAuthentication: issuer.authentication(appId) },
  );
  return {
    running,
    issuer,
    async close() {
      await running.close();
      await issuer.stop();
    },
  };
}

/** A signed app and one citizen's Teams chat with it, its capture server started. */
export type SignedTeams = SignedApp & { client: TeamsClient };

export async function startSignedTeams(
  appId: string,
  env: Record<string, string> = {},
  overrides: Parameters<typeof startTestApp>[1] = {},
): Promise<SignedTeams> {
  const app = await startSignedApp(appId, env, overrides);
  const client = new TeamsClient(app.running.baseUrl, appId, app.issuer);
  await client.start();
  return {
    ...app,
    client,
    async close() {
      await client.stop();
      await app.close();
    },
  };
}

/** The Adaptive Cards among a turn's replies. */
export function adaptiveCardsOf(replies: Partial<Activity>[]): Record<string, unknown>[] {
  return replies
    .flatMap((reply) => reply.attachments ?? [])
    .filter((attachment: Attachment) => attachment.contentType === 'application/vnd.microsoft.card.adaptive')
    .map((attachment) => attachment.content as Record<string, unknown>);
}

/** Every Action.Submit of a card, wherever it sits (card actions or ActionSets in the body). */
export function submitActionsOf(card: Record<string, unknown>): { title: string; data: Record<string, unknown> }[] {
  const found: { title: string; data: Record<string, unknown> }[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const element = node as Record<string, unknown>;
    if (element['type'] === 'Action.Submit')
      found.push({ title: element['title'] as string, data: (element['data'] ?? {}) as Record<string, unknown> });
    Object.values(element).forEach(visit);
  };
  visit(card);
  return found;
}

/** Every element of a card of the given type, wherever it sits. */
export function elementsOf(card: Record<string, unknown>, type: string): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const element = node as Record<string, unknown>;
    if (element['type'] === type) found.push(element);
    Object.values(element).forEach(visit);
  };
  visit(card);
  return found;
}
