import { AGENT_TEXTS, everything, seedAgents, TeamsClient, TEAMS_AGENT, withActions, wrongWords } from '../support/agents';
import { setVerifiedIdentity } from '../../src/channels/verifiedIdentity';
import { DialogScript } from '../support/dialogScript';
import { EmulatorClient } from '../support/emulator';
import { MINUTE, useOperationsApp, type Backend, type TestCitizen } from '../support/operations';
import { openForm } from '../support/resetLinkPage';
import { linkIn } from '../support/resetPage';
import { describeWithPostgres, describeWithRedis } from '../support/services';
import { startTestApp, type TestApp } from '../support/testApp';

/** What the citizens' start says to words it does not take: the short fallback, or for a number the range. */

/** What a citizen hears at the start for words that are no choice of theirs: not understood, or read as a wish (SPEC §1.1a), or for a number the buttons' range. */
const CITIZEN_START_REPLY =
  /Bunu anlayamadım|Yine anlayamadım|Kimlik No: T\.C\. Kimlik Numaranızı|Şunu mu demek istediniz|Bu konuda yardımcı olamıyorum|Bu numarada bir seçenek yok/;

/** Valid check digits, but no citizen has it. */
const UNKNOWN_ID = '10000000528';
const REASON = 'Vatandaş aradı, kimliği sorularla doğrulandı';
/** An agent of the web chat's agent console, whose sign-in the Direct Line binds to the conversation. */
const CONSOLE_AGENT = { id: 'agent-console', name: 'Konsol Temsilci', channel: 'webchat', externalId: 'console-user-7' } as const;

type AgentAuditRow = { actor: string; action: string; subject_masked: string | null; channel: string; details: Record<string, unknown> };

