import type { FormField } from '../../src/web/form/form-model';
import { prepareSubmission } from '../../src/web/form/form-submission';

/** What the form sends for saved secrets, and what stops it, for each choice the person made. */
const secret = (name: string, required: boolean): FormField =>
  ({ name, label: name, type: 'SECRET', locked: true, required, validation: {}, options: [] }) as unknown as FormField;
const fields = [secret('token', true), secret('backupToken', false)];
const view = { visible: new Set(['token', 'backupToken']), required: new Set(['token']) };
const saved = new Set(['token', 'backupToken']);

describe('prepareSubmission and saved secrets', () => {
  it('asks for every saved secret to be typed again for a test, even one opened for replacing and left empty', () => {
    const result = prepareSubmission('test', fields, view, {}, saved, { backupToken: 'replace' });
    expect([...result.problems.keys()]).toEqual(['token', 'backupToken']);
    expect(result.toReenter).toEqual(['token']);
    expect(result.values).toEqual({});
  });

  it('sends a secret typed again, for a test or a save', () => {
    const raw = { token: 'new', backupToken: 'other' };
    const modes = { token: 'replace', backupToken: 'replace' } as const;
    expect(prepareSubmission('test', fields, view, raw, saved, modes).values).toEqual(raw);
    expect(prepareSubmission('save', fields, view, raw, saved, modes).values).toEqual(raw);
  });

  it('on save keeps what is kept, clears an optional one, and refuses to clear a required one', () => {
    const result = prepareSubmission('save', fields, view, {}, saved, { token: 'clear', backupToken: 'clear' });
    expect(result.clearLockedFields).toEqual(['backupToken']);
    expect(result.problems.get('token')).toBe('token is required: replace it instead of clearing it.');
    expect(prepareSubmission('save', fields, view, {}, saved, {}).problems.size).toBe(0);
  });
});
