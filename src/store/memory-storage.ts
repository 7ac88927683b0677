// For the store's tests: a localStorage in memory that counts its writes.
export class MemoryStorage {
  items = new Map<string, string>();
  writes = 0;
  getItem(k: string): string | null {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    this.writes++;
    this.items.set(k, v);
  }
  removeItem(k: string): void {
    this.items.delete(k);
  }
}
