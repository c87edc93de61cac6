import { Catalogue, CatalogueError } from '../../src/catalogue/catalogue';
import { catalogueProblems } from '../../src/catalogue/catalogue.validation';
import { connectorDefinitionOf } from '../../src/connector-kit/connector.decorator';
import type { ConnectorDefinition } from '../../src/connector-kit/connector.definition';
import { applyOverlay } from '../../src/forms/form-overlay';
import type { IntegrationDefinition } from '../../src/integrations/integration.definition';
import { SampleSettings } from '../support/sample-connector';

const sample = connectorDefinitionOf(SampleSettings);
const names = (fields: { name: string }[]) => fields.map((f) => f.name);

describe('applyOverlay', () => {
  it("leaves opt-in fields out of the connector's own form", () => {
    expect(names(applyOverlay(sample.fields))).not.toContain('audit');
  });

  it('shows, hides, requires, re-defaults, re-explains and narrows', () => {
    const fields = applyOverlay(sample.fields, {
      audit: { show: true },
      tenant: { hide: true },
      retries: { require: true, defaultValue: 2, helpText: 'Ours.' },
      authMethod: { onlyOptions: ['NONE'] },
    });
    expect(names(fields)).toContain('audit');
    expect(names(fields)).not.toContain('tenant');
    expect(fields.find((f) => f.name === 'retries')).toMatchObject({
      required: true,
      defaultValue: 2,
      helpText: 'Ours.',
    });
    expect(fields.find((f) => f.name === 'authMethod')?.options).toEqual([{ value: 'NONE', label: 'None' }]);
  });

  it("never changes the connector's own definition", () => {
    applyOverlay(sample.fields, { retries: { require: true } });
    expect(sample.fields.find((f) => f.name === 'retries')?.required).toBe(false);
  });
});

describe('catalogue checks', () => {
  const integration = (connectors: IntegrationDefinition['connectors']): IntegrationDefinition => ({
    key: 'test-integration',
    name: 'Test',
    description: 'Test',
    connectors,
  });

  it('accepts a sound catalogue', () => {
    expect(catalogueProblems([sample], [integration({ sample: { audit: { show: true } } })])).toEqual([]);
  });

  it.each<[string, IntegrationDefinition['connectors'], string]>([
    ['an unknown connector', { nope: {} }, 'unknown connector "nope"'],
    ['an unknown field', { sample: { nope: { hide: true } } }, 'sample has no such field'],
    ['showing a field that is not opt-in', { sample: { tenant: { show: true } } }, 'not opt-in'],
    ['hiding and requiring', { sample: { tenant: { hide: true, require: true } } }, 'both hides and'],
    ['unknown options', { sample: { authMethod: { onlyOptions: ['X'] } } }, 'keeps unknown options X'],
  ])('refuses an overlay with %s', (_name, connectors, problem) => {
    expect(catalogueProblems([sample], [integration(connectors)]).join('\n')).toContain(problem);
  });

  const broken = (change: (fields: ConnectorDefinition['fields']) => ConnectorDefinition['fields']) => ({
    ...sample,
    fields: change(sample.fields.map((f) => ({ ...f }))),
  });

  it.each<[string, ConnectorDefinition, string]>([
    [
      'a rule on a missing field',
      broken((fields) =>
        fields.map((f) => (f.name === 'secret' ? { ...f, visibleWhen: { field: 'gone', isSet: true } } : f)),
      ),
      'refers to "gone"',
    ],
    [
      'a rule on itself',
      broken((fields) =>
        fields.map((f) => (f.name === 'secret' ? { ...f, requiredWhen: { field: 'secret', isSet: true } } : f)),
      ),
      'refers to the field itself',
    ],
    [
      'an unlocked secret',
      broken((fields) => fields.map((f) => (f.name === 'secret' ? { ...f, locked: false } : f))),
      'looks like a secret',
    ],
    [
      'a default outside the options',
      broken((fields) => fields.map((f) => (f.name === 'authMethod' ? { ...f, defaultValue: 'X' } : f))),
      'default that is not one of its options',
    ],
    ['no General field', broken((fields) => fields.filter((f) => f.section !== 'GENERAL')), 'has no General field'],
    [
      'a test without steps',
      { ...sample, connectionTest: { ...sample.connectionTest, steps: [], timeoutMs: 1000 } },
      'no steps',
    ],
  ])('refuses a connector with %s', (_name, connector, problem) => {
    expect(catalogueProblems([connector], []).join('\n')).toContain(problem);
  });

  it('refuses duplicate keys, and the Catalogue will not start with problems', () => {
    expect(catalogueProblems([sample, sample], [])).toContain('connector key "sample" is used twice');
    expect(() => new Catalogue([sample, sample], [])).toThrow(CatalogueError);
  });
});
