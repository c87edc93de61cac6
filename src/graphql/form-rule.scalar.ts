import { GraphQLError, GraphQLScalarType, Kind, type ValueNode, valueFromASTUntyped } from 'graphql';
import { type FormRule, ruleProblems } from '../forms/form-rule';

function parseRule(value: unknown): FormRule {
  const problems = ruleProblems(value);
  if (problems.length) throw new GraphQLError(`Not a form rule: ${problems.join('; ')}`);
  return value as FormRule;
}

export const FormRuleScalar = new GraphQLScalarType<FormRule, FormRule>({
  name: 'FormRule',
  description: [
    'A condition on other fields of the same form, as JSON. Clients evaluate it as values change; the server evaluates the same rule when saving and testing.',
    'Leaves: {"field": F, "equals": V}, {"field": F, "notEquals": V}, {"field": F, "in": [V, …]}, {"field": F, "isSet": true|false}.',
    'Combinators: {"all": [rule, …]}, {"any": [rule, …]}, {"not": rule}.',
    'An empty field counts as its default value; a hidden field counts as unset, so rules cascade. See docs/catalogue-model.md, Rule format.',
  ].join(' '),
  serialize: (value) => value as FormRule,
  parseValue: parseRule,
  parseLiteral: (ast: ValueNode) => {
    if (ast.kind !== Kind.OBJECT) throw new GraphQLError('A form rule is an object');
    return parseRule(valueFromASTUntyped(ast));
  },
});
