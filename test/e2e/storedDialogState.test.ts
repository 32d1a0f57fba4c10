import { randomUUID } from 'node:crypto';
import { DIALOG_STATE_TTL_MS } from '../../src/data/dialogStateStorage';
import { EmulatorClient } from '../support/emulator';
import { solveTextChallenge } from '../support/solveChallenge';
import { startTestApp, type TestApp } from '../support/testApp';

const AYSE = '10000000146';

/** A dialog on a stack as stored: a component keeps its own stack in `state.dialogs`, a waterfall its step in `state.stepIndex`. */
type StoredDialog = {
  id: string;
  state: { dialogs?: { dialogStack: StoredDialog[] }; stepIndex?: number; values?: object; options?: object };
};
type StoredConversation = { dialogState: { dialogStack: StoredDialog[] } };

/**
 * The dialogs ran on botbuilder-dialogs until they moved to our own runtime (issue 22), and a
 * conversation saved by an instance of the one is read by an instance of the other during a rolling
 * update on Redis. The stack's shape is the library's; what the library added to it, and ours does
 * not, is a version on every component's instance and an `instanceId` in every waterfall's values.
 */
function asTheLibrarySavedIt(stack: StoredDialog[]): void {
  for (const instance of stack) {
    if (instance.state.dialogs) {
      Object.assign(instance, { version: 'e3b0c44298fc1c14' });
      asTheLibrarySavedIt(instance.state.dialogs.dialogStack);
    }
    if (typeof instance.state.stepIndex === 'number') Object.assign(instance.state.values ?? {}, { instanceId: randomUUID() });
  }
}

/** A stack as its dialogs' ids, a component's own stack after its id. */
function idsOf(stack: StoredDialog[]): unknown[] {
  return stack.flatMap((instance) => (instance.state.dialogs ? [instance.id, idsOf(instance.state.dialogs.dialogStack)] : [instance.id]));
}

describe('when a conversation is saved in the middle of the forgotten-word journey', () => {
  let running: TestApp;
  let client: EmulatorClient;
  let key: string;
  const stored = () => running.app.store.get<StoredConversation>(key);

  beforeAll(async () => {
    running = await startTestApp({});
  });
  afterAll(() => running.close());
  beforeEach(async () => {
    const conversation = `conv-${randomUUID()}`;
    key = `dialog-state:emulator/conversations/${conversation}/`;
    client = new EmulatorClient(running.baseUrl, conversation);
    await client.start();
    await client.join();
    await client.say('Güvenlik Sözcüğümü Unuttum');
  });
  afterEach(() => client.stop());

  test('then it is stored as botbuilder-dialogs stored it: nested stacks of { id, state }, each waterfall at its step', async () => {
    const { dialogState } = (await stored())!;
    expect(idsOf(dialogState.dialogStack)).toEqual([
      'main',
      ['main.steps', 'forgotWord', ['forgotWord.steps', 'identification', ['identification.steps', 'identification.prompt']]],
    ]);
    const main = dialogState.dialogStack[0]!.state.dialogs!.dialogStack;
    // The start's waterfall waits at its second step (the wish), under the journey it began.
    expect(main[0]!.state).toEqual({ options: {}, values: {}, stepIndex: 1 });
    const prompt = main[1]!.state.dialogs!.dialogStack[1]!.state.dialogs!.dialogStack[1]!;
    expect(prompt.state).toEqual({
      options: { validations: { prompt: 'identification.prompt', help: 'identification.help' } },
      state: { asked: true },
    });
  });

  test('then a state saved by botbuilder-dialogs goes on under our runtime: the Kimlik No asked before is answered after', async () => {
    const conversation = (await stored())!;
    asTheLibrarySavedIt(conversation.dialogState.dialogStack);
    await running.app.store.set(key, conversation, DIALOG_STATE_TTL_MS);

    const challenge = await client.sayText(AYSE);
    expect(await client.sayText(solveTextChallenge(challenge))).toContain('kayıtlı e-posta adresinize');
  });
});
