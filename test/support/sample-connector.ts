import { Connector } from '../../src/connector-kit/connector.decorator';
import { TestStepKind } from '../../src/connector-kit/test-step';
import { FieldFormat, FormFieldType, FormSectionKind } from '../../src/forms/form.enums';
import { FormField } from '../../src/forms/form-field.decorator';

const USES_SECRET = { field: 'authMethod', equals: 'SECRET' };

/** A small connector that exercises every kind of declaration the machinery supports. */
@Connector({
  key: 'sample',
  name: 'Sample',
  description: 'A connector for testing the form machinery.',
  category: 'http',
  version: 3,
  connectionTest: { steps: [TestStepKind.CONNECT], timeoutMs: 5000, run: async () => {} },
})
export class SampleSettings {
  @FormField({
    label: 'Endpoint',
    section: FormSectionKind.GENERAL,
    type: FormFieldType.URL,
    order: 10,
    required: true,
  })
  endpoint?: string;

  @FormField({
    label: 'Method',
    section: FormSectionKind.GENERAL,
    type: FormFieldType.SELECT,
    order: 20,
    required: true,
    defaultValue: 'SECRET',
    options: [
      { value: 'SECRET', label: 'Secret' },
      { value: 'NONE', label: 'None' },
    ],
  })
  authMethod?: string;

  @FormField({
    label: 'Secret',
    section: FormSectionKind.GENERAL,
    type: FormFieldType.SECRET,
    order: 30,
    visibleWhen: USES_SECRET,
    requiredWhen: USES_SECRET,
  })
  secret?: string;

  @FormField({
    label: 'Tenant',
    section: FormSectionKind.GENERAL,
    type: FormFieldType.TEXT,
    order: 40,
    validation: { format: FieldFormat.UUID },
  })
  tenant?: string;

  @FormField({
    label: 'Retries',
    section: FormSectionKind.ADDITIONAL_OPTIONS,
    type: FormFieldType.INTEGER,
    order: 10,
    validation: { min: 0, max: 5 },
  })
  retries?: number;

  @FormField({
    label: 'Hint',
    section: FormSectionKind.ADDITIONAL_OPTIONS,
    type: FormFieldType.TEXT,
    order: 20,
    visibleWhen: { field: 'secret', isSet: true },
    validation: { minLength: 2, maxLength: 10 },
  })
  hint?: string;

  @FormField({
    label: 'Headers',
    section: FormSectionKind.ADVANCED_OPTIONS,
    type: FormFieldType.KEY_VALUE_LIST,
    order: 10,
    validation: { maxItems: 2 },
  })
  headers?: { name: string; value: string }[];

  @FormField({
    label: 'Audit',
    section: FormSectionKind.ADVANCED_OPTIONS,
    type: FormFieldType.BOOLEAN,
    order: 20,
    optIn: true,
  })
  audit?: boolean;
}
