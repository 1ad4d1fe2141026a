import { handle } from './handler.ts';
Deno.serve((req) => handle(req, (n) => Deno.env.get(n)));
