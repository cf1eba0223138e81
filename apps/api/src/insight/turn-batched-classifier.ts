import type { TopicGuess } from '@ogh/nlp-id';

interface Waiting {
  text: string;
  resolve(guess: TopicGuess | null): void;
  reject(err: unknown): void;
}

/**
 * Classifies the texts asked for during one turn of the event loop together,
 * at the end of that turn (setImmediate), instead of each in the middle of
 * its own request. The turn's HTTP work (parsing, validation) is done first
 * and the classifications run as one block. Measured on the submission
 * benchmark, interleaved runs on one build: 5,150 against 4,360 req/s
 * (+18%); a text costs the same ~55 µs either way, so the gain is in how
 * the turn's requests flow on to the submission batcher, not in the model.
 * A worker thread was tried first: it freed the HTTP thread, but its round
 * trip added more latency than it saved.
 */
export class TurnBatchedClassifier {
  private waiting: Waiting[] = [];

  constructor(private readonly classifyNow: (text: string) => TopicGuess | null) {}

  classify(text: string): Promise<TopicGuess | null> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ text, resolve, reject });
      if (this.waiting.length === 1) setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const batch = this.waiting;
    this.waiting = [];
    for (const w of batch) {
      try {
        w.resolve(this.classifyNow(w.text));
      } catch (err) {
        w.reject(err);
      }
    }
  }
}
