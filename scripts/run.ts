// Runs a child process with the project's own Node first on PATH, and resolves with its exit code.
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname } from 'node:path';

export function withProjectNode(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const path = `${dirname(process.execPath)}:${process.cwd()}/node_modules/.bin:${env.PATH ?? ''}`;
  return { ...env, PATH: path };
}

export function run(command: string, args: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; done: Promise<number> } {
  const child = spawn(command, args, { stdio: 'inherit', env: withProjectNode(env) });
  const done = new Promise<number>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
  return { child, done };
}