function agentTests(backend: Backend) {
  // Agents on Teams are recognized only on requests with a checked token: every conversation here is signed.
  const world = useOperationsApp(backend, { signed: true });
  const clients: EmulatorClient[] = [];

  beforeAll(async () => {
    await seedAgents(world.running.app, [TEAMS_AGENT, CONSOLE_AGENT]);
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.stop()));
  });

  /** A conversation from this AAD object id (on Teams unless another channel is named). */
  const teams = async (aadObjectId: string, channelId = 'msteams') => {
    const client = new TeamsClient(world.running.baseUrl, aadObjectId, channelId);
    client.signer = world.signer;
    await client.start();
    clients.push(client);
    return client;
  };

  /** The agent's Teams conversation, at the agent menu. */
  const agentAtMenu = async () => {
    const agent = await teams(TEAMS_AGENT.externalId);
    await agent.join();
    return agent;
  };

  /** The rows an agent's actions wrote, oldest first. */
  const agentAudit = async (action: string, citizen?: TestCitizen) => {
    const rows = await world.running.app.db.query<AgentAuditRow>(
      'SELECT actor, action, subject_masked, channel, details FROM audit_log WHERE action = $1 ORDER BY id',
      [action],
    );
    return rows.filter((row) => citizen === undefined || row.subject_masked === citizen.maskedId);
  };

  const citizenRow = async (citizen: TestCitizen) => {
    const [row] = await world.running.app.db.query<{ blocked_at: Date | null; failed_attempts: number }>(
      'SELECT blocked_at, failed_attempts FROM citizens WHERE national_id = $1',
      [citizen.id],
    );
    return row!;
  };

  const blocked = async (citizen: TestCitizen) => {
    expect(await wrongWords(await world.open(), citizen.id, 3)).toContain('bloke');
    expect((await citizenRow(citizen)).blocked_at).not.toBeNull();
  };

  describe('recognition', () => {
    test("when the same words come from the agent's Teams identity and from anyone else, then only the agent gets agent functions", async () => {
      const citizen = await world.newCitizen();
      const agent = await teams(TEAMS_AGENT.externalId);
      const greeting = withActions(await agent.join());
      expect(greeting).toContain(AGENT_TEXTS.greeting);
      expect(greeting).toContain(TEAMS_AGENT.name);
      for (const label of AGENT_TEXTS.menu) expect(greeting).toContain(label);
      expect(await agent.sayText(`ara ${citizen.id}`)).toContain(`Vatandaş ${citizen.maskedId}`);

      // A Teams user who is no agent; the agent's AAD id claimed from the Emulator; the demo agent's web chat id claimed over /api/messages.
      const strangers: EmulatorClient[] = [
        await teams('0f0f0f0f-1111-4222-8333-444444444444'),
        await teams(TEAMS_AGENT.externalId, 'emulator'),
      ];
      const webChatClaim = new EmulatorClient(
        world.running.baseUrl,
        `conv-claim-${Math.random().toString(36).slice(2)}`,
        'webchat',
        'tr-TR',
        'demo-agent',
      );
      webChatClaim.signer = world.signer;
      await webChatClaim.start();
      clients.push(webChatClaim);
      strangers.push(webChatClaim);

      for (const stranger of strangers) {
        expect(withActions(await stranger.join())).toContain('Merhaba, ben e-İmza Yardımcısı');
        for (const words of [
          `ara ${citizen.id}`,
          `sorgula ${citizen.id}`,
          'Vatandaş Sorgula',
          'Blokeyi Kaldır',
          'unblock',
          'Sıfırlama Bağlantısı Gönder',
          'Bekleyen Talepler',
          '4',
        ]) {
          // A citizen's answer at the start (SPEC §1.1a reads the words as a citizen's wish), then back to the start.
          const reply = withActions(await stranger.say(words));
          expect(reply).toMatch(CITIZEN_START_REPLY);
          await stranger.say('menü');
        }
        const seen = everything(stranger);
        expect(seen).not.toContain(citizen.maskedId);
        expect(seen).not.toContain(AGENT_TEXTS.greeting);
        expect(seen).not.toContain(AGENT_TEXTS.idPrompt);
        for (const label of AGENT_TEXTS.menu) expect(seen).not.toContain(label);
      }
      expect(await agentAudit('agent.lookup', citizen)).toEqual([
        {
          actor: `agent:${TEAMS_AGENT.id}`,
          action: 'agent.lookup',
          subject_masked: citizen.maskedId,
          channel: 'msteams',
          details: { found: true },
        },
      ]);
    });

    test("when an adapter vouches for a web chat identity, then only a seeded agent's opens the agent menu", async () => {
      const vouchedFor = (externalId: string) =>
        new DialogScript(
          (context) => {
            setVerifiedIdentity(context, { channel: 'webchat', externalId });
            return world.running.app.bot.handle(context);
          },
          { channelId: 'webchat' },
        );
      const agent = vouchedFor(CONSOLE_AGENT.externalId);
      const menu = withActions(await agent.join());
      expect(menu).toContain(`Merhaba ${CONSOLE_AGENT.name}`);
      for (const label of AGENT_TEXTS.menu) expect(menu).toContain(label);

      const someoneElse = vouchedFor('console-user-unknown');
      expect(withActions(await someoneElse.join())).toContain('Merhaba, ben e-İmza Yardımcısı');
      expect(withActions(await someoneElse.send('Bekleyen Talepler'))).toMatch(CITIZEN_START_REPLY);
    });

    test('when the agent types "English", then the agent menu is in English and "lookup" works', async () => {
      const citizen = await world.newCitizen();
      const agent = await agentAtMenu();
      const menu = withActions(await agent.say('English'));
      for (const label of ['Look up a citizen', 'Lift a block', 'Send a reset link', 'Waiting requests']) expect(menu).toContain(label);
      const view = await agent.sayText(`lookup ${citizen.id}`);
      expect(view).toContain(`Citizen ${citizen.maskedId}`);
      expect(view).toContain('Failed attempts: 0/3');
    });
  });

  describe('Vatandaş Sorgula', () => {
    test('when the agent looks a citizen up, then masked details, block state, counter and last security events are shown, and no secret', async () => {
      const citizen = await world.newCitizen();
      await wrongWords(await world.open(), citizen.id, 2);
      const agent = await agentAtMenu();

      expect(await agent.sayText('Vatandaş Sorgula')).toContain(AGENT_TEXTS.idPrompt);
      const view = await agent.sayText(citizen.id);
      expect(view).toContain(`Vatandaş ${citizen.maskedId}`);
      expect(view).toMatch(/Ad Soyad: D\*{4} Y\*{6,}/);
      expect(view).toContain('E-posta: d***@example.org');
      expect(view).toContain(`Telefon: +90 5** *** ** ${citizen.phone.slice(-2)}`);
      expect(view).toContain('Durum: Bloke değil');
      expect(view).toContain('Hatalı deneme: 2/3');
      expect(view).toContain('Son güvenlik olayları:');
      expect(view.match(/Hatalı güvenlik sözcüğü \(emulator\)/g)).toHaveLength(2);
      expect(view).toContain(AGENT_TEXTS.again);

      const [hash] = await world.running.app.db.query<{ security_word_hash: string }>(
        'SELECT security_word_hash FROM citizens WHERE national_id = $1',
        [citizen.id],
      );
      const seen = everything(agent);
      for (const secret of [
        citizen.id,
        citizen.email,
        citizen.phone,
        citizen.word,
        '123456',
        '12345678',
        'Yanlis.Sozcuk',
        hash!.security_word_hash,
      ]) {
        expect(seen).not.toContain(secret);
      }
    });

    test('when the ID is unknown or invalid, then the agent is told so and asked again', async () => {
      const agent = await agentAtMenu();
      await agent.say('Vatandaş Sorgula');
      const invalid = await agent.sayText('12345');
      expect(invalid).toContain('11 hane olmalı');
      expect(invalid).toContain(AGENT_TEXTS.idPrompt);
      expect(await agent.sayText(UNKNOWN_ID)).toContain('100******28 kimlik numarasıyla kayıtlı bir vatandaş bulunamadı');
      const [row] = await world.running.app.db.query<AgentAuditRow>(
        "SELECT actor, details FROM audit_log WHERE action = 'agent.lookup' AND subject_masked = '100******28'",
      );
      expect(row).toMatchObject({ actor: `agent:${TEAMS_AGENT.id}`, details: { found: false } });
    });
  });

  describe('Blokeyi Kaldır', () => {
    test('when the reason is empty or too short, then nothing changes; with a reason, the block is lifted, the counter reset, the citizen mailed and able to log in', async () => {
      const citizen = await world.newCitizen();
      await blocked(citizen);
      const agent = await agentAtMenu();

      await agent.say('Blokeyi Kaldır');
      const question = await agent.sayText(citizen.id);
      expect(question).toContain(`${citizen.maskedId} numaralı vatandaşın blokesini neden kaldırıyorsunuz?`);
      expect(await agent.sayText('')).toContain('Yalnızca yazılı mesajları');
      const short = await agent.sayText('  kısa   ');
      expect(short).toContain('Gerekçe en az 10, en çok 500 karakter olmalı.');
      expect(short).toContain('neden kaldırıyorsunuz?');
      expect((await citizenRow(citizen)).blocked_at).not.toBeNull();
      expect(await agentAudit('account.unblocked', citizen)).toHaveLength(0);

      const done = await agent.sayText(REASON);
      expect(done).toContain(`${citizen.maskedId} numaralı vatandaşın blokesi kaldırıldı`);
      expect(done).toContain('d***@example.org');
      expect(done).toContain('adresine bilgi verildi');
      expect(done).toContain(AGENT_TEXTS.again);
      expect(await citizenRow(citizen)).toEqual({ blocked_at: null, failed_attempts: 0 });
      expect(await agentAudit('account.unblocked', citizen)).toEqual([
        {
          actor: `agent:${TEAMS_AGENT.id}`,
          action: 'account.unblocked',
          subject_masked: citizen.maskedId,
          channel: 'msteams',
          details: { reason: REASON },
        },
      ]);
      const mails = await world.mailTo(citizen.email);
      expect(mails.map((mail) => mail.subject).sort()).toEqual(['Hesabınız bloke edildi', 'Hesabınızın blokesi kaldırıldı']);
      expect(mails.find((mail) => mail.subject === 'Hesabınızın blokesi kaldırıldı')!.text).toContain('0262 648 18 18');

      await world.atMenu(citizen);
      expect((await citizenRow(citizen)).failed_attempts).toBe(0);
    });

    test('when the agent cancels at the reason, or the account is not blocked, then nothing changes and only the check is audited', async () => {
      const blockedCitizen = await world.newCitizen();
      const freeCitizen = await world.newCitizen();
      await blocked(blockedCitizen);
      const agent = await agentAtMenu();

      await agent.say('Blokeyi Kaldır');
      await agent.say(blockedCitizen.id);
      const cancelled = await agent.sayText('iptal');
      expect(cancelled).toContain('İşlemi iptal ettim.');
      expect(cancelled).toContain(AGENT_TEXTS.again);
      expect((await citizenRow(blockedCitizen)).blocked_at).not.toBeNull();

      await agent.say('Blokeyi Kaldır');
      expect(await agent.sayText(freeCitizen.id)).toContain(`${freeCitizen.maskedId} numaralı vatandaşın hesabı bloke değil`);
      expect(await agentAudit('account.unblocked', blockedCitizen)).toHaveLength(0);
      expect(await agentAudit('account.unblocked', freeCitizen)).toHaveLength(0);
      // What the agent learnt on the way is audited all the same.
      expect((await agentAudit('agent.block-checked', blockedCitizen)).map((row) => row.details)).toEqual([{ state: 'blocked' }]);
      expect((await agentAudit('agent.block-checked', freeCitizen)).map((row) => [row.actor, row.details])).toEqual([
        [`agent:${TEAMS_AGENT.id}`, { state: 'not-blocked' }],
      ]);
    });

    test('when two agents lift the same block at once, then it is lifted once: one audit row, one e-mail', async () => {
      const citizen = await world.newCitizen();
      await blocked(citizen);
      const [first, second] = [await agentAtMenu(), await agentAtMenu()];
      for (const agent of [first, second]) {
        await agent.say('Blokeyi Kaldır');
        await agent.say(citizen.id);
      }
      const replies = await Promise.all([first.sayText(REASON), second.sayText(REASON)]);
      expect(replies.filter((reply) => reply.includes('blokesi kaldırıldı'))).toHaveLength(1);
      expect(replies.filter((reply) => reply.includes('bloke değil'))).toHaveLength(1);
      expect(await agentAudit('account.unblocked', citizen)).toHaveLength(1);
      expect((await world.mailTo(citizen.email)).filter((mail) => mail.subject === 'Hesabınızın blokesi kaldırıldı')).toHaveLength(1);
    });
  });

  describe('Sıfırlama Bağlantısı Gönder', () => {
    test('when the agent sends reset links, then each goes to the registered address and opens the page, at most 3 a day, all audited with the agent', async () => {
      const citizen = await world.newCitizen();
      const agent = await agentAtMenu();
      const send = async () => {
        await agent.say('Sıfırlama Bağlantısı Gönder');
        return agent.sayText(citizen.id);
      };

      const first = await send();
      expect(first).toContain(`${citizen.maskedId} numaralı vatandaşın kayıtlı e-posta adresine (d***@example.org)`);
      const [mail] = await world.mailTo(citizen.email);
      expect(mail!.subject).toBe('Güvenlik Sözcüğü Güncelleme bağlantınız');
      expect((await openForm(linkIn(mail!.text))).status).toBe(200);
      expect(everything(agent)).not.toContain(linkIn(mail!.text));

      world.clock.advance(MINUTE);
      expect(await send()).toContain('bağlantısı gönderildi');
      expect(await send()).toContain('bağlantısı gönderildi');
      expect(await send()).toContain('son 24 saatte 3 bağlantı gönderilmiş; yeni bağlantı gönderilmedi');
      expect(await world.mailTo(citizen.email)).toHaveLength(3);

      const rows = await world.running.app.db.query<AgentAuditRow>(
        "SELECT actor, action FROM audit_log WHERE subject_masked = $1 AND action LIKE 'reset-link.%' ORDER BY id",
        [citizen.maskedId],
      );
      const actor = `agent:${TEAMS_AGENT.id}`;
      expect(rows).toEqual([
        { actor, action: 'reset-link.sent' },
        { actor, action: 'reset-link.sent' },
        { actor, action: 'reset-link.sent' },
        { actor, action: 'reset-link.limited' },
      ]);
    });

    test('when the ID is unknown, then no mail is sent and the agent is told', async () => {
      const agent = await agentAtMenu();
      await agent.say('Sıfırlama Bağlantısı Gönder');
      expect(await agent.sayText(UNKNOWN_ID)).toContain('bulunamadı');
      expect(await agentAudit('agent.reset-link.unknown')).toEqual([
        expect.objectContaining({ actor: `agent:${TEAMS_AGENT.id}`, subject_masked: '100******28' }),
      ]);
    });
  });
}

