import { Connector } from '../../src/connector-kit/connector.decorator';
import { RelayReachableSettings } from '../../src/connector-kit/relay-reachable.settings';
import { TestStepKind } from '../../src/connector-kit/test-step';
import { FormSectionKind as Section, FormFieldType as Type } from '../../src/forms/form.enums';
import { FormField } from '../../src/forms/form-field.decorator';

/**
 * A test-only connector with one field of every FormFieldType, so that the browser suite sees a
 * control for each type even where the shipped catalogue uses none (TEXTAREA, NUMBER, JSON
 * today). It is rendered and saved, never tested: its connection test only checks that it was
 * given its required values, which the runner has already done.
 */
@Connector({
  key: 'every-field-type',
  name: 'Every field type',
  description: 'A connector for tests, with one field of every type.',
  category: 'http',
  version: 1,
  connectionTest: { steps: [TestStepKind.CONNECT], timeoutMs: 5000, run: async () => {} },
})
export class EveryFieldTypeSettings extends RelayReachableSettings {
  @FormField({
    label: 'Service URL',
    section: Section.GENERAL,
    type: Type.URL,
    order: 10,
    required: true,
    validation: { protocols: ['https'] },
    placeholder: 'https://service.example.com',
  })
  serviceUrl?: string;

  @FormField({
    label: 'Contact address',
    section: Section.GENERAL,
    type: Type.EMAIL,
    order: 20,
    helpText: 'Who to tell when it breaks.',
  })
  contactAddress?: string;

  @FormField({ label: 'Host name', section: Section.GENERAL, type: Type.HOSTNAME, order: 30 })
  hostName?: string;

  @FormField({ label: 'Access token', section: Section.GENERAL, type: Type.SECRET, order: 40, required: true })
  accessToken?: string;

  @FormField({
    label: 'Account label',
    section: Section.GENERAL,
    type: Type.TEXT,
    order: 50,
    validation: { minLength: 2, maxLength: 40 },
  })
  accountLabel?: string;

  @FormField({
    label: 'Notes',
    section: Section.ADDITIONAL_OPTIONS,
    type: Type.TEXTAREA,
    order: 10,
    validation: { maxLength: 200 },
  })
  notes?: string;

  @FormField({
    label: 'Sampling ratio',
    section: Section.ADDITIONAL_OPTIONS,
    type: Type.NUMBER,
    order: 20,
    validation: { min: 0, max: 1 },
  })
  samplingRatio?: number;

  @FormField({
    label: 'Retries',
    section: Section.ADDITIONAL_OPTIONS,
    type: Type.INTEGER,
    order: 30,
    defaultValue: 2,
    validation: { min: 0, max: 5 },
  })
  retries?: number;

  @FormField({ label: 'Verbose logging', section: Section.ADDITIONAL_OPTIONS, type: Type.BOOLEAN, order: 40 })
  verboseLogging?: boolean;

  @FormField({
    label: 'Permissions',
    section: Section.ADDITIONAL_OPTIONS,
    type: Type.MULTISELECT,
    order: 50,
    options: [
      { value: 'READ', label: 'Read' },
      { value: 'WRITE', label: 'Write' },
      { value: 'ADMIN', label: 'Administer', description: 'Rarely needed.' },
    ],
  })
  permissions?: string[];

  @FormField({
    label: 'Region',
    section: Section.ADDITIONAL_OPTIONS,
    type: Type.SELECT,
    order: 60,
    defaultValue: 'EU',
    options: [
      { value: 'EU', label: 'Europe' },
      { value: 'US', label: 'United States' },
    ],
  })
  region?: string;

  @FormField({ label: 'CA bundle', section: Section.ADVANCED_OPTIONS, type: Type.CERTIFICATE, order: 10 })
  caBundle?: string;

  @FormField({ label: 'Signing key', section: Section.ADVANCED_OPTIONS, type: Type.PRIVATE_KEY, order: 20 })
  signingKey?: string;

  @FormField({ label: 'Extra settings', section: Section.ADVANCED_OPTIONS, type: Type.JSON, order: 30 })
  extraSettings?: Record<string, unknown>;

  @FormField({
    label: 'Custom headers',
    section: Section.ADVANCED_OPTIONS,
    type: Type.KEY_VALUE_LIST,
    order: 40,
    validation: { maxItems: 3 },
  })
  customHeaders?: { name: string; value: string }[];
}
