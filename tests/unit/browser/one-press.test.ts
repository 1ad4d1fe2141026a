// Page scripts' buttons: a double press sends one request, the button says it is busy and stays
// focusable meanwhile, and comes back as it was, even when the work fails.
import { describe, expect, it } from 'vitest';
import { onePress } from '../../../src/browser/one-press.ts';

function fakeButton(label: string) {
  const attributes = new Map<string, string>();
  return {
    textContent: label,
    setAttribute: (name: string, value: string) => void attributes.set(name, value),
    removeAttribute: (name: string) => void attributes.delete(name),
    attributes,
  };
}

describe('onePress', () => {
  it('runs the work once for presses made while it runs, then lets the next press through', async () => {
    const button = fakeButton('Check the ballot');
    let runs = 0;
    let finish!: () => void;
    const press = onePress(button as unknown as HTMLButtonElement, 'Checking…', () => {
      runs++;
      return new Promise<void>((resolve) => (finish = resolve));
    });
    press();
    press();
    expect(runs).toBe(1);
    expect(button.textContent).toBe('Checking…');
    expect(button.attributes.get('aria-disabled')).toBe('true');
    finish();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(button.textContent).toBe('Check the ballot');
    expect(button.attributes.has('aria-disabled')).toBe(false);
    press();
    expect(runs).toBe(2);
  });

  it('gives the button back when the work fails', async () => {
    const button = fakeButton('Download');
    const press = onePress(button as unknown as HTMLButtonElement, 'Preparing…', () => Promise.reject(new Error('offline')));
    const unhandled: unknown[] = [];
    const keep = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', keep);
    press();
    await new Promise((resolve) => setTimeout(resolve, 0));
    process.off('unhandledRejection', keep);
    expect(button.textContent).toBe('Download');
    expect(button.attributes.has('aria-disabled')).toBe(false);
  });
});
