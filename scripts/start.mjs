#!/usr/bin/env node
// `npm start`: see scripts/storefront.mjs.
import { runStorefront } from './storefront.mjs';

await runStorefront();
