import type { Request, Response, Server } from 'restify';
import type { Logger } from '../logger';

/**
 * POST /api/messages in production without MICROSOFT_APP_ID: no request's token can be checked, so
 * none is taken. Nothing is read or run and no `serviceUrl` is called (it would be a request to
 * any address the caller names). The web chat and Twilio have their own endpoints and keep working.
 */
export function mountBotFrameworkRefusal(server: Server, logger: Logger): void {
  logger.warn('MICROSOFT_APP_ID is not set: /api/messages refuses every request (Teams and the Bot Framework channels are off)');
  server.post('/api/messages', async (req: Request, res: Response) => {
    req.resume();
    res.header('WWW-Authenticate', 'Bearer');
    res.header('Cache-Control', 'no-store');
    res.send(401, { error: 'This server takes no Bot Framework activities: no app id is configured.' });
  });
}
