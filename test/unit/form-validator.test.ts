import { connectorDefinitionOf } from '../../src/connector-kit/connector.decorator';
import { applyOverlay } from '../../src/forms/form-overlay';
import { validateForm } from '../../src/forms/form-validator';
import { visibleFields } from '../../src/forms/form-visibility';
import { SampleSettings } from '../support/sample-connector';

const sample = connectorDefinitionOf(SampleSettings);
const form = { settingsClass: SampleSettings, fields: applyOverlay(sample.fields) };
const VALID = { endpoint: 'https://api.example.com', secret: 's3cr3t' };

describe('visibleFields', () => {
  const names = (values: Record<string, unknown>) => visibleFields(form.fields, values).map((f) => f.name);

  it('uses the default of an empty field', () => {
    expect(names({})).toContain('secret');
    expect(names({ authMethod: 'NONE' })).not.toContain('secret');
  });

  it('cascades: a field shown only while a hidden field is set stays hidden', () => {
    expect(names({ secret: 'x' })).toContain('hint');
    expect(names({ authMethod: 'NONE', secret: 'x' })).not.toContain('hint');
  });
});

describe('validateForm', () => {
  it('accepts valid values, keeping what was submitted and the defaults of empty visible fields', async () => {
    const result = await validateForm(form, { ...VALID, retries: 0 });
    expect(result.errors).toEqual([]);
    expect(result.values).toEqual({ ...VALID, authMethod: 'SECRET', retries: 0 });
  });

  it('reports every problem at once, one per field', async () => {
    const result = await validateForm(form, {
      endpoint: 'ftp://example.com',
      authMethod: 'MAYBE',
      tenant: 'not-a-guid',
      retries: 9,
      headers: [
        { name: 'X-A', value: '1' },
        { name: 'X-B', value: '2' },
        { name: 'X-C', value: '3' },
      ],
      bogus: 1,
    });
    const byField = Object.fromEntries(result.errors.map((e) => [e.field, e.code]));
    expect(byField).toEqual({
      bogus: 'UNKNOWN_FIELD',
      endpoint: 'INVALID_URL',
      authMethod: 'NOT_AN_OPTION',
      tenant: 'PATTERN_MISMATCH',
      retries: 'TOO_LARGE',
      headers: 'TOO_MANY_ITEMS',
    });
    expect(result.errors.find((e) => e.field === 'endpoint')?.message).toBe(
      'Endpoint must be a full URL starting with https://.',
    );
  });

  it('requires what is required, and what a rule requires', async () => {
    const result = await validateForm(form, {});
    expect(result.errors).toEqual([
      { field: 'endpoint', code: 'REQUIRED', message: 'Endpoint is required.' },
      { field: 'secret', code: 'REQUIRED', message: 'Secret is required.' },
    ]);
  });

  it('does not require a field its rule hides, and drops its value', async () => {
    const result = await validateForm(form, { endpoint: 'https://x.example', authMethod: 'NONE', secret: 'x' });
    expect(result.errors).toEqual([]);
    expect(result.values).toEqual({ endpoint: 'https://x.example', authMethod: 'NONE' });
  });

  it('counts a stored locked value as set only when told', async () => {
    const withoutStored = await validateForm(form, { endpoint: 'https://x.example' });
    expect(withoutStored.errors.map((e) => e.field)).toEqual(['secret']);
    const withStored = await validateForm(form, { endpoint: 'https://x.example' }, new Set(['secret']));
    expect(withStored.errors).toEqual([]);
    expect(visibleFields(form.fields, { secret: true }).map((f) => f.name)).toContain('hint');
  });

  it('checks types, so a generic name→value map cannot smuggle objects in', async () => {
    const result = await validateForm(form, { ...VALID, retries: '3', hint: { $gt: '' }, headers: 'X-A: 1' });
    expect(Object.fromEntries(result.errors.map((e) => [e.field, e.code]))).toEqual({
      retries: 'WRONG_TYPE',
      hint: 'WRONG_TYPE',
      headers: 'WRONG_TYPE',
    });
  });

  it('refuses fields an integration does not show', async () => {
    const shown = { settingsClass: SampleSettings, fields: applyOverlay(sample.fields, { audit: { show: true } }) };
    expect((await validateForm(form, { ...VALID, audit: true })).errors).toEqual([
      { field: 'audit', code: 'UNKNOWN_FIELD', message: 'This form has no field "audit".' },
    ]);
    expect((await validateForm(shown, { ...VALID, audit: true })).errors).toEqual([]);
  });
});
