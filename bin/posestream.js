#!/usr/bin/env node
// The posestream command. Runs the compiled CLI from dist/; in a source checkout without a build it runs the
// TypeScript sources through tsx (a devDependency).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
let main;
if (existsSync(built)) {
  main = (await import(pathToFileURL(built).href)).main;
} else {
  const { register } = await import('tsx/esm/api');
  register();
  main = (await import(new URL('../src/cli/main.ts', import.meta.url).href)).main;
}
process.exitCode = await main(process.argv.slice(2));
