import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { Agent, AgentDirectory } from '../domain/agents';
import type { AgentDialog } from './agentDialog';
import { setCurrentAgent } from './agentTurn';
import type { HandOffRelay } from './handOffRelay';
import { turnInfo } from './turn';

/** The citizen's dialog, as the bot runs it. */
export type CitizenTurns = {
  run(): Promise<void>;
  /** The question the citizen was at, asked again (the start when there was none). */
  reprompt(): Promise<void>;
  /** Whether the citizen's dialog waits at a secret prompt (the security word): what they type next may be the secret. */
  atSecretPrompt(): Promise<boolean>;
};

/**
 * Decides, each turn, whose turn it is: a hand-off's (the relay), an agent's (the agent menu) or a
 * citizen's (the main dialog). An agent is recognized only by the identity the channel itself
 * vouches for (the channel profile's verified identity), never by anything the activity claims or
 * the state remembers.
 */
export class CallCenter {
  constructor(
    private readonly agents: AgentDirectory,
    private readonly relay: HandOffRelay,
    private readonly agentDialog: AgentDialog,
    private readonly agentDialogState: StatePropertyAccessor,
  ) {}

  async run(context: TurnContext, citizen: CitizenTurns): Promise<void> {
    const agent = await this.recognize(context);
    if (agent) setCurrentAgent(context, agent);

    const interception = await this.relay.intercept(context, agent, () => citizen.atSecretPrompt());
    if (interception === 'handled') return;
    if (interception === 'ended') {
      if (agent) await this.agentDialog.showMenu(context, this.agentDialogState);
      else await citizen.reprompt();
      return;
    }
    if (agent) await this.agentDialog.run(context, this.agentDialogState);
    else await citizen.run();
  }

  /** What runs in a citizen's conversation once an agent has ended the hand-off (the bot asks the question again). */
  whenCitizenBack(resume: (context: TurnContext) => Promise<void>): void {
    this.relay.whenCitizenBack(resume);
  }

  private async recognize(context: TurnContext): Promise<Agent | undefined> {
    const identity = turnInfo(context).profile.verifiedIdentity;
    return identity ? this.agents.findByIdentity(identity.channel, identity.externalId) : undefined;
  }
}
