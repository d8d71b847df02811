/** The variables the Dockerfile's last stage (the runtime image) sets with ENV. */
export function runtimeImageEnv(dockerfile: string): Record<string, string> {
  const instructions = dockerfile
    .replace(/\\\r?\n/g, ' ') // continuation lines join their instruction
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const lastStage = instructions.findLastIndex((line) => /^FROM\s/i.test(line));
  const env: Record<string, string> = {};
  for (const line of instructions.slice(lastStage + 1)) {
    const match = /^ENV\s+(.*)$/i.exec(line);
    if (!match) continue;
    for (const pair of match[1]!.trim().split(/\s+/)) {
      const [name, ...value] = pair.split('=');
      if (!name || value.length === 0) throw new Error(`ENV ${pair}: only the NAME=value form is supported`);
      env[name] = value.join('=');
    }
  }
  return env;
}
