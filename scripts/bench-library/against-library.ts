/**
 * The library `--against DIR` compares with: `npm run bench:library -- --against DIR` bundles DIR's
 * lib/library in its place (scripts/bench-library.ts aliases this file), so one page searches with both
 * trees' code on the same database, query by query. Without the flag it is this tree's own.
 */
export { Library } from '../../lib/library';
