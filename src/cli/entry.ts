import type { CliIo } from './command.js';
import { main } from './main.js';

const io: CliIo = {
  out: (t) => process.stdout.write(`${t}\n`),
  write: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(`${t}\n`),
  env: process.env,
};

// `execwatch events … | head`: a reader that stops early is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const code = await main(process.argv.slice(2), io);
process.exitCode = code;
// Exit through the event loop so stdout drains; a client library's idle socket must not keep
// a finished command alive, hence the unref'd backstop.
setTimeout(() => process.exit(code), 2000).unref();
