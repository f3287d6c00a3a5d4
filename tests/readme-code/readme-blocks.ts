import { readFileSync } from 'node:fs';

/** One ```ts block of a README, with what its `<!-- doc-test: … -->` comment asks. */
export interface ReadmeBlock {
  /** The README it comes from, relative to the repository root. */
  readme: string;
  /** Line of the opening fence (1-based). */
  line: number;
  /** The block's code. */
  code: string;
  /** Run it after type-checking (`run`). */
  run: boolean;
  /** Type-check it after the previous block of the same README, sharing its names (`continues`). */
  continues: boolean;
  /** File name other blocks import it by (`file=NAME.ts`). */
  file: string | undefined;
}

const DIRECTIVE = /^<!--\s*doc-test:\s*(.*?)\s*-->$/;

/**
 * Every ```ts block of a README. A `<!-- doc-test: run continues file=x.ts -->` comment on the
 * line before the fence (invisible once rendered) says how the block is tested.
 */
export function readmeBlocks(root: string, readme: string): ReadmeBlock[] {
  const lines = readFileSync(`${root}/${readme}`, 'utf8').split('\n');
  const blocks: ReadmeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]?.trim() !== '```ts') continue;
    const directive = DIRECTIVE.exec(lines[i - 1]?.trim() ?? '')?.[1] ?? '';
    const words = directive.split(/\s+/).filter(Boolean);
    const end = lines.findIndex((l, j) => j > i && l.trim() === '```');
    if (end < 0) throw new Error(`${readme}:${i + 1}: unclosed code block`);
    blocks.push({
      readme,
      line: i + 1,
      code: lines.slice(i + 1, end).join('\n'),
      run: words.includes('run'),
      continues: words.includes('continues'),
      file: words.find((w) => w.startsWith('file='))?.slice('file='.length),
    });
    i = end;
  }
  return blocks;
}

/** The file each block is written to, and its source (a continuing block carries the code before it). */
export function blockFiles(
  blocks: readonly ReadmeBlock[],
): Array<{ block: ReadmeBlock; name: string; source: string }> {
  const files: Array<{ block: ReadmeBlock; name: string; source: string }> = [];
  blocks.forEach((block, index) => {
    const previous = files[files.length - 1];
    const before = block.continues && previous ? `${previous.source}\n` : '';
    if (block.continues && !previous) throw new Error(`${block.readme}:${block.line}: nothing to continue`);
    const name = block.file ?? `block-${index + 1}-line-${block.line}.ts`;
    files.push({ block, name, source: `${before}${block.code}\n` });
  });
  return files;
}
