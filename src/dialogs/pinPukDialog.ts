import { MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from './dialogRuntime';
import type { CardPinPuk, PinPukService } from '../domain/pinPuk';
import type { PinPukTextChannels } from '../domain/pinPukChannels';
import { adaptiveCard } from './cards';
import { ask, ChoiceInputPrompt, YesNoPrompt } from './prompts';
import type { SessionGuard } from './session';
import { maySeeSecretsHere } from './textChannelSecrets';
import { say, text, turnInfo } from './turn';

export const PIN_PUK_DIALOG = 'pinPuk';
const STEPS = 'pinPuk.steps';
const ACTION_CHOICE = 'pinPuk.action';
const CONFIRM = 'pinPuk.confirm';

enum Action {
  Save,
  Delete,
  Back,
}

/**
 * Where the message with the values goes: sent, and hidden later where the channel can replace
 * messages (the channels' SecretMessages); `send` gives the id to hide it by, or undefined.
 */
export interface SecretMessageSender {
  send(context: TurnContext, activity: Partial<Activity>, hiddenNote: string): Promise<string | undefined>;
  hide(context: TurnContext, id: string, hiddenNote: string): Promise<void>;
}

/** The serials whose values were shown and the id of the message that showed them; never the values themselves. */
type Values = { shown: string[]; action: Action; messageId?: string };

/**
 * PIN / PUK Bilgisi: per card the Kart Seri Numarası, PIN and PUK with Kamu SM's notes, then
 * Parolaları Kaydet (keep) or Parolaları Sil (destroy for good, only on an explicit yes).
 */
export class PinPukDialog extends ComponentDialog {
  constructor(
    private readonly pinPuk: PinPukService,
    private readonly guard: SessionGuard,
    private readonly secretMessages: SecretMessageSender,
    private readonly textChannels: PinPukTextChannels = 'registered-phone',
  ) {
    super(PIN_PUK_DIALOG);
    this.addDialog(new ChoiceInputPrompt(ACTION_CHOICE));
    this.addDialog(new YesNoPrompt(CONFIRM));
    this.addDialog(new WaterfallDialog(STEPS, [this.show.bind(this), this.confirm.bind(this), this.act.bind(this)]));
    this.initialDialogId = STEPS;
  }

  /** Show every card; offer Kaydet / Sil when any still has values. */
  private async show(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const session = await this.guard.active(step.context);
    if (!session) return step.endDialog();
    // On SMS and WhatsApp the values stay on the phone: PINPUK_TEXT_CHANNELS decides, before anything is decrypted.
    const refusals = { never: 'pinPuk.textChannel.never', notRegisteredPhone: 'pinPuk.textChannel.notRegisteredPhone' } as const;
    if (!(await maySeeSecretsHere(step.context, this.textChannels, session.phone, refusals))) return step.endDialog();
    const cards = await this.pinPuk.show(session.citizenId, this.guard.actor(step.context, session));
    if (cards.length === 0) {
      await say(step.context, 'pinPuk.none');
      return step.endDialog();
    }
    const shown = cards.filter((card) => card.state === 'stored').map((card) => card.serial);
    // Teams gets a card: its facts keep their lines on every client, and no value shows in a notification's preview.
    const { cardStyle } = turnInfo(step.context).profile;
    const rendered = cardStyle === 'teams-card' ? this.renderCard(step, cards) : MessageFactory.text(this.render(step, cards));
    // Where the channel can replace it, the message with the values is hidden after 60 s or at the next choice.
    const messageId =
      shown.length > 0 ? await this.secretMessages.send(step.context, rendered, text(step.context, 'pinPuk.hidden')) : undefined;
    if (shown.length === 0) {
      await step.context.sendActivity(rendered);
      return step.endDialog();
    }
    Object.assign(step.values as Values, { shown, messageId });
    return step.prompt(
      ACTION_CHOICE,
      ask({ prompt: 'pinPuk.prompt', help: 'pinPuk.help', choices: ['pinPuk.choice.save', 'pinPuk.choice.delete', 'pinPuk.choice.back'] }),
    );
  }

  /** Kaydet asks whether they are written down; Sil repeats the warning and asks for a yes. */
  private async confirm(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as Values;
    values.action = step.result as Action;
    if (values.messageId) await this.secretMessages.hide(step.context, values.messageId, text(step.context, 'pinPuk.hidden'));
    if (values.action === Action.Save) {
      return step.prompt(CONFIRM, ask({ prompt: 'pinPuk.saveConfirm', help: 'pinPuk.saveHelp' }));
    }
    if (values.action === Action.Delete) {
      const prompt = values.shown.length > 1 ? 'pinPuk.deleteConfirmMany' : 'pinPuk.deleteConfirm';
      return step.prompt(CONFIRM, ask({ prompt, params: { cards: values.shown.join(', ') }, help: 'pinPuk.deleteHelp' }));
    }
    return step.endDialog();
  }

  /** Only an explicit yes deletes; the session must still be alive to do it. */
  private async act(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { action, shown } = step.values as Values;
    const yes = step.result === true;
    const session = await this.guard.active(step.context);
    if (!session) return step.endDialog();
    if (action === Action.Save) {
      if (yes) await this.pinPuk.saved(shown, this.guard.actor(step.context, session));
      // The values left the screen at the choice, for a "hayır" as for a yes: the way back to them is said.
      const notSaved = (step.values as Values).messageId ? 'pinPuk.notSavedHidden' : 'pinPuk.notSaved';
      await say(step.context, yes ? 'pinPuk.saved' : notSaved);
      return step.endDialog();
    }
    if (!yes) {
      await say(step.context, 'pinPuk.notDeleted');
      return step.endDialog();
    }
    await this.pinPuk.destroy(session.citizenId, shown, this.guard.actor(step.context, session));
    await say(step.context, 'pinPuk.deleted');
    return step.endDialog();
  }

  private render(step: WaterfallStepContext, cards: CardPinPuk[]): string {
    const blocks = cards.map((card) => {
      if (card.state === 'deleted') return text(step.context, 'pinPuk.deletedCard', { serial: card.serial });
      const values = text(step.context, 'pinPuk.card', { serial: card.serial, pin: card.values.pin, puk: card.values.puk });
      return card.offlineChanged ? `${values}\n${text(step.context, 'pinPuk.offlineChanged')}` : values;
    });
    const notes = this.notes(step, cards);
    // Where only text arrives (a phone), the values come first and the notes shrink to one line.
    if (!turnInfo(step.context).profile.rich) return [...blocks, ...notes].join('\n\n');
    return [text(step.context, 'pinPuk.title'), ...notes, ...blocks].join('\n\n');
  }

  /** Kamu SM's four notes are about values that can still be deleted: with every card's deleted, they are left out. */
  private notes(step: WaterfallStepContext, cards: CardPinPuk[]): string[] {
    return cards.some((card) => card.state === 'stored') ? [text(step.context, 'pinPuk.notes')] : [];
  }

  /** The same content as an Adaptive Card: each card's "label: value" lines as facts. */
  private renderCard(step: WaterfallStepContext, cards: CardPinPuk[]): Partial<Activity> {
    const paragraph = (line: string, more: object = {}) => ({ type: 'TextBlock', text: line, wrap: true, ...more });
    const title = text(step.context, 'pinPuk.title');
    const body: object[] = [paragraph(title, { weight: 'Bolder', size: 'Medium' })];
    const notes = this.notes(step, cards).flatMap((note) => note.split('\n'));
    body.push(...notes.map((line) => paragraph(line, { size: 'Small', spacing: 'Small' })));
    for (const card of cards) {
      if (card.state === 'deleted') {
        body.push(paragraph(text(step.context, 'pinPuk.deletedCard', { serial: card.serial }), { separator: true }));
        continue;
      }
      const facts = text(step.context, 'pinPuk.card', { serial: card.serial, pin: card.values.pin, puk: card.values.puk })
        .split('\n')
        .map((line) => ({ title: line.slice(0, line.indexOf(': ')), value: line.slice(line.indexOf(': ') + 2) }));
      body.push({ type: 'FactSet', facts, separator: true });
      if (card.offlineChanged) body.push(paragraph(text(step.context, 'pinPuk.offlineChanged'), { color: 'Attention' }));
    }
    return { type: 'message', summary: title, attachments: [adaptiveCard(body)] };
  }
}
