#!/usr/bin/env node
// The `warden` command: runs the TypeScript CLI through tsx so `npm ci` alone leaves it runnable.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
