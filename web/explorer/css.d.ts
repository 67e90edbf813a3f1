// esbuild bundles imported CSS into graphiql.css.
declare module '*.css';
