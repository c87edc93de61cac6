import { registerEnumType } from 'type-graphql';

/** The stages a connection test moves through; results report each one. */
export enum TestStepKind {
  RESOLVE = 'RESOLVE',
  CONNECT = 'CONNECT',
  TLS = 'TLS',
  AUTHENTICATE = 'AUTHENTICATE',
  AUTHORIZE = 'AUTHORIZE',
}

registerEnumType(TestStepKind, {
  name: 'TestStepKind',
  description: 'A stage of a connection test, in the order they run.',
  valuesConfig: {
    RESOLVE: { description: 'Resolve the host name and check the address may be reached.' },
    CONNECT: { description: 'Open the network connection.' },
    TLS: { description: "Negotiate TLS and verify the server's certificate." },
    AUTHENTICATE: { description: 'Sign in with the credentials given.' },
    AUTHORIZE: { description: 'Probe one call that needs the permissions the integration uses.' },
  },
});
