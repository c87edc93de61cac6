// graphql-js reads NODE_ENV once, when it is first loaded, and runs costly development-only
// checks unless it is "production". Import this module before anything that loads graphql.
process.env.NODE_ENV ??= 'production';
