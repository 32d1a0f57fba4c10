import type { TurnContext } from 'botbuilder';
import { WaterfallDialog, type DialogInstance, type DialogReason, type WaterfallStep } from './dialogRuntime';
import type { NationalIdReferences } from '../domain/nationalIdReferences';

/**
 * A waterfall that keeps a Kimlik No reference in its values (`idRef`) and forgets the ID behind it
 * however it ends: done, given up, paused, cancelled by "iptal" or replaced. Without it, a flow
 * ending anywhere but at its success or block left the full ID in the short-lived store.
 */
export class IdReferenceSteps<O extends object = object> extends WaterfallDialog<O> {
  constructor(
    dialogId: string,
    steps: WaterfallStep<O>[],
    private readonly ids: NationalIdReferences,
  ) {
    super(dialogId, steps);
  }

  override async endDialog(context: TurnContext, instance: DialogInstance, reason: DialogReason): Promise<void> {
    const values = (instance.state as { values?: { idRef?: unknown } } | undefined)?.values;
    if (typeof values?.idRef === 'string') await this.ids.forget(values.idRef);
    await super.endDialog(context, instance, reason);
  }
}
