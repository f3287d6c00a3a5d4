/** Positional arguments and `--name value` / `--name=value` options of a command line. */
export interface ParsedArgs {
  /** Arguments that are not options, in order. */
  readonly positional: string[];
  /** Options by name (without the dashes). */
  readonly options: Map<string, string | true>;
}

/** Splits command-line arguments into positionals and options; a bare `--flag` is `true`. */
export function parseArgs(args: readonly string[], valued: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    if (eq > 0) {
      options.set(arg.slice(2, eq), arg.slice(eq + 1));
      continue;
    }
    const name = arg.slice(2);
    const next = args[i + 1];
    if (valued.includes(name) && next !== undefined) {
      options.set(name, next);
      i++;
    } else options.set(name, true);
  }
  return { positional, options };
}

/** The string value of an option, or undefined (a bare flag has no value). */
export function optionValue(parsed: ParsedArgs, name: string): string | undefined {
  const value = parsed.options.get(name);
  return typeof value === 'string' ? value : undefined;
}
