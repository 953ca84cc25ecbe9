// Preloaded into each tsc run: prints the process's own CPU time (user + system) as it exits. CPU time
// barely moves when other work shares the machine, where wall-clock time does.
process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  process.stderr.write(`CPU seconds: ${((user + system) / 1e6).toFixed(3)}\n`);
});
