import { InvalidCaseError } from './errors/invalid-case-error.js';
import { Rational } from './rational.js';

/** A JSON object read from a case. */
export type JsonObject = Readonly<Record<string, unknown>>;

/** Reads a case's JSON while remembering the path, so every error names the bad field. */
export class CaseReader {
  /** Dotted path of the value, e.g. `input.holdings[2].fin`. */
  readonly path: string;
  /** The raw value. */
  readonly value: unknown;

  constructor(value: unknown, path: string) {
    this.value = value;
    this.path = path;
  }

  /** True when the value is absent (undefined or null). */
  get isMissing(): boolean {
    return this.value === undefined || this.value === null;
  }

  /** True when the value is a JSON object. */
  get isObject(): boolean {
    return typeof this.value === 'object' && this.value !== null && !Array.isArray(this.value);
  }

  /** True when the value is an array. */
  get isArray(): boolean {
    return Array.isArray(this.value);
  }

  /** A child field; missing fields give a reader whose value is undefined. */
  field(name: string): CaseReader {
    const value = this.isObject ? (this.value as JsonObject)[name] : undefined;
    return new CaseReader(value, `${this.path}.${name}`);
  }

  /** The first present field among aliases, or the first alias when none is present. */
  fieldOf(...names: string[]): CaseReader {
    for (const name of names) {
      const child = this.field(name);
      if (!child.isMissing) return child;
    }
    return this.field(names[0] ?? '');
  }

  /** Fails with a message naming this field. */
  fail(problem: string): never {
    throw new InvalidCaseError(this.path, problem);
  }

  /** The value as an object's entries; throws when it is not an object. */
  entries(): [string, CaseReader][] {
    if (!this.isObject) this.fail(this.isMissing ? 'required object is missing' : 'expected an object');
    return Object.keys(this.value as JsonObject).map((k) => [k, this.field(k)]);
  }

  /** The value as array items; throws when it is not an array. */
  items(): CaseReader[] {
    if (!Array.isArray(this.value))
      this.fail(this.isMissing ? 'required array is missing' : 'expected an array');
    return (this.value as unknown[]).map((v, i) => new CaseReader(v, `${this.path}[${i}]`));
  }

  /** Array items, or none when the field is absent. */
  optionalItems(): CaseReader[] {
    return this.isMissing ? [] : this.items();
  }

  /** A required non-empty string. */
  string(): string {
    if (typeof this.value === 'string' && this.value.length > 0) return this.value;
    if (typeof this.value === 'number') return String(this.value);
    return this.fail(this.isMissing ? 'required string is missing' : 'expected a non-empty string');
  }

  /** A string, or undefined when absent. */
  optionalString(): string | undefined {
    return this.isMissing ? undefined : this.string();
  }

  /** A required finite number; numeric strings and "p/q" fractions are accepted. */
  number(): number {
    if (typeof this.value === 'number' && Number.isFinite(this.value)) return this.value;
    if (typeof this.value === 'string' && this.value.trim() !== '') {
      try {
        return Rational.parse(this.value).toNumber();
      } catch {
        return this.fail(`expected a number, got "${this.value}"`);
      }
    }
    return this.fail(this.isMissing ? 'required number is missing' : 'expected a finite number');
  }

  /** A number, or undefined when absent. */
  optionalNumber(): number | undefined {
    return this.isMissing ? undefined : this.number();
  }

  /** A boolean flag; absent is false, and "true"/1 count as true. */
  flag(): boolean {
    if (this.isMissing) return false;
    if (typeof this.value === 'boolean') return this.value;
    if (this.value === 1 || this.value === 'true') return true;
    if (this.value === 0 || this.value === 'false') return false;
    return this.fail('expected a boolean');
  }

  /** A required string from a fixed set. */
  oneOf<T extends string>(allowed: readonly T[]): T {
    const text = this.string();
    const match = allowed.find((a) => a.toLowerCase() === text.toLowerCase());
    if (match === undefined) this.fail(`expected one of ${allowed.join(', ')}, got "${text}"`);
    return match;
  }
}
