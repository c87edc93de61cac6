import { Field, ObjectType } from 'type-graphql';
import { InheritsCacheHint } from '../cache-control';

@InheritsCacheHint()
@ObjectType({
  simpleResolvers: true,
  description:
    "A connector's consent flow (OAuth 2.0 authorization code with PKCE): a form shows a Connect button when `field` holds `option`.",
})
export class OAuthFlowInfo {
  @Field({ description: 'The SELECT field whose value chooses the flow, such as `authMethod`.' })
  field!: string;

  @Field({ description: 'The option of that field that chooses it, such as `AUTHORIZATION_CODE`.' })
  option!: string;

  @Field({ description: 'Who the user signs in with, for a "Connect with …" button.' })
  providerName!: string;
}
