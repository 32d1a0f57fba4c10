import type { Activity, Attachment, CardAction } from 'botbuilder';

/** What a text-only channel can send of an activity, and what it had to leave out. */
export type PlainText = { text: string; dropped: string[] };

/**
 * An outgoing activity as plain text: the dialogs already write text-only channels in plain text,
 * so this is a safety net for what slips through. Suggested actions become numbered lines, cards
 * their texts and buttons; pictures and anything else without text are left out (and reported).
 */
export function renderPlainText(activity: Partial<Activity>): PlainText {
  const blocks: string[] = [];
  const dropped: string[] = [];
  const body = typeof activity.text === 'string' ? activity.text.trim() : '';
  if (body) blocks.push(body);

  for (const attachment of activity.attachments ?? []) {
    const text = attachmentText(attachment).filter((line) => line !== '' && !body.includes(line));
    if (text.length > 0) blocks.push(text.join('\n'));
    else dropped.push(attachment.contentType ?? 'unknown');
  }

  const actions = activity.suggestedActions?.actions ?? [];
  const labels = actions.map(actionLabel).filter((label) => label !== '');
  // renderChoices already writes "1) Onay" lines on text-only channels; do not list them twice.
  if (labels.length > 0 && !labels.every((label, index) => body.includes(`${index + 1}) ${label}`))) {
    blocks.push(labels.map((label, index) => `${index + 1}) ${label}`).join('\n'));
  }
  return { text: blocks.join('\n'), dropped };
}

/** The label of a button, without the "1. " a rich channel's button title carries. */
function actionLabel(action: CardAction): string {
  const label = typeof action.value === 'string' && action.value.trim() !== '' ? action.value : (action.title ?? '');
  return label.replace(/^\s*\d+[.)]\s*/, '').trim();
}

function attachmentText(attachment: Attachment): string[] {
  const content = attachment.content as Record<string, unknown> | undefined;
  if (!content || typeof content !== 'object') return [];
  if (attachment.contentType === 'application/vnd.microsoft.card.adaptive') return adaptiveCardText(content);
  if (attachment.contentType?.startsWith('application/vnd.microsoft.card.')) {
    // Hero, thumbnail and sign-in cards: title, subtitle, text, then the buttons.
    const lines = ['title', 'subtitle', 'text']
      .map((field) => content[field])
      .filter((value): value is string => typeof value === 'string');
    const buttons = Array.isArray(content['buttons']) ? (content['buttons'] as CardAction[]).map(actionLabel) : [];
    return [...lines, ...buttons.map((label, index) => `${index + 1}) ${label}`)].map((line) => line.trim());
  }
  return [];
}

/** The TextBlocks of an Adaptive Card, in order; its inputs are answered by typing, its submit needs no text. */
function adaptiveCardText(element: unknown): string[] {
  if (Array.isArray(element)) return element.flatMap(adaptiveCardText);
  if (!element || typeof element !== 'object') return [];
  const node = element as Record<string, unknown>;
  const own = node['type'] === 'TextBlock' && typeof node['text'] === 'string' ? [node['text'].trim()] : [];
  return [...own, ...['body', 'items', 'columns'].flatMap((field) => adaptiveCardText(node[field]))];
}
