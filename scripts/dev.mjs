#!/usr/bin/env node
// `npm run dev`: the API server restarted on change (tsx watch) and Vite's dev server with hot reload,
// which proxies /api to the server. Open the address Vite prints (http://localhost:5173).
import { spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules/.bin", name);
const children = [
  spawn(bin("tsx"), ["watch", "--clear-screen=false", "bin/keskio.mjs", "serve"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, PORT: process.env.PORT ?? "3000", HOST: process.env.HOST ?? "127.0.0.1" },
  }),
  spawn(bin("vite"), [], { cwd: root, stdio: "inherit" }),
];
const stop = () => {
  for (const child of children) child.kill("SIGTERM");
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
for (const child of children) child.on("exit", stop);
