#!/usr/bin/env node
// The `keskio` command. The sources are TypeScript run through tsx's loader, so a checkout works right
// after `npm ci` with no build step (docs/adr/0001-stack.md).
import { register } from "tsx/esm/api";

register();
const { runCli } = await import("../src/cli/main.ts");
const code = await runCli(process.argv);
// A command may have set a non-zero exit code itself (e.g. `pb verify` on a mismatch) and still returned.
process.exitCode = code !== 0 ? code : (process.exitCode ?? 0);
