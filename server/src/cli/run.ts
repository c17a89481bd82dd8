import { main } from './main';

main(process.argv.slice(2), { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) }).then(
  (code) => (process.exitCode = code),
  (error) => {
    process.stderr.write(`pchat-topology: internal error: ${(error as Error).stack ?? error}\n`);
    process.exitCode = 2;
  },
);
