import { defaultCatalogue } from '../../src/catalogue/default-catalogue';
import type { FormFieldDefinition } from '../../src/forms/form-field.definition';
import { validateForm } from '../../src/forms/form-validator';
import { visibleFields } from '../../src/forms/form-visibility';
import { checkField } from '../../src/web/form/field-checks';
import type { FormField } from '../../src/web/form/form-model';
import { toRaw } from '../../src/web/form/form-model';

/**
 * The web client checks the published limits before sending; the server checks them again.
 * If the two disagreed, the client would either send what the server refuses (a round trip
 * for nothing) or refuse what the server accepts (a form no one can save). So, over every
 * field of every connector: values at and across each limit, and the client finds a problem
 * exactly when the server does.
 */
const catalogue = defaultCatalogue();

/** Values at the edges of a field's published limits, and a few of the wrong shape. */
function probes(field: FormFieldDefinition): unknown[] {
  const limits = field.validation;
  const values: unknown[] = [];
  switch (field.type) {
    case 'INTEGER':
    case 'NUMBER':
      values.push(0, 1, 1.5, -1, 65535, 65536, 1e9);
      if (limits.min !== undefined) values.push(limits.min, limits.min - 1);
      if (limits.max !== undefined) values.push(limits.max, limits.max + 1);
      break;
    case 'URL':
      values.push(
        'https://api.example.com/v1',
        'http://10.0.0.5:8080',
        'ftp://files.example.com',
        'example.com',
        'https://',
        'ldaps://dc1.corp.example',
        'not a url',
      );
      break;
    case 'EMAIL':
      values.push('svc@corp.example', 'svc@localhost', 'not-an-address', 'a@b', 'Svc Account <svc@corp.example>');
      break;
    case 'TEXT':
    case 'TEXTAREA':
    case 'HOSTNAME':
    case 'SECRET':
    case 'CERTIFICATE':
    case 'PRIVATE_KEY':
      values.push(
        'x',
        'dc1.corp.example',
        '10.0.0.5',
        'has space',
        'CN=svc,DC=corp,DC=example',
        '00000000-0000-0000-0000-000000000000',
      );
      if (limits.maxLength !== undefined) values.push('a'.repeat(limits.maxLength), 'a'.repeat(limits.maxLength + 1));
      if (limits.minLength !== undefined)
        values.push('a'.repeat(Math.max(1, limits.minLength - 1)), 'a'.repeat(limits.minLength));
      break;
    case 'SELECT':
      values.push(...field.options.map((option) => option.value));
      break;
    case 'JSON':
      values.push({ a: 1 }, {});
      break;
    case 'KEY_VALUE_LIST':
      values.push([{ name: 'X-Tenant', value: '1' }], [{ name: ' ', value: 'v' }]);
      if (limits.maxItems !== undefined)
        values.push(Array.from({ length: limits.maxItems + 1 }, (_, i) => ({ name: `H${i}`, value: 'v' })));
      break;
    case 'MULTISELECT':
      values.push(field.options.slice(0, 1).map((option) => option.value));
      break;
  }
  return values;
}

const cases = catalogue.connectors().flatMap((connector) => {
  const form = catalogue.form(connector.key);
  if (!form.found) return [];
  // Fields visible with the defaults: hidden ones are dropped by the server, not checked.
  return visibleFields(form.form.fields, {})
    .filter((field) => field.type !== 'RELAY')
    .map(
      (field) =>
        [
          `${connector.key}.${field.name}`,
          { settingsClass: connector.settingsClass, fields: form.form.fields },
          field,
        ] as const,
    );
});

describe('client-side checks agree with the server', () => {
  it('covers many fields', () => {
    expect(cases.length).toBeGreaterThan(60);
  });

  it.each(cases)('%s', async (_name, form, field) => {
    const disagreements: string[] = [];
    for (const value of probes(field)) {
      const server = (await validateForm(form, { [field.name]: value })).errors.find((e) => e.field === field.name);
      const client = checkField(field as unknown as FormField, toRaw(field as unknown as FormField, value), false);
      if (Boolean(server) !== Boolean(client))
        disagreements.push(
          `${JSON.stringify(value)}: server ${server?.message ?? 'accepts'}; client ${client ?? 'accepts'}`,
        );
    }
    expect(disagreements).toEqual([]);
  });
});
