import type { FormOverlay } from '../forms/form-overlay';

/**
 * An integration: a workflow that uses some connectors, and how it changes each one's form.
 * Every connector it uses has an entry, with an empty overlay when the form is used as is.
 */
export interface IntegrationDefinition {
  /** Stable, kebab-case; part of the public contract. */
  key: string;
  name: string;
  description: string;
  connectors: Readonly<Record<string, FormOverlay>>;
}
