// A tiny in-memory file system for the console session, so lessons can write the JSON plans that
// kafka-reassign-partitions.sh and kafka-leader-election.sh read: `cat > plan.json <<EOF ... EOF`.

export class VirtualFiles {
  private files = new Map<string, string>();

  private norm(path: string): string {
    return path.replace(/^\.\//, '').replace(/^\/tmp\//, '/tmp/');
  }

  read(path: string): string | null {
    return this.files.get(this.norm(path)) ?? null;
  }

  write(path: string, text: string): void {
    this.files.set(this.norm(path), text);
  }

  list(): string[] {
    return [...this.files.keys()].sort();
  }

  clear(): void {
    this.files.clear();
  }
}
