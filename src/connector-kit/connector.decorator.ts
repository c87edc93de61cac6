import { type ClassType, Directive, ObjectType } from 'type-graphql';
import { formFieldsOf } from '../forms/form.registry';
import { connectorDirectiveSdl } from '../forms/form-directives';
import { buildSettingsInputType } from '../forms/settings-input.factory';
import type { ConnectorDefinition, ConnectorOptions } from './connector.definition';

const definitions = new Map<Function, ConnectorDefinition>();

/**
 * Makes a settings class a connector: a GraphQL object type named after the class, a
 * generated `<Class>Input` type, and an entry the catalogue can list. Its fields come from
 * `@FormField` on the class and on the classes it extends.
 */
export function Connector(options: ConnectorOptions): (settingsClass: ClassType) => void {
  return (settingsClass) => {
    ObjectType(settingsClass.name, {
      description: `Settings of the ${options.name} connector. ${options.description}`,
    })(settingsClass);
    Directive(connectorDirectiveSdl(options.key, options.version))(settingsClass);
    const fields = formFieldsOf(settingsClass);
    definitions.set(settingsClass, {
      ...options,
      settingsClass,
      settingsInputClass: buildSettingsInputType(`${settingsClass.name}Input`, options, fields),
      fields,
    });
  };
}

export function connectorDefinitionOf(settingsClass: Function): ConnectorDefinition {
  const definition = definitions.get(settingsClass);
  if (!definition) throw new Error(`${settingsClass.name} is not decorated with @Connector`);
  return definition;
}
