import type { Activity, ChannelAccount } from 'botbuilder';
import { importSeed, parseSeed } from '../../src/data/seed';
import type { App } from '../../src/app';
import { textOf } from './citizenLogin';
import { EmulatorClient } from './emulator';
import { solveTextChallenge } from './solveChallenge';

/** The agents the call-center suites seed: two on Teams, by their AAD object ids. */
export const TEAMS_AGENT = {
  id: 'agent-ece',
  name: 'Ece Temsilci',
  channel: 'msteams',
  externalId: '7d1f3c2a-0000-4000-8000-00000000a001',
} as const;
export const SECOND_TEAMS_AGENT = {
  id: 'agent-murat',
  name: 'Murat Temsilci',
  channel: 'msteams',
  externalId: '7d1f3c2a-0000-4000-8000-00000000a002',
} as const;

/** The agent-side texts the suites look for, written here independently of the catalog. */
export const AGENT_TEXTS = {
  greeting: 'Çağrı merkezi temsilcisi olarak giriş yaptınız',
  menu: ['Vatandaş Sorgula', 'Blokeyi Kaldır', 'Sıfırlama Bağlantısı Gönder', 'Bekleyen Talepler'],
  again: 'Temsilci menüsü',
  idPrompt: "Vatandaşın Kimlik No'sunu yazın",
  connected: 'Vatandaşla bağlandınız',
  gone: 'Bu talep artık beklemiyor',
} as const;

export async function seedAgents(
  app: App,
  agents: readonly { id: string; name: string; channel: string; externalId: string }[],
): Promise<void> {
  await importSeed(app.db, parseSeed({ agents }), app.vault, app.hasher);
}

let teamsConversations = 0;

/**
 * A Teams-shaped conversation (channelId msteams) whose sender carries an AAD object id, as Teams
 * sends them. The app takes that id as who the sender is only when the request carries a checked
 * Bot Framework token: give the client a `signer` (useOperationsApp's `signed`); unsigned, its
 * sender is nobody in particular.
 */
export class TeamsClient extends EmulatorClient {
  constructor(
    botUrl: string,
    private readonly aadObjectId: string,
    /** Another channel id sends the same AAD object id from elsewhere (a claim nobody vouches for). */
    channelId = 'msteams',
    locale = 'tr-TR',
  ) {
    super(
      botUrl,
      `a:teams-${process.pid}-${++teamsConversations}-${Math.random().toString(36).slice(2)}`,
      channelId,
      locale,
      `29:${aadObjectId}`,
    );
  }

  override post(activity: Partial<Activity>, botUrl?: string): Promise<Partial<Activity>[]> {
    const from = { id: `29:${this.aadObjectId}`, name: 'Teams user', role: 'user', aadObjectId: this.aadObjectId } as ChannelAccount;
    return super.post({ from, ...activity }, botUrl);
  }
}

/** Replies joined, with the choices they offer (suggested actions, or Teams's card buttons) on lines of their own. */
export function withActions(replies: Partial<Activity>[]): string {
  return replies.map((reply) => [reply.text ?? '', ...choicesOf(reply)].join('\n')).join('\n');
}

function choicesOf(reply: Partial<Activity>): string[] {
  const suggested = (reply.suggestedActions?.actions ?? []).map((action) => String(action.value));
  const buttons: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (typeof node === 'object' && node !== null) {
      const { type, title } = node as { type?: unknown; title?: unknown };
      if (type === 'Action.Submit' && typeof title === 'string') buttons.push(title);
      Object.values(node).forEach(visit);
    }
  };
  visit(reply.attachments ?? []);
  return [...suggested, ...buttons];
}

/** Everything a client has been shown so far: texts, buttons and cards. */
export function everything(client: EmulatorClient): string {
  return client.replies
    .map((reply) => [reply.text ?? '', JSON.stringify(reply.suggestedActions ?? {}), JSON.stringify(reply.attachments ?? [])].join('\n'))
    .join('\n');
}

/**
 * Şifreli Giriş with wrong security words, `count` of them in one conversation; returns the text
 * of the last reply (the third one blocks the account).
 */
export async function wrongWords(client: EmulatorClient, nationalId: string, count: number): Promise<string> {
  await client.join();
  await client.say('Şifreli Giriş');
  const challenge = await client.sayText(nationalId);
  await client.say(solveTextChallenge(challenge));
  let last = '';
  for (let index = 0; index < count; index++) {
    last = textOf(await client.say('', { value: { securityWord: `Yanlis.Sozcuk.${index}` }, text: undefined }));
  }
  return last;
}
