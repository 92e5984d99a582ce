/**
 * The whole answer loop without vscode: the webview's model, the host's panel session and the store on a real
 * file, joined by a transport that clones every message (as `postMessage` does) and delivers it only when the
 * test says, so races can be staged. It counts what one click costs.
 */
import { evidenceSchema } from '../../../src/core/assessment/schema';
import { scoreSchema } from '../../../src/core/framework/schema';
import type { Score } from '../../../src/core/framework/schema';
import { hostMessageSchema, webviewMessageSchema } from '../../../src/core/protocol';
import type { GitView, HostMessage, PanelState, WebviewMessage } from '../../../src/core/protocol';
import type { AssessmentScore } from '../../../src/core/scoring/score';
import { PanelSession } from '../../../src/panel/panelSession';
import type { AssessmentModel } from '../../../src/store/assessmentModel';
import { answerOf, chooseScore } from '../../../webview/answers';
import { PanelModel } from '../../../webview/state';

export interface Counts {
  /** Messages the webview posted to the host. */
  toHost: number;
  /** Messages the host posted to the webview, and their size as JSON. */
  toWebview: number;
  bytesToWebview: number;
  /** States the store published (each goes to every listener: panel, status bar). */
  storeEvents: number;
  /** Times the webview drew the panel. */
  renders: number;
  /** Times a score was computed (the host's panel computes none; the webview once per new set of answers). */
  scorings: number;
  /** zod validations: messages at both ends, and the store's check of the patch. */
  validations: number;
}

const zero = (): Counts => ({
  toHost: 0,
  toWebview: 0,
  bytesToWebview: 0,
  storeEvents: 0,
  renders: 0,
  scorings: 0,
  validations: 0,
});

type Parser = { safeParse: (data: unknown) => unknown };
const COUNTED: Parser[] = [webviewMessageSchema, hostMessageSchema, scoreSchema, evidenceSchema] as Parser[];

export class AnswerLoop {
  counts = zero();
  readonly model: PanelModel;
  /** The state embedded in the page, framework included. */
  readonly page: PanelState;
  readonly session: PanelSession;
  readonly sent: HostMessage[] = [];
  private readonly toHost: string[] = [];
  private readonly toWebview: string[] = [];
  private lastScore: AssessmentScore | undefined;
  readonly problems: string[] = [];

  constructor(
    readonly store: AssessmentModel,
    git: GitView = { kind: 'loading' },
  ) {
    const document = {
      // Read at every use, as the host's document does.
      get state() {
        return store.state;
      },
      setAnswer: store.setAnswer.bind(store),
    };
    this.session = new PanelSession(document, {
      deliver: (message) => {
        const text = JSON.stringify(message);
        this.counts.toWebview++;
        this.counts.bytesToWebview += text.length;
        this.sent.push(message);
        this.toWebview.push(text);
      },
      run: () => Promise.resolve(),
      log: (_level, text) => this.problems.push(text),
      git,
    });
    this.page = this.session.pageState('file:///w/.dora/team.json', '.dora/team.json');
    this.model = new PanelModel(this.page);
    this.model.subscribe(() => this.render());
    this.render();
  }

  /** Called from the store's `onState`, as the host's document event does. */
  storeChanged(): void {
    this.counts.storeEvents++;
    this.session.documentChanged();
  }

  /** What a click on a score radio does in the controller. */
  click(questionId: string, score: Score): void {
    const document = this.model.loaded;
    if (!document) throw new Error('the panel shows no assessment');
    const message = this.model.answer(chooseScore(answerOf(document.assessment, questionId), questionId, score)!);
    if (message) this.post(message);
  }

  post(message: WebviewMessage): void {
    this.counts.toHost++;
    this.toHost.push(JSON.stringify(message));
  }

  /** Delivers what the webview posted so far to the host, in order. */
  async deliverToHost(): Promise<void> {
    for (const text of this.toHost.splice(0)) await this.session.receive(JSON.parse(text));
  }

  /** Delivers what the host posted so far to the webview, in order. */
  deliverToWebview(): void {
    for (const text of this.toWebview.splice(0)) {
      const problem = this.model.receive(JSON.parse(text));
      if (problem) this.problems.push(problem);
    }
  }

  /** Scores shown in the webview, by question. */
  shownScores(): Record<string, number | undefined> {
    const answers = this.model.loaded?.assessment.answers ?? {};
    return Object.fromEntries(Object.entries(answers).map(([id, answer]) => [id, answer.score]));
  }

  /** Counts the zod validations `run` causes, by wrapping the schemas' own `safeParse`. */
  async counting<T>(run: () => Promise<T> | T): Promise<Counts> {
    this.counts = zero();
    const originals = COUNTED.map((schema) => schema.safeParse);
    const own = COUNTED.map((schema) => Object.hasOwn(schema, 'safeParse'));
    COUNTED.forEach((schema, i) => {
      schema.safeParse = (data: unknown) => {
        this.counts.validations++;
        return originals[i]!.call(schema, data);
      };
    });
    try {
      await run();
    } finally {
      COUNTED.forEach((schema, i) => {
        if (own[i]) schema.safeParse = originals[i]!;
        else delete (schema as Partial<Parser>).safeParse;
      });
    }
    return this.counts;
  }

  /** What the controller's render does with the model: it reads the score. */
  private render(): void {
    this.counts.renders++;
    const score = this.model.score;
    if (score !== this.lastScore) this.counts.scorings++;
    this.lastScore = score;
  }
}
