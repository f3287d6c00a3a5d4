/** A progress bar on a stream: redrawn in place on a terminal, one line per update otherwise (logs, CI). */
export class ProgressBar {
  private readonly tty: boolean;
  private shown = '';

  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly width = 30,
  ) {
    this.tty = (stream as { isTTY?: boolean }).isTTY === true;
  }

  /** The bar text for a count, e.g. `[#########.....................]  30% 3/10`. */
  static render(current: number, total: number, width = 30): string {
    const ratio = total > 0 ? Math.max(0, Math.min(1, current / total)) : 0;
    const filled = Math.round(ratio * width);
    const pct = `${Math.round(ratio * 100)}%`.padStart(4);
    return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${pct} ${current}/${total}`;
  }

  /** Shows the bar at `current` of `total`. */
  update(current: number, total: number): void {
    const line = ProgressBar.render(current, total, this.width);
    if (line === this.shown) return;
    this.shown = line;
    this.stream.write(this.tty ? `\r\x1b[2K${line}` : `${line}\n`);
  }

  /** Runs `print` with the bar out of the way, so a message never lands in the middle of it. */
  around(print: () => void): void {
    if (!this.tty || this.shown === '') {
      print();
      return;
    }
    this.stream.write('\r\x1b[2K');
    print();
    this.stream.write(this.shown);
  }

  /** Removes the bar from a terminal (a log keeps its lines). */
  done(): void {
    if (this.tty && this.shown !== '') this.stream.write('\r\x1b[2K');
    this.shown = '';
  }
}
