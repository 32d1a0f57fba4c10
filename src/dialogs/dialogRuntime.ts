/**
 * Our waterfall runtime: the part of botbuilder-dialogs the dialogs use (dialog sets, component
 * dialogs, waterfalls, prompts), with the same names, the same order of calls and the same stored
 * state, so a conversation saved by the library's runtime goes on under this one.
 *
 * Why not the library: in the profile of the opening steps it was 15 % of the server's time (more
 * than our own code). Every dialog context it built carried a service container and a memory-scope
 * manager that wrote the activity into turn memory; every waterfall start drew a UUID for telemetry;
 * each level of a component announced events (activity received, reprompt, version changed) that
 * no dialog of ours listens to; and every call went through down-compiled async helpers. None of
 * that is here. What is kept is the dialog stack as botbuilder-dialogs stores it:
 * `{ dialogStack: [{ id, state }] }`, a component's inner stack in `state.dialogs`, a waterfall's
 * `options`, `values` and `stepIndex` in its own `state` (waitsAtSecretPrompt reads that shape).
 */
import { ActivityTypes, type StatePropertyAccessor, type TurnContext } from 'botbuilder';

export const DialogTurnStatus = {
  /** No dialog was on the stack. */
  empty: 'empty',
  /** A dialog waits for the next message. */
  waiting: 'waiting',
  /** The last dialog on the stack ended (its result is the turn's). */
  complete: 'complete',
  /** The stack was cancelled. */
  cancelled: 'cancelled',
} as const;
export type DialogTurnStatus = (typeof DialogTurnStatus)[keyof typeof DialogTurnStatus];

export type DialogReason = 'beginCalled' | 'continueCalled' | 'endCalled' | 'replaceCalled' | 'cancelCalled' | 'nextCalled';

export type DialogTurnResult<T = unknown> = { status: DialogTurnStatus; result?: T };

/** One dialog on a stack, as stored with the conversation. */
export type DialogInstance<T = unknown> = { id: string; state: T };

/** A stack, as stored: the active dialog is the last. */
export type DialogState = { dialogStack: DialogInstance[] };

/** What a prompt is begun with: our questions travel in `validations` (see prompts.ts's ask); `choices` are labels. */
export type PromptOptions = { validations?: unknown; choices?: readonly string[] };

export type PromptRecognizerResult<T> = { succeeded: boolean; value?: T };

const END_OF_TURN: DialogTurnResult = Object.freeze({ status: DialogTurnStatus.waiting });

export abstract class Dialog<O extends object = object> {
  /** What a dialog returns when it waits for the next message. */
  static readonly EndOfTurn = END_OF_TURN;

  constructor(readonly id: string) {}

  /** Starts the dialog, whose instance the context has just pushed (dc.activeDialog). */
  abstract beginDialog(dc: DialogContext, options?: O): Promise<DialogTurnResult>;

  /** A message (or another activity) came while it was the active dialog. */
  abstract continueDialog(dc: DialogContext): Promise<DialogTurnResult>;

  /** A dialog it began has ended with `result`. */
  abstract resumeDialog(dc: DialogContext, reason: DialogReason, result?: unknown): Promise<DialogTurnResult>;

  /** Asks its question again (after "yardım", a language switch, a paused conversation). */
  async repromptDialog(_context: TurnContext, _instance: DialogInstance): Promise<void> {}

  /** It is taken off the stack: ended, replaced or cancelled. */
  async endDialog(_context: TurnContext, _instance: DialogInstance, _reason: DialogReason): Promise<void> {}
}

/** Dialogs by id; the root set also knows where the conversation keeps its stack. */
export class DialogSet {
  private readonly dialogs = new Map<string, Dialog>();

  constructor(private readonly dialogState?: StatePropertyAccessor<DialogState>) {}

  add(dialog: Dialog): this {
    const known = this.dialogs.get(dialog.id);
    if (known && known !== dialog) throw new Error(`Two dialogs have the id '${dialog.id}' in one set.`);
    this.dialogs.set(dialog.id, dialog);
    return this;
  }

  find(dialogId: string): Dialog | undefined {
    return this.dialogs.get(dialogId);
  }

  /** The turn's context over the conversation's stored stack. */
  async createContext(context: TurnContext): Promise<DialogContext> {
    if (!this.dialogState) throw new Error('This dialog set is not bound to a conversation state property.');
    const state = await this.dialogState.get(context, { dialogStack: [] });
    return new DialogContext(this, context, state);
  }
}

/** One stack in one turn: the root's, or a component's inner one (whose parent is the outer). */
export class DialogContext {
  readonly stack: DialogInstance[];

  constructor(
    readonly dialogs: DialogSet,
    readonly context: TurnContext,
    state: DialogState,
    readonly parent?: DialogContext,
  ) {
    if (!Array.isArray(state.dialogStack)) state.dialogStack = [];
    this.stack = state.dialogStack;
  }

  get activeDialog(): DialogInstance | undefined {
    return this.stack.at(-1);
  }

