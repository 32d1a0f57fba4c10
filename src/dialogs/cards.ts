import { CardFactory, type Activity, type Attachment } from 'botbuilder';

/** The field of a choice button's submit data that carries the choice (the Teams channel reads it back). */
export const CHOICE_FIELD = 'choice';

/** Teams renders Adaptive Cards up to 1.5 everywhere (desktop, web, mobile). */
const CARD_VERSION = '1.5';

export function adaptiveCard(body: object[], actions: object[] = []): Attachment {
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    body,
    ...(actions.length > 0 ? { actions } : {}),
  });
}

/**
 * A question with its choices as Adaptive Card buttons, one per row so long labels are not cut:
 * Teams shows suggested actions only in some places, a card's buttons everywhere. A button sends
 * its choice as submit data, which the Teams channel turns into the text it stands for.
 */
export function choiceCardMessage(question: string, choices: readonly { title: string; value: string }[]): Partial<Activity> {
  const buttons = choices.map(({ title, value }) => ({
    type: 'ActionSet',
    actions: [{ type: 'Action.Submit', title, data: { [CHOICE_FIELD]: value } }],
  }));
  return { type: 'message', text: question, attachments: [adaptiveCard(buttons)] };
}
