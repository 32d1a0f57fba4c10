/**
 * The benchmark's baseline: a minimal echo bot on the assistant's own stack — the same botbuilder
 * (CloudAdapter, ConversationState), restify 11 with its body parser, state saved every turn — with
 * botbuilder's MemoryStorage. Started as a child process by bench/run.ts, exactly as the assistant is.
 *
 * Environment: PORT (required). Answers GET /healthz once listening; stops on SIGTERM.
 */
import {
  ActivityTypes,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  MemoryStorage,
  type TurnContext,
} from 'botbuilder';
import restify, { type Request, type Response } from 'restify';

type EchoMemory = { turns?: number };

async function main(): Promise<void> {
  const port = Number(process.env['PORT']);
  if (!Number.isInteger(port) || port <= 0) throw new Error('PORT must be set');

  // No app id: unauthenticated activities are accepted, as the assistant does for the Emulator.
  const adapter = new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant' }),
  );
  const conversationState = new ConversationState(new MemoryStorage());
  const memory = conversationState.createProperty<EchoMemory>('memory');
  adapter.onTurnError = async (context, error) => {
    process.stderr.write(`echo turn failed: ${error.message}\n`);
    await context.sendActivity('error').catch(() => undefined);
  };

  const logic = async (context: TurnContext) => {
    const state = await memory.get(context, {});
    state.turns = (state.turns ?? 0) + 1;
    if (context.activity.type === ActivityTypes.Message) {
      await context.sendActivity(`echo ${state.turns}: ${context.activity.text ?? ''}`);
    } else if (context.activity.type === ActivityTypes.ConversationUpdate) {
      await context.sendActivity('hello');
    }
    await conversationState.saveChanges(context);
  };

  const server = restify.createServer({ name: 'echo-bot', handleUncaughtExceptions: false });
  server.post('/api/messages', restify.plugins.bodyParser({ mapParams: false, mapFiles: false }), async (req: Request, res: Response) => {
    await adapter.process(req, res, logic);
  });
  server.get('/healthz', async (_req: Request, res: Response) => {
    res.send(200, { status: 'ok' });
  });
  await new Promise<void>((done) => {
    server.listen(port, '127.0.0.1', done);
  });

  const stop = () => {
    server.close(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`the echo bot could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
