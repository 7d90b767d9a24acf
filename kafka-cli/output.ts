// What one console command produced. Lines are joined with '\n'; a command that printed nothing
// has empty strings. exitCode 0 = success, as a shell would see it.

export type CommandOutput = { stdout: string; stderr: string; exitCode: number };

/** Accumulates a command's output; `fail` marks a non-zero exit and writes to stderr. */
export class Output {
  private out: string[] = [];
  private err: string[] = [];
  code = 0;

  /** Append text to stdout exactly as given (no newline added). */
  write(text: string): this {
    this.out.push(text);
    return this;
  }

  /** Append a line to stdout. */
  line(text = ''): this {
    this.out.push(`${text}\n`);
    return this;
  }

  /** Append a line to stderr without changing the exit code (warnings, summaries). */
  warn(text: string): this {
    this.err.push(`${text}\n`);
    return this;
  }

  /** Append an error line to stderr and make the exit code non-zero. */
  fail(text: string, code = 1): this {
    this.err.push(`${text}\n`);
    this.code = code;
    return this;
  }

  result(): CommandOutput {
    return {
      stdout: trimOneNewline(this.out.join('')),
      stderr: trimOneNewline(this.err.join('')),
      exitCode: this.code,
    };
  }
}

// The console shows lines; the final newline of a command's output is implied.
function trimOneNewline(s: string): string {
  return s.endsWith('\n') ? s.slice(0, -1) : s;
}

export function errorResult(message: string, exitCode = 1): CommandOutput {
  return { stdout: '', stderr: message, exitCode };
}
