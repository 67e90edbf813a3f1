/** compromise-numbers ships types its package.json "exports" does not point at. */
declare module 'compromise-numbers' {
  import type { Plugin } from 'compromise';
  const plugin: Plugin;
  export default plugin;
}
