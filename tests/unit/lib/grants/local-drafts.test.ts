import { beforeEach, describe, expect, it } from 'vitest';
import {
  clearDraftsOf,
  clearLocalDraft,
  loadLocalDraft,
  markDraftSent,
  pendingDraftKeys,
  saveLocalDraft,
  setDraftOwner,
} from '../../../../src/lib/grants/local-drafts.ts';
import { describeProblem } from '../../../../src/lib/api-call.ts';

class MemoryStorage implements Storage {
  private data = new Map<string, string>();
  get length() {
    return this.data.size;
  }
  clear() {
    this.data.clear();
  }
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  key(i: number) {
    return [...this.data.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
}

beforeEach(() => {
  (globalThis as { localStorage?: Storage }).localStorage = new MemoryStorage();
  setDraftOwner(undefined);
});

describe('local copies of typed work', () => {
  it('keeps a draft as pending until the server confirms it', () => {
    saveLocalDraft('score:1:7', { scores: { a: 3 } }, true, new Date('2026-11-20T10:00:00Z'));
    expect(loadLocalDraft('score:1:7')).toEqual({ value: { scores: { a: 3 } }, savedAt: '2026-11-20T10:00:00.000Z', pending: true });
    expect(pendingDraftKeys('score:')).toEqual(['score:1:7']);
    markDraftSent('score:1:7');
    expect(loadLocalDraft('score:1:7')?.pending).toBe(false);
    expect(pendingDraftKeys('score:')).toEqual([]);
  });

  it('forgets a draft once the work is submitted', () => {
    saveLocalDraft('score:1:8', 'x');
    clearLocalDraft('score:1:8');
    expect(loadLocalDraft('score:1:8')).toBeUndefined();
  });

  it('ignores a damaged copy rather than failing', () => {
    localStorage.setItem('wt-draft:broken', '{not json');
    expect(loadLocalDraft('broken')).toBeUndefined();
  });
});

describe('drafts on a shared computer', () => {
  it('shows a person only their own drafts', () => {
    setDraftOwner('ann');
    saveLocalDraft('scores:app-1', { a: { score: 3, comment: 'Ann’s view' } });
    setDraftOwner('bob');
    expect(loadLocalDraft('scores:app-1')).toBeUndefined();
    expect(pendingDraftKeys('scores:')).toEqual([]);
    setDraftOwner('ann');
    expect(loadLocalDraft('scores:app-1')?.value).toEqual({ a: { score: 3, comment: 'Ann’s view' } });
  });

  it('keeps the drafts while no one has chosen to sign out (a session that ended)', () => {
    setDraftOwner('ann');
    saveLocalDraft('comment:app-2', { text: 'Typed before the session ended' });
    setDraftOwner(undefined); // signed out by expiry: nothing is cleared
    setDraftOwner('ann'); // signed in again
    expect(loadLocalDraft('comment:app-2')).toMatchObject({ value: { text: 'Typed before the session ended' }, pending: true });
  });

  it('removes the person’s own drafts when they choose to sign out, leaving others’', () => {
    setDraftOwner('ann');
    saveLocalDraft('scores:app-1', 'ann scores');
    saveLocalDraft('recommendation:app-3', 'ann reasons');
    setDraftOwner('bob');
    saveLocalDraft('scores:app-9', 'bob scores');
    localStorage.setItem('wt-draft:old', JSON.stringify({ value: 'no owner', savedAt: '', pending: true }));
    localStorage.setItem('unrelated', 'kept');
    clearDraftsOf('ann');
    expect(localStorage.getItem('wt-draft:scores:app-1')).toBeNull();
    expect(localStorage.getItem('wt-draft:recommendation:app-3')).toBeNull();
    expect(localStorage.getItem('wt-draft:old')).toBeNull();
    expect(loadLocalDraft('scores:app-9')?.value).toBe('bob scores');
    expect(localStorage.getItem('unrelated')).toBe('kept');
  });
});

describe('API problems in plain English', () => {
  it('names a dropped connection as offline and keeps the work', () => {
    expect(describeProblem(0, { message: 'TypeError: Failed to fetch' })).toMatchObject({
      offline: true,
      signedOut: false,
      message: expect.stringContaining('kept on this device'),
    });
  });

  it('names an ended session as signed out', () => {
    expect(describeProblem(401, { message: 'permission denied for function x', code: '42501' })).toMatchObject({
      signedOut: true,
      offline: false,
    });
  });

  it('passes on the database’s own plain message for a refused action', () => {
    expect(describeProblem(409, { message: 'Scoring has closed for this round.', code: 'PT409' })).toMatchObject({
      message: 'Scoring has closed for this round.',
      status: 409,
    });
  });

  it('never shows a raw server error', () => {
    expect(describeProblem(500, { message: 'relation "x" does not exist' }).message).toMatch(/Something went wrong on our side/);
  });
});