describe('call-center agents on the embedded default', () => {
  agentTests('embedded');
});

describeWithPostgres()('call-center agents on PostgreSQL', () => {
  describeWithRedis()('and Redis', () => {
    agentTests('postgres');
  });
});

describe('who is not an agent', () => {
  let running: TestApp | undefined;
  const clients: EmulatorClient[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.stop()));
    await running?.close();
    running = undefined;
  });

  // In production without MICROSOFT_APP_ID the endpoint refuses every request (test/security/productionWithoutAppId.test.ts).
  test('when no MICROSOFT_APP_ID checks tokens, then an AAD object id in a Teams activity is not taken as an agent', async () => {
    running = await startTestApp();
    await seedAgents(running.app, [TEAMS_AGENT]);
    const claim = new TeamsClient(running.baseUrl, TEAMS_AGENT.externalId);
    await claim.start();
    clients.push(claim);
    expect(withActions(await claim.join())).toContain('Merhaba, ben e-İmza Yardımcısı');
    expect(await claim.sayText('ara 10000000146')).toMatch(CITIZEN_START_REPLY);
    expect(everything(claim)).not.toContain(AGENT_TEXTS.greeting);
    expect(everything(claim)).not.toContain('100******46');
  });

  test('when no agent is configured, then "temsilci" gives the call-center number and queues nothing', async () => {
    running = await startTestApp({}, { skipDemoSeed: true });
    const client = new EmulatorClient(running.baseUrl);
    await client.start();
    clients.push(client);
    await client.join();
    const reply = await client.sayText('temsilci');
    expect(reply).toContain('0262 648 18 18');
    expect(reply).not.toContain('Sıranız');
    expect(await client.sayText('Şifreli Giriş')).toContain('Kimlik No');
  });
});