  /** The inner stack's context when the active dialog is a component. */
  get child(): DialogContext | undefined {
    const instance = this.activeDialog;
    const dialog = instance && this.findDialog(instance.id);
    return dialog instanceof ComponentDialog ? dialog.createChildContext(this) : undefined;
  }

  /** A dialog of this stack's set, else of an outer one's. */
  findDialog(dialogId: string): Dialog | undefined {
    return this.dialogs.find(dialogId) ?? this.parent?.findDialog(dialogId);
  }

  async beginDialog(dialogId: string, options?: object): Promise<DialogTurnResult> {
    const dialog = this.findDialog(dialogId);
    if (!dialog) throw new Error(`No dialog has the id '${dialogId}'.`);
    this.stack.push({ id: dialogId, state: {} });
    return dialog.beginDialog(this, options);
  }

  /** Begins a prompt (which keeps a copy of its options in its state). */
  prompt(dialogId: string, options: PromptOptions): Promise<DialogTurnResult> {
    return this.beginDialog(dialogId, options);
  }

  async continueDialog(): Promise<DialogTurnResult> {
    const instance = this.activeDialog;
    if (!instance) return { status: DialogTurnStatus.empty };
    return this.dialogOn(instance).continueDialog(this);
  }

  /** Ends the active dialog and hands its result to the one under it; the turn's result when none is. */
  async endDialog(result?: unknown): Promise<DialogTurnResult> {
    await this.endActiveDialog('endCalled');
    const instance = this.activeDialog;
    if (!instance) return { status: DialogTurnStatus.complete, result };
    return this.dialogOn(instance).resumeDialog(this, 'endCalled', result);
  }

  async replaceDialog(dialogId: string, options?: object): Promise<DialogTurnResult> {
    await this.endActiveDialog('replaceCalled');
    return this.beginDialog(dialogId, options);
  }

  /**
   * Cancels every dialog on this stack, the active one first (a component cancels its own stack
   * too), and with `cancelParents` every outer stack after it, out to the conversation's. Empty
   * when there was nothing to cancel at all: a root stack with no dialog on it.
   */
  async cancelAllDialogs(cancelParents = false): Promise<DialogTurnResult> {
    if (this.stack.length === 0 && !this.parent) return { status: DialogTurnStatus.empty };
    while (this.stack.length > 0) await this.endActiveDialog('cancelCalled');
    if (cancelParents && this.parent) await this.parent.cancelAllDialogs(true);
    return { status: DialogTurnStatus.cancelled };
  }

  async repromptDialog(): Promise<void> {
    const instance = this.activeDialog;
    if (instance) await this.dialogOn(instance).repromptDialog(this.context, instance);
  }

  private async endActiveDialog(reason: DialogReason): Promise<void> {
    const instance = this.activeDialog;
    if (!instance) return;
    await this.findDialog(instance.id)?.endDialog(this.context, instance, reason);
    this.stack.pop();
  }

  private dialogOn(instance: DialogInstance): Dialog {
    const dialog = this.findDialog(instance.id);
    // A stored conversation can name a dialog a newer release no longer has.
    if (!dialog) throw new Error(`The stack names a dialog that does not exist: '${instance.id}'.`);
    return dialog;
  }
}

/** A dialog made of dialogs: its own set, and its own stack inside its instance's state. */
export abstract class ComponentDialog<O extends object = object> extends Dialog<O> {
  protected readonly dialogs = new DialogSet();
  /** The dialog it begins with: the first added, unless set. */
  initialDialogId!: string;

  addDialog(dialog: Dialog): this {
    this.dialogs.add(dialog);
    this.initialDialogId ??= dialog.id;
    return this;
  }

  override async beginDialog(outerDc: DialogContext, options?: O): Promise<DialogTurnResult> {
    const result = await this.createChildContext(outerDc).beginDialog(this.initialDialogId, options);
    if (result.status === DialogTurnStatus.waiting) return Dialog.EndOfTurn;
    const ended = await outerDc.endDialog(result.result);
    return result.status === DialogTurnStatus.cancelled ? { status: DialogTurnStatus.cancelled, result: result.result } : ended;
  }

  override async continueDialog(outerDc: DialogContext): Promise<DialogTurnResult> {
    const result = await this.onContinueDialog(this.createChildContext(outerDc));
    if (result.status === DialogTurnStatus.waiting) return Dialog.EndOfTurn;
    return outerDc.endDialog(result.result);
  }

  /** A dialog begun over the component (from outside) has ended: its current question again. */
  override async resumeDialog(outerDc: DialogContext): Promise<DialogTurnResult> {
    await this.repromptDialog(outerDc.context, outerDc.activeDialog!);
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    await this.innerContext(context, instance).repromptDialog();
  }

  override async endDialog(context: TurnContext, instance: DialogInstance, reason: DialogReason): Promise<void> {
    if (reason === 'cancelCalled') await this.innerContext(context, instance).cancelAllDialogs();
  }

  /** The inner stack's context, under the outer context whose active dialog is this component. */
  createChildContext(outerDc: DialogContext): DialogContext {
    return this.innerContext(outerDc.context, outerDc.activeDialog!, outerDc);
  }

