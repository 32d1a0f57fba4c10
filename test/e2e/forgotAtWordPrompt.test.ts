import { translate, type MessageKey } from '../../src/language/messages';
import { MEHMET } from '../support/citizenLogin';
import type { EmulatorClient } from '../support/emulator';
import { atWordPrompt, citizenRow } from '../support/lockout';
import { startTestApp, type TestApp } from '../support/testApp';

const tr = (key: MessageKey, params?: Record<string, string | number>) => translate('tr', key, params);
const FORGOT_LABEL = tr('start.choice.forgot');

/** The texts of a turn's replies and the values of their buttons. */
function turnOf(replies: { text?: string; suggestedActions?: { actions?: { value?: unknown }[] } }[]) {
  return {
    text: replies.map((reply) => reply.text ?? '').join('\n'),
    buttons: replies.flatMap((reply) => (reply.suggestedActions?.actions ?? []).map((action) => String(action.value))),
  };
}

describe('when a citizen at the security-word prompt says they forgot it', () => {
  let running: TestApp;
  const clients: EmulatorClient[] = [];

  beforeAll(async () => {
    running = await startTestApp();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.stop()));
    await running.app.db.query('UPDATE citizens SET failed_attempts = 0, blocked_at = NULL WHERE national_id = $1', [MEHMET.id]);
  });
  afterAll(() => running.close());

  test.each(['unuttum', 'sözcüğümü unuttum', 'Bilmiyorum', 'hatırlamıyorum.', 'I forgot', "I don't know", 'forgot'])(
    'then %j uses no try, is not logged, and the reset is offered with one button that starts it',
    async (said) => {
      const client = await atWordPrompt(running, MEHMET.id, clients);
      const offer = turnOf(await client.say(said));
      expect(offer.text).toContain(tr('login.forgotOffer'));
      expect(offer.text).not.toContain(tr('login.wrong', { left: 2 }));
      expect(offer.buttons).toEqual([FORGOT_LABEL]);
      expect((await citizenRow(running, MEHMET.id)).failed_attempts).toBe(0);
      const failures = await running.app.db.query("SELECT 1 FROM audit_log WHERE action = 'login.failure'");
      expect(failures).toHaveLength(0);
      expect(running.logs.join('\n')).not.toContain(said);

      // The one button starts the reset journey: the Kimlik No of Güvenlik Sözcüğümü Unuttum.
      expect(await client.sayText(FORGOT_LABEL)).toContain(tr('identification.prompt'));
    },
  );

  test('then the menu label "Güvenlik Sözcüğümü Unuttum", typed or pressed, starts the reset at once and uses no try', async () => {
    const client = await atWordPrompt(running, MEHMET.id, clients);
    expect(await client.sayText('güvenlik sözcüğümü unuttum')).toContain(tr('identification.prompt'));
    expect((await citizenRow(running, MEHMET.id)).failed_attempts).toBe(0);
  });

  test('then "evet" at the offer starts the reset too, and "Şifreli Giriş" typed there logs in again', async () => {
    const client = await atWordPrompt(running, MEHMET.id, clients);
    await client.say('unuttum');
    expect(await client.sayText('evet')).toContain(tr('identification.prompt'));

    const other = await atWordPrompt(running, MEHMET.id, clients);
    await other.say('bilmiyorum');
    expect(await other.sayText('Şifreli Giriş')).toContain(tr('identification.prompt'));
  });

  test('then before the last try the warning offers the reset with a button, and pressing it starts the reset without a try', async () => {
    const client = await atWordPrompt(running, MEHMET.id, clients);
    const first = turnOf(await client.say('yanlis-sozcuk-1'));
    expect(first.text).toContain(tr('login.wrong', { left: 2 }));
    expect(first.buttons).toEqual([]);

    const second = turnOf(await client.say('yanlis-sozcuk-2'));
    expect(second.text).toContain(tr('login.wrongLastTry', { left: 1 }));
    expect(second.buttons).toEqual([FORGOT_LABEL]);

    expect(await client.sayText(FORGOT_LABEL)).toContain(tr('identification.prompt'));
    const row = await citizenRow(running, MEHMET.id);
    expect(row.failed_attempts).toBe(2);
    expect(row.blocked_at).toBeNull();
  });

  test('then "unuttum" before the last try uses no try either: the next wrong word still leaves one', async () => {
    const client = await atWordPrompt(running, MEHMET.id, clients);
    await client.say('yanlis-sozcuk-1');
    expect(turnOf(await client.say('unuttum')).text).toContain(tr('login.forgotOffer'));
    expect((await citizenRow(running, MEHMET.id)).failed_attempts).toBe(1);
  });
});
