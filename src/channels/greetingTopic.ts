import type { TurnContext } from 'botbuilder';
import type { OpeningTopic } from '../language/intents/openingTopics';

// Our Direct Line sets the topic on the greeting it builds itself (greet()); the turn's channel
// profile carries it to the main dialog. No activity field is read for it, so a client cannot claim one.
const GREETING_TOPIC = Symbol('greetingTopic');

export function setGreetingTopic(context: TurnContext, topic: OpeningTopic): void {
  context.turnState.set(GREETING_TOPIC, topic);
}

export function greetingTopicOf(context: TurnContext): OpeningTopic | undefined {
  return context.turnState.get<OpeningTopic | undefined>(GREETING_TOPIC);
}