  /** Continues the inner stack; InterruptibleDialog answers the global commands here first. */
  protected onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    return innerDc.continueDialog();
  }

  private innerContext(context: TurnContext, instance: DialogInstance, outerDc?: DialogContext): DialogContext {
    const state = instance.state as { dialogs?: DialogState };
    state.dialogs ??= { dialogStack: [] };
    return new DialogContext(this.dialogs, context, state.dialogs, outerDc);
  }
}

export type WaterfallStep<O extends object = object> = (step: WaterfallStepContext<O>) => Promise<DialogTurnResult>;

/** What a waterfall keeps in its instance's state. */
type WaterfallState = { options: object; values: object; stepIndex: number };

/** A step's view of the waterfall's stack: the step's input, what the waterfall keeps, and `next`. */
export class WaterfallStepContext<O extends object = object> extends DialogContext {
  private nextCalled = false;

  constructor(
    dc: DialogContext,
    /** The step's place in the waterfall, from 0. */
    readonly index: number,
    /** What the waterfall was begun with. */
    readonly options: O,
    readonly reason: DialogReason,
    /** The previous step's answer: what the dialog it began ended with, the message's text, or next's argument. */
    readonly result: unknown,
    /** What the steps keep for the later ones. */
    readonly values: object,
    private readonly onNext: (result: unknown) => Promise<DialogTurnResult>,
  ) {
    super(dc.dialogs, dc.context, { dialogStack: dc.stack }, dc.parent);
  }

  /** Goes on to the next step now, with `result` as its answer. */
  next(result?: unknown): Promise<DialogTurnResult> {
    if (this.nextCalled) throw new Error(`next() was called twice in step ${this.index} of a waterfall.`);
    this.nextCalled = true;
    return this.onNext(result);
  }
}

/** Steps run one after the other; a step that waits resumes the next one with the answer. */
export class WaterfallDialog<O extends object = object> extends Dialog<O> {
  private readonly steps: WaterfallStep<O>[];

  constructor(dialogId: string, steps: WaterfallStep<O>[]) {
    super(dialogId);
    this.steps = [...steps];
  }

  override beginDialog(dc: DialogContext, options?: O): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as WaterfallState;
    state.options = options ?? {};
    state.values = {};
    return this.runStep(dc, 0, 'beginCalled', undefined);
  }

  /** A message answers the step that waits; other activities leave it waiting. */
  override continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.context.activity.type !== ActivityTypes.Message) return Promise.resolve(Dialog.EndOfTurn);
    return this.resumeDialog(dc, 'continueCalled', dc.context.activity.text);
  }

  override resumeDialog(dc: DialogContext, reason: DialogReason, result?: unknown): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as WaterfallState;
    return this.runStep(dc, state.stepIndex + 1, reason, result);
  }

  private async runStep(dc: DialogContext, index: number, reason: DialogReason, result: unknown): Promise<DialogTurnResult> {
    if (index >= this.steps.length) return dc.endDialog(result);
    const state = dc.activeDialog!.state as WaterfallState;
    state.stepIndex = index;
    const step = new WaterfallStepContext<O>(dc, index, state.options as O, reason, result, state.values, (next) =>
      this.resumeDialog(dc, 'nextCalled', next),
    );
    return this.steps[index]!(step);
  }
}

/** What a prompt keeps on the dialog stack: how it was asked, and its own state between turns. */
type PromptInstanceState = { options: PromptOptions; state: object };

/**
 * A question: asks on its start, reads each message (only messages) with `onRecognize`, ends with
 * the value it recognized or asks again (unless the turn already answered), and asks again when
 * resumed or reprompted. Unlike botbuilder-dialogs' Prompt, it reads an answer once: the library
 * also read it when the turn was announced, which asked the intent model twice and deleted a
 * secret typed into our web chat from the page twice. It has no validator and no choice helpers.
 */
export abstract class Prompt<T> extends Dialog<PromptOptions> {
  protected abstract onPrompt(context: TurnContext, state: object, options: PromptOptions, isRetry: boolean): Promise<void>;

  protected abstract onRecognize(context: TurnContext, state: object, options: PromptOptions): Promise<PromptRecognizerResult<T>>;

  override async beginDialog(dc: DialogContext, options?: PromptOptions): Promise<DialogTurnResult> {
    const instance = dc.activeDialog!.state as PromptInstanceState;
    instance.options = { ...options };
    instance.state = {};
    await this.onPrompt(dc.context, instance.state, instance.options, false);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.context.activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
    const instance = dc.activeDialog!.state as PromptInstanceState;
    const recognized = await this.onRecognize(dc.context, instance.state, instance.options);
    if (recognized.succeeded) return dc.endDialog(recognized.value);
    if (!dc.context.responded) await this.onPrompt(dc.context, instance.state, instance.options, true);
    return Dialog.EndOfTurn;
  }

  /** Another dialog pushed over the prompt has ended: the question is asked again. */
  override async resumeDialog(dc: DialogContext): Promise<DialogTurnResult> {
    await this.repromptDialog(dc.context, dc.activeDialog!);
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const prompt = instance.state as PromptInstanceState;
    await this.onPrompt(context, prompt.state, prompt.options, false);
  }
}
