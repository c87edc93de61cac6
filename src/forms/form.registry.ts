import type { FormFieldDefinition } from './form-field.definition';

/**
 * Form fields by the class that declared them. Kept apart from type-graphql's own metadata so
 * that forms, validation and encryption work without building a GraphQL schema.
 */
const fieldsByClass = new Map<Function, FormFieldDefinition[]>();

export function registerFormField(owner: Function, field: FormFieldDefinition): void {
  const fields = fieldsByClass.get(owner) ?? [];
  if (fields.some((existing) => existing.name === field.name)) {
    throw new Error(`${owner.name}.${field.name} is declared as a form field twice`);
  }
  fieldsByClass.set(owner, [...fields, field]);
}

/**
 * The form fields of a settings class, including those it inherits (such as the relay
 * picker), ancestors first; a subclass may redeclare an inherited field to change it.
 */
export function formFieldsOf(settingsClass: Function): FormFieldDefinition[] {
  const lineage: Function[] = [];
  for (let cls = settingsClass; cls && cls !== Function.prototype; cls = Object.getPrototypeOf(cls)) {
    lineage.unshift(cls);
  }
  const byName = new Map<string, FormFieldDefinition>();
  for (const cls of lineage) for (const field of fieldsByClass.get(cls) ?? []) byName.set(field.name, field);
  return [...byName.values()];
}
